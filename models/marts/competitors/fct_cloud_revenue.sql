{#- Cloud revenue and growth by provider and fiscal year, for every provider the sources give an
    annual revenue or growth figure for, with the prior-year revenue a stated growth implies.
    Revenue keeps its currency of record; reported figures only. -#}
with

figures as (
    select * from {{ ref('int_figures_preferred') }}
),

companies as (
    select * from {{ ref('dim_companies') }}
),

annual as (
    select
        entity_id as provider_id,
        fiscal_year,
        max(case when metric_id = 'revenue' then value end) as revenue_amount,
        max(case when metric_id = 'revenue' then currency_code end) as revenue_currency,
        max(case when metric_id = 'revenue' then value_cny end) as revenue_cny,
        max(case when metric_id = 'revenue' then value_usd end) as revenue_usd,
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
    group by entity_id, fiscal_year
),

with_prior as (
    select
        current_year.*,
        prior_year.revenue_amount as prior_year_revenue_amount,
        prior_year.revenue_currency as prior_year_revenue_currency,
        prior_year.revenue_cny as prior_year_revenue_cny,
        prior_year.revenue_usd as prior_year_revenue_usd
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
        companies.company_name as provider_name,
        with_prior.yoy_growth_qualifier,

        -- measures: revenue in its currency of record, and in CNY and USD at the year's annual average rates
        with_prior.revenue_amount,
        with_prior.revenue_currency,
        with_prior.revenue_cny,
        with_prior.revenue_usd,
        with_prior.stated_yoy_growth_ratio,
        with_prior.revenue_cny / (1 + with_prior.stated_yoy_growth_ratio) as implied_prior_year_revenue_cny,
        with_prior.prior_year_revenue_cny as stated_prior_year_revenue_cny,
        {{ amount_ratio('with_prior.revenue', 'with_prior.prior_year_revenue') }} - 1 as computed_yoy_growth_ratio,
        cast(rank() over (partition by with_prior.fiscal_year order by with_prior.revenue_cny desc) as bigint) as revenue_rank,

        -- provenance
        with_prior.revenue_figure_id,
        with_prior.yoy_growth_figure_id
    from with_prior
    inner join companies
        on with_prior.provider_id = companies.company_id
)

select * from final
