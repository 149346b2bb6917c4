with

entities as (
    select * from {{ ref('dim_entities') }}
),

final as (
    select
        -- keys
        entity_id as company_id,
        parent_entity_id as parent_company_id,

        -- attributes
        entity_name as company_name,
        entity_type as company_type,
        description,
        aliases,
        entity_type = 'cloud_provider' as is_cloud_provider
    from entities
    where entity_type in {{ company_entity_types() }}
)

select * from final
