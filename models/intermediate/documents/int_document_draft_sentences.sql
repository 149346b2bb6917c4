{#- The sentence of each number of a document that nothing accounts for yet (int_document_mentions),
    for python -m pipeline draft (tag:draft): one row per number, with its quote (the sentence that
    holds it), the sentence's text before and after it (lowercased), its value as written (a range
    keeps its opener: "between 4.5% and 5%") and the unit kind of its value (an amount, a ratio, a
    multiple, a count), and what int_document_mentions passes on of its source (published date, lead
    entity, leading period). The draft's guesses read these through the chain
    int_document_draft_periods, _subjects, _metrics, int_document_draft_figures, each passing on
    the columns of the one before. -#}

with

mentions as (
    select * from {{ ref('int_document_mentions') }}
    where not is_accounted_for
        and mention_kind <> 'period'
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
        value_as_written,

        -- of its source
        published_date,
        lead_entity_id,
        leading_period_text
    from sentences
)

select * from final
