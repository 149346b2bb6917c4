{#- ISO 4217 code of a currency symbol or word as written; '' when none is written,
    'conflict' when the symbol and the word disagree. -#}
{% macro currency_code(symbol_expr, word_expr) -%}
    (
        case
            when {{ symbol_expr }} = '' and {{ word_expr }} = '' then ''
            when trim({{ symbol_expr }}) in ('¥', 'rmb', 'cny', '') and {{ word_expr }} in ('yuan', 'rmb', 'cny', '') then 'CNY'
            when trim({{ symbol_expr }}) in ('$', 'us$', 'usd', '') and {{ word_expr }} in ('usd', 'dollars', '') then 'USD'
            else 'conflict'
        end
    )
{%- endmacro %}
