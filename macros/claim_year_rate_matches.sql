{#- The join condition of a claim and the reference rates it converts `currency` (an expression) at,
    written once: a claim's amounts are converted at the annual average rates of the claim's own
    fiscal year. `rates` and `claims` are the aliases of the two relations. -#}
{% macro claim_year_rate_matches(rates, currency, claims='claims') -%}
    {{ currency }} = {{ rates }}.currency_code
        and {{ claims }}.fiscal_year = {{ rates }}.rate_year
{%- endmacro %}
