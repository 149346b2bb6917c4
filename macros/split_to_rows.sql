{#- One row per part of the list in `column` of `relation`, split on `delimiter` (a plain string),
    as (key, value): `key_expr` names the row the list came from. Rows whose list is NULL give none. -#}
{% macro split_to_rows(relation, key_expr, column, delimiter) -%}
    {{ return(adapter.dispatch('split_to_rows')(relation, key_expr, column, delimiter)) }}
{%- endmacro %}

{% macro default__split_to_rows(relation, key_expr, column, delimiter) -%}
    select {{ key_expr }} as key, trim(unnest(string_split({{ column }}, {{ sql_text(delimiter) }}))) as value
    from {{ relation }}
    where {{ column }} is not null
{%- endmacro %}

{#- Spark's split takes a regular expression: the delimiter goes in escaped. -#}
{% macro spark__split_to_rows(relation, key_expr, column, delimiter) -%}
    select key, trim(value) as value
    from (
        select {{ key_expr }} as key, explode(split({{ column }}, {{ spark_string_literal(regex_escape(delimiter)) }})) as value
        from {{ relation }}
        where {{ column }} is not null
    ) as exploded
{%- endmacro %}
