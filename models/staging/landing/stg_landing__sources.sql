{#- Documents landed as files under landing/sources, one row per document. -#}
{{ config(materialized='table') }}
-- depends_on: {{ ref('base_landing__files') }}

with

landed as (
    select * from {{ landed_rows('sources', landing_files('sources')) }}
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
