{#- One row per day, the time spine MetricFlow needs to align metrics in time. -#}
with

days as (
    {{ dbt.date_spine('day', "cast('2010-01-01' as date)", "cast('2031-01-01' as date)") }}
),

final as (
    select cast(date_day as date) as date_day
    from days
)

select * from final
