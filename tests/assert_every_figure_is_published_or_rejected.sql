{#- Nothing is lost: every figure stated in a seed or a landed file is either in fct_figures or,
    for a landed row, in audit_rejected_figures with its reason. Returns the figures in neither,
    or in both. -#}
with

stated as (
    select
        figure_id,
        'seeds/articles/article_figures.csv' as stated_in
    from {{ ref('stg_articles__figures') }}
    union all
    select
        figure_id,
        landed_file as stated_in
    from {{ ref('stg_landing__figures') }}
),

published as (
    select figure_id from {{ ref('fct_figures') }}
),

rejected as (
    select figure_id from {{ ref('audit_rejected_figures') }}
),

final as (
    select
        stated.figure_id,
        stated.stated_in,
        published.figure_id is not null as is_published,
        rejected.figure_id is not null as is_rejected
    from stated
    left join published
        on stated.figure_id = published.figure_id
    left join rejected
        on stated.figure_id = rejected.figure_id
)

select * from final
where is_published = is_rejected
