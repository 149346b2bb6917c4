{#- What the marts of each catalogue metric take, for the draft's metric guess (python -m pipeline
    draft, tag:draft): a row per metric and entity type a mart of it lists (with whether that mart
    needs an item: a price cut's product), and a row per metric with entity_type '' for the
    metric's own flags (a mart takes any entity type; a mart lists period types; its only mart is
    fct_figures, a metric added for one article, which takes any period). -#}

with

metrics as (
    select * from {{ ref('stg_curated__metrics') }}
),

marts as (
    select * from {{ ref('stg_curated__marts') }}
),

-- which entity types each metric's marts take: 0 a mart lists the type, 1 a mart takes any type
-- (or the metric has no mart but fct_figures), else 2 (revenue growth is a company's, market growth a market's)
metric_marts as (
    {{ split_to_rows('metrics', 'metric_id', 'marts', ';') | indent(4) }}
),

mart_types as (
    {{ split_to_rows('marts', 'mart', 'entity_types', ';') | indent(4) }}
),

metric_fit as (
    select
        metric_marts.key as metric_id,
        mart_types.value as entity_type,
        max(coalesce(marts.needs_item, false)) as needs_item
    from metric_marts
    inner join marts
        on metric_marts.value = marts.mart
    inner join mart_types
        on marts.mart = mart_types.key
    where mart_types.value <> ''
    group by metric_marts.key, mart_types.value
),

metric_takes_any as (
    select distinct metric_marts.key as metric_id
    from metric_marts
    left join marts
        on metric_marts.value = marts.mart
    where metric_marts.value = 'fct_figures'
        or coalesce(marts.entity_types, '') = ''
),

metric_takes_periods as (
    select distinct metric_marts.key as metric_id
    from metric_marts
    inner join marts
        on metric_marts.value = marts.mart
    where coalesce(marts.period_types, '') <> ''
),

-- a metric whose only mart is fct_figures (a metric added for one article): no mart says which
-- periods it takes, so it takes any, the leading one too
metric_only_in_figures as (
    select key as metric_id
    from metric_marts
    group by key
    having min(value) = 'fct_figures' and max(value) = 'fct_figures'
),

final as (
    select
        -- keys
        metric_id,
        entity_type,

        -- attributes
        cast(null as string) as metric_name,
        cast(null as string) as unit_kind,
        cast(null as boolean) as is_signed_change,
        needs_item,
        false as takes_any_type,
        false as takes_periods,
        false as is_only_in_figures
    from metric_fit
    union all
    select
        metric_ids.metric_id,
        '' as entity_type,
        metric_ids.metric_name,
        metric_ids.unit_kind,
        metric_ids.is_signed_change,
        false as needs_item,
        metric_takes_any.metric_id is not null as takes_any_type,
        metric_takes_periods.metric_id is not null as takes_periods,
        metric_only_in_figures.metric_id is not null as is_only_in_figures
    -- distinct: a catalogue row written twice (two fixtures adding one metric) makes no second row
    from (
        select distinct
            metric_id,
            metric_name,
            unit_kind,
            is_signed_change
        from metrics
    ) as metric_ids
    left join metric_takes_any
        on metric_ids.metric_id = metric_takes_any.metric_id
    left join metric_takes_periods
        on metric_ids.metric_id = metric_takes_periods.metric_id
    left join metric_only_in_figures
        on metric_ids.metric_id = metric_only_in_figures.metric_id
)

select * from final
