{#- Every number a document writes, found by the value grammar of the figures (value_grammar's
    mention_pattern: the same words, qualifiers, currencies, scale and unit words, number words)
    in each paragraph of every source that has text: the longest span the grammar accepts at each
    place, two values joined by a range connector ("15% to 50%") as one range. A number inside a
    period the period grammar reads ("April 12, 2024", "the first half of 2023", "2023") is part of
    that period: its kind is 'period'. For the article seeds' sources each value says which figure
    rows (their value as written, located through their quote), which claim thresholds or which
    ignore row (article_ignored_mentions) account for it. -#}
{{ config(materialized='table') }}
{%- set grammar = value_grammar() -%}
{%- set groups = grammar['groups'] -%}
{%- set connectors = vocabulary_words(grammar['words'], 'range_connector') -%}

with

sources as (
    select * from {{ ref('int_sources') }}
    where coalesce(text_path, '') <> ''
),

document_paragraphs as (
    select * from {{ ref('stg_documents__paragraphs') }}
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
    select
        sources.source_id,
        sources.is_curated,
        document_paragraphs.paragraph_number,
        document_paragraphs.paragraph_text
    from sources
    inner join document_paragraphs
        on sources.text_path = document_paragraphs.text_path
),

{{ text_matches('paragraphs', ['source_id', 'paragraph_number'], 'paragraph_text', grammar['mention_pattern'], 'value_matches') }},

{{ text_matches('paragraphs', ['source_id', 'paragraph_number'], 'paragraph_text', period_mention_pattern(), 'period_matches') }},

-- each value read by the figures' own grammar: its parts say whether two neighbours make a range
parsed as (
    select
        *,
        match_start + {{ dbt.length('match_text') }} as match_end,
        {{ regex_groups('lower(match_text)', grammar['pattern'], groups) }} as parts
    from value_matches
),

measured as (
    select
        *,
        parts.qualifier as qualifier_word,  -- noqa: RF03
        parts.unit_word as unit_word,  -- noqa: RF03, AL09
        parts.currency_before || parts.currency_after as currency_word,  -- noqa: RF03
        case when parts.digits <> ''
            then {{ scaled_number('parts.digits', scale_exponent('parts.scale_word', grammar)) }} end as digits_magnitude
    from parsed
),

-- a number inside a period ("2021" in "from 1.589 billion yuan in 2021 to 2.658 billion yuan")
-- never starts or ends a range
value_period_flags as (
    select distinct
        measured.source_id,
        measured.paragraph_number,
        measured.match_index
    from measured
    inner join period_matches
        on measured.source_id = period_matches.source_id
            and measured.paragraph_number = period_matches.paragraph_number
            and measured.match_start < period_matches.match_start + {{ dbt.length('period_matches.match_text') }}
            and measured.match_end > period_matches.match_start
),

measured_in_periods as (
    select
        measured.*,
        value_period_flags.match_index is not null as is_in_period
    from measured
    left join value_period_flags
        on measured.source_id = value_period_flags.source_id
            and measured.paragraph_number = value_period_flags.paragraph_number
            and measured.match_index = value_period_flags.match_index
),

neighbours as (
    select
        *,
        lead(is_in_period) over paragraph_window as next_is_in_period,
        lead(match_start) over paragraph_window as next_start,
        lead(match_end) over paragraph_window as next_end,
        lead(qualifier_word) over paragraph_window as next_qualifier_word,
        lead(unit_word) over paragraph_window as next_unit_word,
        lead(currency_word) over paragraph_window as next_currency_word,
        lead(digits_magnitude) over paragraph_window as next_digits_magnitude
    from measured_in_periods
    window paragraph_window as (partition by source_id, paragraph_number order by match_index)
),

-- "15% to 50%", "$2 million to $12 million", "200 million to 300 million yuan", "between 4.5% and 5%": the first end
-- states no other unit or currency than the second, the second no qualifier, and the second is
-- larger, by less than a factor of ten ("from 1.044 billion to 0.971 billion" is two values, not a range)
joined as (
    select
        *,
        coalesce(
            (
                {{ regex_matches(
                    'substring(source_text, match_end, next_start - match_end)',
                    '^ +' ~ regex_alternation(connectors) ~ ' +$') }}
                {%- for opener in grammar['words'] if opener['word_class'] == 'range_opener' %}
                -- "between 4.5% and 5%": the connector of a range opener written right before the first end
                or (
                    {{ regex_matches('substring(source_text, match_end, next_start - match_end)', '^ +' ~ regex_escape(opener['meaning']) ~ ' +$') }}
                    and {{ regex_matches('lower(substring(source_text, 1, match_start - 1))', '(?:^|[^a-z0-9])' ~ regex_escape(opener['word']) ~ ' +$') }}
                )
                {%- endfor %}
            )
            and next_qualifier_word = ''
            and unit_word in ('', next_unit_word)
            and currency_word in ('', next_currency_word)
            and digits_magnitude < next_digits_magnitude
            -- ends a factor of ten or more apart are a change and the level it reached ("fell by
            -- 2,314 to 2,41,560 employees", "cut its headcount by nearly 1,100 to 14,200"), not a range
            and next_digits_magnitude < 10 * digits_magnitude
            and not is_in_period
            and not next_is_in_period,
            false
        ) as joins_next
    from neighbours
),

ranges as (
    select
        *,
        joins_next and not coalesce(lag(joins_next) over paragraph_window, false) as starts_range,
        coalesce(lag(joins_next) over paragraph_window, false)
        and not coalesce(lag(joins_next, 2) over paragraph_window, false) as ends_range
    from joined
    window paragraph_window as (partition by source_id, paragraph_number order by match_index)
),

values_found as (
    select
        source_id,
        paragraph_number,
        match_start as mention_start,
        case when starts_range then next_end else match_end end as mention_end,
        case when starts_range then 'range' else 'value' end as mention_kind,
        substring(source_text, match_start, case when starts_range then next_end else match_end end - match_start) as mention_text,
        source_text
    from ranges
    where not ends_range
),

periods_found as (
    select
        source_id,
        paragraph_number,
        match_start as period_start,
        match_start + {{ dbt.length('match_text') }} as period_end,
        match_text as period_text
    from period_matches
),

-- the period each value is part of, if any
in_periods as (
    select
        values_found.source_id,
        values_found.paragraph_number,
        values_found.mention_start,
        min(periods_found.period_text) as period_text
    from values_found
    inner join periods_found
        on values_found.source_id = periods_found.source_id
            and values_found.paragraph_number = periods_found.paragraph_number
            and values_found.mention_start < periods_found.period_end
            and values_found.mention_end > periods_found.period_start
    group by values_found.source_id, values_found.paragraph_number, values_found.mention_start
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
            -- the value holds the number, or the number the value ("one year" of a claim holds "one")
            and (
                {{ dbt.position('stated_ranked.first_text', 'lower(values_found.mention_text)') }} > 0
                or {{ dbt.position('lower(values_found.mention_text)', 'stated_ranked.first_text') }} > 0
            )
    left join in_periods
        on values_found.source_id = in_periods.source_id
            and values_found.paragraph_number = in_periods.paragraph_number
            and values_found.mention_start = in_periods.mention_start
    where stated_ranked.quote_start > 0
        and in_periods.mention_start is null
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
        -- keys
        values_found.source_id,
        values_found.paragraph_number,
        values_found.mention_start,

        -- attributes
        values_found.mention_end,
        substring(values_found.source_text, values_found.mention_start,
            values_found.mention_end - values_found.mention_start) as mention_as_written,
        case when in_periods.period_text is not null then 'period' else values_found.mention_kind end as mention_kind,
        in_periods.period_text,
        paragraphs.is_curated,

        -- what accounts for it
        nullif(covered.figure_ids, '') as covering_figure_ids,
        nullif(covered.claim_ids, '') as covering_claim_ids,
        ignored_mentions.reason as ignored_reason,
        in_periods.period_text is not null
        or nullif(covered.figure_ids, '') is not null
        or nullif(covered.claim_ids, '') is not null
        or ignored_mentions.reason is not null as is_accounted_for
    from values_found
    inner join paragraphs
        on values_found.source_id = paragraphs.source_id
            and values_found.paragraph_number = paragraphs.paragraph_number
    left join in_periods
        on values_found.source_id = in_periods.source_id
            and values_found.paragraph_number = in_periods.paragraph_number
            and values_found.mention_start = in_periods.mention_start
    left join covered
        on values_found.source_id = covered.source_id
            and values_found.paragraph_number = covered.paragraph_number
            and values_found.mention_start = covered.mention_start
    left join ignored_mentions
        on values_found.source_id = ignored_mentions.source_id
            and values_found.paragraph_number = ignored_mentions.paragraph_number
            and lower(substring(values_found.source_text, values_found.mention_start,
                values_found.mention_end - values_found.mention_start)) = lower(ignored_mentions.mention_as_written)
)

select * from final
