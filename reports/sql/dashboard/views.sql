-- Run first, on the dashboard's read-only connection. The other queries read fct_figures and
-- fct_share_price_events through these temporary views, in the shape issue 11 gives those marts:
-- fct_figures with is_forecast (and, possibly, a currency column beside unit); share prices in their
-- own currency (share_price, currency) instead of share_price_usd. A column a mart does not have yet
-- comes through as NULL (a union by name with no rows); one it has comes through as it is. When the
-- columns have landed, the empty selects below can go.
create or replace temp view dashboard_figures as
with

published as (
    select * from marts.fct_figures
    union all by name
    select
        cast(null as boolean) as is_forecast,
        cast(null as varchar) as currency
    where false
),

final as (
    select
        * exclude (unit, currency, is_forecast),
        -- for an amount, the code of its currency of record; else the unit (ratio, count)
        coalesce(currency, unit) as unit,
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
        cast(null as varchar) as currency
    where false
),

final as (
    select
        * exclude (share_price, share_price_usd),
        coalesce(share_price, share_price_usd) as share_price
    from published
)

select * from final;
