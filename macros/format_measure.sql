{#- A measure as a reader writes it: ratios as percentages with two decimals ("-10.52%"), amounts
    of a billion or more in billions ("9.061 billion CNY"; any currency of
    seeds/vocabulary/vocabulary_currencies.csv), other amounts, years, percentage points
    ("2.90 percentage points") and multiples ("2.00 times") with two decimals, counts as whole numbers. -#}
{% macro format_measure(value_expr, unit_expr) -%}
    {%- set codes = [] -%}
    {%- for row in vocabulary_rows('vocabulary_currencies') -%}
        {%- do codes.append(sql_text(row['currency_code'])) -%}
    {%- endfor -%}
    {#- the linter compiles with no seeds loaded: no currency then -#}
    {%- set currency_list = '(' ~ (codes | join(', ') if codes else "''") ~ ')' %}
    (
        case
            when {{ value_expr }} is null then 'n/a'
            when {{ unit_expr }} = 'ratio' then {{ format_fixed(value_expr ~ ' * 100', 2) }} || '%'
            when {{ unit_expr }} in {{ currency_list }} and abs({{ value_expr }}) >= 1000000000
                then {{ format_fixed(value_expr ~ ' / 1000000000', 3) }} || ' billion ' || {{ unit_expr }}
            when {{ unit_expr }} in {{ currency_list }} then {{ format_fixed(value_expr, 2) }} || ' ' || {{ unit_expr }}
            when {{ unit_expr }} = 'years' then {{ format_fixed(value_expr, 2) }} || ' years'
            when {{ unit_expr }} = 'percentage_point' then {{ format_fixed(value_expr, 2) }} || ' percentage points'
            when {{ unit_expr }} = 'multiple' then {{ format_fixed(value_expr, 2) }} || ' times'
            else {{ format_fixed(value_expr, 0) }}
        end
    )
{%- endmacro %}
