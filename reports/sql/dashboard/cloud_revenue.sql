-- Cloud revenue and growth by provider and year, each revenue in its currency of record.
with

revenue as (
    select * from marts.fct_cloud_revenue
),

final as (
    select
        provider_id,
        provider_name,
        fiscal_year,
        revenue_rank,
        revenue_amount,
        revenue_currency,
        stated_yoy_growth_ratio,
        computed_yoy_growth_ratio,
        revenue_figure_id,
        yoy_growth_figure_id
    from revenue
)

select * from final
order by fiscal_year desc, revenue_rank asc, provider_name asc
