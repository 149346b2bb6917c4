{#- The values of `expression` in a group, sorted, joined by `delimiter_text` (a SQL string literal). -#}
{% macro listagg_sorted(expression, delimiter_text) -%}
    {{ return(adapter.dispatch('listagg_sorted')(expression, delimiter_text)) }}
{%- endmacro %}

{#- On DuckDB: collect, sort, then join, as on Spark. string_agg(... order by ...) gives the same
    text but holds every group's values in memory without spilling: at 10^7 figures it ran out of
    memory under a 3 GB limit, where the list spills. -#}
{% macro default__listagg_sorted(expression, delimiter_text) -%}
    array_to_string(list_sort(list({{ expression }}) filter (where {{ expression }} is not null)), {{ delimiter_text }})
{%- endmacro %}

{#- dbt's Spark listagg ignores the order: collect, sort, then join. -#}
{% macro spark__listagg_sorted(expression, delimiter_text) -%}
    array_join(array_sort(collect_list({{ expression }})), {{ delimiter_text }})
{%- endmacro %}
