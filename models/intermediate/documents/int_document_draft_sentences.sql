{#- The sentence of each number of a document that nothing accounts for yet (int_document_mentions),
    for python -m pipeline draft (tag:draft): one row per number, with its quote (the sentence that
    holds it), the sentence's text before and after it (lowercased), its value as written (a range
    keeps its opener: "between 4.5% and 5%") and the unit kind of its value (an amount, a ratio, a
    multiple, a count), and what int_document_mentions passes on of its source (published date, lead
    entity, leading period). An amount in brackets right after another amount (its conversion into
    another currency) is no number of the draft, nor a value a new one replaced ("from 8% to 10%
    previously"), and "up to" after a verb of a direction phrase ending "up" is no qualifier ("edged up
    to 2.4%"). The draft's guesses read these through the chain
    int_document_draft_periods, _subjects, _metrics, int_document_draft_figures, each passing on
    the columns of the one before. -#}

{#- the direction phrases ending with "up" (vocabulary_direction_words: "edged up") -#}
{%- set up_directions = [] %}
{%- for word in vocabulary_words(vocabulary_rows('vocabulary_direction_words')) if word.endswith(' up') %}
    {%- do up_directions.append(word) %}
{%- endfor %}

with

-- an amount in brackets right after another amount is that amount converted by the writer ("4.82
-- billion pesos ($261 million)"): part of the first one's mention, no figure of its own
{%- set gap_before = 'substring(paragraph_text, previous_end, mention_start - previous_end)' %}
mentions as (
    select *
    from (
        select
            *,
            lag(value_unit) over (partition by source_id, paragraph_number order by mention_start) as previous_unit,
            lag(mention_end) over (partition by source_id, paragraph_number order by mention_start) as previous_end
        from {{ ref('int_document_mentions') }}
    ) as neighbours
    where not is_accounted_for
        and mention_kind <> 'period'
        and not coalesce(
            value_unit = 'currency' and previous_unit = 'currency'
            and {{ regex_matches(gap_before, '^ *[(] *$') }}
            and {{ regex_matches('substring(paragraph_text, mention_end)', '^ *[)]') }},
            false
        )
        -- a value the sentence says a new one replaced ("to between 10% and 12%, from 8% to 10%
        -- previously", "from a previous target of 4.7% to 4.9%"): the same measure and period as the new
        -- value, no figure of its own
        and not {{ regex_matches('lower(substring(paragraph_text, 1, mention_start - 1))',
            'from +(?:(?:an?|the) +)?(?:previous|earlier|prior)(?: +[a-z]+)?(?: +of)? +$') }}
        and not {{ regex_matches('lower(substring(paragraph_text, mention_end))', '^ *previously(?:[^a-z]|$)') }}
),

-- the sentence of each number: from after the last sentence end before it to the first after it; a
-- full stop before a word in lower case ends no sentence ("Sales at U.S. restaurants"), nor one after a single
-- capital letter, an initial's ("the U.S. Federal Reserve")
{%- set sentence_end = '(?:[!?]|(?:^|[^A-Z.]|[A-Za-z][A-Z])[.])' %}
with_text as (
    select
        *,
        {{ dbt.length(regex_group(
            'substring(paragraph_text, 1, mention_start)', '^(.*' ~ sentence_end ~ '["”’)]* +)[^a-z]', 1)) }} + 1 as sentence_start,
        {{ regex_group('substring(paragraph_text, mention_end)', '^(.*?' ~ sentence_end ~ '["”’)]*)(?: +[^a-z]|$)', 1) }} as sentence_rest
    from mentions
),

sentences as (
    select
        *,
        case when sentence_rest = '' then {{ dbt.length('paragraph_text') }} + 1
            else mention_end + {{ dbt.length('sentence_rest') }} end as sentence_end
    from with_text
),

final as (
    select
        -- keys
        source_id,
        paragraph_number,
        mention_start,

        -- attributes
        mention_end,
        mention_as_written,
        mention_kind,
        paragraph_text,
        sentence_start,
        sentence_end,
        substring(paragraph_text, sentence_start, sentence_end - sentence_start) as quote,
        lower(substring(paragraph_text, sentence_start, mention_start - sentence_start)) as text_before,
        lower(substring(paragraph_text, mention_end, sentence_end - mention_end)) as text_after,
        value_unit,
        -- "up to" after a verb whose direction phrase ends with "up" ("edged up to 2.4%",
        -- vocabulary_direction_words) is the verb's particle, not a ceiling: the value is "2.4%"
        case when lower(value_as_written) like 'up to %'
                and {{ regex_matches("lower(substring(paragraph_text, 1, mention_start - 1)) || 'up'",
                    '(?:^|[^a-z])' ~ regex_alternation(up_directions) ~ '$') }}
            then substring(value_as_written, 7)
            else value_as_written
        end as value_as_written,

        -- of its source
        published_date,
        lead_entity_id,
        leading_period_text
    from sentences
)

select * from final
