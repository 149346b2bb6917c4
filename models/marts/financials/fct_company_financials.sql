{#- One row per company and fiscal year, from the first to the last year the article states an
    annual financial figure for it; years with no stated figure are kept, with NULL amounts. -#}
{%- set amount_metrics = ['revenue', 'net_loss', 'public_cloud_revenue', 'industry_cloud_revenue',
                          'rd_expense', 'cash_and_equivalents'] -%}
with

figures as (
    select * from {{ ref('int_figures_preferred') }}
),

companies as (
    select * from {{ ref('dim_companies') }}
),

rates as (
    select * from {{ ref('stg_reference__usd_cny_rates') }}
),

annual_figures as (
    select *
    from figures
    where domain = 'financials'
        and period_type in ('fiscal_year', 'year_end')
        and metric_id in ('{{ (amount_metrics + ['revenue_yoy_growth']) | join("', '") }}')
),

company_years as (
    select
        entity_id as company_id,
        min(fiscal_year) as first_year,
        max(fiscal_year) as last_year
    from annual_figures
    group by entity_id
),

spine as (
    select
        company_years.company_id,
        company_years.first_year + offsets.offset_number as fiscal_year
    from company_years
    cross join {{ integer_offsets(100) }} as offsets
    where company_years.first_year + offsets.offset_number <= company_years.last_year
),

pivoted as (
    select
        entity_id as company_id,
        fiscal_year,
        {%- for metric in amount_metrics %}
        max(case when metric_id = '{{ metric }}' then value_cny end) as stated_{{ metric }}_cny,
        max(case when metric_id = '{{ metric }}' then value_usd end) as stated_{{ metric }}_usd,
        max(case when metric_id = '{{ metric }}' then figure_id end) as {{ metric }}_figure_id,
        {%- endfor %}
        max(case when metric_id = 'revenue_yoy_growth' then value end) as stated_revenue_yoy_growth_ratio,
        max(case when metric_id = 'revenue_yoy_growth' then figure_id end) as revenue_yoy_growth_figure_id,
        {{ listagg_sorted('figure_ids', "', '") }} as figure_ids
    from annual_figures
    group by entity_id, fiscal_year
),

joined as (
    select
        spine.company_id,
        spine.fiscal_year,
        {%- for metric in amount_metrics %}
        pivoted.stated_{{ metric }}_cny,
        pivoted.stated_{{ metric }}_usd,
        pivoted.{{ metric }}_figure_id,
        {%- endfor %}
        pivoted.stated_revenue_yoy_growth_ratio,
        pivoted.revenue_yoy_growth_figure_id,
        pivoted.figure_ids,
        rates.cny_per_usd
    from spine
    left join pivoted
        on spine.company_id = pivoted.company_id
        and spine.fiscal_year = pivoted.fiscal_year
    left join rates
        on spine.fiscal_year = rates.rate_year
),

derived as (
    select
        *,
        -- industry cloud is never stated: it follows from total less public cloud
        coalesce(stated_industry_cloud_revenue_cny, stated_revenue_cny - stated_public_cloud_revenue_cny)
            as industry_cloud_revenue_cny,
        coalesce(stated_industry_cloud_revenue_usd, stated_revenue_usd - stated_public_cloud_revenue_usd)
            as industry_cloud_revenue_usd,
        stated_industry_cloud_revenue_cny is null
            and stated_revenue_cny is not null
            and stated_public_cloud_revenue_cny is not null as is_industry_cloud_revenue_derived,
        lag(stated_revenue_cny) over (partition by company_id order by fiscal_year) as prior_year_revenue_cny
    from joined
),

final as (
    select
        -- keys
        derived.company_id,
        derived.fiscal_year,

        -- attributes
        {{ make_date_from_parts('derived.fiscal_year', 1, 1) }} as fiscal_year_start_date,
        companies.company_name,
        derived.figure_ids is not null as has_stated_figures,
        derived.is_industry_cloud_revenue_derived,

        -- measures: amounts in CNY and USD (USD at the year's annual average rate)
        derived.stated_revenue_cny as revenue_cny,
        derived.stated_revenue_usd as revenue_usd,
        derived.stated_net_loss_cny as net_loss_cny,
        derived.stated_net_loss_usd as net_loss_usd,
        derived.stated_public_cloud_revenue_cny as public_cloud_revenue_cny,
        derived.stated_public_cloud_revenue_usd as public_cloud_revenue_usd,
        derived.industry_cloud_revenue_cny,
        derived.industry_cloud_revenue_usd,
        derived.stated_rd_expense_cny as rd_expense_cny,
        derived.stated_rd_expense_usd as rd_expense_usd,
        derived.stated_cash_and_equivalents_cny as cash_and_equivalents_cny,
        derived.stated_cash_and_equivalents_usd as cash_and_equivalents_usd,
        derived.cny_per_usd as fx_cny_per_usd,

        -- measures: ratios computed from the amounts
        derived.stated_revenue_cny / derived.prior_year_revenue_cny - 1 as revenue_yoy_growth_ratio,
        derived.stated_revenue_yoy_growth_ratio,
        derived.stated_public_cloud_revenue_cny / derived.stated_revenue_cny as public_cloud_share_ratio,
        derived.stated_rd_expense_cny / derived.stated_revenue_cny as rd_intensity_ratio,
        derived.stated_net_loss_cny / derived.stated_revenue_cny as net_loss_margin_ratio,

        -- provenance
        derived.revenue_figure_id,
        derived.net_loss_figure_id,
        derived.public_cloud_revenue_figure_id,
        derived.rd_expense_figure_id,
        derived.cash_and_equivalents_figure_id,
        derived.revenue_yoy_growth_figure_id,
        derived.figure_ids
    from derived
    inner join companies
        on derived.company_id = companies.company_id
)

select * from final
