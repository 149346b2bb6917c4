{#- One edge ('low' or 'high') of the band of values a stated figure allows, for judging a claim.
    The rule, written once:
      - exact ("9.72%"): the stated value plus or minus half a unit of its last digit;
      - "nearly" ("nearly 60%"): up to 5% below the stated magnitude, never above it;
      - other approximations ("about", "approximately"): 5% either side;
      - bounds ("over 95%" of a fall, signed -0.95 as an upper bound): open on one side.
    NULL means the band is open on that side. -#}
{% macro claim_band(edge, qualifier_expr, qualifier_word_expr, stated_expr, last_digit_unit_expr) -%}
    {%- set approx_share = 0.05 -%}
    {%- if edge == 'low' -%}
    (
        case
            when {{ qualifier_expr }} = 'exact' then {{ stated_expr }} - 0.5 * {{ last_digit_unit_expr }}
            when {{ qualifier_expr }} = 'approx' and {{ qualifier_word_expr }} = 'nearly' and {{ stated_expr }} < 0
                then {{ stated_expr }}
            when {{ qualifier_expr }} = 'approx' and {{ qualifier_word_expr }} = 'nearly'
                then {{ stated_expr }} * (1 - {{ approx_share }})
            when {{ qualifier_expr }} = 'approx' then {{ stated_expr }} - {{ approx_share }} * abs({{ stated_expr }})
            when {{ qualifier_expr }} = 'lower_bound' then {{ stated_expr }}
        end
    )
    {%- elif edge == 'high' -%}
    (
        case
            when {{ qualifier_expr }} = 'exact' then {{ stated_expr }} + 0.5 * {{ last_digit_unit_expr }}
            when {{ qualifier_expr }} = 'approx' and {{ qualifier_word_expr }} = 'nearly' and {{ stated_expr }} < 0
                then {{ stated_expr }} * (1 - {{ approx_share }})
            when {{ qualifier_expr }} = 'approx' and {{ qualifier_word_expr }} = 'nearly' then {{ stated_expr }}
            when {{ qualifier_expr }} = 'approx' then {{ stated_expr }} + {{ approx_share }} * abs({{ stated_expr }})
            when {{ qualifier_expr }} = 'upper_bound' then {{ stated_expr }}
        end
    )
    {%- else -%}
        {{ exceptions.raise_compiler_error("claim_band: edge must be 'low' or 'high', not '" ~ edge ~ "'") }}
    {%- endif -%}
{%- endmacro %}
