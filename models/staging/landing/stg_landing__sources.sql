{#- Documents landed as files under landing/sources, one row per document. Each build reads only the
    files it has not loaded as they are now and appends them (a full build, and Spark, read all);
    before that, the rows of files changed in place or deleted since are retracted, as
    stg_landing__figures does: an incremental build reads the few new files, not every document
    landed. -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ retract_changed_landed_files(ref('base_landing__files'), \"kind = 'sources'\") }}",
) }}
-- depends_on: {{ ref('base_landing__files') }}

with

landed as (
    select * from {{ landed_rows('sources', new_landing_files('sources')) }}
),

final as (
    select
        -- keys
        source_id,

        -- attributes
        title,
        published_date,
        language,
        section,
        text_path,

        -- provenance
        landed_file,
        landed_file_hash
    from landed
)

select * from final
