{#- Figures with their sign and their period: the value signed by its direction, the two rows of a
    range checked together, the period resolved to dates and a fiscal year (a period written
    relative to another figure, "a year earlier", "the same quarter of 2023", resolved against the
    figure it is compared with: the one named in the period references seed, else the one other
    figure of the sentence with the same subject and metric), a forecast flag, and the qualifier that
    holds for the signed value. The period grammar's words are seeds (seeds/vocabulary); fiscal
    years not ending in December are seeds/curated/curated_fiscal_years.csv. int_figures_normalised
    checks what this finds and converts the amounts. Incremental, like int_figures_resolved. -#}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    meta={'kept_per': 'source'},
    pre_hook="{{ retract_changed_landed_files(ref('int_figures_resolved')) }}",
) }}

with

figures as (
    select * from {{ ref('int_figures_resolved') }}
    where {{ unloaded_files_condition(ref('int_figures_resolved')) }}
),

period_references as (
    select * from {{ ref('stg_articles__period_references') }}
),

signed as (
    select
        *,
        magnitude * case when direction_sign = 0 then 1 else direction_sign end as value,
        lower(trim(period_as_written)) as period_text
    from figures
),

{# the two rows of each range, checked together: a range needs exactly one first and one second.
    (Joined on its keys alone: a condition on the figure's own range_position in the join would stop
    DuckDB from using a hash join. Single figures never share a range's value as written.) -#}
range_groups as (
    select
        source_id,
        paragraph_number,
        entity_id,
        metric_id,
        period_as_written,
        value_as_written,
        count(*) as range_row_count,
        min(value) as range_min_value,
        max(value) as range_max_value,
        sum(case when range_position = 'first' then 1 else 0 end) as range_first_count
    from signed
    where range_position <> ''
    group by source_id, paragraph_number, entity_id, metric_id, period_as_written, value_as_written
),

ranges as (
    select
        signed.*,
        range_groups.range_row_count,
        range_groups.range_min_value,
        range_groups.range_max_value,
        range_groups.range_first_count
    from signed
    left join range_groups
        on signed.source_id = range_groups.source_id
        and signed.paragraph_number is not distinct from range_groups.paragraph_number
        and signed.entity_id is not distinct from range_groups.entity_id
        and signed.metric_id = range_groups.metric_id
        and signed.period_as_written = range_groups.period_as_written
        and signed.value_as_written = range_groups.value_as_written
),

{{ period_value_ctes('ranges', 'period_text') }},

{# the year each period states itself, relative years counted from the published date -#}
own_years as (
    select
        *,
        {{ period_year_number('period_year_text', 'published_date') }} as own_period_year,
        {{ period_year_number('period_first_year_text', 'published_date') }} as own_period_first_year
    from period_values
),

{# periods written relative to a compared figure, and the figure each is compared with: the one
   named in the period references seed, else the one other figure of the same sentence with the
   same subject and metric whose period is its own -#}
relative_periods as (
    select
        figure_id,
        source_id,
        quote,
        entity_id,
        metric_id
    from own_years
    where period_kind in ('same_part', 'figure_relative')
),

{# the figures of the sources that write a relative period, the only ones a candidate can come from:
    filtered first, the join below hashes these few rows, not every figure with its quote -#}
candidate_figures as (
    select
        figure_id,
        source_id,
        quote,
        entity_id,
        metric_id,
        period_kind
    from own_years
    where source_id in (select relative_periods.source_id from relative_periods)
),

compared_candidates as (
    select
        relative_periods.figure_id,
        count(*) as candidate_count,
        min(candidates.figure_id) as candidate_figure_id
    from relative_periods
    inner join candidate_figures as candidates
        on relative_periods.source_id = candidates.source_id
        and relative_periods.quote = candidates.quote
        and relative_periods.entity_id = candidates.entity_id
        and relative_periods.metric_id = candidates.metric_id
    where candidates.figure_id <> relative_periods.figure_id
        and candidates.period_kind not in ('same_part', 'figure_relative', 'unstated')
    group by relative_periods.figure_id
),

compared_figures as (
    select
        relative_periods.figure_id,
        relative_periods.source_id,
        coalesce(
            period_references.period_reference_figure_id,
            case when compared_candidates.candidate_count = 1 then compared_candidates.candidate_figure_id end
        ) as compared_figure_id,
        coalesce(compared_candidates.candidate_count, 0) as compared_candidate_count
    from relative_periods
    left join period_references
        on relative_periods.figure_id = period_references.figure_id
    left join compared_candidates
        on relative_periods.figure_id = compared_candidates.figure_id
),

{# the compared figure's period, for the relative periods only: joining these few rows to every figure
    keeps the hash table small (joining every figure to itself would hash a million wide rows) -#}
compared_periods as (
    select
        compared_figures.figure_id,
        compared_figures.compared_figure_id,
        compared_figures.compared_candidate_count,
        compared.period_kind,
        compared.own_period_year,
        compared.own_period_first_year,
        compared.period_part_number,
        compared.period_part_months,
        compared.period_month_number,
        compared.period_day_number,
        compared.period_form,
        compared.is_fiscal_year_written
    from compared_figures
    left join own_years as compared
        on compared_figures.compared_figure_id = compared.figure_id
        and compared_figures.source_id = compared.source_id
),

resolved_periods as (
    select
        own_years.*,
        compared.compared_figure_id,
        compared.compared_candidate_count,
        case
            when own_years.period_kind = 'figure_relative' then compared.period_kind
            when own_years.period_kind = 'same_part' and own_years.period_part_months is null then compared.period_kind
            when own_years.period_kind = 'same_part' then 'part'
            else own_years.period_kind
        end as resolved_period_kind,
        case
            when own_years.period_kind = 'figure_relative'
                then compared.own_period_year + {{ period_year_offset('own_years.period_year_text') }}
            when own_years.period_kind = 'same_part' and {{ regex_matches('own_years.period_year_text', '^[0-9]{4}$') }}
                then cast(own_years.period_year_text as integer)
            when own_years.period_kind = 'same_part' and own_years.period_year_text <> ''
                then compared.own_period_year + {{ period_year_offset('own_years.period_year_text') }}
            else own_years.own_period_year
        end as resolved_period_year,
        case
            when own_years.period_kind = 'figure_relative'
                then compared.own_period_first_year + {{ period_year_offset('own_years.period_year_text') }}
            else own_years.own_period_first_year
        end as resolved_period_first_year,
        case
            when own_years.period_kind = 'figure_relative' then compared.period_part_number
            when own_years.period_kind = 'same_part' and own_years.period_part_months is null then compared.period_part_number
            when own_years.period_kind = 'same_part' and own_years.period_part_months = compared.period_part_months
                then compared.period_part_number
            when own_years.period_kind = 'same_part' then null
            else own_years.period_part_number
        end as resolved_period_part_number,
        case
            when own_years.period_kind = 'figure_relative' then compared.period_part_months
            when own_years.period_kind = 'same_part' then coalesce(own_years.period_part_months, compared.period_part_months)
            else own_years.period_part_months
        end as resolved_period_part_months,
        case
            when own_years.period_kind in ('figure_relative', 'same_part') then compared.period_month_number
            else own_years.period_month_number
        end as resolved_period_month_number,
        case
            when own_years.period_kind in ('figure_relative', 'same_part') then compared.period_day_number
            else own_years.period_day_number
        end as resolved_period_day_number,
        case
            when own_years.period_kind in ('figure_relative', 'same_part') then compared.period_form
            else own_years.period_form
        end as resolved_period_form,
        case
            when own_years.period_kind in ('figure_relative', 'same_part') then compared.is_fiscal_year_written
            else own_years.is_fiscal_year_written
        end as resolved_is_fiscal_year_written
    from own_years
    left join compared_periods as compared
        on own_years.figure_id = compared.figure_id
),

-- a fiscal year of an entity whose year does not end in December (seeds/curated/curated_fiscal_years.csv)
fiscal_years as (
    select
        *,
        {{ period_fiscal_year_fields('entity_id', 'resolved_period_year', 'resolved_period_month_number',
            'resolved_period_form', 'resolved_is_fiscal_year_written') | indent(8) }}
    from resolved_periods
),

periods as (
    select
        *,
        {{ period_fields('published_date', {
            'kind': 'resolved_period_kind', 'year': 'fiscal_year_number', 'first_year': 'resolved_period_first_year',
            'part_number': 'resolved_period_part_number', 'part_months': 'resolved_period_part_months',
            'month': 'resolved_period_month_number', 'day': 'resolved_period_day_number',
            'fiscal_end_month': 'fiscal_end_month', 'fiscal_end_year': 'fiscal_end_year'}) | indent(8) }}
    from fiscal_years
),

forecasts as (
    select
        *,
        {#- the forecast words' patterns only where the period does not already end after publication #}
        case
            when coalesce(period_end_date > published_date, false) then true
            else {{ says_forecast('quote', 'value_as_written') }}
        end as is_forecast
    from periods
),

final as (
    select
        -- keys
        figure_id,
        source_id,
        entity_id,
        metric_id,

        -- attributes
        entity_name,
        entity_type,
        subject_resolution,
        metric_name,
        unit_kind,
        domain,
        marts,
        item_entity_count,
        period_kind,
        period_type,
        period_label,
        period_start_date,
        period_end_date,
        fiscal_year,
        period_first_year,
        compared_figure_id,
        compared_candidate_count,
        is_forecast,
        case
            when range_position <> '' and value = range_min_value
                and (range_min_value < range_max_value or range_position = 'first') then 'range_low'
            when range_position <> '' then 'range_high'
            when direction_sign = -1 and stated_qualifier = 'lower_bound' then 'upper_bound'
            when direction_sign = -1 and stated_qualifier = 'upper_bound' then 'lower_bound'
            else stated_qualifier
        end as qualifier,
        case
            when unit_kind = 'currency' then currency_code
            else unit_kind
        end as unit,
        currency_code,
        per_unit,
        range_position,
        range_row_count,
        range_first_count,
        qualifier_word,
        paragraph_number,
        subject_as_written,
        item_as_written,
        metric_as_written,
        period_as_written,
        value_as_written,
        direction_as_written,

        -- measures
        value,
        last_digit_unit,

        -- provenance
        {#- the quote is not copied on: it stays in int_figures_resolved, and readers join it by figure_id #}
        landed_file,
        landed_file_hash,
        is_curated,
        rejection_reason
    from forecasts
)

select * from final
