{#- The preferred figures of metric `metric_id` about companies: the rows of a mart of one company
    metric (fct_cdn_nodes), written once for the model and its pre-hook. -#}
{% macro company_metric_figures(metric_id) -%}
    select * from {{ ref('int_figures_preferred') }}
    where metric_id = '{{ metric_id }}'
        and entity_type in {{ company_entity_types() }}
{%- endmacro %}
