{#- The reporting currencies: every amount is converted to each of them, and the marts carry one
    `<measure>_<code>` column per currency (lowercase code), in the order of the list. Data, not
    code: the project var reporting_currencies (dbt_project.yml). The FX rates seed quotes every
    currency against one base currency (its column units_per_usd; var fx_rates_base_currency); the
    base needs no rate row. A code that is not in seeds/vocabulary/vocabulary_currencies.csv fails
    the data test assert_reporting_currencies_are_known. -#}
{% macro reporting_currencies() -%}
    {%- set codes = var('reporting_currencies') -%}
    {%- if codes is string -%}
        {%- set codes = codes.split(',') -%}
    {%- endif -%}
    {%- set cleaned = [] -%}
    {%- for code in codes -%}
        {%- do cleaned.append(code | trim | upper) -%}
    {%- endfor -%}
    {%- if execute and cleaned | length == 0 -%}
        {{ exceptions.raise_compiler_error("var reporting_currencies (dbt_project.yml) names no currency: name at least one, e.g. [CNY, USD]") }}
    {%- endif -%}
    {{ return(cleaned) }}
{%- endmacro %}

{#- The currency the FX rates seed quotes every other currency against (units per one of it). -#}
{% macro fx_base_currency() -%}
    {{ return(var('fx_rates_base_currency') | trim | upper) }}
{%- endmacro %}

{#- The first reporting currency: the one a mart uses where it ranks or derives in one currency. -#}
{% macro primary_reporting_currency() -%}
    {{ return(reporting_currencies()[0]) }}
{%- endmacro %}

{#- Select-list lines, one per reporting currency, each `<expression with {c}> as <name with {c}>`:
    `{c}` in both is replaced by the currency's lowercase code, `{C}` by its code. -#}
{% macro per_reporting_currency(expression, name, trailing_comma=true) -%}
    {%- for code in reporting_currencies() %}
        {{ expression | replace('{c}', code | lower) | replace('{C}', code) }} as {{ name | replace('{c}', code | lower) | replace('{C}', code) }}{{ ',' if trailing_comma or not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- A condition for a data test's expression: `template` (with `{c}` and `{C}` as in
    per_reporting_currency) once per reporting currency, joined by `joiner` (' and ', ' or '); with
    `skip_base`, the FX base currency is left out (it has no rate column); '(true)' or '(false)'
    (for ' or ') when no currency is left. -#}
{% macro per_reporting_currency_condition(template, joiner=' and ', skip_base=false) -%}
    {%- set parts = [] -%}
    {%- for code in reporting_currencies() if not (skip_base and code == fx_base_currency()) -%}
        {%- do parts.append(template | replace('{c}', code | lower) | replace('{C}', code)) -%}
    {%- endfor -%}
    {{ return('(' ~ (parts | join(joiner) if parts else ('true' if joiner | trim == 'and' else 'false')) ~ ')') }}
{%- endmacro %}

{#- True when `measure` is stated in every reporting currency or in none (a mart's
    `<measure>_<code>` columns), unless one of the year's rates is missing. -#}
{% macro in_every_reporting_currency_or_none(measure) -%}
    {%- set first = primary_reporting_currency() | lower -%}
    {%- set base = fx_base_currency() | lower -%}
    {{ return(per_reporting_currency_condition('(' ~ measure ~ '_{c} is null) = (' ~ measure ~ '_' ~ first ~ ' is null)')
        ~ ' or ' ~ per_reporting_currency_condition('fx_{c}_per_' ~ base ~ ' is null', ' or ', skip_base=true)) }}
{%- endmacro %}

{#- `value`, an amount in `from_code`, in `to_code`, at the rates given (units of each per one of the
    FX base currency; the base needs none): the value itself when both codes are the same (a count
    against a count too), NULL when a rate it needs is missing. Arguments are SQL expressions. -#}
{% macro amount_in_currency(value, from_code, to_code, from_units_per_base, to_units_per_base) -%}
    case
        when {{ from_code }} = {{ to_code }} then {{ value }}
        else {{ value }}
            / case when {{ from_code }} = '{{ fx_base_currency() }}' then 1 else {{ from_units_per_base }} end
            * case when {{ to_code }} = '{{ fx_base_currency() }}' then 1 else {{ to_units_per_base }} end
    end
{%- endmacro %}
