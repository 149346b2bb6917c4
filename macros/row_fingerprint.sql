{#- A 64-bit hash of the values of `columns` (a list of column expressions) in one row, as a
    decimal(38, 0) so that a sum of them over a set of rows is a fingerprint of the set, whatever
    its order. Each engine its own hash function; a fingerprint is only compared on one engine. -#}
{% macro row_fingerprint(columns) -%}
    {{ return(adapter.dispatch('row_fingerprint')(columns)) }}
{%- endmacro %}

{% macro default__row_fingerprint(columns) -%}
    cast(hash(concat_ws(chr(31){% for column in columns %}, coalesce(cast({{ column }} as string), ''){% endfor %}) ) as decimal(38, 0))
{%- endmacro %}

{% macro spark__row_fingerprint(columns) -%}
    cast(xxhash64(concat_ws(chr(31){% for column in columns %}, coalesce(cast({{ column }} as string), ''){% endfor %})) as decimal(38, 0))
{%- endmacro %}
