{#- Figures in base units with a sign, a qualifier that holds for the signed value, a resolved
    period and both currencies (converted at the annual average rate of the figure's year).
    Landed rows rejected upstream or here keep their reason in rejection_reason; models that read
    this one take only rows where it is NULL. Incremental, like int_figures_resolved. -#}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ retract_changed_landed_files(ref('int_figures_resolved')) }}",
) }}

with

figures as (
    select * from {{ ref('int_figures_resolved') }}
    where {{ unloaded_files_condition(ref('int_figures_resolved')) }}
),

rates as (
    select * from {{ ref('stg_reference__usd_cny_rates') }}
),

signed as (
    select
        *,
        magnitude * case when direction_sign = 0 then 1 else direction_sign end as value,
        lower(trim(period_as_written)) as period_text
    from figures
),

-- the two rows of each range, checked together: a range needs exactly one first and one second.
-- (Joined on its keys alone: a condition on the figure's own range_position in the join would stop
-- DuckDB from using a hash join. Single figures never share a range's value as written.)
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

period_parts as (
    select
        *,
        {{ period_parts('period_text') }}
    from ranges
),

periods as (
    select
        *,
        {{ period_fields('published_date') }}
    from period_parts
),

labelled as (
    select
        *,
        case
            when rejection_reason is not null
                then rejection_reason
            when period_type is null
                then 'period ' || chr(39) || period_as_written || chr(39) || ' matches no pattern in the period_patterns macro'
            when range_position <> '' and (range_row_count <> 2 or range_first_count <> 1)
                then 'a range needs exactly two rows, one first and one second, with the same subject, metric, period and value'
        end as normalisation_error
    from periods
),

converted as (
    select
        labelled.*,
        rates.cny_per_usd,
        rates.rate_year
    from labelled
    left join rates
        on labelled.fiscal_year = rates.rate_year
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
        metric_name,
        unit_kind,
        domain,
        period_type,
        period_label,
        period_start_date,
        period_end_date,
        fiscal_year,
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
        per_unit,
        range_position,
        qualifier_word,
        paragraph_number,
        subject_as_written,
        item_as_written,
        metric_as_written,
        period_as_written,
        value_as_written,
        direction_as_written,

        -- measures
        case
            when normalisation_error is not null and is_curated then {{ raise_error(
                "'figure ' || figure_id || ' (' || landed_file || '): ' || normalisation_error"
            ) }}
            when normalisation_error is not null then null
            else value
        end as value,
        case
            when currency_code = 'CNY' then value
            when currency_code = 'USD' then value * cny_per_usd
        end as value_cny,
        case
            when currency_code = 'USD' then value
            when currency_code = 'CNY' then value / cny_per_usd
        end as value_usd,
        case when currency_code <> '' then cny_per_usd end as fx_cny_per_usd,
        case when currency_code <> '' then rate_year end as fx_rate_year,
        last_digit_unit,

        -- provenance
        quote,
        landed_file,
        landed_file_hash,
        is_curated,

        -- why a landed row cannot be used; NULL for a good row
        normalisation_error as rejection_reason
    from converted
)

select * from final
