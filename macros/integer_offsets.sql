{#- A subquery of the integers 0 .. count-1 in a column `offset_number`, in portable SQL
    (no generate_series), for building spines such as the years between two years. -#}
{% macro integer_offsets(count) -%}
    (
        {%- for number in range(count) %}
        select {{ number }} as offset_number{% if not loop.last %} union all{% endif %}
        {%- endfor %}
    )
{%- endmacro %}
