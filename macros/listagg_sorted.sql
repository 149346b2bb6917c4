{#- The values of `expression` in a group, sorted, joined by `delimiter_text` (a SQL string literal). -#}
{% macro listagg_sorted(expression, delimiter_text) -%}
    {{ return(adapter.dispatch('listagg_sorted')(expression, delimiter_text)) }}
{%- endmacro %}

{% macro default__listagg_sorted(expression, delimiter_text) -%}
    {{ dbt.listagg(expression, delimiter_text, "order by " ~ expression) }}
{%- endmacro %}

{#- dbt's Spark listagg ignores the order: collect, sort, then join. -#}
{% macro spark__listagg_sorted(expression, delimiter_text) -%}
    array_join(array_sort(collect_list({{ expression }})), {{ delimiter_text }})
{%- endmacro %}
