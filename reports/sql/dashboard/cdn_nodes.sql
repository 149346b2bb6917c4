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
        -- the figure that speaks for the cell, and how many figures state it (all listed in figure_ids)
        figure_id,
        len(string_split(figure_ids, ', ')) as stated_figure_count
    from nodes
)

select * from final
order by fiscal_year desc, node_count_rank asc, provider_name asc
