{#- The figure that speaks for each entity, metric and period when the article states it more
    than once: an exact figure before an approximate one before a bound, then the earliest paragraph.
    Every figure stated for the same cell is listed in figure_ids. -#}
{#- a table, not a view: several marts and tests read it, and at scale it should be computed once -#}
{{ config(materialized='table') }}

with

figures as (
    select * from {{ ref('int_figures_normalised') }}
    where rejection_reason is null
),

ranked as (
    select
        *,
        row_number() over (
            partition by entity_id, metric_id, period_label
            order by
                case qualifier when 'exact' then 1 when 'approx' then 2 else 3 end,
                paragraph_number,
                figure_id
        ) as preference_rank,
        count(*) over (partition by entity_id, metric_id, period_label) as stated_figure_count
    from figures
    where qualifier not in ('range_low', 'range_high')
),

listed as (
    select
        entity_id,
        metric_id,
        period_label,
        {{ listagg_sorted('figure_id', "', '") }} as figure_ids
    from ranked
    group by entity_id, metric_id, period_label
),

final as (
    select
        ranked.*,
        listed.figure_ids
    from ranked
    inner join listed
        on ranked.entity_id = listed.entity_id
        and ranked.metric_id = listed.metric_id
        and ranked.period_label = listed.period_label
    where ranked.preference_rank = 1
)

select * from final
