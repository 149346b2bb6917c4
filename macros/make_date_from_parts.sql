{#- A DATE from integer year, month and day expressions. -#}
{% macro make_date_from_parts(year_expr, month_expr, day_expr) -%}
    {{ return(adapter.dispatch('make_date_from_parts')(year_expr, month_expr, day_expr)) }}
{%- endmacro %}

{% macro default__make_date_from_parts(year_expr, month_expr, day_expr) -%}
    make_date(cast({{ year_expr }} as integer), cast({{ month_expr }} as integer), cast({{ day_expr }} as integer))
{%- endmacro %}
