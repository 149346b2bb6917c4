-- Every source: curated ones (the article registry seed) get a page each, landed ones an index.
with

sources as (
    select * from marts.dim_sources
),

final as (
    select
        source_id,
        title,
        published_date,
        language,
        section,
        is_curated,
        landed_file,
        figure_count
    from sources
)

select * from final
order by published_date desc nulls last, source_id asc
