{#- Every number a document writes (int_document_number_mentions, found by the figures' own value
    grammar), and for the article seeds' sources what accounts for each: which figure rows (their
    value as written, located through their quote), which claim thresholds or which ignore row
    (article_ignored_mentions); a number inside a period is part of it. What the draft reads of each
    number is passed on (int_document_draft_sentences reads it from here alone). -#}
{{ config(materialized='table') }}

with

number_mentions as (
    select * from {{ ref('int_document_number_mentions') }}
),

seed_figures as (
    select * from {{ ref('stg_articles__figures') }}
),

seed_claims as (
    select * from {{ ref('stg_articles__claims') }}
),

ignored_mentions as (
    select * from {{ ref('stg_articles__ignored_mentions') }}
),

paragraphs as (
    select distinct
        source_id,
        paragraph_number,
        paragraph_text
    from number_mentions
),

values_found as (
    select *
    from number_mentions
    where mention_kind <> 'period'
),

-- which number each seed figure's value and each claim's threshold is: the first number from its
-- quote on that holds its value (or the first end of a range); rows whose values are written alike
-- in one quote ("over 2,800, and ... over 2,800") take the numbers in the order their subjects come
stated as (
    select
        'figure' as stated_kind,
        figure_id as stated_id,
        source_id,
        paragraph_number,
        subject_as_written,
        value_as_written as stated_text,
        -- the two rows of a range are one statement
        case when range_position = '' then figure_id else 'range of ' || lower(subject_as_written) end as statement_key,
        quote
    from seed_figures
    union all
    select
        'claim' as stated_kind,
        claim_id as stated_id,
        source_id,
        paragraph_number,
        subject_as_written,
        threshold_as_written as stated_text,
        claim_id as statement_key,
        quote
    from seed_claims
    where threshold_as_written <> ''
),

stated_in_quotes as (
    select
        stated.*,
        lower(trim({{ regex_replace_all('stated.quote', whitespace_class() ~ '+', ' ') }})) as quote_text,
        lower(case when {{ regex_matches('stated.stated_text', ' to ') }}
            then {{ regex_group('stated.stated_text', '^(.*?) to (.*)$', 1) }} else stated.stated_text end) as first_text,
        lower(paragraphs.paragraph_text) as paragraph_text
    from stated
    inner join paragraphs
        on stated.source_id = paragraphs.source_id
            and stated.paragraph_number = paragraphs.paragraph_number
),

stated_ranked as (
    select
        *,
        {{ dbt.position('quote_text', 'paragraph_text') }} as quote_start,
        dense_rank() over (
            partition by stated_kind, source_id, paragraph_number, quote_text, lower(stated_text)
            order by {{ dbt.position('lower(subject_as_written)', 'quote_text') }}, statement_key
        ) as written_alike_rank
    from stated_in_quotes
),

candidates as (
    select
        stated_ranked.stated_kind,
        stated_ranked.stated_id,
        stated_ranked.written_alike_rank,
        values_found.source_id,
        values_found.paragraph_number,
        values_found.mention_start,
        row_number() over (
            partition by stated_ranked.stated_kind, stated_ranked.stated_id order by values_found.mention_start
        ) as candidate_rank
    from stated_ranked
    inner join values_found
        on stated_ranked.source_id = values_found.source_id
            and stated_ranked.paragraph_number = values_found.paragraph_number
            and stated_ranked.quote_start <= values_found.mention_start
            and stated_ranked.quote_start + {{ dbt.length('stated_ranked.quote_text') }} > values_found.mention_start
            -- the value holds the number, or the number the value ("one year" of a claim holds "one"),
            -- as a whole number: the figure "89.9%" is not the "9%" before it
            and (
                {{ holds_number('lower(values_found.mention_as_written)', 'stated_ranked.first_text') }}
                or {{ holds_number('stated_ranked.first_text', 'lower(values_found.mention_as_written)') }}
            )
    where stated_ranked.quote_start > 0
),

covered as (
    select
        source_id,
        paragraph_number,
        mention_start,
        {{ listagg_sorted("case when stated_kind = 'figure' then stated_id end", "', '") }} as figure_ids,
        {{ listagg_sorted("case when stated_kind = 'claim' then stated_id end", "', '") }} as claim_ids
    from candidates
    where candidate_rank = written_alike_rank
    group by source_id, paragraph_number, mention_start
),

final as (
    select
        number_mentions.*,

        -- what accounts for it
        nullif(covered.figure_ids, '') as covering_figure_ids,
        nullif(covered.claim_ids, '') as covering_claim_ids,
        ignored_mentions.reason as ignored_reason,
        number_mentions.mention_kind = 'period'
        or nullif(covered.figure_ids, '') is not null
        or nullif(covered.claim_ids, '') is not null
        or ignored_mentions.reason is not null as is_accounted_for
    from number_mentions
    left join covered
        on number_mentions.source_id = covered.source_id
            and number_mentions.paragraph_number = covered.paragraph_number
            and number_mentions.mention_start = covered.mention_start
    left join ignored_mentions
        on number_mentions.source_id = ignored_mentions.source_id
            and number_mentions.paragraph_number = ignored_mentions.paragraph_number
            and lower(number_mentions.mention_as_written) = lower(ignored_mentions.mention_as_written)
)

select * from final
