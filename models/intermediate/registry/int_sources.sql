{#- Every source: the article registry seed (with how to read each document: the entity its
    pronouns name, the currency its shared currency forms mean) and the documents landed as files. -#}
with

seeded as (
    select
        *,
        'seeds/articles/article_sources.csv' as landed_file,
        true as is_curated
    from {{ ref('stg_articles__sources') }}
),

source_context as (
    select * from {{ ref('stg_articles__source_context') }}
),

seeded_with_context as (
    select
        seeded.*,
        source_context.lead_entity_id,
        source_context.local_currency
    from seeded
    left join source_context
        on seeded.source_id = source_context.source_id
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
        lead_entity_id,
        local_currency,
        landed_file,
        is_curated
    from seeded_with_context
    union all
    select
        source_id,
        title,
        published_date,
        language,
        section,
        text_path,
        -- landed documents have no reading context: pronouns do not resolve and shared currency
        -- forms take their default
        cast(null as string) as lead_entity_id,
        cast(null as string) as local_currency,
        landed_file,
        is_curated
    from landed
)

select * from final
