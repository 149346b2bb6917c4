{#- What the company financials marts (fct_company_financials, fct_company_interim_financials) show,
    written once for both. A metric whose catalogue row (seeds/curated/curated_metrics.csv, marts)
    names one of these marts must be in these lists: a data test checks the two agree. -#}

{#- Amounts pivoted into columns, each in its currency of record and converted to yuan and dollars. -#}
{% macro company_amount_metrics() -%}
    {{ return(['revenue', 'net_loss', 'public_cloud_revenue', 'industry_cloud_revenue', 'rd_expense', 'cash_and_equivalents']) }}
{%- endmacro %}

{#- Ratios the sources state, pivoted as stated_<metric>_ratio. -#}
{% macro company_ratio_metrics() -%}
    {{ return(['revenue_yoy_growth']) }}
{%- endmacro %}

{#- Select-list lines pivoting the amount and ratio metrics of rows grouped by company and period:
    per amount, stated_<metric>_amount (currency of record), _currency, _cny, _usd and _figure_id;
    per ratio, stated_<metric>_ratio and <metric>_figure_id. -#}
{% macro pivot_company_metrics() -%}
    {%- for metric in company_amount_metrics() %}
    max(case when metric_id = '{{ metric }}' then value end) as stated_{{ metric }}_amount,
    max(case when metric_id = '{{ metric }}' then currency_code end) as stated_{{ metric }}_currency,
    max(case when metric_id = '{{ metric }}' then value_cny end) as stated_{{ metric }}_cny,
    max(case when metric_id = '{{ metric }}' then value_usd end) as stated_{{ metric }}_usd,
    max(case when metric_id = '{{ metric }}' then figure_id end) as {{ metric }}_figure_id,
    {%- endfor %}
    {%- for metric in company_ratio_metrics() %}
    max(case when metric_id = '{{ metric }}' then value end) as stated_{{ metric }}_ratio,
    max(case when metric_id = '{{ metric }}' then figure_id end) as {{ metric }}_figure_id,
    {%- endfor %}
{%- endmacro %}

{#- The ratio of two amounts given as column prefixes (each with _amount, _currency, _usd and _cny
    columns): in their currency of record when they share it, else in dollars, else in yuan. -#}
{% macro amount_ratio(numerator, denominator) -%}
    coalesce(
        case when {{ numerator }}_currency = {{ denominator }}_currency then {{ numerator }}_amount / {{ denominator }}_amount end,
        {{ numerator }}_usd / {{ denominator }}_usd,
        {{ numerator }}_cny / {{ denominator }}_cny
    )
{%- endmacro %}

{#- The difference of two amounts given as column prefixes, in the currency of record when they
    share it (for _amount and _currency), and in yuan and dollars. `part` is one of amount,
    currency, cny, usd. -#}
{% macro amount_difference(minuend, subtrahend, part) -%}
    {%- if part == 'amount' -%}
        case when {{ minuend }}_currency = {{ subtrahend }}_currency then {{ minuend }}_amount - {{ subtrahend }}_amount end
    {%- elif part == 'currency' -%}
        case when {{ minuend }}_currency = {{ subtrahend }}_currency then {{ minuend }}_currency end
    {%- else -%}
        {{ minuend }}_{{ part }} - {{ subtrahend }}_{{ part }}
    {%- endif -%}
{%- endmacro %}
