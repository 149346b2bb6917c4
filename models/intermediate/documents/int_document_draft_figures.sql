{#- Draft figure rows for `python -m pipeline draft`: one per number of a document that nothing
    accounts for yet (int_document_mentions; two, first and second, for a range), in the columns of
    seeds/articles/article_figures.csv, from the guesses of the draft's chain (tag:draft like this
    model): int_document_draft_sentences, _periods, _subjects and _metrics, each passing on the
    columns of the one before, so this model reads int_document_draft_metrics alone. The value as written, paragraph and quote
    (the sentence that holds the number) are read from the text; the subject, metric, direction and period are guesses
    from the same sentence, each named in guessed_fields:
    - subject: the nearest alias (int_entity_aliases) before the number, else after it; else a
      pronoun of vocabulary_context_words, which names the source's lead entity; else the lead
      entity's name;
    - metric: int_document_draft_metrics (the nearest signal word whose metric fits the number's
      unit kind, one in the number's clause first; else the metric with most words of its name
      near it), with the item of a metric whose mart needs one;
    - direction: the nearest direction word (vocabulary_direction_words) before the number, else
      one written right after it ("a 6.1% drop in ..."), for a metric that is a signed change;
    - period: the nearest period the period grammar reads in the sentence, else the last one before
      it in the paragraph (int_document_draft_periods), else that of the number it rose or fell
      "to", else the document's leading period (the first year or part of a year it
      writes), resolved against the published date and the subject's fiscal year (period_label_guess),
      parts counted from the start of a year with no year ("the first nine months") of the year of
      that leading period when the subject and the lead entity keep calendar years;
      a relative period ("a year earlier") resolves against the number before it in its sentence, and
      the numbers of a span of years, as many as its years, take its years in turn;
    - value as written: a range keeps its opener ("between 4.5% and 5%"). -#}

with

guesses as (
    select * from {{ ref('int_document_draft_metrics') }}
),

leading_periods as (
    select distinct
        source_id,
        leading_period_text as period_text
    from guesses
    where leading_period_text is not null
),

-- a number written "... X to Y" ("Headcount fell by 2,314 to 2,41,560 employees at the end of December
-- 2024") with no period of its own in its paragraph takes the period of Y, the level it reached
reached_periods as (
    select
        sentences.source_id,
        sentences.paragraph_number,
        sentences.mention_start,
        reached.period_text
    from guesses as sentences
    inner join guesses as reached
        on sentences.source_id = reached.source_id
            and sentences.paragraph_number = reached.paragraph_number
            and sentences.mention_end + {{ dbt.length(regex_group('sentences.text_after', '^( +to +)', 1)) }} = reached.mention_start
    where {{ regex_matches('sentences.text_after', '^ +to +') }}
        and reached.period_text is not null
),

-- a pronoun before the number and nearer than any alias before it names the subject, and so does a
-- pronoun when the metric needs an item and no alias of the item's type was found
{%- set pronoun_takes_subject %}(guesses.pronoun_is_subject or (guesses.item_alias is null and coalesce(guesses.needs_item, false) and guesses.pronoun is not null and guesses.lead_entity_id is not null)){% endset %}
{%- set leading_period %}case when guesses.metric_id is null or guesses.takes_leading_period then guesses.leading_period_text end{% endset %}
-- a period with no year written, resolved on the fiscal calendar of the lead entity
-- (int_document_draft_periods), is resolved again on that of the number's subject when the subject
-- is another entity: a calendar-year rival's "July-to-September quarter" or "three months to
-- September" is Q3 of its own year, not a part of the lead's fiscal year (draft_no_year_parts,
-- draft_yearless_periods read the entity's calendar as lead_entity_id)
subject_calendar_matches as (
    select distinct
        guesses.source_id,
        guesses.paragraph_number,
        guesses.period_match_start as match_start,
        guesses.period_match_text as match_text,
        guesses.period_match_form as period_form,
        guesses.paragraph_text as source_text,
        guesses.published_date,
        guesses.subject_entity_id as lead_entity_id
    from guesses
    where guesses.period_match_start is not null
        and guesses.item_alias is null
        and not {{ pronoun_takes_subject }}
        and guesses.subject_entity_id <> coalesce(guesses.lead_entity_id, '')
),

subject_no_year_parts as (
    {{ draft_no_year_parts('subject_calendar_matches') | indent(4) }}
),

subject_yearless_periods as (
    {{ draft_yearless_periods('subject_calendar_matches') | indent(4) }}
),

-- the period guess of each number on its subject's calendar
subject_periods as (
    select
        guesses.source_id,
        guesses.paragraph_number,
        guesses.mention_start,
        coalesce(
            subject_no_year_parts.period_text,
            -- parts counted from the start of a year with no year ("the first nine months"): of the year of
            -- the document's leading period, when the subject and the lead entity keep calendar years
            {{ draft_counted_period_text('subject_yearless_periods.counted_phrase', 'subject_yearless_periods.fiscal_end_month',
                'guesses.leading_period_text', 'guesses.lead_entity_id') | indent(12) }},
            subject_yearless_periods.period_text,
            guesses.period_text
        ) as period_text
    from guesses
    left join subject_no_year_parts
        on guesses.source_id = subject_no_year_parts.source_id
            and guesses.paragraph_number = subject_no_year_parts.paragraph_number
            and guesses.period_match_start = subject_no_year_parts.match_start
            and guesses.subject_entity_id = subject_no_year_parts.lead_entity_id
            and guesses.item_alias is null
            and not {{ pronoun_takes_subject }}
    left join subject_yearless_periods
        on guesses.source_id = subject_yearless_periods.source_id
            and guesses.paragraph_number = subject_yearless_periods.paragraph_number
            and guesses.period_match_start = subject_yearless_periods.match_start
            and guesses.subject_entity_id = subject_yearless_periods.lead_entity_id
            and guesses.item_alias is null
            and not {{ pronoun_takes_subject }}
),

guessed as (
    select
        guesses.source_id,
        guesses.paragraph_number,
        guesses.mention_start,
        guesses.mention_as_written,
        guesses.value_as_written,
        guesses.mention_kind,
        guesses.quote,
        guesses.value_unit,
        guesses.published_date,
        case
            when guesses.item_alias is not null and guesses.item_entity_id <> guesses.subject_entity_id
                then guesses.subject_alias
            when guesses.item_alias is null and coalesce(guesses.needs_item, false) and guesses.pronoun is not null
                and guesses.lead_entity_id is not null
                then coalesce(guesses.subject_alias, '')
            else ''
        end as item_as_written,
        coalesce(
            guesses.item_alias,
            case when not {{ pronoun_takes_subject }} then guesses.subject_alias end,
            case when guesses.pronoun is not null and guesses.lead_entity_id is not null
                then substring(guesses.quote, {{ dbt.position("lower(guesses.pronoun)", "lower(guesses.quote)") }},
                    {{ dbt.length('guesses.pronoun') }}) end,
            guesses.lead_entity_name,
            ''
        ) as subject_as_written,
        coalesce(
            guesses.item_entity_id, case when not {{ pronoun_takes_subject }} then guesses.subject_entity_id end,
            guesses.lead_entity_id
        ) as entity_id_guess,
        case
            when guesses.item_alias is not null or (guesses.subject_alias is not null and not {{ pronoun_takes_subject }})
                then 'alias in the sentence'
            when guesses.pronoun is not null and guesses.lead_entity_id is not null then 'pronoun: the lead entity'
            when guesses.lead_entity_id is not null then 'no alias in the sentence: the lead entity'
            else 'no alias in the sentence and no lead entity'
        end as subject_basis,
        coalesce(guesses.metric_id, '') as metric_id,
        guesses.metric_basis,
        coalesce(substring(guesses.quote, {{ dbt.position("lower(guesses.metric_word)", "lower(guesses.quote)") }},
            {{ dbt.length('guesses.metric_word') }}), '') as metric_as_written,
        case when guesses.is_signed_change then coalesce(guesses.direction_word, '') else '' end
            as direction_as_written,
        coalesce(subject_periods.period_text, reached_periods.period_text, {{ leading_period }}, '') as period_as_written,
        subject_periods.period_text is null and reached_periods.period_text is null and {{ leading_period }} is not null
            as is_leading_period
    from guesses
    inner join subject_periods
        on {{ draft_same_mention('guesses', 'subject_periods') }}
    left join reached_periods
        on {{ draft_same_mention('guesses', 'reached_periods') }}
),

-- a period written relative to another figure's ("a year earlier", "the same quarter of 2023", "the
-- same period of 2023"), as the build resolves it against the figure compared with, resolves
-- against the period of the nearest number before it in its sentence whose period has a year in
-- digits or is a year relative to publication ("last year": its year in digits), else against the
-- document's leading period: that period's text with its year replaced
-- by the relative one's ("the first half of 2025" and "a year earlier": "the first half of 2024")
{%- set period_columns = ['source_id', 'paragraph_number', 'mention_start', 'quote', 'value_unit', 'period_as_written', 'published_date'] %}
{%- set compared_is_relative_year %}(compared.period_form = 'fiscal_year' and compared.period_core_text = compared.period_year_text
                and not {{ regex_matches('compared.period_year_text', '[0-9]') }}){% endset %}
guessed_periods as (
    select
        {{ period_columns | join(',\n        ') }}
    from guessed
),

{{ period_value_ctes('guessed_periods', 'lower(period_as_written)', prefix='guessed_') }},

relative_period_references as (
    select
        source_id,
        paragraph_number,
        mention_start,
        period_year_text,
        reference_text
    from (
        select
            relative.source_id,
            relative.paragraph_number,
            relative.mention_start,
            relative.period_year_text,
            coalesce(
                -- a year written relative to publication ("last year"), as its year in digits
                case when {{ compared_is_relative_year }}
                    then cast({{ period_year_number('compared.period_year_text', 'compared.published_date') }} as string)
                end,
                compared.period_as_written, leading_periods.period_text
            ) as reference_text,
            row_number() over (
                partition by relative.source_id, relative.paragraph_number, relative.mention_start
                order by compared.mention_start desc
            ) as reference_rank
        from guessed_period_values as relative
        left join guessed_period_values as compared
            on relative.source_id = compared.source_id
                and relative.paragraph_number = compared.paragraph_number
                and relative.quote = compared.quote
                and relative.mention_start > compared.mention_start
                and compared.period_kind not in ('same_part', 'figure_relative', 'unstated')
                and ({{ regex_matches('compared.period_as_written', '[0-9]{4}') }} or {{ compared_is_relative_year }})
        left join leading_periods
            on relative.source_id = leading_periods.source_id
        where relative.period_kind in ('same_part', 'figure_relative')
    ) as ranked
    where reference_rank = 1
        and {{ regex_matches('reference_text', '[0-9]{4}') }}
),

relative_period_texts as (
    select
        source_id,
        paragraph_number,
        mention_start,
        reference_text,
        {{ regex_group('reference_text', '^(.*?)[0-9]{4}', 1) }}
        || cast(
            case when {{ regex_matches('period_year_text', '^[0-9]{4}$') }} then cast(period_year_text as integer)
                else cast({{ regex_group('reference_text', '([0-9]{4})', 1) }} as integer)
                    + {{ period_year_offset('period_year_text') }}
            end as string
        )
        || {{ regex_group('reference_text', '^.*?[0-9]{4}(.*)$', 1) }} as resolution_text
    from relative_period_references
),

-- the numbers of one unit in one sentence that take one span of years, as many as its years, take
-- its years in turn ("from 2022 to 2023, ... operating losses of ¥2.658 billion and ¥2.176 billion respectively";
-- "From 2021 to 2023, ... from ¥1.044 billion to ¥0.971 billion to ¥0.785 billion")
span_periods as (
    select
        source_id,
        paragraph_number,
        mention_start,
        cast(period_first_year_text as integer) as first_year,
        cast(period_year_text as integer) as last_year,
        row_number() over (
            partition by source_id, paragraph_number, quote, period_as_written, value_unit order by mention_start
        ) as span_rank,
        count(*) over (partition by source_id, paragraph_number, quote, period_as_written, value_unit) as span_count
    from guessed_period_values
    where period_kind = 'span'
        and {{ regex_matches('period_first_year_text', '^[0-9]{4}$') }}
        and {{ regex_matches('period_year_text', '^[0-9]{4}$') }}
),

span_period_texts as (
    select
        source_id,
        paragraph_number,
        mention_start,
        cast(first_year + span_rank - 1 as string) as resolution_text
    from span_periods
    where span_count = last_year - first_year + 1
),

guessed_for_periods as (
    select
        guessed.*,
        relative_period_texts.reference_text as period_reference_text,
        coalesce(relative_period_texts.resolution_text, span_period_texts.resolution_text, guessed.period_as_written)
            as period_resolution_text,
        span_period_texts.resolution_text is not null as is_span_year
    from guessed
    left join relative_period_texts
        on {{ draft_same_mention('guessed', 'relative_period_texts') }}
    left join span_period_texts
        on {{ draft_same_mention('guessed', 'span_period_texts') }}
),

{{ period_ctes('guessed_for_periods', 'lower(period_resolution_text)', 'published_date', 'resolved', entity_expr='entity_id_guess') }},

range_ends as (
    select '' as range_position
    union all
    select 'first' as range_position
    union all
    select 'second' as range_position
),

final as (
    select
        -- keys
        resolved.source_id || '_p' || cast(resolved.paragraph_number as string) || '_c'
        || cast(resolved.mention_start as string)
        || case when range_ends.range_position = '' then '' else '_' || range_ends.range_position end as figure_id,
        resolved.source_id,
        resolved.metric_id,

        -- attributes in the columns of article_figures.csv
        resolved.paragraph_number,
        resolved.subject_as_written,
        resolved.item_as_written,
        resolved.metric_as_written,
        resolved.period_as_written,
        resolved.value_as_written,
        range_ends.range_position,
        resolved.direction_as_written,
        resolved.quote,

        -- the guesses
        resolved.entity_id_guess,
        resolved.period_label as period_label_guess,
        resolved.value_unit,
        'subject_as_written;item_as_written;metric_id;metric_as_written;period_as_written;direction_as_written' as guessed_fields,
        'subject: ' || resolved.subject_basis
        || '; metric: ' || coalesce(resolved.metric_basis, 'no metric word of its unit in the sentence')
        || '; period: ' || case when resolved.period_as_written = '' then 'none written'
            else coalesce(resolved.period_label, 'does not resolve') end
        || case when resolved.is_leading_period then ' (none in its paragraph: the period the document states first)'
            else '' end
        || case when resolved.period_reference_text is not null
            then ' (' || resolved.period_resolution_text || ': relative to ' || resolved.period_reference_text || ')'
            else '' end
        || case when resolved.is_span_year
            then ' (' || resolved.period_resolution_text || ': its turn among the numbers of the span)'
            else '' end as guess_notes,
        resolved.mention_start
    from resolved
    inner join range_ends
        on (resolved.mention_kind = 'range') = (range_ends.range_position <> '')
)

select * from final
