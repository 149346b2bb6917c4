{#- One row per company and fiscal year, from the first to the last year the sources state an
    annual financial figure for it; years with no stated figure are kept, with NULL amounts. Only
    reported figures: forecasts stay in fct_figures. Each amount keeps its currency of record and is
    converted to each reporting currency (var reporting_currencies) at the year's annual average rates. -#}
{#- Kept per entity: an incremental build recomputes the company years of the entities a changed
    source names, old or new (int_changed_cells); a full build and Spark build every row. -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_entities('company_id') }}",
    meta={'kept_per': 'entity', 'entity_column': 'company_id'},
) }}
{%- set amount_metrics = company_amount_metrics() -%}
{%- set ratio_metrics = company_ratio_metrics() -%}
{%- set currencies = reporting_currencies() -%}
{%- set base = fx_base_currency() -%}
{%- set parts = ['amount', 'currency'] -%}
{%- for code in currencies %}{% do parts.append(code | lower) %}{% endfor %}
-- depends_on: {{ ref('int_changed_cells') }}
with

figures as (
    select * from {{ ref('int_figures_preferred') }}
    where {{ changed_entities_condition('entity_id') }}
),

rates as (
    select * from {{ ref('stg_reference__fx_rates') }}
),

annual_figures as (
    select *
    from figures
    where period_type in {{ mart_period_types('fct_company_financials') }}
        and entity_type in {{ company_entity_types() }}
        and metric_id in ('{{ (amount_metrics + ratio_metrics) | join("', '") }}')
),

company_years as (
    select
        entity_id as company_id,
        -- the figures carry their entity's canonical name (int_figures_resolved)
        min(entity_name) as company_name,
        min(fiscal_year) as first_year,
        max(fiscal_year) as last_year,
        -- where the company's fiscal year starts (seeds/curated/curated_fiscal_years.csv): its month,
        -- and the calendar year it starts in relative to the year it is named by; January of the
        -- same year for a company whose figures state no whole fiscal year
        coalesce(min(case when period_type = 'fiscal_year' then cast(extract(month from period_start_date) as integer) end), 1)
            as fiscal_year_start_month,
        coalesce(min(case when period_type = 'fiscal_year'
            then cast(extract(year from period_start_date) as integer) - fiscal_year end), 0) as fiscal_year_start_offset
    from annual_figures
    group by entity_id
),

spine as (
    select
        company_years.company_id,
        company_years.company_name,
        company_years.first_year + offsets.offset_number as fiscal_year,
        company_years.fiscal_year_start_month,
        company_years.fiscal_year_start_offset
    from company_years
    cross join {{ integer_offsets(100) }} as offsets
    where company_years.first_year + offsets.offset_number <= company_years.last_year
),

pivoted as (
    select
        entity_id as company_id,
        fiscal_year,
        {{- pivot_company_metrics() | indent(4) }}
        {{ listagg_sorted('figure_ids', "', '") }} as figure_ids
    from annual_figures
    group by entity_id, fiscal_year
),

joined as (
    select
        spine.company_id,
        spine.company_name,
        spine.fiscal_year,
        spine.fiscal_year_start_month,
        spine.fiscal_year_start_offset,
        {%- for metric in amount_metrics %}
        pivoted.stated_{{ metric }}_amount,
        pivoted.stated_{{ metric }}_currency,
        {%- for code in currencies %}
        pivoted.stated_{{ metric }}_{{ code | lower }},
        {%- endfor %}
        pivoted.{{ metric }}_figure_id,
        {%- endfor %}
        {%- for metric in ratio_metrics %}
        pivoted.stated_{{ metric }}_ratio,
        pivoted.{{ metric }}_figure_id,
        {%- endfor %}
        {%- for code in currencies if code != base %}
        rates_{{ code | lower }}.units_per_usd as {{ code | lower }}_per_base,
        {%- endfor %}
        pivoted.figure_ids
    from spine
    left join pivoted
        on spine.company_id = pivoted.company_id
        and spine.fiscal_year = pivoted.fiscal_year
    {%- for code in currencies if code != base %}
    left join rates as rates_{{ code | lower }}
        on rates_{{ code | lower }}.currency_code = '{{ code }}'
        and spine.fiscal_year = rates_{{ code | lower }}.rate_year
    {%- endfor %}
),

derived as (
    select
        *,
        -- industry cloud is never stated: it follows from total less public cloud
        {%- for part in parts %}
        coalesce(stated_industry_cloud_revenue_{{ part }},
            {{ amount_difference('stated_revenue', 'stated_public_cloud_revenue', part) }})
            as industry_cloud_revenue_{{ part }},
        {%- endfor %}
        stated_industry_cloud_revenue_amount is null
            and coalesce(
                {{ amount_difference('stated_revenue', 'stated_public_cloud_revenue', 'amount') }},
                {%- for code in ratio_currencies() %}
                {{ amount_difference('stated_revenue', 'stated_public_cloud_revenue', code | lower) }}{{ ',' if not loop.last }}
                {%- endfor %}
            ) is not null as is_industry_cloud_revenue_derived,
        {%- for part in parts %}
        lag(stated_revenue_{{ part }}) over (partition by company_id order by fiscal_year) as prior_year_revenue_{{ part }}{{ ',' if not loop.last }}
        {%- endfor %}
    from joined
),

final as (
    select
        -- keys
        derived.company_id,
        derived.fiscal_year,

        -- attributes
        {{ make_date_from_parts('derived.fiscal_year + derived.fiscal_year_start_offset', 'derived.fiscal_year_start_month', 1) }}
            as fiscal_year_start_date,
        derived.company_name,
        derived.figure_ids is not null as has_stated_figures,
        derived.is_industry_cloud_revenue_derived,

        -- measures: amounts in their currency of record, and in each reporting currency at the year's annual average rates
        {%- for metric in amount_metrics %}
        {%- set source = 'derived.' ~ ('' if metric == 'industry_cloud_revenue' else 'stated_') ~ metric %}
        {{ source }}_amount as {{ metric }}_amount,
        {{ source }}_currency as {{ metric }}_currency,
        {%- for code in currencies %}
        {{ source }}_{{ code | lower }} as {{ metric }}_{{ code | lower }},
        {%- endfor %}
        {%- endfor %}
        {%- for code in currencies if code != base %}
        derived.{{ code | lower }}_per_base as fx_{{ code | lower }}_per_{{ base | lower }},
        {%- endfor %}

        -- measures: ratios computed from the amounts
        {{ amount_ratio('derived.stated_revenue', 'derived.prior_year_revenue') }} - 1 as revenue_yoy_growth_ratio,
        derived.stated_revenue_yoy_growth_ratio,
        {{ amount_ratio('derived.stated_public_cloud_revenue', 'derived.stated_revenue') }} as public_cloud_share_ratio,
        {{ amount_ratio('derived.stated_rd_expense', 'derived.stated_revenue') }} as rd_intensity_ratio,
        {{ amount_ratio('derived.stated_net_loss', 'derived.stated_revenue') }} as net_loss_margin_ratio,

        -- provenance
        derived.revenue_figure_id,
        derived.net_loss_figure_id,
        derived.public_cloud_revenue_figure_id,
        derived.rd_expense_figure_id,
        derived.cash_and_equivalents_figure_id,
        derived.revenue_yoy_growth_figure_id,
        derived.figure_ids
    from derived
)

select * from final
