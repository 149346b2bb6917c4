{#- The primary-key test of a one-column key, unique and not null in one query (one node, one
    scan) rather than a unique and a not_null test each: fails for a NULL key and for every key
    value that occurs more than once, and says which in failure ('null key' or 'duplicate key').
    dbt-project-evaluator counts it as a primary-key test (vars.primary_key_test_macros). -#}
{% test primary_key(model, column_name) %}
    with
    key_counts as (
        select
            {{ column_name }} as key_value,
            count(*) as row_count
        from {{ model }}
        group by {{ column_name }}
    ),

    final as (
        select
            case when key_value is null then 'null key' else 'duplicate key' end as failure,
            key_value,
            row_count
        from key_counts
        where key_value is null or row_count > 1
    )

    select * from final
{% endtest %}
