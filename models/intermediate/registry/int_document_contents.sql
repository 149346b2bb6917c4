{#- One row per source that states figures (the article seeds and landed files): how many figures it
    states and a fingerprint of its figure rows with their ids (figure_id, source_id) left out. Two
    sources with the same fingerprint are one document landed twice under new ids, whose facts
    would count twice: the test assert_no_duplicate_documents stops the build on them. Kept per
    source: an incremental build recomputes the rows of the changed sources only. -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_sources() }}",
    meta={'kept_per': 'source'},
) }}
-- depends_on: {{ ref('int_changed_sources') }}
{%- set content_columns = [
    'paragraph_number', 'subject_as_written', 'item_as_written', 'metric_id', 'metric_as_written',
    'period_as_written', 'value_as_written', 'range_position', 'direction_as_written', 'quote',
] %}

with

curated_figures as (
    select * from {{ ref('stg_articles__figures') }}
    where {{ changed_sources_condition() }}
),

landed_figures as (
    select * from {{ ref('stg_landing__figures') }}
    where {{ changed_sources_condition() }}
),

figures as (
    select
        source_id,
        landed_file,
        {{ row_fingerprint(content_columns) }} as row_fingerprint
    from curated_figures
    union all
    select
        source_id,
        landed_file,
        {{ row_fingerprint(content_columns) }} as row_fingerprint
    from landed_figures
),

final as (
    select
        -- keys
        source_id,

        -- attributes
        min(landed_file) as landed_file,

        -- measures
        count(*) as figure_count,
        sum(row_fingerprint) as content_fingerprint
    from figures
    group by source_id
)

select * from final
