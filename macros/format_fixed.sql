{#- A number as text with a fixed number of decimals. -#}
{% macro format_fixed(value_expr, decimals) -%}
    {{ return(adapter.dispatch('format_fixed')(value_expr, decimals)) }}
{%- endmacro %}

{% macro default__format_fixed(value_expr, decimals) -%}
    printf('%.{{ decimals }}f', {{ value_expr }})
{%- endmacro %}

{% macro spark__format_fixed(value_expr, decimals) -%}
    format_string('%.{{ decimals }}f', {{ value_expr }})
{%- endmacro %}
