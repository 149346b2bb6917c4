{#- One row per statement: a single figure, or the two figures of a range ("15% to 50%"), with
    the interval the statement allows for the signed value (low and high; NULL where open). -#}
{#- a table, not a view: several marts and tests read it, and at scale it should be computed once -#}
{{ config(materialized='table') }}

with

figures as (
    select * from {{ ref('int_figures_normalised') }}
    where rejection_reason is null
),

grouped as (
    select
        -- a range is named by the figure of its first alternative
        coalesce(
            max(case when range_position = 'first' then figure_id end) over range_window,
            figure_id
        ) as statement_id,
        *
    from figures
    window range_window as (
        partition by
            source_id, paragraph_number, entity_id, metric_id, period_as_written, value_as_written,
            range_position <> ''
    )
),

final as (
    select
        -- keys
        statement_id,
        min(source_id) as source_id,
        min(entity_id) as entity_id,
        min(metric_id) as metric_id,

        -- attributes
        min(entity_name) as entity_name,
        min(metric_name) as metric_name,
        min(domain) as domain,
        min(period_type) as period_type,
        min(period_label) as period_label,
        min(period_start_date) as period_start_date,
        min(period_end_date) as period_end_date,
        min(fiscal_year) as fiscal_year,
        min(unit) as unit,
        min(per_unit) as per_unit,
        min(item_as_written) as item_as_written,
        min(value_as_written) as value_as_written,
        case when count(*) = 2 then 'range' else min(qualifier) end as qualifier,

        -- measures: the interval the statement allows
        min(case when qualifier in ('exact', 'approx', 'lower_bound', 'range_low') then value end) as value_low,
        max(case when qualifier in ('exact', 'approx', 'upper_bound', 'range_high') then value end) as value_high,
        min(case when qualifier in ('exact', 'approx', 'lower_bound', 'range_low') then value_cny end) as value_low_cny,
        max(case when qualifier in ('exact', 'approx', 'upper_bound', 'range_high') then value_cny end) as value_high_cny,
        min(case when qualifier in ('exact', 'approx', 'lower_bound', 'range_low') then value_usd end) as value_low_usd,
        max(case when qualifier in ('exact', 'approx', 'upper_bound', 'range_high') then value_usd end) as value_high_usd,

        -- provenance
        {{ dbt.listagg('figure_id', "', '", "order by figure_id") }} as figure_ids,
        min(paragraph_number) as paragraph_number,
        min(quote) as quote
    from grouped
    group by statement_id
)

select * from final
