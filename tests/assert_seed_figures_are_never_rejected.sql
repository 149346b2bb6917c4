{#- A figure of the curated seeds either reaches the marts or stops the build: it never ends up
    among the rejected rows, which are for landed files only. Returns seed figures found there. -#}
select rejected.figure_id
from {{ ref('audit_rejected_figures') }} as rejected
inner join {{ ref('stg_articles__figures') }} as seed_figures
    on rejected.figure_id = seed_figures.figure_id
