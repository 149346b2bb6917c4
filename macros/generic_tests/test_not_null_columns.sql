{#- The required columns of one model, checked in one test (one node, one scan) rather than one
    not_null test each: fails for every row with a NULL in any of `columns`, and names them in
    null_columns. A key column keeps its own not_null test beside its unique test. -#}
{% test not_null_columns(model, columns) %}
    select
        concat_ws(', '
            {%- for column in columns %},
            case when {{ column }} is null then '{{ column }}' end
            {%- endfor %}
        ) as null_columns,
        *
    from {{ model }}
    where
        {%- for column in columns %}
        {{ 'or ' if not loop.first }}{{ column }} is null
        {%- endfor %}
{% endtest %}
