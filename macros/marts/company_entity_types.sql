{#- The entity types that are companies: the rows of dim_companies, and the entities the company
    marts (fct_company_financials, fct_company_interim_financials, fct_cloud_revenue, fct_cdn_nodes,
    and through int_company_statements fct_share_price_events and fct_price_cuts) take. Written once
    here: the figures carry their entity's type and canonical name (int_figures_resolved), so a mart
    filters on them instead of joining dim_companies again. seeds/curated/curated_marts.csv names the
    types each mart takes (entity_types), the rule the build checks each figure against; a data test
    (assert_company_marts_take_the_company_types) fails when the two differ. -#}
{% macro company_entity_type_list() -%}
    {{ return(['company', 'cloud_provider', 'investor', 'publisher']) }}
{%- endmacro %}

{#- The same, as a SQL list: ('company', 'cloud_provider', ...). -#}
{% macro company_entity_types() -%}
    ('{{ company_entity_type_list() | join("', '") }}')
{%- endmacro %}
