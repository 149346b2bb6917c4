-- Every company year of fct_company_financials (years with no stated figure included), with the
-- ratios the mart computes, the figures each is computed from, and every figure of the year.
with

financials as (
    select * from marts.fct_company_financials
),

with_prior as (
    select
        *,
        lag(revenue_figure_id) over (partition by company_id order by fiscal_year) as prior_revenue_figure_id
    from financials
),

final as (
    select
        company_id,
        fiscal_year,
        has_stated_figures,
        revenue_yoy_growth_ratio,
        concat_ws(', ', revenue_figure_id, prior_revenue_figure_id) as revenue_yoy_growth_figure_ids,
        public_cloud_share_ratio,
        concat_ws(', ', public_cloud_revenue_figure_id, revenue_figure_id) as public_cloud_share_figure_ids,
        rd_intensity_ratio,
        concat_ws(', ', rd_expense_figure_id, revenue_figure_id) as rd_intensity_figure_ids,
        net_loss_margin_ratio,
        concat_ws(', ', net_loss_figure_id, revenue_figure_id) as net_loss_margin_figure_ids,
        -- every figure of the company year, those that restate a value a cell speaks for included
        figure_ids
    from with_prior
)

select * from final
order by company_id, fiscal_year
