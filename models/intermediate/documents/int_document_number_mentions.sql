{#- Every number a document writes, found by the value grammar of the figures (value_grammar's
    mention_pattern: the same words, qualifiers, currencies, scale and unit words, number words)
    in each paragraph of every source that has text: the longest span the grammar accepts at each
    place, two values joined by a range connector ("15% to 50%", "8-10%") as one range. A number inside a
    period the period grammar reads ("April 12, 2024", "the first half of 2023", "2023", a year within the
    window of years of the published date: is_period_match_in_window, so "the code 7153" is a number), or the
    draft reads with no year ("the six months to June 30", "the first nine months of the year",
    "first-half", "Aug. 28": text_period_pattern), or inside a length of time ("nearly three weeks",
    "nine-month": duration_pattern) is part of that period: its kind is 'period'. With each, what the grammar reads of it for the draft (its
    unit kind, its value as written with a range's opener), its paragraph's text and its source's
    published date, lead entity and leading period (the first year or part of a year the document
    writes), passed on through int_document_mentions to the draft models (tag:draft), which so
    read neither the sources nor the vocabulary again. -#}
{{ config(materialized='table') }}
{%- set grammar = value_grammar() -%}
{%- set groups = grammar['groups'] -%}
{%- set connectors = vocabulary_words(grammar['words'], 'range_connector') -%}
{%- set range_openers = vocabulary_words(grammar['words'], 'range_opener') -%}

with

sources as (
    select * from {{ ref('int_sources') }}
    where coalesce(text_path, '') <> ''
),

document_paragraphs as (
    select * from {{ ref('stg_documents__paragraphs') }}
),

paragraphs as (
    select
        sources.source_id,
        sources.is_curated,
        sources.published_date,
        sources.lead_entity_id,
        document_paragraphs.paragraph_number,
        document_paragraphs.paragraph_text
    from sources
    inner join document_paragraphs
        on sources.text_path = document_paragraphs.text_path
),

{{ text_matches('paragraphs', ['source_id', 'paragraph_number'], 'paragraph_text', grammar['mention_pattern'], 'value_matches') }},

{{ text_matches('paragraphs', ['source_id', 'paragraph_number', 'published_date'], 'paragraph_text', period_mention_pattern(), 'written_period_matches') }},

-- a four-digit number no year of the document can be ("trades under the code 7153") is no period: the
-- number is a mention of its own (is_period_match_in_window)
dated_period_matches as (
    select
        source_id,
        paragraph_number,
        match_index,
        match_start,
        match_text,
        source_text
    from written_period_matches
    where {{ is_period_match_in_window('published_date') }}
),

-- apart from the periods with a year, so that an undated period starting earlier ("ended March" of
-- "which ended March 31, 2025") does not hide the date that overlaps it
{{ text_matches('paragraphs', ['source_id', 'paragraph_number'], 'paragraph_text', undated_period_pattern() ~ '|' ~ duration_pattern(), 'undated_period_matches') }},

period_matches as (
    select * from dated_period_matches
    union all
    select * from undated_period_matches
),

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
                    range_gap_pattern(grammar, connectors)) }}
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


-- the document's leading period: the first period it writes that is a year or a part of one (not a
-- day or a month), as a news report states its reporting period in its lead ("revenue of S$1.84
-- billion for the first half of 2025"); the draft gives it to a number whose paragraph states no
-- period (int_document_draft_figures)
{%- set reporting_forms = [] %}
{%- for form in period_grammar()['forms'] if form['kind'] in ('fiscal_year', 'part', 'year_to_date') %}
    {%- do reporting_forms.append(sql_text(form['form'])) %}
{%- endfor %}
document_period_texts as (
    select
        source_id,
        paragraph_number,
        match_start,
        match_text,
        {{ period_core('lower(match_text)') }}
    from period_matches
),

document_period_forms as (
    select
        *,
        {{ period_form() }}
    from document_period_texts
),

leading_periods as (
    select
        source_id,
        match_text as period_text
    from (
        select
            *,
            row_number() over (partition by source_id order by paragraph_number, match_start) as period_rank
        from document_period_forms
        where period_form in ({{ reporting_forms | join(', ') }})
    ) as ranked
    where period_rank = 1
),

-- what the value grammar reads of each number: its parts (of a range, those of its last end, which
-- carries the unit: "15% to 50%", "between $1.25bn and $1.3bn") and a range's opener ("between 4.5%
-- and 5%"), part of its value as written
written as (
    select
        values_found.source_id,
        values_found.paragraph_number,
        values_found.mention_start,
        values_found.mention_end,
        values_found.mention_kind,
        substring(values_found.source_text, values_found.mention_start,
            values_found.mention_end - values_found.mention_start) as mention_as_written,
        case when values_found.mention_kind = 'range'
            then {{ regex_group(
                'lower(substring(values_found.source_text, 1, values_found.mention_start - 1))',
                '(?:^|[^a-z0-9])(' ~ regex_alternation(range_openers) ~ ' +)$', 1) }}
            else '' end as range_opener_text
    from values_found
),

written_parts as (
    select
        *,
        {{ regex_groups(
            "lower(case when mention_kind = 'range' then " ~ regex_group('lower(mention_as_written)', range_second_end_pattern(grammar), 1) ~ " else mention_as_written end)",
            grammar['pattern'], groups) }} as parts
    from written
),

measured_mentions as (
    select
        written_parts.source_id,
        written_parts.paragraph_number,
        written_parts.mention_start,
        case
            when written_parts.parts.currency_before <> '' or written_parts.parts.currency_after <> '' then 'currency'
            when written_parts.parts.unit_word <> '' then {{ unit_word_unit('written_parts.parts.unit_word', grammar) }}
            when written_parts.parts.fraction_numerator <> '' then 'ratio'
            when written_parts.parts.number_word <> ''
                and {{ number_word_kind('written_parts.parts.number_word', grammar) }} = 'fraction' then 'ratio'
            when written_parts.parts.number_word <> ''
                and {{ number_word_kind('written_parts.parts.number_word', grammar) }} = 'multiple' then 'multiple'
            else 'count'
        end as value_unit,
        written_parts.range_opener_text
    from written_parts
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

        -- what the draft reads of it
        paragraphs.paragraph_text,
        measured_mentions.value_unit,
        substring(values_found.source_text, values_found.mention_start - {{ dbt.length('measured_mentions.range_opener_text') }},
            values_found.mention_end - values_found.mention_start + {{ dbt.length('measured_mentions.range_opener_text') }})
            as value_as_written,
        paragraphs.published_date,
        paragraphs.lead_entity_id,
        leading_periods.period_text as leading_period_text
    from values_found
    inner join paragraphs
        on values_found.source_id = paragraphs.source_id
            and values_found.paragraph_number = paragraphs.paragraph_number
    inner join measured_mentions
        on values_found.source_id = measured_mentions.source_id
            and values_found.paragraph_number = measured_mentions.paragraph_number
            and values_found.mention_start = measured_mentions.mention_start
    left join in_periods
        on values_found.source_id = in_periods.source_id
            and values_found.paragraph_number = in_periods.paragraph_number
            and values_found.mention_start = in_periods.mention_start
    left join leading_periods
        on values_found.source_id = leading_periods.source_id
)

select * from final
