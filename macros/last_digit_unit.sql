{#- Value, in base units, of one unit in the last digit of a number as written: 0.0001 for "9.72%",
    1000000 for "9.061 billion", 1 for "2,800". Half of it is the rounding a stated figure allows. -#}
{% macro last_digit_unit(number_text_expr, scale_word_expr, percent_sign_expr) -%}
    (
        power(10.0, -1 * case
            when {{ dbt.position("'.'", number_text_expr) }} > 0
                then {{ dbt.length(number_text_expr) }} - {{ dbt.position("'.'", number_text_expr) }}
            else 0
        end)
        * cast({{ unit_multiplier(scale_word_expr, percent_sign_expr) }} as double)
    )
{%- endmacro %}
