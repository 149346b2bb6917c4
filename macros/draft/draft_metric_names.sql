{#- The name-word matching of int_document_draft_metrics, kept here so the model stays under
    sqlfluff's per-file size limit; the arguments are the model's CTE names. -#}

{#- Each number of `sentences` (draft_neighbour_gaps' columns) with the words of its sentence
    (quote_words) and of its clause (clause_words), lowercased, between single spaces: the clause is
    the text before the number back to a comma or semicolon, and after it up to one, each side cut
    at an "and" that ends the clause before or after the numbers beside it (draft_neighbour_gaps). -#}
{% macro draft_clause_words(sentences) -%}
{%- set before_clause = regex_group('text_before', '([^,;]*)$', 1) %}
{%- set after_clause = regex_group('text_after', '^([^,;]*)', 1) %}
{%- set clause_text_before %}case when {{ regex_matches('gap_before', ' and [^,;]*$') }}
        then {{ regex_group(before_clause, '^.* and (.*)$', 1) }} else {{ before_clause }} end{% endset %}
{%- set clause_text_after %}case when {{ regex_matches('gap_after', '^[^,;]* and ') }}
        then {{ regex_group(after_clause, '^(.*?) and ', 1) }} else {{ after_clause }} end{% endset %}
select
    source_id,
    paragraph_number,
    mention_start,
    ' ' || trim({{ regex_replace_all('lower(quote)', '[^a-z0-9&]+', ' ') }}) || ' ' as quote_words,
    ' ' || trim({{ regex_replace_all(
        '(' ~ clause_text_before ~ ") || ' ' || lower(mention_as_written) || ' ' || (" ~ clause_text_after ~ ')',
        '[^a-z0-9&]+', ' ') }}) || ' ' as clause_words
from {{ sentences }}
{%- endmacro %}

{#- Each word of a metric's name (`name_word_forms`: metric_id, word, form_text) that the sentence of a
    number of `sentence_words` (draft_clause_words) holds in one of its forms, with is_in_clause (1
    when the number's clause holds it, else 0). -#}
{% macro draft_name_word_hits(sentence_words, name_word_forms) -%}
select
    {{ sentence_words }}.source_id,
    {{ sentence_words }}.paragraph_number,
    {{ sentence_words }}.mention_start,
    {{ name_word_forms }}.metric_id,
    {{ name_word_forms }}.word,
    max(case when {{ dbt.position(name_word_forms ~ '.form_text', sentence_words ~ '.clause_words') }} > 0 then 1 else 0 end)
        as is_in_clause
from {{ sentence_words }}
inner join {{ name_word_forms }}
    on {{ dbt.position(name_word_forms ~ '.form_text', sentence_words ~ '.quote_words') }} > 0
group by
    {{ sentence_words }}.source_id, {{ sentence_words }}.paragraph_number, {{ sentence_words }}.mention_start,
    {{ name_word_forms }}.metric_id, {{ name_word_forms }}.word
{%- endmacro %}
