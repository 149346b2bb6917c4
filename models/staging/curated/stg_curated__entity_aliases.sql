with

aliases as (
    select * from {{ ref('curated_entity_aliases') }}
),

final as (
    select
        -- keys
        alias,
        entity_id,

        -- attributes
        lower(trim(alias)) as alias_key,
        note
    from aliases
)

select * from final
