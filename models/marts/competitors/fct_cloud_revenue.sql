{#- Cloud revenue and growth by provider and fiscal year, for every provider the sources give an
    annual revenue or growth figure for, with the prior-year revenue a stated growth implies.
    Revenue keeps its currency of record; reported figures only. The company years of
    fct_company_financials that state a revenue or a growth (the pivot of the preferred figures is
    written once, there), with the growth figure's qualifier. -#}
{#- A provider's rows are computed from its own company years, ranked within the year among every
    provider's: an incremental build replaces the rows of the providers a changed source names, old
    or new (int_changed_cells), then ranks every row again (update_ranks); a full build and Spark
    build every row. -#}
{%- set primary = primary_reporting_currency() | lower %}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_entities('provider_id') }}",
    post_hook="{{ update_ranks('revenue_rank', ['provider_id', 'fiscal_year'], cloud_revenue_ranks(this)) }}",
) }}
-- depends_on: {{ ref('int_changed_cells') }}
with

-- the company years' columns this mart reads: DuckDB keeps this CTE, read twice, in memory, and with
-- every column it held every metric of every company year read (at 10^7 figures an incremental build's
-- query took 1.6 CPU s, most of it reading the 43 columns)
company_years as (
    select
        company_id,
        fiscal_year,
        fiscal_year_start_date,
        company_name,
        revenue_amount,
        revenue_currency,
        {%- for code in reporting_currencies() %}
        revenue_{{ code | lower }},
        {%- endfor %}
        revenue_figure_id,
        stated_revenue_yoy_growth_ratio,
        revenue_yoy_growth_figure_id
    from {{ ref('fct_company_financials') }}
    where {{ changed_entities_condition('company_id') }}
),

-- the growth figures the company years cite, with their qualifier (read from the figures mart, as
-- the company years are read from theirs). A company year's <metric>_figure_id is a figure of that
-- metric (pivot_company_metrics): the figures of the growth metric are looked up alone, where
-- matching a few figure ids read the id of every figure (at 10^7 figures 0.44-0.59 -> 0.25-0.31
-- CPU s for the whole query on an add-one)
figures as (
    select
        figure_id,
        qualifier
    from {{ ref('fct_figures') }}
    where metric_id = 'revenue_yoy_growth'
        and figure_id in (select company_years.revenue_yoy_growth_figure_id from company_years)
),

annual as (
    select
        company_years.company_id as provider_id,
        company_years.fiscal_year,
        company_years.company_name as provider_name,
        company_years.revenue_amount,
        company_years.revenue_currency,
        {%- for code in reporting_currencies() %}
        company_years.revenue_{{ code | lower }},
        {%- endfor %}
        company_years.revenue_figure_id,
        company_years.fiscal_year_start_date,
        company_years.stated_revenue_yoy_growth_ratio as stated_yoy_growth_ratio,
        company_years.revenue_yoy_growth_figure_id as yoy_growth_figure_id,
        growth_figures.qualifier as yoy_growth_qualifier
    from company_years
    left join figures as growth_figures
        on company_years.revenue_yoy_growth_figure_id = growth_figures.figure_id
    where company_years.revenue_figure_id is not null
        or company_years.revenue_yoy_growth_figure_id is not null
),

with_prior as (
    select
        current_year.*,
        prior_year.revenue_amount as prior_year_revenue_amount,
        {%- for code in reporting_currencies() %}
        prior_year.revenue_{{ code | lower }} as prior_year_revenue_{{ code | lower }},
        {%- endfor %}
        prior_year.revenue_currency as prior_year_revenue_currency
    from annual as current_year
    left join annual as prior_year
        on current_year.provider_id = prior_year.provider_id
        and current_year.fiscal_year = prior_year.fiscal_year + 1
),

final as (
    select
        -- keys
        with_prior.provider_id,
        with_prior.fiscal_year,

        -- attributes
        with_prior.fiscal_year_start_date,
        with_prior.provider_name,
        with_prior.yoy_growth_qualifier,

        -- measures: revenue in its currency of record, and in each reporting currency (var
        -- reporting_currencies) at the year's annual average rates; the implied and stated prior
        -- year's revenue and the rank in the first reporting currency
        with_prior.revenue_amount,
        with_prior.revenue_currency,
        {%- for code in reporting_currencies() %}
        with_prior.revenue_{{ code | lower }},
        {%- endfor %}
        with_prior.stated_yoy_growth_ratio,
        with_prior.revenue_{{ primary }} / (1 + with_prior.stated_yoy_growth_ratio) as implied_prior_year_revenue_{{ primary }},
        with_prior.prior_year_revenue_{{ primary }} as stated_prior_year_revenue_{{ primary }},
        {{ amount_ratio('with_prior.revenue', 'with_prior.prior_year_revenue') }} - 1 as computed_yoy_growth_ratio,
        {{ cloud_revenue_rank('with_prior.fiscal_year', 'with_prior.revenue_' ~ primary) }} as revenue_rank,

        -- provenance
        with_prior.revenue_figure_id,
        with_prior.yoy_growth_figure_id
    from with_prior
)

select * from final
