{#- The reported figure (never a forecast) that speaks for each entity, metric and period when it
    is stated more than once, by one source or several. The rule, written once:
      1. a figure of the curated article seeds wins over a landed one;
      2. among sources of the same standing, the latest published_date wins, ties broken by the
         smallest source_id;
      3. within one source, an exact figure before an approximate one before a bound, then the
         earliest paragraph, then the smallest figure_id.
    Never the order files were landed in. Every figure stated for the same cell is listed in
    figure_ids; cells where sources disagree are listed in fct_figure_conflicts. -#}
{#- a table, not a view: several marts and tests read it, and at scale it should be computed once.
    Kept per cell: an incremental build recomputes the cells the changed sources state, old or new
    (int_changed_cells), from every figure of those cells. -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_cells() }}",
    meta={'kept_per': 'cell'},
) }}
-- depends_on: {{ ref('int_changed_cells') }}

with

figures as (
    -- the alias is read by changed_cells_condition on an incremental run, which also keeps where
    -- each figure is stored for the final read (DuckDB's rowid: incremental runs are DuckDB's)
    select *{% if is_incremental() %}, normalised.rowid as figure_row{% endif %}
    from {{ ref('int_figures_normalised') }} as normalised  -- noqa: AL05
    where rejection_reason is null
        and qualifier not in ('range_low', 'range_high')
        -- marts that pivot a metric show reported figures: a forecast never speaks for a cell
        and not is_forecast
        and {{ changed_cells_condition('normalised') }}
),

sources as (
    select * from {{ ref('int_sources') }}
),

-- ranking and listing work on the few columns they need: at 10^7 figures, carrying every column
-- through the ranking would not fit in memory
candidates as (
    select
        figures.figure_id,
        figures.entity_id,
        figures.metric_id,
        figures.period_label,
        case when figures.is_curated then 1 else 2 end as standing_rank,
        -- the latest first, a source with no date last: days before 0001-01-01, a date never after it
        coalesce({{ dbt.datediff('sources.published_date', "cast('0001-01-01' as date)", 'day') }}, 1)
            as published_date_rank,
        figures.source_id,
        case figures.qualifier when 'exact' then 1 when 'approx' then 2 else 3 end as qualifier_rank,
        coalesce(figures.paragraph_number, 2147483647) as paragraph_rank
        {%- if is_incremental() %},
        figures.figure_row
        {%- endif %}
    from figures
    left join sources
        on figures.source_id = sources.source_id
),

-- each cell's figures, and the one that speaks for it: the first in the rule's order, taken by one
-- aggregate (a row_number() window sorted every figure: twice the CPU at 10^6 figures)
cells as (
    select
        entity_id,
        metric_id,
        period_label,
        count(*) as stated_figure_count,
        {{ listagg_sorted('figure_id', "', '") }} as figure_ids,
        {{ first_in_order('figure_id', ['standing_rank', 'published_date_rank', 'source_id', 'qualifier_rank',
                                        'paragraph_rank', 'figure_id']) }} as preferred_figure_id
    from candidates
    group by entity_id, metric_id, period_label
),

-- the preferred figures' columns read again by figure_id (figure_id is unique:
-- unique_int_figures_normalised_figure_id), not kept from the figures above: DuckDB would hold that
-- CTE, every column of every figure, in memory to read it twice. On an incremental run only the
-- rows where the preferred figures are stored are read: DuckDB then reads the few blocks holding
-- them (for up to 50 figures, its dynamic_or_filter_threshold; for more, every block, as a full
-- read), not every column of every figure
final as (
    select
        preferred.*,
        cast(1 as bigint) as preference_rank,
        cells.stated_figure_count,
        cells.figure_ids
    from {{ ref('int_figures_normalised') }} as preferred
    inner join cells
        on preferred.figure_id = cells.preferred_figure_id
    {%- if is_incremental() %}
    where preferred.rowid in (
        select candidates.figure_row from candidates
        where candidates.figure_id in (select cells.preferred_figure_id from cells)
    )
    {%- endif %}
)

select * from final
