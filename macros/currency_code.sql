{#- ISO 4217 code of a currency symbol or word as written; '' when none is written,
    'conflict' when the symbol and the word disagree. -#}
{% macro currency_code(symbol_expr, word_expr) -%}
    (
        case
            when {{ symbol_expr }} = '' and {{ word_expr }} = '' then ''
            when {{ symbol_expr }} in ('¥', '') and {{ word_expr }} in ('yuan', 'rmb', 'cny', '') then 'CNY'
            when {{ symbol_expr }} in ('$', '') and {{ word_expr }} in ('usd', 'dollars', '') then 'USD'
            else 'conflict'
        end
    )
{%- endmacro %}
