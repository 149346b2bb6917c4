{#- Text of capture group `group_number` of `pattern` in `text_expr`; '' when it does not match. -#}
{% macro regex_group(text_expr, pattern, group_number) -%}
    {{ return(adapter.dispatch('regex_group')(text_expr, pattern, group_number)) }}
{%- endmacro %}

{% macro default__regex_group(text_expr, pattern, group_number) -%}
    coalesce(regexp_extract({{ text_expr }}, '{{ pattern }}', {{ group_number }}), '')
{%- endmacro %}

{#- Spark reads a backslash in a string literal as an escape: the pattern goes in escaped. -#}
{% macro spark__regex_group(text_expr, pattern, group_number) -%}
    coalesce(regexp_extract({{ text_expr }}, {{ spark_string_literal(pattern) }}, {{ group_number }}), '')
{%- endmacro %}
