with

entities as (
    select * from {{ ref('curated_entities') }}
),

final as (
    select
        -- keys
        entity_id,
        parent_entity_id,

        -- attributes
        entity_name,
        entity_type,
        description
    from entities
)

select * from final
