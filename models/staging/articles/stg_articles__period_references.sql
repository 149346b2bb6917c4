with

period_references as (
    select * from {{ ref('article_period_references') }}
),

final as (
    select
        -- keys
        figure_id,
        period_reference_figure_id,

        -- attributes
        note
    from period_references
)

select * from final
