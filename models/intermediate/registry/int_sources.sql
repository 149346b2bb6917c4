{#- Every source: the article registry seed and the documents landed as files. -#}
with

seeded as (
    select
        *,
        'seeds/articles/article_sources.csv' as landed_file,
        true as is_curated
    from {{ ref('stg_articles__sources') }}
),

landed as (
    select
        *,
        false as is_curated
    from {{ ref('stg_landing__sources') }}
),

final as (
    select
        source_id,
        title,
        published_date,
        language,
        section,
        text_path,
        landed_file,
        is_curated
    from seeded
    union all
    select
        source_id,
        title,
        published_date,
        language,
        section,
        text_path,
        landed_file,
        is_curated
    from landed
)

select * from final
