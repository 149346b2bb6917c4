{#- Text of capture group `group_number` of `pattern` in `text_expr`; '' when it does not match. -#}
{% macro regex_group(text_expr, pattern, group_number) -%}
    {{ return(adapter.dispatch('regex_group')(text_expr, pattern, group_number)) }}
{%- endmacro %}

{#- DuckDB's regexp_extract takes group numbers up to 9: a later group is read from the struct of
    every group up to it. -#}
{% macro default__regex_group(text_expr, pattern, group_number) -%}
    {%- if group_number | int > 9 -%}
    coalesce(regexp_extract({{ text_expr }}, {{ sql_text(pattern) }}, [{% for number in range(1, group_number | int + 1) %}'g{{ number }}'{{ ', ' if not loop.last }}{% endfor %}]).g{{ group_number }}, '')
    {%- else -%}
    coalesce(regexp_extract({{ text_expr }}, {{ sql_text(pattern) }}, {{ group_number }}), '')
    {%- endif -%}
{%- endmacro %}

{#- Spark reads a backslash in a string literal as an escape: the pattern goes in escaped. -#}
{% macro spark__regex_group(text_expr, pattern, group_number) -%}
    coalesce(regexp_extract({{ text_expr }}, {{ spark_string_literal(pattern) }}, {{ group_number }}), '')
{%- endmacro %}

{#- A struct of the capture groups 1..n of `pattern` in `text_expr`, named by `names` (a list), each
    '' when the group or the whole pattern does not match: one evaluation of the pattern on DuckDB,
    where a row's parts are read as `struct_column.name`. -#}
{% macro regex_groups(text_expr, pattern, names) -%}
    {{ return(adapter.dispatch('regex_groups')(text_expr, pattern, names)) }}
{%- endmacro %}

{% macro default__regex_groups(text_expr, pattern, names) -%}
    regexp_extract({{ text_expr }}, {{ sql_text(pattern) }}, [{% for name in names %}'{{ name }}'{{ ', ' if not loop.last }}{% endfor %}])
{%- endmacro %}

{% macro spark__regex_groups(text_expr, pattern, names) -%}
    named_struct(
        {%- for name in names %}
        '{{ name }}', {{ spark__regex_group(text_expr, pattern, loop.index) }}{{ ',' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}

{#- True when `pattern` matches somewhere in `text_expr` (anchor it with ^ and $ for a whole match). -#}
{% macro regex_matches(text_expr, pattern) -%}
    {{ return(adapter.dispatch('regex_matches')(text_expr, pattern)) }}
{%- endmacro %}

{% macro default__regex_matches(text_expr, pattern) -%}
    regexp_matches({{ text_expr }}, {{ sql_text(pattern) }})
{%- endmacro %}

{% macro spark__regex_matches(text_expr, pattern) -%}
    ({{ text_expr }} rlike {{ spark_string_literal(pattern) }})
{%- endmacro %}
