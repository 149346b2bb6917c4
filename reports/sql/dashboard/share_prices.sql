-- Share price events by company, in time order, each price in its currency of record.
with

events as (
    select * from marts.fct_share_price_events
),

figures as (
    select * from marts.fct_figures
),

event_figure_ids as (
    select
        event_id,
        unnest(string_split(figure_ids, ', ')) as figure_id
    from events
),

-- an event with no date of its own (an IPO in a fiscal year) is placed by the end of its figures' period
event_ends as (
    select
        event_figure_ids.event_id,
        min(figures.period_end_date) as period_end_date
    from event_figure_ids
    inner join figures
        on event_figure_ids.figure_id = figures.figure_id
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
        events.share_price_currency,
        events.change_from_ipo_ratio,
        events.drawdown_from_peak_ratio,
        events.stated_change_from_ipo_ratio,
        events.stated_change_from_peak_ratio,
        events.figure_ids,
        events.change_figure_ids,
        coalesce(events.event_date, event_ends.period_end_date) as sort_date
    from events
    left join event_ends
        on events.event_id = event_ends.event_id
)

select * from final
order by company_id, sort_date nulls last, is_price_derived, event_id
