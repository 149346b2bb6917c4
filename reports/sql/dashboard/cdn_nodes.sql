-- CDN node counts by provider and year.
with

nodes as (
    select * from marts.fct_cdn_nodes
),

final as (
    select
        provider_id,
        provider_name,
        fiscal_year,
        qualifier,
        node_count,
        node_count_rank,
        figure_id,
        figure_ids
    from nodes
)

select * from final
order by fiscal_year desc, node_count_rank asc, provider_name asc
