{#- Cloud revenue and growth by provider and fiscal year, for every provider the sources give an
    annual revenue or growth figure for, with the prior-year revenue a stated growth implies.
    Revenue keeps its currency of record; reported figures only. -#}
{%- set primary = primary_reporting_currency() | lower %}
with

figures as (
    select * from {{ ref('int_figures_preferred') }}
),

annual as (
    select
        entity_id as provider_id,
        fiscal_year,
        -- the figures carry their entity's canonical name (int_figures_resolved)
        min(entity_name) as provider_name,
        max(case when metric_id = 'revenue' then value end) as revenue_amount,
        max(case when metric_id = 'revenue' then currency_code end) as revenue_currency,
        {%- for code in reporting_currencies() %}
        max(case when metric_id = 'revenue' then value_{{ code | lower }} end) as revenue_{{ code | lower }},
        {%- endfor %}
        max(case when metric_id = 'revenue' then figure_id end) as revenue_figure_id,
        -- the fiscal year's first day as its figures' periods give it (curated_fiscal_years.csv
        -- moves it from January for a company whose fiscal year ends in another month)
        min(period_start_date) as fiscal_year_start_date,
        max(case when metric_id = 'revenue_yoy_growth' then value end) as stated_yoy_growth_ratio,
        max(case when metric_id = 'revenue_yoy_growth' then figure_id end) as yoy_growth_figure_id,
        max(case when metric_id = 'revenue_yoy_growth' then qualifier end) as yoy_growth_qualifier
    from figures
    where metric_id in ('revenue', 'revenue_yoy_growth')
        and period_type = 'fiscal_year'
        -- the providers are companies
        and entity_type in {{ company_entity_types() }}
    group by entity_id, fiscal_year
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
        cast(rank() over (partition by with_prior.fiscal_year order by with_prior.revenue_{{ primary }} desc) as bigint) as revenue_rank,

        -- provenance
        with_prior.revenue_figure_id,
        with_prior.yoy_growth_figure_id
    from with_prior
)

select * from final
