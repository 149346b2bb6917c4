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
        {{ alias_key('alias') }} as alias_key,
        note
    from aliases
)

select * from final
