{#- Kingsoft Cloud's share price events as the article gives them (IPO, first day, peak, latest
    close), with the changes the article states and the changes the prices imply. -#}
with

statements as (
    select * from {{ ref('int_figure_statements') }}
),

companies as (
    select * from {{ ref('dim_companies') }}
),

prices as (
    select
        entity_id as company_id,
        case metric_id
            when 'ipo_share_price' then 'ipo'
            when 'peak_share_price' then 'peak'
            when 'closing_share_price' then 'close'
        end as event_type,
        period_label,
        case when period_type = 'date' then period_end_date end as event_date,
        coalesce(value_low, value_high) as share_price_usd,
        qualifier as price_qualifier,
        figure_ids
    from statements
    where metric_id in ('ipo_share_price', 'peak_share_price', 'closing_share_price')
),

changes as (
    select
        entity_id as company_id,
        period_label,
        metric_id,
        coalesce(value_low, value_high) as change_ratio,
        qualifier,
        figure_ids
    from statements
    where metric_id in ('first_day_share_price_change', 'share_price_change_from_peak', 'share_price_change_from_ipo')
        and period_type <> 'unstated'
),

first_day as (
    select
        changes.company_id,
        'first_day' as event_type,
        changes.period_label,
        ipo.event_date,
        -- the first-day price is not stated: the IPO price and the stated rise imply it
        ipo.share_price_usd * (1 + changes.change_ratio) as share_price_usd,
        changes.qualifier as price_qualifier,
        changes.figure_ids || ', ' || ipo.figure_ids as figure_ids
    from changes
    inner join prices as ipo
        on changes.company_id = ipo.company_id
        and ipo.event_type = 'ipo'
    where changes.metric_id = 'first_day_share_price_change'
),

events as (
    select
        *,
        false as is_price_derived
    from prices
    union all
    select
        *,
        true as is_price_derived
    from first_day
),

price_references as (
    select
        company_id,
        max(case when event_type = 'ipo' then share_price_usd end) as ipo_share_price_usd,
        max(case when event_type = 'peak' then share_price_usd end) as peak_share_price_usd
    from prices
    group by company_id
),

final as (
    select
        -- keys
        events.company_id || '__' || events.event_type as event_id,
        events.company_id,
        events.event_type,

        -- attributes
        companies.company_name,
        events.period_label,
        events.event_date,
        events.price_qualifier,
        events.is_price_derived,

        -- measures
        events.share_price_usd,
        events.share_price_usd / price_references.ipo_share_price_usd - 1 as change_from_ipo_ratio,
        events.share_price_usd / price_references.peak_share_price_usd - 1 as drawdown_from_peak_ratio,
        from_ipo.change_ratio as stated_change_from_ipo_ratio,
        from_peak.change_ratio as stated_change_from_peak_ratio,

        -- provenance
        events.figure_ids
    from events
    inner join companies
        on events.company_id = companies.company_id
    left join price_references
        on events.company_id = price_references.company_id
    left join changes as from_ipo
        on events.company_id = from_ipo.company_id
        and events.period_label = from_ipo.period_label
        and from_ipo.metric_id = 'share_price_change_from_ipo'
    left join changes as from_peak
        on events.company_id = from_peak.company_id
        and events.period_label = from_peak.period_label
        and from_peak.metric_id = 'share_price_change_from_peak'
)

select * from final
