{#- Month number (1-12) of an English month name in lower case; NULL for anything else. -#}
{% macro month_number(name_expr) -%}
    (
        case {{ name_expr }}
            {%- for name in ['january', 'february', 'march', 'april', 'may', 'june', 'july',
                             'august', 'september', 'october', 'november', 'december'] %}
            when '{{ name }}' then {{ loop.index }}
            {%- endfor %}
        end
    )
{%- endmacro %}
