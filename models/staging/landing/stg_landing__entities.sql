{#- Entities landed as files under landing/entities, for documents about companies the curated seed lacks. -#}
{{ config(materialized='table') }}
-- depends_on: {{ ref('base_landing__files') }}

with

landed as (
    select * from {{ landed_rows('entities', landing_files('entities')) }}
),

final as (
    select
        -- keys
        entity_id,
        parent_entity_id,

        -- attributes
        entity_name,
        entity_type,
        description,

        -- provenance
        landed_file,
        landed_file_hash
    from landed
)

select * from final
