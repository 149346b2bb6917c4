{#- One named part of a figure's value as written, per `figure_value_pattern()`; '' when absent. -#}
{% macro value_component(text_expr, component) -%}
    {%- set groups = {
        'qualifier': 1,
        'currency_symbol': 2,
        'number': 3,
        'percent_sign': 4,
        'scale_word': 5,
        'currency_word': 6,
        'per_unit': 7,
    } -%}
    {%- if component not in groups -%}
        {{ exceptions.raise_compiler_error("value_component: unknown component '" ~ component ~ "'") }}
    {%- endif -%}
    {{ regex_group(text_expr, figure_value_pattern(), groups[component]) }}
{%- endmacro %}
