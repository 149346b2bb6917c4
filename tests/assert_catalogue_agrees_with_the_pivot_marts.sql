{#- The metrics the catalogue puts in the company financials marts (curated_metrics.marts) are
    exactly the ones those marts pivot into columns (macros/marts/company_financials.sql): a metric
    added to the catalogue for a pivot mart that has no column for it fails here, naming it. -#}
{%- set pivoted = company_amount_metrics() + company_ratio_metrics() %}
{%- set pivot_marts = ['fct_company_financials', 'fct_company_interim_financials'] %}
{%- set expected_pairs = [] %}
{%- for metric in pivoted %}{% for mart in pivot_marts %}{% do expected_pairs.append([metric, mart]) %}{% endfor %}{% endfor %}
with

metrics as (
    select * from {{ ref('stg_curated__metrics') }}
),

metric_marts as (
    {{ split_to_rows('metrics', 'metric_id', 'marts', ';') | indent(4) }}
),

assigned as (
    select distinct
        key as metric_id,
        value as mart
    from metric_marts
    where value in ('{{ pivot_marts | join("', '") }}')
),

{{ pairs_differ(
    'assigned', 'metric_id', 'mart', expected_pairs,
    'the catalogue puts the metric in this mart, which has no column for it',
    'the mart pivots the metric, but the catalogue does not put it there'
) }}
