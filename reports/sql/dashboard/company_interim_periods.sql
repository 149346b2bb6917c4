-- Every company and part of a year of fct_company_interim_financials, with the growth on the same
-- part of the year before the mart computes and the two revenue figures it is computed from, and
-- every figure of the period.
with

interim as (
    select * from marts.fct_company_interim_financials
),

final as (
    select
        interim.company_id,
        interim.period_label,
        interim.period_type,
        interim.period_start_date,
        interim.period_end_date,
        interim.prior_period_label,
        interim.revenue_yoy_growth_ratio,
        concat_ws(', ', interim.revenue_figure_id, prior_period.revenue_figure_id) as revenue_yoy_growth_figure_ids,
        -- every figure of the period, those that restate a value a cell speaks for included
        interim.figure_ids
    from interim
    left join interim as prior_period
        on interim.company_id = prior_period.company_id
        and interim.prior_period_label = prior_period.period_label
)

select * from final
order by company_id, period_type, period_start_date, period_label
