{#- What a qualifier word says of the number that follows it, before any sign is applied. -#}
{% macro qualifier_kind(word_expr) -%}
    (
        case
            when {{ word_expr }} in ('', 'only') then 'exact'
            when {{ word_expr }} in ('over', 'more than', 'exceeding', 'exceeded') then 'lower_bound'
            when {{ word_expr }} in ('nearly', 'about', 'approximately', 'around') then 'approx'
            when {{ word_expr }} = 'up to' then 'upper_bound'
        end
    )
{%- endmacro %}
