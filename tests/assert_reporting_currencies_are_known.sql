{#- Every reporting currency (var reporting_currencies, dbt_project.yml) and the FX base currency
    (var fx_rates_base_currency) is a currency of seeds/vocabulary/vocabulary_currencies.csv.
    Returns each one that is not, with what to do. -#}
with

currencies as (
    select * from {{ ref('vocabulary_currencies') }}
),

configured as (
    {%- for code in reporting_currencies() + [fx_base_currency()] %}
    select
        '{{ code }}' as currency_code,
        '{{ "fx_rates_base_currency" if loop.last else "reporting_currencies" }}' as var_name
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

final as (
    select
        configured.currency_code,
        'var ' || configured.var_name || ' (dbt_project.yml) names ' || configured.currency_code
            || ', which is not in seeds/vocabulary/vocabulary_currencies.csv: add its row there'
            || ' and its rates to seeds/reference/reference_fx_rates.csv' as problem
    from configured
    left join currencies
        on configured.currency_code = currencies.currency_code
    where currencies.currency_code is null
)

select * from final
