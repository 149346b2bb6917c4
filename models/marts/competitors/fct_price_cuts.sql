{#- Price cuts and discounts by provider and product: one row per statement and product it names
    (one statement can name two products). Changes are negative: -0.5 is a 50% cut. Reported
    figures only. -#}
{#- Kept per entity: an incremental build recomputes the cuts of the providers a changed source
    names, old or new (int_changed_cells); a full build and Spark build every row. A cut reads its
    provider's statement, the aliases its item matches and the product's name: landed files that
    change an alias or an entity an earlier figure names make the build a full one
    (int_earlier_figures_touched). -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_entities('provider_id') }}",
    meta={'kept_per': 'entity', 'entity_column': 'provider_id'},
) }}
-- depends_on: {{ ref('int_changed_cells') }}
with

-- the reported statements about companies (the providers), with the company's canonical name: those
-- of the providers the build recomputes
statements as (
    select * from {{ ref('int_company_statements') }}
    where {{ changed_entities_condition('entity_id') }}
),

entities as (
    select * from {{ ref('dim_entities') }}
),

cuts as (
    select *
    from statements
    where metric_id = 'price_change'
),

-- the products the item names, matched as every name is (alias_matches); a figure whose item
-- names none is stopped in int_figures_resolved, so no statement is lost here
products as (
    select
        match_key as statement_id,
        entity_id as product_id
    from ({{ alias_matches('cuts', 'statement_id', 'item_as_written') | indent(8) }}) as matches
),

final as (
    select
        -- keys
        cuts.statement_id || '__' || products.product_id as price_cut_id,
        cuts.statement_id,
        cuts.entity_id as provider_id,
        products.product_id,

        -- attributes
        cuts.entity_name as provider_name,
        entities.entity_name as product_name,
        cuts.item_as_written,
        cuts.period_label,
        cuts.period_start_date,
        cuts.qualifier,
        cuts.value_as_written,

        -- measures: the deepest and the shallowest change the statement allows
        cuts.value_low as deepest_price_change_ratio,
        cuts.value_high as shallowest_price_change_ratio,

        -- provenance
        cuts.figure_ids,
        cuts.quote
    from cuts
    inner join products
        on cuts.statement_id = products.statement_id
    inner join entities
        on products.product_id = entities.entity_id
)

select * from final
