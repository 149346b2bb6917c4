{#- `text` as a Spark SQL string literal. Spark reads a backslash in a literal as an escape
    character (DuckDB does not), so backslashes and quotes are escaped. -#}
{% macro spark_string_literal(text) -%}
    '{{ text | replace('\\', '\\\\') | replace("'", "\\'") }}'
{%- endmacro %}
