-- Companies the warehouse holds figures about: one dashboard page each.
with

companies as (
    select * from marts.dim_companies
),

figures as (
    select * from marts.fct_figures
),

figure_counts as (
    select
        entity_id,
        count(*) as figure_count,
        count(distinct source_id) as source_count
    from figures
    group by entity_id
),

final as (
    select
        companies.company_id,
        companies.company_name,
        companies.company_type,
        companies.description,
        companies.aliases,
        companies.parent_company_id,
        parents.company_name as parent_company_name,
        figure_counts.figure_count,
        figure_counts.source_count
    from companies
    inner join figure_counts
        on companies.company_id = figure_counts.entity_id
    left join companies as parents
        on companies.parent_company_id = parents.company_id
)

select * from final
order by company_name, company_id
