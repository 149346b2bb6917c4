{#- fct_cdn_nodes' rank of a node count within its year (1: the most nodes; equal counts share a
    rank), written once for the model and its post-hook. -#}
{% macro cdn_node_rank(fiscal_year, value) -%}
    cast(rank() over (partition by {{ fiscal_year }} order by {{ value }} desc) as bigint)
{%- endmacro %}

{#- Every row of fct_cdn_nodes (`mart`) with its rank, ranked by the value of its preferred figure
    (update_ranks). -#}
{% macro cdn_node_ranks(mart) -%}
    select
        nodes.provider_id,
        nodes.fiscal_year,
        {{ cdn_node_rank('nodes.fiscal_year', 'figures.value') }} as node_count_rank
    from {{ mart }} as nodes
    inner join {{ ref('int_figures_preferred') }} as figures
        on nodes.figure_id = figures.figure_id
{%- endmacro %}
