{#- One row per statement: a single figure, or the two figures of a range ("15% to 50%"), with
    the interval the statement allows for the signed value (low and high; NULL where open). A single
    figure keeps its qualifier word and last digit's unit, from which fct_figure_conflicts bands it
    (claim_band) without reading every figure again. -#}
{#- a table, not a view: several marts and tests read it, and at scale it should be computed once.
    Kept per source: an incremental build recomputes the statements of the changed sources only. -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_sources() }}",
    meta={'kept_per': 'source'},
) }}
-- depends_on: {{ ref('int_changed_sources') }}
-- (after int_changed_cells, which reads the statements kept by the last build)
-- depends_on: {{ ref('int_changed_cells') }}

with

{# The figures are read by two CTEs, each with its own filter: one CTE read by both would be
    materialised whole, quotes included (4.7 s of a 5 s query at 10^6 figures), where each filtered
    scan reads only its own rows. -#}
single_figures as (
    select * from {{ ref('int_figures_normalised') }}
    where rejection_reason is null
        and range_position = ''
        and {{ changed_sources_condition() }}
),

range_figures as (
    select * from {{ ref('int_figures_normalised') }}
    where rejection_reason is null
        and range_position <> ''
        and {{ changed_sources_condition() }}
),

-- the quotes, kept in int_figures_resolved alone (not copied through the tables between)
quotes as (
    {{ accepted_quotes(changed_only=true) }}
),

quoted_single_figures as (
    select
        single_figures.*,
        quotes.quote
    from single_figures
    inner join quotes
        on single_figures.figure_id = quotes.figure_id
),

quoted_range_figures as (
    select
        range_figures.*,
        quotes.quote
    from range_figures
    inner join quotes
        on range_figures.figure_id = quotes.figure_id
),

-- a single figure is a statement by itself
singles as (
    select
        -- keys
        figure_id as statement_id,
        source_id,
        entity_id,
        metric_id,

        -- attributes
        entity_name,
        entity_type,
        metric_name,
        domain,
        period_type,
        period_label,
        period_start_date,
        period_end_date,
        fiscal_year,
        unit,
        currency_code,
        per_unit,
        item_as_written,
        value_as_written,
        qualifier,
        qualifier_word,
        is_forecast,

        -- measures: the interval the statement allows
        case when qualifier in ('exact', 'approx', 'lower_bound') then value end as value_low,
        case when qualifier in ('exact', 'approx', 'upper_bound') then value end as value_high,
        {%- for code in reporting_currencies() %}
        case when qualifier in ('exact', 'approx', 'lower_bound') then value_{{ code | lower }} end as value_low_{{ code | lower }},
        case when qualifier in ('exact', 'approx', 'upper_bound') then value_{{ code | lower }} end as value_high_{{ code | lower }},
        {%- endfor %}
        last_digit_unit,

        -- provenance
        figure_id as figure_ids,
        paragraph_number,
        quote
    from quoted_single_figures
),

-- the two figures of a range make one statement, named by the figure of its first alternative
range_ends as (
    select
        *,
        max(case when range_position = 'first' then figure_id end) over range_window as first_figure_id
    from quoted_range_figures
    window range_window as (
        partition by source_id, paragraph_number, entity_id, metric_id, period_as_written, value_as_written
    )
),

ranges as (
    select
        -- keys
        coalesce(first_figure_id, min(figure_id)) as statement_id,
        min(source_id) as source_id,
        min(entity_id) as entity_id,
        min(metric_id) as metric_id,

        -- attributes
        min(entity_name) as entity_name,
        min(entity_type) as entity_type,
        min(metric_name) as metric_name,
        min(domain) as domain,
        min(period_type) as period_type,
        min(period_label) as period_label,
        min(period_start_date) as period_start_date,
        min(period_end_date) as period_end_date,
        min(fiscal_year) as fiscal_year,
        min(unit) as unit,
        min(currency_code) as currency_code,
        min(per_unit) as per_unit,
        min(item_as_written) as item_as_written,
        min(value_as_written) as value_as_written,
        case when count(*) = 2 then 'range' else min(qualifier) end as qualifier,
        -- a range's two figures keep their own words and digits (int_figures_normalised)
        cast(null as string) as qualifier_word,
        max(case when is_forecast then 1 else 0 end) = 1 as is_forecast,

        -- measures: the interval the statement allows
        min(case when qualifier = 'range_low' then value end) as value_low,
        max(case when qualifier = 'range_high' then value end) as value_high,
        {%- for code in reporting_currencies() %}
        min(case when qualifier = 'range_low' then value_{{ code | lower }} end) as value_low_{{ code | lower }},
        max(case when qualifier = 'range_high' then value_{{ code | lower }} end) as value_high_{{ code | lower }},
        {%- endfor %}
        cast(null as double) as last_digit_unit,

        -- provenance
        {{ listagg_sorted('figure_id', "', '") }} as figure_ids,
        min(paragraph_number) as paragraph_number,
        min(quote) as quote
    from range_ends
    group by first_figure_id, source_id, paragraph_number, entity_id, metric_id, period_as_written, value_as_written
),

final as (
    select * from singles
    union all
    select * from ranges
)

select * from final
