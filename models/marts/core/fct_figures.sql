{#- Kept per source: an incremental build recomputes the rows of the changed sources only. Exported
    as 64 Parquet files by source (meta export_partitions, pipeline/exports.py): a publish rewrites
    only the files of the changed sources. -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_sources() }}",
    meta={'kept_per': 'source', 'export_partitions': {'files': 64, 'order_by': ['source_id', 'figure_id']}},
) }}
-- depends_on: {{ ref('int_changed_sources') }}

with

figures as (
    select * from {{ ref('int_figures_normalised') }}
    where rejection_reason is null
        and {{ changed_sources_condition() }}
),

-- the quotes, kept in int_figures_resolved alone (not copied through the tables between)
quotes as (
    {{ accepted_quotes(changed_only=true) }}
),

quoted_figures as (
    select
        figures.*,
        quotes.quote
    from figures
    inner join quotes
        on figures.figure_id = quotes.figure_id
),

final as (
    select
        -- keys
        figure_id,
        source_id,
        entity_id,
        metric_id,

        -- attributes
        entity_name,
        subject_resolution,
        metric_name,
        domain,
        period_label,
        period_type,
        period_start_date,
        period_end_date,
        fiscal_year,
        compared_figure_id,
        is_forecast,
        qualifier,
        unit,
        currency_code,
        per_unit,

        -- measures
        value,
        {%- for code in reporting_currencies() %}
        value_{{ code | lower }},
        {%- endfor %}
        fx_units_per_{{ fx_base_currency() | lower }},
        {%- for code in reporting_currencies() if code != fx_base_currency() %}
        fx_{{ code | lower }}_per_{{ fx_base_currency() | lower }},
        {%- endfor %}
        fx_missing_reason,
        last_digit_unit,

        -- provenance
        value_as_written,
        subject_as_written,
        item_as_written,
        metric_as_written,
        period_as_written,
        direction_as_written,
        paragraph_number,
        quote
    from quoted_figures
)

select * from final
