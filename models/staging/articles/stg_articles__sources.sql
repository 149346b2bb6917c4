with

sources as (
    select * from {{ ref('article_sources') }}
),

final as (
    select
        -- keys
        source_id,

        -- attributes
        title,
        published_date,
        language,
        section,
        text_path
    from sources
)

select * from final
