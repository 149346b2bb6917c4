{#- The marts of companies take, in the catalogue (seeds/curated/curated_marts.csv, entity_types),
    exactly the entity types their SQL filters on (macros/marts/company_entity_types.sql): a type
    added to one and not the other fails here, naming the mart and the type. -#}
{%- set company_types = company_entity_type_list() %}
{%- set company_marts = ['fct_company_financials', 'fct_company_interim_financials', 'fct_cdn_nodes',
    'fct_share_price_events', 'fct_price_cuts'] %}
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

filtered as (
    {%- for mart in company_marts %}
    {%- for entity_type in company_types %}
    select
        '{{ mart }}' as mart,
        '{{ entity_type }}' as entity_type
    union all
    {%- endfor %}
    {%- endfor %}
    select
        cast(null as string) as mart,
        cast(null as string) as entity_type
    where false
),

final as (
    select
        catalogued.mart,
        catalogued.entity_type,
        'the catalogue lets the mart take this type, which company_entity_types() leaves out' as problem
    from catalogued
    left join filtered
        on catalogued.mart = filtered.mart
        and catalogued.entity_type = filtered.entity_type
    where filtered.mart is null
    union all
    select
        filtered.mart,
        filtered.entity_type,
        'company_entity_types() takes this type, but the catalogue does not list it for the mart' as problem
    from filtered
    left join catalogued
        on filtered.mart = catalogued.mart
        and filtered.entity_type = catalogued.entity_type
    where catalogued.mart is null
)

select * from final
