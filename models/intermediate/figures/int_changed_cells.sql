{#- The cells (entity, metric, period) whose aggregates this build recomputes: every cell a changed
    source (int_changed_sources) states now, or stated in the last build (read from the statements
    kept then, before int_figure_statements is brought up to date: it runs after this model).
    Without a last build, every cell. -#}
{{ config(materialized='table') }}
{%- set kept_statements = existing_relation('intermediate', 'int_figure_statements') %}
{%- set loaded_files = loaded_state_relation('loaded_file_sources') %}

with

changed_sources as (
    select * from {{ ref('int_changed_sources') }}
),

figures as (
    select * from {{ ref('int_figures_normalised') }}
    where rejection_reason is null
),

current_cells as (
    select
        figures.entity_id,
        figures.metric_id,
        figures.period_label
    from figures
    inner join changed_sources
        on figures.source_id = changed_sources.source_id
),

{% if kept_statements is not none and loaded_files is not none %}
earlier_cells as (
    select
        kept_statements.entity_id,
        kept_statements.metric_id,
        kept_statements.period_label
    from {{ kept_statements }} as kept_statements
    inner join changed_sources
        on kept_statements.source_id = changed_sources.source_id
),
{% else %}
earlier_cells as (
    select *
    from current_cells
    where false
),
{% endif %}

final as (
    select
        entity_id,
        metric_id,
        period_label
    from current_cells
    union
    select
        entity_id,
        metric_id,
        period_label
    from earlier_cells
)

select * from final
