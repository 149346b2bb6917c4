-- The figures the pages show: those named in $figure_ids, and every figure of a curated source.
-- Each gives its value in its own unit or currency, its forecast flag and its quote.
with

figures as (
    select * from marts.fct_figures
),

metrics as (
    select * from marts.dim_metrics
),

sources as (
    select * from marts.dim_sources
),

wanted as (
    select unnest(cast($figure_ids as varchar[])) as figure_id
),

final as (
    select
        figures.figure_id,
        figures.source_id,
        sources.title as source_title,
        sources.is_curated as is_curated_source,
        figures.entity_id,
        figures.entity_name,
        figures.metric_id,
        figures.metric_name,
        metrics.unit_kind,
        figures.period_label,
        figures.period_type,
        figures.period_start_date,
        figures.fiscal_year,
        figures.qualifier,
        figures.value,
        figures.unit,
        figures.per_unit,
        figures.is_forecast,
        figures.value_as_written,
        figures.paragraph_number,
        figures.quote
    from figures
    inner join metrics
        on figures.metric_id = metrics.metric_id
    inner join sources
        on figures.source_id = sources.source_id
    where sources.is_curated
        or figures.figure_id in (select wanted.figure_id from wanted)
)

select * from final
order by source_id, paragraph_number, figure_id
