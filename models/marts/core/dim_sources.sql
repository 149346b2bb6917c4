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

sources as (
    select * from {{ ref('int_sources') }}
    where {{ changed_sources_condition() }}
),

figures as (
    select * from {{ ref('int_figures_normalised') }}
    where rejection_reason is null
        and {{ changed_sources_condition() }}
),

figure_counts as (
    select
        source_id,
        count(*) as figure_count
    from figures
    group by source_id
),

final as (
    select
        -- keys
        sources.source_id,

        -- attributes
        sources.title,
        sources.published_date,
        sources.language,
        sources.section,
        sources.text_path,
        sources.lead_entity_id,
        sources.local_currency,
        sources.is_curated,
        sources.landed_file,

        -- measures
        coalesce(figure_counts.figure_count, 0) as figure_count
    from sources
    left join figure_counts
        on sources.source_id = figure_counts.source_id
)

select * from final
