-- Forecasts about companies (figures flagged is_forecast). The marts that pivot metrics show
-- reported figures only, so a company page reads its forecasts from the figures themselves.
with

figures as (
    select * from marts.fct_figures
),

companies as (
    select * from marts.dim_companies
),

final as (
    select
        figures.entity_id as company_id,
        figures.figure_id
    from figures
    inner join companies
        on figures.entity_id = companies.company_id
    where figures.is_forecast
)

select * from final
order by company_id, figure_id
