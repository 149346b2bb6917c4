with

metrics as (
    select * from {{ ref('stg_curated__metrics') }}
),

final as (
    select
        -- keys
        metric_id,

        -- attributes
        metric_name,
        unit_kind,
        domain,
        is_signed_change,
        min_value,
        max_value,
        definition
    from metrics
)

select * from final
