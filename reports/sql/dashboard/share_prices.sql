-- Share price events by company, in time order, each price in its own currency.
with

events as (
    select * from dashboard_share_price_events
),

figures as (
    select * from dashboard_figures
),

metrics as (
    select * from marts.dim_metrics
),

event_figure_ids as (
    select
        event_id,
        unnest(string_split(figure_ids, ', ')) as figure_id
    from events
),

event_figures as (
    select
        event_figure_ids.event_id,
        -- the currency of the price figure(s) the event's price comes from
        max(case when metrics.unit_kind = 'currency' then figures.unit end) as price_currency,
        min(figures.period_end_date) as period_end_date
    from event_figure_ids
    inner join figures
        on event_figure_ids.figure_id = figures.figure_id
    inner join metrics
        on figures.metric_id = metrics.metric_id
    group by event_figure_ids.event_id
),

final as (
    select
        events.company_id,
        events.event_id,
        events.event_type,
        events.period_label,
        events.event_date,
        events.price_qualifier,
        events.is_price_derived,
        events.share_price,
        coalesce(events.share_price_currency, event_figures.price_currency) as currency,
        events.change_from_ipo_ratio,
        events.drawdown_from_peak_ratio,
        events.stated_change_from_ipo_ratio,
        events.stated_change_from_peak_ratio,
        events.figure_ids,
        coalesce(events.change_figure_ids, events.figure_ids) as change_figure_ids,
        coalesce(events.event_date, event_figures.period_end_date) as sort_date
    from events
    left join event_figures
        on events.event_id = event_figures.event_id
)

select * from final
order by company_id, sort_date nulls last, is_price_derived, event_id
