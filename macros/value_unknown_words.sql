{#- The words of a value as written that the figure grammar does not know, separated by spaces
    (empty when every word is known): what an error message should name. -#}
{% macro value_unknown_words(text_expr) -%}
    trim({{ regex_replace_all(
        regex_replace_all(text_expr,
            '\\b(over|more than|exceeding|exceeded|nearly|about|approximately|around|up to|only|thousand|million|billion|trillion|yuan|rmb|cny|usd|dollars|per|share|run)\\b',
            ' '),
        '[0-9.,%$¥]+', ' ') }})
{%- endmacro %}
