{#- The primary-key test of a one-column key, unique and not null in one query (one node, one
    scan) rather than a unique and a not_null test each: fails for a NULL key and for every key
    value that occurs more than once, and says which in failure ('null key' or 'duplicate key').
    With located_by (a column saying where a row came from, e.g. the landed file), each failing key
    also lists in found_in where its rows are, so the message names the files to mend.
    dbt-project-evaluator counts it as a primary-key test (vars.primary_key_test_macros). -#}
{% test primary_key(model, column_name, located_by=none) %}
    with
    tested as (
        select * from {{ model }}
    ),

    key_counts as (
        select
            {{ column_name }} as key_value,
            count(*) as row_count
        from tested
        group by {{ column_name }}
    ),

    failing as (
        select
            case when key_value is null then 'null key' else 'duplicate key' end as failure,
            key_value,
            row_count
        from key_counts
        where key_value is null or row_count > 1
    ),
    {%- if located_by %}

    -- where the failing keys' rows are (read only when a key fails)
    failing_places as (
        select distinct
            failing.key_value,
            tested.{{ located_by }} as place
        from failing
        inner join tested
            on failing.key_value is not distinct from tested.{{ column_name }}
    ),

    located as (
        select
            key_value,
            {{ listagg_sorted('place', "', '") }} as found_in
        from failing_places
        group by key_value
    ),

    final as (
        select
            failing.failure,
            failing.key_value,
            failing.row_count,
            located.found_in
        from failing
        left join located
            on failing.key_value is not distinct from located.key_value
    )
    {%- else %}

    final as (
        select * from failing
    )
    {%- endif %}

    select * from final
{% endtest %}
