-- The figure that speaks for each company, fiscal year and metric of fct_company_financials: every
-- *_figure_id column of the mart, so a metric the mart gains shows up with no change here. Values,
-- currency and forecast flags come from the figures themselves (figures.sql).
with

financials as (
    select * from marts.fct_company_financials
),

stated as (
    unpivot (
        select
            company_id,
            fiscal_year,
            columns('_figure_id$')
        from financials
    )
    on columns('_figure_id$')
    into name figure_column value figure_id
),

final as (
    select
        company_id,
        fiscal_year,
        figure_id
    from stated
)

select * from final
order by company_id, fiscal_year, figure_id
