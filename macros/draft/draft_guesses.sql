{#- Shapes the draft models (models/intermediate/documents/int_document_draft_*.sql) repeat: a number
    mention is keyed by (source_id, paragraph_number, mention_start). -#}

{#- The join condition of two relations on the same number mention. -#}
{% macro draft_same_mention(left, right) -%}
    {{ left }}.source_id = {{ right }}.source_id
            and {{ left }}.paragraph_number = {{ right }}.paragraph_number
            and {{ left }}.mention_start = {{ right }}.mention_start
{%- endmacro %}

{#- The first row of each number mention of `relation` in the order of `order_by`: the guess among
    its candidates (guess_rank is 1). -#}
{% macro draft_first_per_mention(relation, order_by) -%}
    select *
    from (
        select
            *,
            row_number() over (
                partition by source_id, paragraph_number, mention_start
                order by {{ order_by }}
            ) as guess_rank
        from {{ relation }}
    ) as ranked
    where guess_rank = 1
{%- endmacro %}

{#- The aliases (int_entity_aliases) written in the sentence of each number of `sentences`
    (int_document_draft_sentences): the distance of the nearest before it (counted back from the
    number) and after it, NULL where it is not on that side. An alias of `common_nouns` (source_id,
    alias: one the document also writes as a common noun, with a lowercase first letter) is matched
    only where written as the alias is, with its capitals. -#}
{% macro draft_alias_candidates(sentences, aliases, common_nouns) -%}
{%- set as_written = common_nouns ~ '.alias is not null' %}
{%- set cased_before = 'substring(' ~ sentences ~ '.paragraph_text, ' ~ sentences ~ '.sentence_start, '
    ~ sentences ~ '.mention_start - ' ~ sentences ~ '.sentence_start)' %}
{%- set cased_after = 'substring(' ~ sentences ~ '.paragraph_text, ' ~ sentences ~ '.mention_end, '
    ~ sentences ~ '.sentence_end - ' ~ sentences ~ '.mention_end)' %}
    select
        {{ sentences }}.source_id,
        {{ sentences }}.mention_start,
        {{ sentences }}.paragraph_number,
        {{ aliases }}.alias,
        {{ aliases }}.entity_id,
        case
            when {{ as_written }}
                then nullif({{ dbt.position('reverse(' ~ aliases ~ '.alias)', 'reverse(' ~ cased_before ~ ')') }}, 0)
            else {{ draft_distance_before(sentences, aliases ~ '.alias') }}
        end as before_distance,
        case
            when {{ as_written }}
                then nullif({{ dbt.position(aliases ~ '.alias', cased_after) }}, 0)
            else {{ draft_distance_after(sentences, aliases ~ '.alias') }}
        end as after_distance
    from {{ sentences }}
    inner join {{ aliases }}
        on {{ dbt.position('lower(' ~ aliases ~ '.alias)', 'lower(' ~ sentences ~ '.quote)') }} > 0
    left join {{ common_nouns }}
        on {{ sentences }}.source_id = {{ common_nouns }}.source_id
            and {{ aliases }}.alias = {{ common_nouns }}.alias
    where not {{ as_written }}
        or {{ dbt.position(aliases ~ '.alias', sentences ~ '.quote') }} > 0
{%- endmacro %}

{#- Where a word is in a number's sentence: its distance from the number before it (counted back
    from the number), NULL when it is not before it. -#}
{% macro draft_distance_before(sentences, word) -%}
    nullif({{ dbt.position('reverse(lower(' ~ word ~ '))', 'reverse(' ~ sentences ~ '.text_before)') }}, 0)
{%- endmacro %}

{#- Its distance after the number, NULL when it is not after it. -#}
{% macro draft_distance_after(sentences, word) -%}
    nullif({{ dbt.position('lower(' ~ word ~ ')', sentences ~ '.text_after') }}, 0)
{%- endmacro %}

{#- The order in which the nearest alias is the guess: one before the number first, then the
    nearest, then the longest. -#}
{% macro draft_nearest_alias_order() -%}
    case when before_distance is not null then 0 else 1 end, coalesce(before_distance, after_distance), {{ dbt.length('alias') }} desc, alias
{%- endmacro %}
