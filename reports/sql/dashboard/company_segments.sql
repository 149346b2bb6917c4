-- Public and industry cloud revenue by company and year, in the currency the company states them
-- in: the mart's *_amount and *_currency columns (issue 11). Until those land, the amounts are read
-- from the figures, and industry cloud (total less public, when the source does not state it) is
-- derived here, only when both amounts are in the same currency.
with

financials as (
    select * from dashboard_company_financials
),

figures as (
    select * from dashboard_figures
),

-- fct_company_financials does not name the industry cloud figure it uses when one is stated (it
-- has no industry_cloud_revenue_figure_id); take the cell's first, and read its own currency
stated_industry as (
    select
        entity_id,
        fiscal_year,
        min(figure_id) as figure_id
    from figures
    where metric_id = 'industry_cloud_revenue'
        and period_type = 'fiscal_year'
    group by entity_id, fiscal_year
),

final as (
    select
        financials.company_id,
        financials.fiscal_year,
        coalesce(financials.public_cloud_revenue_amount, public_figures.value) as public_cloud_revenue,
        coalesce(financials.public_cloud_revenue_currency, public_figures.unit) as public_cloud_currency,
        financials.public_cloud_revenue_figure_id,
        financials.is_industry_cloud_revenue_derived,
        coalesce(financials.industry_cloud_revenue_amount, case
            when not financials.is_industry_cloud_revenue_derived then industry_figures.value
            when revenue_figures.unit = public_figures.unit then revenue_figures.value - public_figures.value
        end) as industry_cloud_revenue,
        coalesce(financials.industry_cloud_revenue_currency, case
            when not financials.is_industry_cloud_revenue_derived then industry_figures.unit
            when revenue_figures.unit = public_figures.unit then revenue_figures.unit
        end) as industry_cloud_currency,
        case
            when financials.is_industry_cloud_revenue_derived
                then concat_ws(', ', financials.revenue_figure_id, financials.public_cloud_revenue_figure_id)
            else stated_industry.figure_id
        end as industry_cloud_revenue_figure_ids,
        financials.public_cloud_share_ratio
    from financials
    inner join figures as public_figures
        on financials.public_cloud_revenue_figure_id = public_figures.figure_id
    left join figures as revenue_figures
        on financials.revenue_figure_id = revenue_figures.figure_id
    left join stated_industry
        on financials.company_id = stated_industry.entity_id
        and financials.fiscal_year = stated_industry.fiscal_year
    left join figures as industry_figures
        on stated_industry.figure_id = industry_figures.figure_id
)

select * from final
order by company_id, fiscal_year
