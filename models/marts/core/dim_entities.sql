with

entities as (
    select * from {{ ref('int_entities') }}
),

aliases as (
    select * from {{ ref('int_entity_aliases') }}
),

alias_lists as (
    select
        entity_id,
        {{ listagg_sorted('alias', "'; '") }} as aliases
    from aliases
    group by entity_id
),

final as (
    select
        -- keys
        entities.entity_id,
        entities.parent_entity_id,

        -- attributes
        entities.entity_name,
        entities.entity_type,
        entities.description,
        coalesce(alias_lists.aliases, '') as aliases
    from entities
    left join alias_lists
        on entities.entity_id = alias_lists.entity_id
)

select * from final
