{#- True when the text `outer` holds the text `inner` as a whole number: at its first place in
    `outer`, `inner` is not the tail of a longer number (no digit, decimal point or thousands comma
    just before it) nor its head (no digit just after it). "89.9%" holds "89.9%" and "up 9%" holds
    "9%", but "89.9%" does not hold "9%" nor "1,850" hold "850". -#}
{% macro holds_number(outer, inner) -%}
    {%- set place = dbt.position(inner, outer) -%}
    {%- set digits = "'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'" -%}
    (
        {{ place }} > 0
        and (
            {{ place }} = 1
            or substr({{ outer }}, {{ place }} - 1, 1) not in ({{ digits }}, '.', ',')
        )
        and substr({{ outer }}, {{ place }} + {{ dbt.length(inner) }}, 1) not in ({{ digits }})
    )
{%- endmacro %}
