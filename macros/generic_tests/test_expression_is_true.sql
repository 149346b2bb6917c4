{#- Fails for every row where `expression` is false; rows where it is NULL pass, so write
    `coalesce(...)` or an explicit `is null` branch when NULL must fail too. -#}
{% test expression_is_true(model, expression) %}
    select *
    from {{ model }}
    where not ({{ expression }})
{% endtest %}
