{#- The reported statements about companies: the statements (int_figure_statements) of an entity of a
    company type (macro company_entity_types), forecasts left out. Written once for the marts of
    single company statements, fct_share_price_events and fct_price_cuts. -#}
with

statements as (
    select * from {{ ref('int_figure_statements') }}
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
        period_type,
        period_label,
        period_start_date,
        period_end_date,
        currency_code,
        item_as_written,
        value_as_written,
        qualifier,

        -- measures: the interval the statement allows
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
    where not is_forecast
        and entity_type in {{ company_entity_types() }}
)

select * from final
