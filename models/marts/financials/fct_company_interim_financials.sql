{#- One row per company and part of a year (quarter, half, the first months of a year, month) the
    sources state a reported financial figure for: the same metrics as fct_company_financials, each
    amount in its currency of record and in each reporting currency, with the growth against the same part
    of the year before when both are stated. -#}
{#- Kept per entity: an incremental build recomputes the company periods of the entities a changed
    source names, old or new (int_changed_cells); a full build and Spark build every row. -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_entities('company_id') }}",
    meta={'kept_per': 'entity', 'entity_column': 'company_id'},
) }}
{%- set amount_metrics = company_amount_metrics() -%}
{%- set ratio_metrics = company_ratio_metrics() -%}
{%- set parts = ['amount', 'currency'] -%}
{%- for code in reporting_currencies() %}{% do parts.append(code | lower) %}{% endfor %}
-- depends_on: {{ ref('int_changed_cells') }}
with

figures as (
    select * from {{ ref('int_figures_preferred') }}
    where {{ changed_entities_condition('entity_id') }}
),

interim_figures as (
    select *
    from figures
    where period_type in {{ mart_period_types('fct_company_interim_financials') }}
        and entity_type in {{ company_entity_types() }}
        and metric_id in ('{{ (amount_metrics + ratio_metrics) | join("', '") }}')
),

pivoted as (
    select
        entity_id as company_id,
        period_label,
        -- the figures carry their entity's canonical name (int_figures_resolved)
        min(entity_name) as company_name,
        min(period_type) as period_type,
        min(fiscal_year) as fiscal_year,
        min(period_start_date) as period_start_date,
        min(period_end_date) as period_end_date,
        -- the period without its year ("-Q3"), to find the same part of the year before
        min(replace(period_label, cast(fiscal_year as string), '')) as part_of_year,
        {{- pivot_company_metrics() | indent(4) }}
        {{ listagg_sorted('figure_ids', "', '") }} as figure_ids
    from interim_figures
    group by entity_id, period_label
),

with_prior as (
    select
        current_period.*,
        prior_period.period_label as prior_period_label,
        {%- for part in parts %}
        prior_period.stated_revenue_{{ part }} as prior_period_revenue_{{ part }}{{ ',' if not loop.last }}
        {%- endfor %}
    from pivoted as current_period
    left join pivoted as prior_period
        on current_period.company_id = prior_period.company_id
        and current_period.period_type = prior_period.period_type
        and current_period.part_of_year = prior_period.part_of_year
        and current_period.fiscal_year = prior_period.fiscal_year + 1
),

final as (
    select
        -- keys
        with_prior.company_id,
        with_prior.period_label,

        -- attributes
        with_prior.period_type,
        with_prior.fiscal_year,
        with_prior.period_start_date,
        with_prior.period_end_date,
        with_prior.company_name,
        with_prior.prior_period_label,

        -- measures: amounts in their currency of record, and in each reporting currency at the year's annual average rates
        {%- for metric in amount_metrics %}
        with_prior.stated_{{ metric }}_amount as {{ metric }}_amount,
        with_prior.stated_{{ metric }}_currency as {{ metric }}_currency,
        {%- for code in reporting_currencies() %}
        with_prior.stated_{{ metric }}_{{ code | lower }} as {{ metric }}_{{ code | lower }},
        {%- endfor %}
        {%- endfor %}

        -- measures: ratios
        {{ amount_ratio('with_prior.stated_revenue', 'with_prior.prior_period_revenue') }} - 1 as revenue_yoy_growth_ratio,
        with_prior.stated_revenue_yoy_growth_ratio,

        -- provenance
        {%- for metric in amount_metrics + ratio_metrics %}
        with_prior.{{ metric }}_figure_id,
        {%- endfor %}
        with_prior.figure_ids
    from with_prior
)

select * from final
