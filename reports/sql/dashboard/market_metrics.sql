-- Market-wide figures by market, metric and period. Statements of the same value are one row, with
-- how many statements gave it and the figures of the first.
with

statements as (
    select * from marts.fct_market_metrics
),

grouped as (
    select
        entity_id,
        entity_name,
        metric_id,
        metric_name,
        period_label,
        period_start_date,
        unit,
        per_unit,
        qualifier,
        value_low,
        value_high,
        count(*) as statement_count,
        arg_min(value_as_written, statement_id) as value_as_written,
        arg_min(figure_ids, statement_id) as figure_ids
    from statements
    group by all
)

select * from grouped
order by metric_id, unit, entity_name, period_start_date nulls last, period_label
