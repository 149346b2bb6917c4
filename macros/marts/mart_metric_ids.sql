{#- The metrics a mart shows, as a SQL list ('market_size', 'users'), from their rows of
    seeds/curated/curated_metrics.csv (marts, separated by ';'; a metric that names no mart is
    shown by fct_figures alone, as stg_curated__metrics says): read when the mart compiles, as
    mart_period_types reads curated_marts, so the mart filters by a constant list. -#}
{% macro mart_metric_ids(mart) -%}
    {%- set ids = [] -%}
    {%- for row in vocabulary_rows('curated_metrics') -%}
        {%- set marts = (row['marts'] | string | trim) or 'fct_figures' -%}
        {%- if mart in marts.split(';') | map('trim') | list -%}
            {%- do ids.append(sql_text(row['metric_id'])) -%}
        {%- endif -%}
    {%- endfor -%}
    {#- (no rows at all: the linter compiles with no seeds loaded) -#}
    ({{ ids | join(', ') if ids else "''" }})
{%- endmacro %}
