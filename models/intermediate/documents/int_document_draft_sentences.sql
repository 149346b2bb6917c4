{#- The sentence of each number of a document that nothing accounts for yet (int_document_mentions),
    for python -m pipeline draft (tag:draft): one row per number, with its quote (the sentence that
    holds it), the sentence's text before and after it (lowercased), its value as written (a range
    keeps its opener: "between 4.5% and 5%") and the unit kind of its value (an amount, a ratio, a
    multiple, a count). The draft's guesses (int_document_draft_subjects, _metrics, _periods) are
    read from these. -#}
{%- set grammar = value_grammar() -%}
{%- set groups = grammar['groups'] -%}
{%- set range_openers = vocabulary_words(grammar['words'], 'range_opener') -%}

with

mentions as (
    select * from {{ ref('int_document_mentions') }}
    where not is_accounted_for
        and mention_kind <> 'period'
),

sources as (
    select * from {{ ref('int_sources') }}
),

document_paragraphs as (
    select * from {{ ref('stg_documents__paragraphs') }}
),

paragraphs as (
    {{ draft_source_paragraphs('sources', 'document_paragraphs', 'mentions') | indent(4) }}
),

-- the sentence of each number: from after the last sentence end before it to the first after it
with_text as (
    select
        mentions.*,
        paragraphs.paragraph_text,
        {{ dbt.length(regex_group(
            'substring(paragraphs.paragraph_text, 1, mentions.mention_start - 1)', '^(.*[.!?]["”’)]* +)', 1)) }} + 1 as sentence_start,
        {{ regex_group('substring(paragraphs.paragraph_text, mentions.mention_end)', '^(.*?[.!?]["”’)]*)(?: |$)', 1) }} as sentence_rest
    from mentions
    inner join paragraphs
        on mentions.source_id = paragraphs.source_id
            and mentions.paragraph_number = paragraphs.paragraph_number
),

sentences as (
    select
        *,
        case when sentence_rest = '' then {{ dbt.length('paragraph_text') }} + 1
            else mention_end + {{ dbt.length('sentence_rest') }} end as sentence_end
    from with_text
),

framed as (
    select
        *,
        substring(paragraph_text, sentence_start, sentence_end - sentence_start) as quote,
        lower(substring(paragraph_text, sentence_start, mention_start - sentence_start)) as text_before,
        lower(substring(paragraph_text, mention_end, sentence_end - mention_end)) as text_after,
        -- a range's opener ("between 4.5% and 5%") is part of its value as written
        case when mention_kind = 'range'
            then {{ regex_group(
                'lower(substring(paragraph_text, sentence_start, mention_start - sentence_start))',
                '(?:^|[^a-z0-9])(' ~ regex_alternation(range_openers) ~ ' +)$', 1) }}
            else '' end as range_opener_text,
        -- the last end carries the unit of a range ("15% to 50%", "between $1.25bn and $1.3bn")
        {{ regex_groups(
            "lower(case when mention_kind = 'range' then " ~ regex_group('lower(mention_as_written)', '^.* (?:' ~ regex_alternation(range_connectors(grammar)) ~ ') (.*)$', 1) ~ " else mention_as_written end)",
            grammar['pattern'], groups) }} as parts
    from sentences
),

measured as (
    select
        framed.*,
        case
            when framed.parts.currency_before <> '' or framed.parts.currency_after <> '' then 'currency'
            when framed.parts.unit_word <> '' then {{ unit_word_unit('framed.parts.unit_word', grammar) }}
            when framed.parts.fraction_numerator <> '' then 'ratio'
            when framed.parts.number_word <> '' and {{ number_word_kind('framed.parts.number_word', grammar) }} = 'fraction' then 'ratio'
            when framed.parts.number_word <> '' and {{ number_word_kind('framed.parts.number_word', grammar) }} = 'multiple' then 'multiple'
            else 'count'
        end as value_unit,
        substring(framed.paragraph_text, framed.mention_start - {{ dbt.length('framed.range_opener_text') }}, {{ dbt.length('framed.range_opener_text') }})
        || framed.mention_as_written as value_as_written
    from framed
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
        quote,
        text_before,
        text_after,
        value_unit,
        value_as_written
    from measured
)

select * from final
