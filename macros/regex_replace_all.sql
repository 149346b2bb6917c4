{#- `text_expr` with every match of `pattern` replaced by `replacement`. -#}
{% macro regex_replace_all(text_expr, pattern, replacement) -%}
    {{ return(adapter.dispatch('regex_replace_all')(text_expr, pattern, replacement)) }}
{%- endmacro %}

{% macro default__regex_replace_all(text_expr, pattern, replacement) -%}
    regexp_replace({{ text_expr }}, {{ sql_text(pattern) }}, {{ sql_text(replacement) }}, 'g')
{%- endmacro %}

{#- Spark replaces every match by default, and reads backslashes in literals as escapes. -#}
{% macro spark__regex_replace_all(text_expr, pattern, replacement) -%}
    regexp_replace({{ text_expr }}, {{ spark_string_literal(pattern) }}, {{ spark_string_literal(replacement) }})
{%- endmacro %}
