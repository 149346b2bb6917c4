{#- The marts of companies take, in the catalogue (seeds/curated/curated_marts.csv, entity_types),
    exactly the entity types their SQL filters on (macros/marts/company_entity_types.sql): a type
    added to one and not the other fails here, naming the mart and the type. -#}
{%- set company_types = company_entity_type_list() %}
{%- set company_marts = ['fct_company_financials', 'fct_company_interim_financials', 'fct_cdn_nodes',
    'fct_share_price_events', 'fct_price_cuts'] %}
{%- set expected_pairs = [] %}
{%- for mart in company_marts %}{% for entity_type in company_types %}{% do expected_pairs.append([mart, entity_type]) %}{% endfor %}{% endfor %}
with

marts as (
    select * from {{ ref('stg_curated__marts') }}
    where mart in ('{{ company_marts | join("', '") }}')
),

listed as (
    {{ split_to_rows('marts', 'mart', 'entity_types', ';') | indent(4) }}
),

catalogued as (
    select distinct
        key as mart,
        value as entity_type
    from listed
),

{{ pairs_differ(
    'catalogued', 'mart', 'entity_type', expected_pairs,
    'the catalogue lets the mart take this type, which company_entity_types() leaves out',
    'company_entity_types() takes this type, but the catalogue does not list it for the mart'
) }}
