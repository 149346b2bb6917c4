{#- Run at the end of a build (dbt_project.yml, on-run-end): list the metrics of the catalogue that
    no mart but fct_figures shows (curated_metrics.marts is 'fct_figures'), so a metric added for a
    new article is seen to reach no pivot or statement mart. Returns no SQL to run. -#}
{% macro report_metrics_without_a_mart() -%}
    {%- if execute and flags.WHICH in ('build', 'run') -%}
        {%- set relation = adapter.get_relation(database=seed_database(), schema='raw', identifier='curated_metrics') -%}
        {%- if relation is not none -%}
            {%- set query -%}
                select metric_id from {{ relation }} where coalesce(nullif(trim(marts), ''), 'fct_figures') = 'fct_figures' order by metric_id
            {%- endset -%}
            {%- set metrics = run_query(query).columns[0].values() | list -%}
            {%- if metrics -%}
                {{ log('Metrics no mart but fct_figures shows (seeds/curated/curated_metrics.csv, marts): ' ~ metrics | join(', '), info=true) }}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}
