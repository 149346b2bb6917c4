{#- Landed figures kept out of the marts, with the file they came from and the reason. The build
    prints how many there are per file and reason. -#}
{#- Kept per source: an incremental build recomputes the rows of the changed sources only. -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_sources() }}",
    meta={'kept_per': 'source'},
) }}
-- depends_on: {{ ref('int_changed_sources') }}

with

figures as (
    select * from {{ ref('int_figures_normalised') }}
    where rejection_reason is not null
        and {{ changed_sources_condition() }}
),

final as (
    select
        -- keys
        figure_id,
        source_id,

        -- attributes
        landed_file,
        subject_as_written,
        metric_id,
        period_as_written,
        value_as_written,
        rejection_reason
    from figures
)

select * from final
