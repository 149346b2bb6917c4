{#- Several columns of one model that each name a row of the same parent (`to`.`field`), checked in
    one test (one node, one scan) rather than one relationships test each: fails for every value of
    any of `columns` that `to` does not hold, and names its column in failing_column. A NULL passes,
    as with dbt's relationships test. -#}
{% test relationships_columns(model, columns, to, field) %}
    with
    child_values as (
        {%- for column in columns %}
        {{ 'union all ' if not loop.first }}select
            '{{ column }}' as failing_column,
            {{ column }} as value_as_found
        from {{ model }}
        where {{ column }} is not null
        {%- endfor %}
    ),

    parent_values as (
        select {{ field }} as parent_value
        from {{ to }}
    ),

    final as (
        select
            child_values.failing_column,
            child_values.value_as_found
        from child_values
        left join parent_values
            on child_values.value_as_found = parent_values.parent_value
        where parent_values.parent_value is null
    )

    select * from final
{% endtest %}
