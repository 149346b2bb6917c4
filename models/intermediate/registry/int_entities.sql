{#- Every entity: the curated seed and the entities landed as files. -#}
with

curated as (
    select
        *,
        'seeds/curated/curated_entities.csv' as landed_file
    from {{ ref('stg_curated__entities') }}
),

landed as (
    select * from {{ ref('stg_landing__entities') }}
),

final as (
    select
        entity_id,
        parent_entity_id,
        entity_name,
        entity_type,
        description,
        landed_file
    from curated
    union all
    select
        entity_id,
        parent_entity_id,
        entity_name,
        entity_type,
        description,
        landed_file
    from landed
)

select * from final
