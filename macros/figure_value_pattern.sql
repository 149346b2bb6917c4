{#- The one grammar of a figure's value as written (lowercased), one alternative of a range:
        [qualifier] [currency symbol or code] number [%] [scale word] [currency word] [per unit]
    Capture groups: 1 qualifier, 2 currency symbol or code written before the number ("$", "RMB "), 3 number, 4 percent sign, 5 scale word,
    6 currency word, 7 per unit. Words outside these lists make the value fail to parse. -#}
{% macro figure_value_pattern() -%}
    ^(?:(over|more than|exceeding|exceeded|nearly|about|approximately|around|up to|only) +)?([$¥]|us[$] *|(?:rmb|cny|usd) +)?((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:[.][0-9]+)?)(%)?(?: +(thousand|million|billion|trillion))?(?: +(yuan|rmb|cny|usd|dollars))?(?: +per +(share|run))?$
{%- endmacro %}
