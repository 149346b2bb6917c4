-- Public and industry cloud revenue by company and year, each in its currency of record, as
-- fct_company_financials gives them, with the figures each amount comes from: a derived industry
-- cloud amount (total less public) names the two figures it is computed from, a stated one the
-- industry cloud figures of the mart's cell (its figure_ids).
with

financials as (
    select * from marts.fct_company_financials
),

figures as (
    select * from marts.fct_figures
),

cell_figure_ids as (
    select
        company_id,
        fiscal_year,
        unnest(string_split(figure_ids, ', ')) as figure_id
    from financials
    where not is_industry_cloud_revenue_derived
        and industry_cloud_revenue_amount is not null
),

stated_industry as (
    select
        cell_figure_ids.company_id,
        cell_figure_ids.fiscal_year,
        string_agg(cell_figure_ids.figure_id, ', ' order by cell_figure_ids.figure_id) as figure_ids
    from cell_figure_ids
    inner join figures
        on cell_figure_ids.figure_id = figures.figure_id
    where figures.metric_id = 'industry_cloud_revenue'
    group by cell_figure_ids.company_id, cell_figure_ids.fiscal_year
),

final as (
    select
        financials.company_id,
        financials.fiscal_year,
        financials.public_cloud_revenue_amount,
        financials.public_cloud_revenue_currency,
        financials.public_cloud_revenue_figure_id as public_cloud_revenue_figure_ids,
        financials.is_industry_cloud_revenue_derived,
        financials.industry_cloud_revenue_amount,
        financials.industry_cloud_revenue_currency,
        case
            when financials.is_industry_cloud_revenue_derived
                then concat_ws(', ', financials.revenue_figure_id, financials.public_cloud_revenue_figure_id)
            else stated_industry.figure_ids
        end as industry_cloud_revenue_figure_ids,
        financials.public_cloud_share_ratio,
        concat_ws(', ', financials.public_cloud_revenue_figure_id, financials.revenue_figure_id)
            as public_cloud_share_figure_ids
    from financials
    left join stated_industry
        on financials.company_id = stated_industry.company_id
        and financials.fiscal_year = stated_industry.fiscal_year
    where financials.public_cloud_revenue_amount is not null
        or financials.industry_cloud_revenue_amount is not null
)

select * from final
order by company_id, fiscal_year
