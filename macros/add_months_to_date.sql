{#- The DATE `months_expr` months after the DATE `date_expr` (an integer expression; NULL when
    either is NULL). Both engines keep a day the later month lacks at its last day. -#}
{% macro add_months_to_date(date_expr, months_expr) -%}
    {{ return(adapter.dispatch('add_months_to_date')(date_expr, months_expr)) }}
{%- endmacro %}

{% macro default__add_months_to_date(date_expr, months_expr) -%}
    cast({{ date_expr }} + cast({{ months_expr }} as bigint) * interval 1 month as date)
{%- endmacro %}

{% macro spark__add_months_to_date(date_expr, months_expr) -%}
    add_months({{ date_expr }}, cast({{ months_expr }} as int))
{%- endmacro %}
