{#- The signal-word and name-word matching of int_document_draft_metrics, kept here so the model
    stays under sqlfluff's per-file size limit; the arguments are the model's CTE names. -#}

{#- Each number of `sentences` (draft_neighbour_gaps' columns) with the words of its sentence
    (quote_words) and of its clause (clause_words), lowercased, between single spaces: the clause is
    the text before the number back to a comma or semicolon, and after it up to one, each side cut
    at an "and" that ends the clause before or after the numbers beside it (draft_neighbour_gaps);
    and the noun phrase after the noun right after it (noun_phrase_after, draft_neighbour_gaps). -#}
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
        '[^a-z0-9&]+', ' ') }}) || ' ' as clause_words,
    noun_phrase_after
from {{ sentences }}
{%- endmacro %}

{#- Each word of a metric's name (`name_word_forms`: metric_id, word, form_text) that the sentence of a
    number of `sentence_words` (draft_clause_words) holds in one of its forms, with is_in_clause (1
    when the number's clause holds it, else 0) and is_in_noun_phrase (1 when its noun_phrase_after
    does). -#}
{% macro draft_name_word_hits(sentence_words, name_word_forms) -%}
select
    {{ sentence_words }}.source_id,
    {{ sentence_words }}.paragraph_number,
    {{ sentence_words }}.mention_start,
    {{ name_word_forms }}.metric_id,
    {{ name_word_forms }}.word,
    max(case when {{ dbt.position(name_word_forms ~ '.form_text', sentence_words ~ '.clause_words') }} > 0 then 1 else 0 end)
        as is_in_clause,
    max(case when {{ dbt.position(name_word_forms ~ '.form_text', sentence_words ~ '.noun_phrase_after') }} > 0 then 1 else 0 end)
        as is_in_noun_phrase
from {{ sentence_words }}
inner join {{ name_word_forms }}
    on {{ dbt.position(name_word_forms ~ '.form_text', sentence_words ~ '.quote_words') }} > 0
group by
    {{ sentence_words }}.source_id, {{ sentence_words }}.paragraph_number, {{ sentence_words }}.mention_start,
    {{ name_word_forms }}.metric_id, {{ name_word_forms }}.word
{%- endmacro %}


{#- Each number of `sentences` (draft_neighbour_gaps' columns) with where a clause break of
    `context_words` (class clause_break: "before closing") is around it in its sentence: how far back
    the far end of the nearest before it is (break_before_end, counted as draft_distance_before), and
    where the nearest after it begins (break_after, as draft_distance_after); NULL when none. -#}
{% macro draft_clause_breaks(sentences, context_words) -%}
select
    {{ sentences }}.*,
    clause_breaks.break_before_end,
    clause_breaks.break_after
from {{ sentences }}
left join (
    select
        {{ sentences }}.source_id,
        {{ sentences }}.paragraph_number,
        {{ sentences }}.mention_start,
        min(nullif({{ dbt.position('reverse(context_words.word)', 'reverse(' ~ sentences ~ '.text_before)') }}, 0)
            + {{ dbt.length('context_words.word') }}) as break_before_end,
        min(nullif({{ dbt.position('context_words.word', sentences ~ '.text_after') }}, 0)) as break_after
    from {{ sentences }}
    inner join {{ context_words }} as context_words
        on context_words.word_class = 'clause_break'
            and {{ dbt.position('context_words.word', 'lower(' ~ sentences ~ '.quote)') }} > 0
    group by {{ sentences }}.source_id, {{ sentences }}.paragraph_number, {{ sentences }}.mention_start
) as clause_breaks
    on {{ draft_same_mention(sentences, 'clause_breaks') }}
{%- endmacro %}

{#- The signal words of `metric_words` (word, metric_id, needs_direction, is_generic, is_long_name) in the sentence
    of each number of `sentences` (draft_neighbour_gaps' columns) whose metric is one of the number's
    unit (`mention_metrics`), a signed change only when the number has a direction word (`subjects`,
    direction_word): with the word's distance from the number (0 in it, else before it, or after it
    in its clause; 100000 when neither), is_in_clause (in the number, before it with no comma or
    semicolon between, or after it in its clause: a clause ends at a comma, a semicolon, or an "and"
    before another number), is_in_noun_phrase (in noun_phrase_after) and is_direction_word (the word
    is the number's direction word: "raised" of "The board raised the quarterly dividend"). A word
    on the other side of a clause break (break_before_end, break_after: "before closing") counts for
    none of them, a word after the number before a break counts in its clause past a comma (the
    clause breaks of `context_words`, draft_clause_breaks). -#}
{% macro draft_signal_candidates(sentences, metric_words, mention_metrics, subjects, context_words) -%}
{%- set distance_before = draft_distance_before('sentences', 'metric_words.word') %}
{%- set distance_after = draft_distance_after('sentences', 'metric_words.word') %}
{%- set in_number = dbt.position('lower(metric_words.word)', 'lower(sentences.mention_as_written)') ~ ' > 0' %}
{%- set before_break = distance_after ~ " < sentences.break_after" %}
{%- set clause_after = "(" ~ before_break ~ " or not " ~ regex_matches("substring(sentences.text_after, 1, " ~ distance_after ~ ")", '[,;]')
    ~ ") and " ~ distance_after ~ " < least(coalesce(sentences.and_after, 100000), coalesce(sentences.break_after, 100000))" %}
{%- set on_side_before = distance_before ~ " + " ~ dbt.length('metric_words.word') ~ " <= coalesce(sentences.break_before_end, 100000)" %}
{%- set clause_before = "not " ~ regex_matches("substring(sentences.text_before, " ~ dbt.length('sentences.text_before') ~ " - " ~ distance_before ~ " + 2)", '[,;]')
    ~ " and " ~ distance_before ~ " < coalesce(sentences.and_before, 100000)" %}
select
    sentences.source_id,
    sentences.paragraph_number,
    sentences.mention_start,
    metric_words.word,
    metric_words.is_generic,
    metric_words.is_long_name,
    mention_metrics.metric_id,
    mention_metrics.is_signed_change,
    mention_metrics.unit_rank,
    mention_metrics.level_rank,
    mention_metrics.per_rank,
    mention_metrics.fit_rank,
    least(
        case when {{ in_number }} then 0 end,
        coalesce(case when {{ on_side_before }} then {{ distance_before }} end, 100000),
        coalesce(case when {{ clause_after }} then {{ distance_after }} end, 100000)
    ) as distance,
    -- the word is in the number's clause (in it, before it with no comma or semicolon between, or
    -- after it in the clause)
    coalesce({{ in_number }} or ({{ clause_before }} and {{ on_side_before }}) or {{ clause_after }}, false) as is_in_clause,
    {{ dbt.position("' ' || metric_words.word || ' '", 'sentences.noun_phrase_after') }} > 0 as is_in_noun_phrase,
    -- the word is the number's direction word ("The board raised the dividend"): a verb, not its metric
    coalesce(lower(metric_words.word) = lower(subjects.direction_word), false) as is_direction_word
from ({{ draft_clause_breaks(sentences, context_words) | indent(4) }}) as sentences
inner join {{ metric_words }} as metric_words
    on {{ dbt.position('lower(metric_words.word)', 'lower(sentences.quote)') }} > 0
inner join {{ mention_metrics }} as mention_metrics
    on {{ draft_same_mention('sentences', 'mention_metrics') }}
        and metric_words.metric_id = mention_metrics.metric_id
left join {{ subjects }} as subjects
    on {{ draft_same_mention('sentences', 'subjects') }}
where not metric_words.needs_direction
    or subjects.direction_word is not null
{%- endmacro %}


{#- The candidates of a number's first metric guess, one row per number and metric, with the ranks
    int_document_draft_metrics orders them by: each signal word of `signal_candidates`
    (draft_signal_candidates' columns) found in the number's sentence (basis_rank 0), and each metric
    of `name_matches` (the model's name_word_matches: the metrics of the number's unit with enough
    words of their name near it; basis_rank 1, metric_word NULL). -#}
{% macro draft_ranked_metric_candidates(signal_candidates, name_matches) -%}
select
    source_id,
    paragraph_number,
    mention_start,
    word as metric_word,
    metric_id,
    is_signed_change,
    unit_rank,
    level_rank,
    per_rank,
    fit_rank,
    case when is_generic or is_direction_word then 1 else 0 end as generic_rank,
    case when is_in_noun_phrase then 0 else 1 end as noun_phrase_rank,
    0 as basis_rank,
    case when is_in_clause then 0 else 1 end as clause_rank,
    distance,
    {{ dbt.length('word') }} as word_length,
    is_long_name,
    0 as clause_word_count,
    0 as matched_word_count,
    0.0 as matched_share,
    '' as matched_words
from {{ signal_candidates }}
where distance < 100000
union all
select
    source_id,
    paragraph_number,
    mention_start,
    cast(null as string) as metric_word,
    metric_id,
    is_signed_change,
    unit_rank,
    level_rank,
    per_rank,
    fit_rank,
    0 as generic_rank,
    -- two words of its name at least in the noun phrase ("a 6.1% drop in first-half net profit" does
    -- not name "First day share price change")
    case when noun_phrase_word_count >= 2 then 0 else 1 end as noun_phrase_rank,
    1 as basis_rank,
    case when clause_word_count >= name_word_count then 0 else 1 end as clause_rank,
    0 as distance,
    0 as word_length,
    false as is_long_name,
    clause_word_count,
    matched_word_count,
    1.0 * matched_word_count / name_word_count as matched_share,
    matched_words
from {{ name_matches }}
{%- endmacro %}
