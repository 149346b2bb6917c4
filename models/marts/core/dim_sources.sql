{#- One row per source, with how many of its figures the marts show, how many were kept out (and
    why: audit_rejected_figures) and how many disagreements with other statements it takes part in
    (fct_figure_conflicts). Built from the marts after them. -#}
{#- An incremental build replaces the rows of the changed sources (int_changed_sources): their
    figures and rejected figures are counted from those sources' rows alone (fct_figures and
    audit_rejected_figures are kept per source); then the other sources' descriptions and conflict
    counts, which a changed source's disagreements change, are written where they differ
    (update_described_sources). A full build and Spark build every row. Not kept per source: the
    published file takes the table whole (a few bytes a source). -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_sources() }}",
    post_hook="{{ update_described_sources() }}",
) }}
-- depends_on: {{ ref('int_changed_sources') }}
with

-- the sources this build computes, with their registry row and conflict count
sources as (
    select * from ({{ described_sources() | indent(4) }}) as described
    where {{ changed_sources_condition('described.source_id') }}
),

figures as (
    select * from {{ ref('fct_figures') }}
    where {{ changed_sources_condition() }}
),

rejected_figures as (
    select * from {{ ref('audit_rejected_figures') }}
    where {{ changed_sources_condition() }}
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
        sources.conflict_count
    from sources
    left join figure_counts
        on sources.source_id = figure_counts.source_id
    left join rejected_counts
        on sources.source_id = rejected_counts.source_id
)

select * from final
