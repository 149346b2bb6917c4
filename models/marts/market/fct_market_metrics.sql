{#- Market-wide figures: market size and growth, cloud adoption, number of AI models and the cost
    of training them: every statement of a metric the catalogue (curated_metrics.marts) shows here.
    One row per statement; a range gives its low and high ends. Forecasts are kept, flagged. -#}
{#- Kept per source: every row is one statement of one source, so an incremental build recomputes
    the rows of the changed sources only (int_changed_sources); a full build and Spark build every row. -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_sources() }}",
    meta={'kept_per': 'source'},
) }}
-- depends_on: {{ ref('int_changed_sources') }}
with

statements as (
    select * from {{ ref('int_figure_statements') }}
    where {{ changed_sources_condition() }}
),

final as (
    select
        -- keys
        statement_id,
        source_id,
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
        {%- for code in reporting_currencies() %}
        value_low_{{ code | lower }},
        value_high_{{ code | lower }},
        {%- endfor %}

        -- provenance
        figure_ids,
        quote
    from statements
    -- the metrics whose catalogue row (seeds/curated/curated_metrics.csv) names this mart
    where metric_id in {{ mart_metric_ids('fct_market_metrics') }}
)

select * from final
