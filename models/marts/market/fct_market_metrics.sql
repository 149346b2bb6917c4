{#- Market-wide figures: market size and growth, cloud adoption, number of AI models and the cost
    of training them: every statement of a metric the catalogue (curated_metrics.marts) shows here.
    One row per statement; a range gives its low and high ends. Forecasts are kept, flagged. -#}
{#- Kept per entity: an incremental build recomputes the market statements of the entities a changed
    source names, old or new (int_changed_cells); a full build and Spark build every row. -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_entities('entity_id') }}",
    meta={'kept_per': 'entity', 'entity_column': 'entity_id'},
) }}
-- depends_on: {{ ref('int_changed_cells') }}
with

statements as (
    select * from {{ ref('int_figure_statements') }}
    where {{ changed_entities_condition('entity_id') }}
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
