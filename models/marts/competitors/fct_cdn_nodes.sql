{#- CDN node counts by provider and fiscal year. -#}
{%- set metric = 'cdn_node_count' %}
with

figures as (
    select * from {{ ref('int_figures_preferred') }}
),

-- the quotes, kept in int_figures_resolved alone (not copied through the tables between), of the node
-- counts only (at 10^7 figures the join read every accepted quote: 1.5 CPU s, 1.0 with these)
quotes as (
    {{ accepted_quotes(changed_only=false, metric_id=metric) }}
),

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
        cast(rank() over (partition by figures.fiscal_year order by figures.value desc) as bigint) as node_count_rank,

        -- provenance
        figures.figure_id,
        figures.figure_ids,
        quotes.quote
    from figures
    inner join quotes
        on figures.figure_id = quotes.figure_id
    where figures.metric_id = '{{ metric }}'
        and figures.entity_type in {{ company_entity_types() }}
)

select * from final
