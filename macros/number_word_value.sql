{#- Value of a number written as a word (one .. twelve), or NULL. -#}
{% macro number_word_value(word_expr) -%}
    (
        case {{ word_expr }}
            {%- for word in ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
                             'eleven', 'twelve'] %}
            when '{{ word }}' then {{ loop.index }}
            {%- endfor %}
        end
    )
{%- endmacro %}
