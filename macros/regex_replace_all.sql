{#- `text_expr` with every match of `pattern` replaced by `replacement`. -#}
{% macro regex_replace_all(text_expr, pattern, replacement) -%}
    {{ return(adapter.dispatch('regex_replace_all')(text_expr, pattern, replacement)) }}
{%- endmacro %}

{% macro default__regex_replace_all(text_expr, pattern, replacement) -%}
    regexp_replace({{ text_expr }}, '{{ pattern }}', '{{ replacement }}', 'g')
{%- endmacro %}
