{#- The period types a mart takes, as a SQL list ('fiscal_year', 'year_end'), from its row of
    seeds/curated/curated_marts.csv (period_types, separated by ';'): the rule the build checks each
    figure against (int_figures_normalised) and the filter of the mart itself, written once. -#}
{% macro mart_period_types(mart) -%}
    {%- set types = [] -%}
    {%- set rows = vocabulary_rows('curated_marts') -%}
    {%- for row in rows if row['mart'] == mart -%}
        {%- for period_type in row['period_types'].split(';') if period_type | trim -%}
            {%- do types.append(sql_text(period_type | trim)) -%}
        {%- endfor -%}
    {%- endfor -%}
    {#- (no rows at all: the linter compiles with no seeds loaded) -#}
    {%- if execute and rows and not types -%}
        {{ exceptions.raise_compiler_error("mart_period_types: seeds/curated/curated_marts.csv gives mart '" ~ mart ~ "' no period_types") }}
    {%- endif -%}
    ({{ types | join(', ') if types else "''" }})
{%- endmacro %}
