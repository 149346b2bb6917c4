{#- Aliases landed as files under landing/entity_aliases: the names landed documents use for entities. -#}
{{ config(materialized='table') }}
-- depends_on: {{ ref('base_landing__files') }}

with

landed as (
    select * from {{ landed_rows('entity_aliases', landing_files('entity_aliases')) }}
),

final as (
    select
        -- keys
        alias,
        entity_id,

        -- attributes
        {{ alias_key('alias') }} as alias_key,
        note,

        -- provenance
        landed_file,
        landed_file_hash
    from landed
)

select * from final
