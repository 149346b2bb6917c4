-- Run first, on the dashboard's read-only connection. The other queries read three marts through
-- these temporary views, in the shape issue 11 gives them: fct_figures with is_forecast; share
-- prices in their currency of record (share_price, share_price_currency) with the ids of the stated
-- changes; fct_company_financials with each segment's amount in its currency of record. A column a
-- mart does not have yet comes through as NULL (a union by name with no rows); one it has comes
-- through as it is. Once those columns have landed, the empty selects below can go.
create or replace temp view dashboard_figures as
with

published as (
    select * from marts.fct_figures
    union all by name
    select cast(null as boolean) as is_forecast
    where false
),

final as (
    select
        * exclude (is_forecast),
        coalesce(is_forecast, false) as is_forecast
    from published
)

select * from final;

create or replace temp view dashboard_share_price_events as
with

published as (
    select * from marts.fct_share_price_events
    union all by name
    select
        cast(null as double) as share_price,
        cast(null as double) as share_price_usd,
        cast(null as varchar) as share_price_currency,
        cast(null as varchar) as change_figure_ids
    where false
),

final as (
    select
        * exclude (share_price, share_price_usd),
        -- before issue 11, share_price_usd holds the price as the source states it
        coalesce(share_price, share_price_usd) as share_price
    from published
)

select * from final;

create or replace temp view dashboard_company_financials as
select * from marts.fct_company_financials
union all by name
select
    cast(null as double) as public_cloud_revenue_amount,
    cast(null as varchar) as public_cloud_revenue_currency,
    cast(null as double) as industry_cloud_revenue_amount,
    cast(null as varchar) as industry_cloud_revenue_currency
where false;
