{#- The period guess of each draft number (int_document_draft_sentences), for python -m pipeline
    draft (tag:draft), one row per number: the period the period grammar reads written right after it
    (only lead words between, or "of"), else the nearest before it in its sentence, else the nearest
    after it with no other number and no clause conjunction ("after", "as") between, else the last period with a year in digits before its
    sentence in the paragraph that leads its sentence or is set off by a comma. A relative period
    ("a year earlier") after a comparison word ("from", "lower than"), or before the number, is not its own, nor is a period written
    right after a number a change is measured from (the compared number's). A number a change is
    measured from ("rose to 18.4 pence from 16.9 pence") with no period right after it is the figure
    compared with, a year before; a number stated in the present tense ("employs about 1,850
    people", "a third of its revenue comes from ...") with no period in its paragraph is as of
    publication, and one of a sentence on a day's trading in shares with no period in it is of the
    published date. A number inside a period with no year ("the six months to June") is no figure. A part of a year written with no year ("the second quarter", "first-half", "in the
    quarter") is the latest such part of the lead entity's fiscal year that ended on or before the
    published date, written with its year ("Q2 2025", "Q2 FY2026": draft_no_year_parts; the words:
    vocabulary_period_words). A day of the week, the full year, the end of a month or quarter, a day
    and month or months to a month with no year take the year the published date gives them
    (draft_yearless_periods), and "the first nine months" that of the leading period
    (draft_reported_periods); a day of the week is the period of every number of its sentence with
    none nearer, unless it is the day of a statement ("the company said in a filing on Thursday",
    after a statement_verb): then it is the period of none. The document's leading period (leading_period_text), which a number with no period
    in its paragraph takes, is the first year or part of one it writes, with no year written too
    ("third-quarter profit"), that is not a period compared with (draft_leading_periods); else that
    of int_document_draft_sentences. The first model of the draft's chain: it passes on the columns
    of int_document_draft_sentences, which int_document_draft_subjects reads from here. -#}

with

sentences as (
    select * from {{ ref('int_document_draft_sentences') }}
),

-- each number with the start of the numbers before and after it in its paragraph (words too:
-- "fifteen", "four")
numbers as (
    select
        *,
        lag(mention_start) over (partition by source_id, paragraph_number order by mention_start) as previous_mention_start,
        lead(mention_start) over (partition by source_id, paragraph_number order by mention_start) as next_mention_start
    from sentences
),

-- the paragraphs of the numbers: a number's period is read in its own paragraph
paragraphs as (
    select distinct
        source_id,
        paragraph_number,
        paragraph_text,
        published_date,
        lead_entity_id
    from sentences
),

{#- a part of a year written with no year: "the second quarter", "first-half" (an ordinal and a part),
    "in the quarter", "quarterly" (a lead word and a part, or an adjective: the latest part that ended by publication), after the
    periods with a year so that "the first half of 2025" is read whole -#}
{%- set period_words = vocabulary_rows('vocabulary_period_words') %}
{{ text_matches('paragraphs', ['source_id', 'paragraph_number', 'published_date', 'lead_entity_id'], 'paragraph_text',
    text_period_pattern(), 'written_period_matches') }},

-- a four-digit number no year of the document can be ("trades under the code 7153") is no period
-- (is_period_match_in_window), as for the number mentions
period_matches as (
    select * from written_period_matches
    where {{ is_period_match_in_window('published_date') }}
),

-- a day of the week, the full year, the end of a month, a day and month or months to a month,
-- written with no year: the year the published date gives them (draft_yearless_periods)
yearless_periods as (
    {{ draft_yearless_periods('period_matches') | indent(4) }}
),

document_period_texts as (
    select
        source_id,
        paragraph_number,
        match_start,
        match_text,
        published_date,
        lead_entity_id,
        -- a four-digit number with a time zone after it ("by 1015 GMT") is a time of day, not a year
        {{ is_time_of_day('lower(substring(source_text, match_start + ' ~ dbt.length('match_text') ~ '))') }} as is_time_of_day,
        {{ period_core('lower(match_text)') }}
    from period_matches
),

document_period_forms as (
    select
        *,
        {{ period_form() }}
    from document_period_texts
),

-- a part of a year written with no year: the latest such part of the lead entity's fiscal year that
-- ended on or before the published date, with its year ("Q2 2025", "Q2 FY2026": draft_no_year_parts)
no_year_parts as (
    {{ draft_no_year_parts('document_period_forms') | indent(4) }}
),

period_texts as (
    select
        document_period_forms.source_id,
        document_period_forms.paragraph_number,
        document_period_forms.match_start,
        document_period_forms.period_form,
        -- a time of day ("by 1015 GMT") is the published date's; the day of a statement ("said in a filing
        -- on Thursday") is the period of none of its numbers
        case when document_period_forms.is_time_of_day then {{ draft_date_text('document_period_forms.published_date') }}
            when yearless_periods.is_statement_day then null else coalesce(
            no_year_parts.period_text,
            yearless_periods.period_text,
            -- a period with no year the draft does not write is no period
            case when not {{ regex_matches('lower(document_period_forms.match_text)', draft_unwritten_period_pattern()) }}
                and yearless_periods.match_start is null
                then document_period_forms.match_text end
        ) end as period_text,
        -- a day of the week or a time of day is the period of every number of its sentence with none nearer
        coalesce(yearless_periods.is_weekday, false) or document_period_forms.is_time_of_day as is_weekday,
        -- a period with no year the lead entity's calendar does not write ("three months to September" of a
        -- fiscal year to October) may be written on the calendar of the number's subject (int_document_draft_figures)
        yearless_periods.match_start is not null and yearless_periods.period_text is null as is_other_calendar,
        yearless_periods.counted_phrase,
        yearless_periods.fiscal_end_month
    from document_period_forms
    left join yearless_periods
        on document_period_forms.source_id = yearless_periods.source_id
            and document_period_forms.paragraph_number = yearless_periods.paragraph_number
            and document_period_forms.match_start = yearless_periods.match_start
    left join no_year_parts
        on document_period_forms.source_id = no_year_parts.source_id
            and document_period_forms.paragraph_number = no_year_parts.paragraph_number
            and document_period_forms.match_start = no_year_parts.match_start
),

-- the document's leading period: the first year or part of one it writes that is not a period
-- compared with, a part written with no year resolved ("third-quarter profit": draft_leading_periods),
-- not a part written as an adjective ("quarterly dividend")
leading_periods as (
    {{ draft_leading_periods(
        '(select period_texts.source_id, period_texts.paragraph_number, period_texts.match_start, period_texts.period_text, lower(substring(period_matches.source_text, 1, period_matches.match_start - 1)) as text_before'
        ~ ' from period_texts inner join period_matches on period_texts.source_id = period_matches.source_id'
        ~ ' and period_texts.paragraph_number = period_matches.paragraph_number'
        ~ ' and period_texts.match_start = period_matches.match_start'
        ~ ' where not ' ~ regex_matches('lower(period_matches.match_text)', '^(?:' ~ regex_alternation(vocabulary_words(period_words, 'part_adjective')) ~ ')$')
        ~ ') as written') | indent(4) }}
),

-- "the first nine months": of the year of the leading period
reported_period_texts as (
    {{ draft_reported_periods('period_texts', 'leading_periods') | indent(4) }}
),

-- the period of a number: one written right after it ("9.061 billion yuan in 2021", with only
-- lead words between), else the nearest before it in its sentence, else the nearest after it, else
-- the last period with a year in digits before its sentence in the paragraph ("In 2022, ... . It ...")
{%- set period_lead_words = regex_alternation(vocabulary_words(period_words, 'lead_word')) %}
{#- a period right after the number: lead words between, or words that join a number to its period
    ("the €250 million of H1 2023") -#}
{%- set period_lead_pattern = "^[ ,]*(?:(?:" ~ period_lead_words ~ "|" ~ regex_alternation(vocabulary_words(period_words, 'figure_lead_word')) ~ ") +)*$" %}
{#- a comparison word and lead words before a relative period: "up 3 percentage points from the year
    before", "also lower than a year earlier" (vocabulary_period_words, class comparison_word) #}
{%- set period_compared_pattern = "(?:^|[^a-z])(?:" ~ regex_alternation(vocabulary_words(period_words, 'comparison_word')) ~ ") +(?:(?:" ~ period_lead_words ~ ") +)*$" %}
{#- a period after the number in its sentence, with no other number between (a period may start with one:
    "as of 31 December") and no conjunction that opens a clause of its own ("fell 4% to 298,000oz after a
    seismic event ... in March": vocabulary_context_words, class clause_conjunction; "as of" is a lead word) -#}
{%- set conjunctions = vocabulary_words(vocabulary_rows('vocabulary_context_words'), 'clause_conjunction') %}
{%- set phrase_lead_words = [] %}
{%- for word in vocabulary_words(period_words, 'lead_word') if ' ' in word %}{% do phrase_lead_words.append(word) %}{% endfor %}
{%- set text_between %}lower(substring(sentences.paragraph_text, sentences.mention_end, period_matches.match_start - sentences.mention_end)){% endset %}
{%- set after_with_no_number %}period_matches.match_start >= sentences.mention_end
                and period_matches.match_start < sentences.sentence_end
                and period_matches.match_start <= coalesce(sentences.next_mention_start, sentences.sentence_end)
                and not {{ regex_matches(text_between, '[0-9]') }}
                and not {{ regex_matches(
                    regex_replace_all(text_between, '(?:^|[^a-z])' ~ regex_alternation(phrase_lead_words) ~ '(?:[^a-z]|$)', ' '),
                    '(?:^|[^a-z])' ~ regex_alternation(conjunctions) ~ ' ') }}{% endset %}
{%- set qualifiers = regex_alternation(vocabulary_words(vocabulary_rows('vocabulary_value_words'), 'qualifier')) %}
-- a period written right after a number a change is measured from is that number's, not the period of
-- the numbers after it (draft_compared_periods)
compared_periods as (
    {{ draft_compared_periods('sentences', 'period_matches', period_lead_pattern) | indent(4) }}
),

period_candidates as (
    select
        sentences.source_id,
        sentences.paragraph_number,
        sentences.mention_start,
        document_period_forms.period_text,
        period_matches.match_start as period_match_start,
        period_matches.match_text as period_match_text,
        document_period_forms.period_form as period_match_form,
        case
            when document_period_forms.period_text is null and not document_period_forms.is_other_calendar then null
            -- a relative period after a comparison word ("doubled from a year earlier to $450m", "up 3
            -- points from the year before", "a nine-month net profit of Rp 2.8 trillion, also lower than
            -- a year earlier", lead words between) names what the numbers are compared with, and is the
            -- period of none of them
            when document_period_forms.period_form in ('same_part', 'figure_relative')
                and {{ regex_matches(
                    'lower(substring(sentences.paragraph_text, 1, period_matches.match_start - 1))', period_compared_pattern) }}
                then null
            when period_matches.match_start >= sentences.mention_end
                and period_matches.match_start < sentences.sentence_end
                and {{ regex_matches(
                    'lower(substring(sentences.paragraph_text, sentences.mention_end, period_matches.match_start - sentences.mention_end))',
                    period_lead_pattern) }}
                then 0
            -- a day of the week in the number's sentence ("Shares rose 6.1% to €14.72 on Thursday") is
            -- the period of each of its numbers with none nearer
            when document_period_forms.is_weekday
                and period_matches.match_start >= sentences.sentence_start
                then 3000 + abs(period_matches.match_start - sentences.mention_start)
            -- a relative period after the number, with no other number between, is its own ("nearly
            -- double the $980 million it booked a year earlier"), before any period earlier in the sentence
            when document_period_forms.period_form in ('same_part', 'figure_relative')
                and {{ after_with_no_number }}
                then 500 + period_matches.match_start - sentences.mention_end
            -- a period written at the number, after it in its clause with only a few words between, none a
            -- number ("expects volumes to rise to about 195,000 tonnes in 2026"), before one earlier in its
            -- sentence ("... 178,000 tonnes this year and said it expects ...")
            when coalesce(document_period_forms.period_form, '') not in ('same_part', 'figure_relative')
                and period_matches.match_start >= sentences.mention_end
                and period_matches.match_start < sentences.sentence_end
                and {{ regex_matches(
                    'lower(substring(sentences.paragraph_text, sentences.mention_end, period_matches.match_start - sentences.mention_end))',
                    "^ +(?:[a-z][a-z'’-]* +){1,3}$") }}
                then 200 + period_matches.match_start - sentences.mention_end
            -- a relative period before the number is the period of the number it follows, not of this one
            when document_period_forms.period_form in ('same_part', 'figure_relative')
                and period_matches.match_start < sentences.mention_start
                then null
            when period_matches.match_start >= sentences.sentence_start
                and period_matches.match_start < sentences.mention_start
                and compared_periods.match_start is null
                then 1000 + sentences.mention_start - period_matches.match_start
            when {{ after_with_no_number }}
                then 2000 + period_matches.match_start - sentences.mention_end
            -- a period before its sentence in the paragraph is the number's when it leads its own
            -- sentence ("In 2022, ... . It ...") or is set off by a comma ("Data shows that in 2023,
            -- ..."), not when it is a part of its sentence ("Revenue in 2023 was HK$7.9 billion.")
            when period_matches.match_start < sentences.sentence_start
                and {{ regex_matches('document_period_forms.period_text', '[0-9]') }}
                and (
                    substring(sentences.paragraph_text, period_matches.match_start + {{ dbt.length('period_matches.match_text') }}, 1) = ','
                    or {{ regex_matches(
                        'lower(substring(sentences.paragraph_text, 1, period_matches.match_start - 1))',
                        '(?:^|[.!?]["”’)]* +)(?:' ~ period_lead_words ~ ' +)*$') }}
                )
                then 100000 + sentences.mention_start - period_matches.match_start
        end as distance
    from numbers as sentences
    inner join period_matches
        on sentences.source_id = period_matches.source_id
            and sentences.paragraph_number = period_matches.paragraph_number
            and sentences.sentence_end > period_matches.match_start
    left join compared_periods
        on period_matches.source_id = compared_periods.source_id
            and period_matches.paragraph_number = compared_periods.paragraph_number
            and period_matches.match_start = compared_periods.match_start
    left join reported_period_texts as document_period_forms
        on period_matches.source_id = document_period_forms.source_id
            and period_matches.paragraph_number = document_period_forms.paragraph_number
            and period_matches.match_start = document_period_forms.match_start
),

{% set changed_from_pattern = draft_changed_from() ~ "(?:" ~ qualifiers ~ " +)*$" -%}
-- a number with no period of its own: the figure compared with, or one stated in the present tense
-- (draft_implied_periods)
implied_candidates as (
    {{ draft_implied_periods('numbers', changed_from_pattern, 'reported_period_texts') | indent(4) }}
),

period_guess as (
    {{ draft_first_per_mention(
        '(select source_id, paragraph_number, mention_start, period_text, period_match_start, period_match_text,'
        ~ ' period_match_form, distance from period_candidates'
        ~ ' where distance is not null union all select * from implied_candidates) as placed', 'distance')
        | indent(4) }}
),

-- a number inside a period the grammar reads ("the six months to June", "Aug. 28"), or a count of a
-- length of time ("nearly three weeks": duration_noun), is part of a period: no figure
in_periods as (
    select distinct
        sentences.source_id,
        sentences.paragraph_number,
        sentences.mention_start
    from sentences
    left join period_matches
        on sentences.source_id = period_matches.source_id
            and sentences.paragraph_number = period_matches.paragraph_number
            and sentences.mention_start >= period_matches.match_start
            and sentences.mention_end <= period_matches.match_start + {{ dbt.length('period_matches.match_text') }}
    where period_matches.match_start is not null or {{ regex_matches('lower(sentences.text_after)',
        '^ +(?:' ~ regex_alternation(vocabulary_words(period_words, 'duration_noun')) ~ ')(?:[^a-z]|$)') }}
),

final as (
    select
        -- keys
        sentences.source_id,
        sentences.paragraph_number,
        sentences.mention_start,

        -- attributes: those of the sentence, and the guess
        sentences.mention_end,
        sentences.mention_as_written,
        sentences.mention_kind,
        sentences.paragraph_text,
        sentences.sentence_start,
        sentences.sentence_end,
        sentences.quote,
        sentences.text_before,
        sentences.text_after,
        sentences.value_unit,
        sentences.value_as_written,
        sentences.published_date,
        sentences.lead_entity_id,
        coalesce(leading_periods.period_text, sentences.leading_period_text) as leading_period_text,
        period_guess.period_text,
        period_guess.period_match_start,
        period_guess.period_match_text,
        period_guess.period_match_form
    from sentences
    left join period_guess
        on {{ draft_same_mention('sentences', 'period_guess') }}
    left join leading_periods
        on sentences.source_id = leading_periods.source_id
    left join in_periods
        on {{ draft_same_mention('sentences', 'in_periods') }}
    where in_periods.mention_start is null
)

select * from final
