{#- Companies' share price events as the sources give them (IPO, first day, peak, close), each price
    in its currency of record (and in one reporting currency), with the changes the sources state and the changes
    the prices imply. A stated change from the peak or the IPO price belongs to the close of its
    date; one stated without a date ("plummets over 95%") to the company's latest close. Only
    reported figures: forecasts stay in fct_figures. -#}
{#- Kept per entity: an incremental build recomputes the share price events of the entities a changed
    source names, old or new (int_changed_cells); a full build and Spark build every row. -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_entities('company_id') }}",
    meta={'kept_per': 'entity', 'entity_column': 'company_id'},
) }}
{#- Prices of different currencies of record are compared in one reporting currency: the FX rates'
    base currency when it is a reporting currency, else the first (macro ratio_currencies). -#}
{%- set compared = ratio_currencies()[0] | lower %}
-- depends_on: {{ ref('int_changed_cells') }}
with

-- the reported statements about companies, with the company's canonical name: the columns the events
-- read (DuckDB keeps this CTE, read twice, in memory: with every column it held every quote, and at
-- 10^7 figures an incremental build's query took 1.7 CPU s, 0.8 with these)
statements as (
    select
        statement_id,
        entity_id,
        entity_name,
        metric_id,
        period_type,
        period_label,
        period_end_date,
        currency_code,
        qualifier,
        value_low,
        value_high,
        value_low_{{ compared }},
        value_high_{{ compared }},
        figure_ids
    from {{ ref('int_company_statements') }}
    where {{ changed_entities_condition('entity_id') }}
),

prices as (
    select
        entity_id as company_id,
        entity_name as company_name,
        case metric_id
            when 'ipo_share_price' then 'ipo'
            when 'peak_share_price' then 'peak'
            when 'closing_share_price' then 'close'
        end as event_type,
        period_label,
        case when period_type = 'date' then period_end_date end as event_date,
        period_end_date,
        coalesce(value_low, value_high) as share_price,
        currency_code as share_price_currency,
        coalesce(value_low_{{ compared }}, value_high_{{ compared }}) as share_price_{{ compared }},
        qualifier as price_qualifier,
        figure_ids
    from statements
    where metric_id in ('ipo_share_price', 'peak_share_price', 'closing_share_price')
),

latest_closes as (
    select
        company_id,
        period_label,
        row_number() over (partition by company_id order by period_end_date desc, period_label desc) as recency_rank
    from prices
    where event_type = 'close'
),

changes as (
    select
        statements.entity_id as company_id,
        statements.metric_id,
        -- an undated change from the peak or the IPO price is read against the latest close
        case
            when statements.period_type = 'unstated' and statements.metric_id <> 'first_day_share_price_change'
                then latest_closes.period_label
            else statements.period_label
        end as period_label,
        statements.period_type <> 'unstated' as is_dated,
        coalesce(statements.value_low, statements.value_high) as change_ratio,
        statements.qualifier,
        statements.statement_id,
        statements.figure_ids
    from statements
    left join latest_closes
        on statements.entity_id = latest_closes.company_id
        and latest_closes.recency_rank = 1
    where statements.metric_id in ('first_day_share_price_change', 'share_price_change_from_peak', 'share_price_change_from_ipo')
),

-- one stated change per company, event and metric: a dated statement before an undated one;
-- every statement of it is cited
ranked_changes as (
    select
        *,
        row_number() over (
            partition by company_id, period_label, metric_id
            order by case when is_dated then 0 else 1 end, statement_id
        ) as preference_rank
    from changes
),

change_citations as (
    select
        company_id,
        period_label,
        metric_id,
        {{ listagg_sorted('figure_ids', "', '") }} as change_figure_ids
    from changes
    group by company_id, period_label, metric_id
),

stated_changes as (
    select
        ranked_changes.*,
        change_citations.change_figure_ids
    from ranked_changes
    inner join change_citations
        on ranked_changes.company_id = change_citations.company_id
        and ranked_changes.period_label = change_citations.period_label
        and ranked_changes.metric_id = change_citations.metric_id
    where ranked_changes.preference_rank = 1
),

first_day as (
    select
        stated_changes.company_id,
        ipo.company_name,
        'first_day' as event_type,
        stated_changes.period_label,
        ipo.event_date,
        ipo.period_end_date,
        -- the first-day price is not stated: the IPO price and the stated rise imply it
        ipo.share_price * (1 + stated_changes.change_ratio) as share_price,
        ipo.share_price_currency,
        ipo.share_price_{{ compared }} * (1 + stated_changes.change_ratio) as share_price_{{ compared }},
        stated_changes.qualifier as price_qualifier,
        stated_changes.change_figure_ids || ', ' || ipo.figure_ids as figure_ids
    from stated_changes
    inner join prices as ipo
        on stated_changes.company_id = ipo.company_id
        and ipo.event_type = 'ipo'
    where stated_changes.metric_id = 'first_day_share_price_change'
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
        max(case when event_type = 'ipo' then share_price end) as ipo_share_price,
        max(case when event_type = 'ipo' then share_price_currency end) as ipo_share_price_currency,
        max(case when event_type = 'ipo' then share_price_{{ compared }} end) as ipo_share_price_{{ compared }},
        max(case when event_type = 'peak' then share_price end) as peak_share_price,
        max(case when event_type = 'peak' then share_price_currency end) as peak_share_price_currency,
        max(case when event_type = 'peak' then share_price_{{ compared }} end) as peak_share_price_{{ compared }}
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
        events.company_name,
        events.period_label,
        events.event_date,
        events.price_qualifier,
        events.is_price_derived,
        events.share_price_currency,

        -- measures: the price in its currency of record, and in the compared reporting currency at the year's annual average rate
        events.share_price,
        events.share_price_{{ compared }},
        {%- for reference, name in [('ipo', 'change_from_ipo_ratio'), ('peak', 'drawdown_from_peak_ratio')] %}
        coalesce(
            case when events.share_price_currency = price_references.{{ reference }}_share_price_currency
                then events.share_price / price_references.{{ reference }}_share_price end,
            events.share_price_{{ compared }} / price_references.{{ reference }}_share_price_{{ compared }}
        ) - 1 as {{ name }},
        {%- endfor %}
        from_ipo.change_ratio as stated_change_from_ipo_ratio,
        from_peak.change_ratio as stated_change_from_peak_ratio,

        -- provenance
        events.figure_ids,
        nullif(concat_ws(', ', from_ipo.change_figure_ids, from_peak.change_figure_ids), '') as change_figure_ids
    from events
    left join price_references
        on events.company_id = price_references.company_id
    left join stated_changes as from_ipo
        on events.company_id = from_ipo.company_id
        and events.period_label = from_ipo.period_label
        and from_ipo.metric_id = 'share_price_change_from_ipo'
    left join stated_changes as from_peak
        on events.company_id = from_peak.company_id
        and events.period_label = from_peak.period_label
        and from_peak.metric_id = 'share_price_change_from_peak'
)

select * from final
