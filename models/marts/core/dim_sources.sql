{#- One row per source, with how many of its figures the marts show, how many were kept out (and
    why: audit_rejected_figures) and how many disagreements with other statements it takes part in
    (fct_figure_conflicts). Built from the marts after them: a table over every source (a few bytes
    a source), not kept per source. -#}
with

sources as (
    select * from {{ ref('int_sources') }}
),

figures as (
    select * from {{ ref('fct_figures') }}
),

rejected_figures as (
    select * from {{ ref('audit_rejected_figures') }}
),

conflicts as (
    select * from {{ ref('fct_figure_conflicts') }}
),

figure_counts as (
    select
        source_id,
        count(*) as figure_count
    from figures
    group by source_id
),

rejected_counts as (
    select
        source_id,
        count(*) as rejected_figure_count
    from rejected_figures
    group by source_id
),

-- a pair within one source counts once for it
conflict_sources as (
    select
        conflict_id,
        first_source_id as source_id
    from conflicts
    union
    select
        conflict_id,
        second_source_id as source_id
    from conflicts
),

conflict_counts as (
    select
        source_id,
        count(*) as conflict_count
    from conflict_sources
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
        sources.lead_entity_id,
        sources.local_currency,
        sources.is_curated,
        sources.landed_file,

        -- measures
        coalesce(figure_counts.figure_count, 0) as figure_count,
        coalesce(rejected_counts.rejected_figure_count, 0) as rejected_figure_count,
        coalesce(conflict_counts.conflict_count, 0) as conflict_count
    from sources
    left join figure_counts
        on sources.source_id = figure_counts.source_id
    left join rejected_counts
        on sources.source_id = rejected_counts.source_id
    left join conflict_counts
        on sources.source_id = conflict_counts.source_id
)

select * from final
