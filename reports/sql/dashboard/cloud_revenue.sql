-- Cloud revenue and growth by provider and year, each revenue in its currency of record.
with

revenue as (
    select * from marts.fct_cloud_revenue
),

figures as (
    select * from dashboard_figures
),

final as (
    select
        revenue.provider_id,
        revenue.provider_name,
        revenue.fiscal_year,
        revenue.revenue_rank,
        revenue_figures.value as revenue,
        revenue_figures.unit as currency,
        revenue.stated_yoy_growth_ratio,
        revenue.computed_yoy_growth_ratio,
        revenue.revenue_figure_id,
        revenue.yoy_growth_figure_id
    from revenue
    left join figures as revenue_figures
        on revenue.revenue_figure_id = revenue_figures.figure_id
)

select * from final
order by fiscal_year desc, revenue_rank asc, provider_name asc
