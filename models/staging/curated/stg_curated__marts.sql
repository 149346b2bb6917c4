with

marts as (
    select * from {{ ref('curated_marts') }}
),

final as (
    select
        -- keys
        mart,

        -- attributes
        entity_types,
        period_types,
        needs_item,
        takes_forecasts,
        description
    from marts
)

select * from final
