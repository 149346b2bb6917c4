{#- Every alias: the curated seed and the aliases landed as files. -#}
with

curated as (
    select
        *,
        'seeds/curated/curated_entity_aliases.csv' as landed_file
    from {{ ref('stg_curated__entity_aliases') }}
),

landed as (
    select * from {{ ref('stg_landing__entity_aliases') }}
),

final as (
    select
        alias,
        entity_id,
        alias_key,
        note,
        landed_file
    from curated
    union all
    select
        alias,
        entity_id,
        alias_key,
        note,
        landed_file
    from landed
)

select * from final
