with

sources as (
    select * from {{ ref('int_sources') }}
),

figures as (
    select * from {{ ref('int_figures_normalised') }}
    where rejection_reason is null
),

figure_counts as (
    select
        source_id,
        count(*) as figure_count
    from figures
    group by source_id
),

final as (
    select
        -- keys
        sources.source_id,

        -- attributes
        sources.title,
        sources.published_date,
        sources.language,
        sources.section,
        sources.text_path,
        sources.is_curated,
        sources.landed_file,

        -- measures
        coalesce(figure_counts.figure_count, 0) as figure_count
    from sources
    left join figure_counts
        on sources.source_id = figure_counts.source_id
)

select * from final
