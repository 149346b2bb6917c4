{#- The figures a claim may be computed from: one per source, entity, metric and period, chosen within
    the source as int_figures_preferred chooses (exact before approximate before a bound, then the
    earliest paragraph), of the sources claims read their figures from. A claim never sees another
    source's figure for the same cell (int_claim_checks joins on the source). Range ends and rejected
    figures are never compared. -#}
with

-- the sources whose figures a claim reads (a claim whose source does not resolve aborts the build
-- in int_claims_resolved)
claim_sources as (
    select distinct figures_source_id as source_id from {{ ref('stg_articles__claims') }}
),

usable_figures as (
    select * from {{ ref('int_figures_normalised') }}
    where rejection_reason is null
        and qualifier not in ('range_low', 'range_high')
        and source_id in (select claim_sources.source_id from claim_sources)
),

-- only the columns final names are read: the planner prunes the others below the window
ranked_figures as (
    select
        *,
        row_number() over (
            partition by source_id, entity_id, metric_id, period_label
            order by case qualifier when 'exact' then 1 when 'approx' then 2 else 3 end, paragraph_number, figure_id
        ) as preference_rank
    from usable_figures
),

final as (
    select
        -- keys
        figure_id,
        source_id,
        entity_id,
        metric_id,

        -- attributes
        period_type,
        period_label,
        fiscal_year,
        period_end_date,
        qualifier,
        paragraph_number,

        -- measures
        value,
        unit
    from ranked_figures
    where preference_rank = 1
)

select * from final
