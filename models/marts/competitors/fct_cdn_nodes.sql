{#- CDN node counts by provider and fiscal year. -#}
{#- A provider's rows are computed from its own figures, ranked within the year among every
    provider's. An incremental build replaces the rows of the providers a changed source names, old
    or new (int_changed_cells: delete+insert by provider, and delete_changed_entities_gone for a
    provider left with no count), then ranks every row again (update_ranks); a full build and Spark
    build every row. Not kept per entity: other providers' ranks change, so the published file takes
    the table whole. -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='delete+insert',
    unique_key='provider_id',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_entities_gone('provider_id', company_metric_figures('cdn_node_count'), 'entity_id') }}",
    post_hook="{{ update_ranks('node_count_rank', ['provider_id', 'fiscal_year'], cdn_node_ranks(this)) }}",
) }}
{%- set metric = 'cdn_node_count' %}
-- depends_on: {{ ref('int_changed_cells') }}
-- depends_on: {{ ref('int_changed_sources') }}
with

-- the node counts of the providers this build computes
figures as (
    select * from ({{ company_metric_figures(metric) | indent(4) }}) as node_figures
    where {{ changed_entities_condition('node_figures.entity_id') }}
),

{% if is_incremental() -%}
-- the counts whose quote is looked up: those of a changed source, or not shown before; a count of an
-- unchanged source shown before keeps the quote the mart shows (looking every count's figure up read
-- every figure id of int_figures_resolved: at 10^7 figures 0.9 CPU s)
looked_up as (
    select
        figure_id,
        source_id
    from figures
    where source_id in (select changed_sources.source_id from {{ ref('int_changed_sources') }} as changed_sources)
        or figure_id not in (
            select kept_rows.figure_id from {{ this }} as kept_rows
            where kept_rows.figure_id is not null
        )
),

quotes as (
    select
        kept_rows.figure_id,
        kept_rows.quote
    from {{ this }} as kept_rows
    where kept_rows.figure_id in (select figures.figure_id from figures)
        and kept_rows.figure_id not in (select looked_up.figure_id from looked_up)
    union all
    select
        resolved.figure_id,
        resolved.quote
    from {{ ref('int_figures_resolved') }} as resolved
    where resolved.source_id in (select looked_up.source_id from looked_up)
        and resolved.figure_id in (select looked_up.figure_id from looked_up)
),
{%- else -%}
-- the quotes, kept in int_figures_resolved alone (not copied through the tables between), of the node
-- counts only (at 10^7 figures the join read every accepted quote: 1.5 CPU s, 1.0 with these)
quotes as (
    {{ accepted_quotes(changed_only=false, metric_id=metric) }}
),
{%- endif %}

final as (
    select
        -- keys
        figures.entity_id as provider_id,
        figures.fiscal_year,

        -- attributes
        -- a count over a fiscal year starts with its period (curated_fiscal_years.csv moves it from
        -- January); a count at a year's end or at publication, with the calendar year it is dated in
        case
            when figures.period_type = 'fiscal_year' then figures.period_start_date
            else {{ make_date_from_parts('figures.fiscal_year', 1, 1) }}
        end as fiscal_year_start_date,
        -- the figures carry their entity's canonical name (int_figures_resolved)
        figures.entity_name as provider_name,
        figures.qualifier,

        -- measures
        cast(figures.value as bigint) as node_count,
        {{ cdn_node_rank('figures.fiscal_year', 'figures.value') }} as node_count_rank,

        -- provenance
        figures.figure_id,
        figures.figure_ids,
        quotes.quote
    from figures
    inner join quotes
        on figures.figure_id = quotes.figure_id
)

select * from final
