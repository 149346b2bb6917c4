{#- The article's figures from the article_figures seed, parsed. Any value that does not parse aborts the build
    (python -m pipeline check sets the var seed_errors to 'reject' to list every such row at once instead). -#}
with

seeded as (
    select
        *,
        'seeds/articles/article_figures.csv' as landed_file
    from {{ ref('article_figures') }}
),

staged as (
    {{ stage_figures('seeded', on_error=var('seed_errors', 'raise')) | indent(4) }}
)

select * from staged
