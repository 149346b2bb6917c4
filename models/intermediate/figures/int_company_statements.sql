{#- The reported statements about companies: the statements (int_figure_statements) of an entity of a
    company type (macro company_entity_types), forecasts left out. Written once for the marts of
    single company statements, fct_share_price_events and fct_price_cuts. -#}
{#- kept per source for its tests, as int_figure_statements it filters: on an incremental build its
    primary_key test reads the changed sources' statements and those sharing an id with them
    (macros/changed_rows_tests.sql; at 10^7 figures 2.6 CPU s reading all, 0.9 narrowed) -#}
{{ config(meta={'kept_per': 'source'}) }}

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
