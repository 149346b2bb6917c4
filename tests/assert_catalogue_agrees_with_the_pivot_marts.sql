{#- The metrics the catalogue puts in the company financials marts (curated_metrics.marts) are
    exactly the ones those marts pivot into columns (macros/marts/company_financials.sql): a metric
    added to the catalogue for a pivot mart that has no column for it fails here, naming it. -#}
{%- set pivoted = company_amount_metrics() + company_ratio_metrics() %}
{%- set pivot_marts = ['fct_company_financials', 'fct_company_interim_financials'] %}
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

pivoted as (
    {%- for metric in pivoted %}
    {%- for mart in pivot_marts %}
    select
        '{{ metric }}' as metric_id,
        '{{ mart }}' as mart
    union all
    {%- endfor %}
    {%- endfor %}
    select
        cast(null as string) as metric_id,
        cast(null as string) as mart
    where false
),

final as (
    select
        assigned.metric_id,
        assigned.mart,
        'the catalogue puts the metric in this mart, which has no column for it' as problem
    from assigned
    left join pivoted
        on assigned.metric_id = pivoted.metric_id
        and assigned.mart = pivoted.mart
    where pivoted.metric_id is null
    union all
    select
        pivoted.metric_id,
        pivoted.mart,
        'the mart pivots the metric, but the catalogue does not put it there' as problem
    from pivoted
    left join assigned
        on pivoted.metric_id = assigned.metric_id
        and pivoted.mart = assigned.mart
    where assigned.metric_id is null
)

select * from final
