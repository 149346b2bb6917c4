{#- Landed figures kept out of the marts, with the file they came from and the reason. The build
    prints how many there are per file and reason. -#}
with

figures as (
    select * from {{ ref('int_figures_normalised') }}
    where rejection_reason is not null
),

final as (
    select
        -- keys
        figure_id,
        source_id,

        -- attributes
        landed_file,
        subject_as_written,
        metric_id,
        period_as_written,
        value_as_written,
        rejection_reason
    from figures
)

select * from final
