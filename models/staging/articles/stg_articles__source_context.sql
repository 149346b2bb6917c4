with

source_context as (
    select * from {{ ref('article_source_context') }}
),

final as (
    select
        -- keys
        source_id,
        lead_entity_id,

        -- attributes
        local_currency,
        note
    from source_context
)

select * from final
