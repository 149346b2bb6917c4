{#- Sign a direction word gives a change: -1 for a fall or a cut, +1 for a rise, 0 when no word
    is written, NULL for a word this list does not know (which fails the build downstream). -#}
{% macro direction_sign(word_expr) -%}
    (
        case
            when lower(trim({{ word_expr }})) = '' then 0
            when lower(trim({{ word_expr }})) in (
                'decrease', 'decreased', 'decline', 'declined', 'declining', 'declines', 'fell', 'fall',
                'down', 'plummets', 'plummeted', 'plunges', 'plunged', 'dropping', 'dropped',
                'slashing', 'slashed', 'price cuts', 'cut', 'discounts', 'reduced', 'reduction'
            ) then -1
            when lower(trim({{ word_expr }})) in (
                'increase', 'increased', 'growth', 'grew', 'surged', 'rose', 'up', 'rising'
            ) then 1
        end
    )
{%- endmacro %}
