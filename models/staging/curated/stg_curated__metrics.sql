with

metrics as (
    select * from {{ ref('curated_metrics') }}
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
        definition,
        -- a metric the catalogue names no mart for is shown by fct_figures alone (and listed by the build)
        coalesce(nullif(trim(marts), ''), 'fct_figures') as marts
    from metrics
)

select * from final
