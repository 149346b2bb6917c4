{#- The entity types that are companies, as a SQL list: the rows of dim_companies, and the entities
    the company marts (fct_company_financials, fct_company_interim_financials, fct_cloud_revenue,
    fct_cdn_nodes) take. Written once here: the figures carry their entity's type and canonical
    name (int_figures_resolved), so a mart filters on them instead of joining dim_companies again.
    seeds/curated/curated_marts.csv names the same types for the company marts (entity_types), the
    rule the build checks each figure against. -#}
{% macro company_entity_types() -%}
    ('company', 'cloud_provider', 'investor', 'publisher')
{%- endmacro %}
