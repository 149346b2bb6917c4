-- The figure that speaks for each company, part of a year (quarter, half, ...) and metric of
-- fct_company_interim_financials: every *_figure_id column of the mart, so a metric the mart gains
-- shows up with no change here. Values, currency and forecast flags come from the figures
-- themselves (figures.sql).
with

interim as (
    select * from marts.fct_company_interim_financials
),

stated as (
    unpivot (
        select
            company_id,
            period_label,
            columns('_figure_id$')
        from interim
    )
    on columns('_figure_id$')
    into name figure_column value figure_id
),

final as (
    select
        company_id,
        period_label,
        figure_id
    from stated
)

select * from final
order by company_id, period_label, figure_id
