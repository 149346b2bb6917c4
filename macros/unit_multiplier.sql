{#- Factor that turns a stated number into base units: the scale word (thousand .. trillion)
    times 1/100 for a percent sign. The only place these constants live. NULL for an unknown word. -#}
{% macro unit_multiplier(scale_word_expr, percent_sign_expr) -%}
    (
        case {{ scale_word_expr }}
            when '' then cast(1 as decimal(24, 6))
            when 'thousand' then cast(1000 as decimal(24, 6))
            when 'million' then cast(1000000 as decimal(24, 6))
            when 'billion' then cast(1000000000 as decimal(24, 6))
            when 'trillion' then cast(1000000000000 as decimal(24, 6))
        end
        * case when {{ percent_sign_expr }} = '%' then cast(0.01 as decimal(24, 6)) else cast(1 as decimal(24, 6)) end
    )
{%- endmacro %}
