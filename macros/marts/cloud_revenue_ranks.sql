{#- fct_cloud_revenue's rank of a provider's revenue within its year, in the first reporting
    currency (1: the largest; equal revenues share a rank), written once for the model and its
    post-hook. -#}
{% macro cloud_revenue_rank(fiscal_year, revenue) -%}
    cast(rank() over (partition by {{ fiscal_year }} order by {{ revenue }} desc) as bigint)
{%- endmacro %}

{#- Every row of fct_cloud_revenue (`mart`) with its rank (update_ranks). -#}
{% macro cloud_revenue_ranks(mart) -%}
    select
        provider_id,
        fiscal_year,
        {{ cloud_revenue_rank('fiscal_year', 'revenue_' ~ (primary_reporting_currency() | lower)) }} as revenue_rank
    from {{ mart }}
{%- endmacro %}
