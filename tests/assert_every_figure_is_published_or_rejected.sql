{#- Nothing is lost: every figure stated in a seed or a landed file is either in fct_figures or,
    for a landed row, in audit_rejected_figures with its reason. Returns the figures in neither,
    or in both. On an incremental build it reads the rows of the changed sources only
    (changed_sources_in_test): the landed rows, fct_figures and audit_rejected_figures are kept per
    source, so the other sources' rows are those the last build checked. -#}
with

stated as (
    select
        curated.figure_id,
        'seeds/articles/article_figures.csv' as stated_in
    from {{ ref('stg_articles__figures') }} as curated
    where {{ changed_sources_in_test('curated') }}
    union all
    select
        landed.figure_id,
        landed.landed_file as stated_in
    from {{ ref('stg_landing__figures') }} as landed
    where {{ changed_sources_in_test('landed') }}
),

published as (
    select published_rows.figure_id
    from {{ ref('fct_figures') }} as published_rows
    where {{ changed_sources_in_test('published_rows') }}
),

rejected as (
    select rejected_rows.figure_id
    from {{ ref('audit_rejected_figures') }} as rejected_rows
    where {{ changed_sources_in_test('rejected_rows') }}
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
