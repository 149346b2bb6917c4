{#- The join condition of a claim and a figure it may be computed from, written once: the figure is
    of the source the claim reads its figures from (figures_source_id: its own source, or the one its
    row names; never another article's), of the claim's entity, and of its metric (`metric_column`
    of the claim: metric_id, or reference_metric_id for the value it is compared with). `figures`
    and `claims` are the aliases of the two relations. -#}
{% macro claim_figure_matches(figures, metric_column='metric_id', claims='claims') -%}
    {{ claims }}.figures_source_id = {{ figures }}.source_id
        and {{ claims }}.entity_id = {{ figures }}.entity_id
        and {{ claims }}.{{ metric_column }} = {{ figures }}.metric_id
{%- endmacro %}
