{#- Kind of period a period as written names, per `period_patterns()`; 'unstated' when empty,
    NULL when it matches no pattern. -#}
{% macro period_kind(text_expr) -%}
    {%- set patterns = period_patterns() -%}
    (
        case
            when {{ text_expr }} = '' then 'unstated'
            {%- for kind, pattern in patterns.items() %}
            when {{ regex_group(text_expr, pattern, 0) }} <> '' then '{{ kind }}'
            {%- endfor %}
        end
    )
{%- endmacro %}
