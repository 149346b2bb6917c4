{#- Market-wide figures: market size and growth, cloud adoption, number of AI models and the cost
    of training them: every statement of a metric the catalogue (curated_metrics.marts) shows here.
    One row per statement; a range gives its low and high ends. Forecasts are kept, flagged. -#}
with

statements as (
    select * from {{ ref('int_figure_statements') }}
),

metrics as (
    select * from {{ ref('stg_curated__metrics') }}
),

market_metrics as (
    select metric_id
    from metrics
    where {{ dbt.position("';fct_market_metrics;'", "';' || marts || ';'") }} > 0
),

final as (
    select
        -- keys
        statement_id,
        entity_id,
        metric_id,

        -- attributes
        entity_name,
        metric_name,
        period_label,
        period_type,
        period_start_date,
        period_end_date,
        fiscal_year,
        unit,
        per_unit,
        qualifier,
        is_forecast,
        value_as_written,

        -- measures
        value_low,
        value_high,
        value_low_cny,
        value_high_cny,
        value_low_usd,
        value_high_usd,

        -- provenance
        figure_ids,
        quote
    from statements
    where metric_id in (select market_metrics.metric_id from market_metrics)
)

select * from final
