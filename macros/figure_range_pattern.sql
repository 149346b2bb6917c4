{#- A value as written that states a range: two alternatives joined by "to" ("15% to 50%",
    "200 million to 300 million yuan"). The first alternative must hold a number, so "up to 50%"
    is not a range. Capture groups: 1 the first figure, 2 the second. -#}
{% macro figure_range_pattern() -%}
    ^([^0-9]*[0-9][^ ]*(?: +[a-z]+)?) +to +(.+)$
{%- endmacro %}
