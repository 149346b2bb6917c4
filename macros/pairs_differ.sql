{#- The two-way difference of a catalogue's (first, second) pairs and the pairs the project's SQL
    expects, as the last CTEs and the final select of a data test: after `with ... <catalogued> as
    (...),` it adds `expected` (the pairs of `expected_pairs`, a list of two-item lists) and `final`,
    one row per pair found on one side only, with `only_catalogued` or `only_expected` as its problem.
    Used by the tests that hold a seed's lists and a macro's lists to each other. -#}
{% macro pairs_differ(catalogued, first, second, expected_pairs, only_catalogued, only_expected) -%}
expected as (
    {%- for pair in expected_pairs %}
    select
        '{{ pair[0] }}' as {{ first }},
        '{{ pair[1] }}' as {{ second }}
    union all
    {%- endfor %}
    select
        cast(null as string) as {{ first }},
        cast(null as string) as {{ second }}
    where false
),

final as (
    select
        {{ catalogued }}.{{ first }},
        {{ catalogued }}.{{ second }},
        '{{ only_catalogued }}' as problem
    from {{ catalogued }}
    left join expected
        on {{ catalogued }}.{{ first }} = expected.{{ first }}
        and {{ catalogued }}.{{ second }} = expected.{{ second }}
    where expected.{{ first }} is null
    union all
    select
        expected.{{ first }},
        expected.{{ second }},
        '{{ only_expected }}' as problem
    from expected
    left join {{ catalogued }}
        on expected.{{ first }} = {{ catalogued }}.{{ first }}
        and expected.{{ second }} = {{ catalogued }}.{{ second }}
    where {{ catalogued }}.{{ first }} is null
)

select * from final
{%- endmacro %}
