with

sources as (
    select * from {{ ref('article_sources') }}
),

final as (
    select
        -- keys
        source_id,
        lead_entity_id,

        -- attributes
        title,
        published_date,
        language,
        section,
        text_path,
        local_currency
    from sources
)

select * from final
