{#- What the company financials marts (fct_company_financials, fct_company_interim_financials) show,
    written once for both. A metric whose catalogue row (seeds/curated/curated_metrics.csv, marts)
    names one of these marts must be in these lists: a data test checks the two agree. -#}

{#- Amounts pivoted into columns, each in its currency of record and converted to each reporting
    currency (var reporting_currencies). -#}
{% macro company_amount_metrics() -%}
    {{ return(['revenue', 'net_loss', 'public_cloud_revenue', 'industry_cloud_revenue', 'rd_expense', 'cash_and_equivalents']) }}
{%- endmacro %}

{#- Ratios the sources state, pivoted as stated_<metric>_ratio. -#}
{% macro company_ratio_metrics() -%}
    {{ return(['revenue_yoy_growth']) }}
{%- endmacro %}

{#- Select-list lines pivoting the amount and ratio metrics of rows grouped by company and period:
    per amount, stated_<metric>_amount (currency of record), _currency, one column per reporting
    currency (_<code>) and _figure_id;
    per ratio, stated_<metric>_ratio and <metric>_figure_id. -#}
{% macro pivot_company_metrics() -%}
    {%- for metric in company_amount_metrics() %}
    max(case when metric_id = '{{ metric }}' then value end) as stated_{{ metric }}_amount,
    max(case when metric_id = '{{ metric }}' then currency_code end) as stated_{{ metric }}_currency,
    {%- for code in reporting_currencies() %}
    max(case when metric_id = '{{ metric }}' then value_{{ code | lower }} end) as stated_{{ metric }}_{{ code | lower }},
    {%- endfor %}
    max(case when metric_id = '{{ metric }}' then figure_id end) as {{ metric }}_figure_id,
    {%- endfor %}
    {%- for metric in company_ratio_metrics() %}
    max(case when metric_id = '{{ metric }}' then value end) as stated_{{ metric }}_ratio,
    max(case when metric_id = '{{ metric }}' then figure_id end) as {{ metric }}_figure_id,
    {%- endfor %}
{%- endmacro %}

{#- The ratio of two amounts given as column prefixes (each with _amount, _currency and one column
    per reporting currency): in their currency of record when they share it, else in the FX rates'
    base currency when it is a reporting currency, else in the reporting currencies in their order. -#}
{% macro amount_ratio(numerator, denominator) -%}
    coalesce(
        case when {{ numerator }}_currency = {{ denominator }}_currency then {{ numerator }}_amount / {{ denominator }}_amount end,
        {%- for code in ratio_currencies() %}
        {{ numerator }}_{{ code | lower }} / {{ denominator }}_{{ code | lower }}{{ ',' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}

{#- The reporting currencies in the order a ratio of amounts in different currencies of record is
    taken in: the FX rates' base currency first when it is one of them (a ratio through the base
    needs one rate per amount), then the others in their order. -#}
{% macro ratio_currencies() -%}
    {%- set currencies = reporting_currencies() -%}
    {%- set ordered = [fx_base_currency()] if fx_base_currency() in currencies else [] -%}
    {%- for code in currencies if code not in ordered -%}
        {%- do ordered.append(code) -%}
    {%- endfor -%}
    {{ return(ordered) }}
{%- endmacro %}

{#- The difference of two amounts given as column prefixes, in the currency of record when they
    share it (for _amount and _currency), and in each reporting currency. `part` is amount,
    currency or a reporting currency's lowercase code. -#}
{% macro amount_difference(minuend, subtrahend, part) -%}
    {%- if part == 'amount' -%}
        case when {{ minuend }}_currency = {{ subtrahend }}_currency then {{ minuend }}_amount - {{ subtrahend }}_amount end
    {%- elif part == 'currency' -%}
        case when {{ minuend }}_currency = {{ subtrahend }}_currency then {{ minuend }}_currency end
    {%- else -%}
        {{ minuend }}_{{ part }} - {{ subtrahend }}_{{ part }}
    {%- endif -%}
{%- endmacro %}
