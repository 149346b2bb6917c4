{#- The reported figure (not a forecast) that speaks for each entity, metric and period when the
    article states it more than once: an exact figure before an approximate one before a bound, then
    the earliest paragraph.
    Every figure stated for the same cell is listed in figure_ids. -#}
{#- a table, not a view: several marts and tests read it, and at scale it should be computed once -#}
{{ config(materialized='table') }}

with

figures as (
    select * from {{ ref('int_figures_normalised') }}
    where rejection_reason is null
        and qualifier not in ('range_low', 'range_high')
        -- marts that pivot a metric show reported figures: a forecast never speaks for a cell
        and not is_forecast
),

-- ranking and listing work on the few columns they need: at 10^7 figures, carrying every column
-- through the window would not fit in memory
candidates as (
    select
        figure_id,
        entity_id,
        metric_id,
        period_label,
        case qualifier when 'exact' then 1 when 'approx' then 2 else 3 end as qualifier_rank,
        paragraph_number
    from figures
),

ranked as (
    select
        figure_id,
        row_number() over (
            partition by entity_id, metric_id, period_label
            order by qualifier_rank, paragraph_number, figure_id
        ) as preference_rank
    from candidates
),

cells as (
    select
        entity_id,
        metric_id,
        period_label,
        count(*) as stated_figure_count,
        {{ listagg_sorted('figure_id', "', '") }} as figure_ids
    from candidates
    group by entity_id, metric_id, period_label
),

final as (
    select
        figures.*,
        ranked.preference_rank,
        cells.stated_figure_count,
        cells.figure_ids
    from figures
    inner join ranked
        on figures.figure_id = ranked.figure_id
    inner join cells
        on figures.entity_id = cells.entity_id
        and figures.metric_id = cells.metric_id
        and figures.period_label = cells.period_label
    where ranked.preference_rank = 1
)

select * from final
