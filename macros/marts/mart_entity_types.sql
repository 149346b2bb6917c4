{#- The entity types a mart takes, as a SQL list ('cloud_provider', 'company'), from its row of
    seeds/curated/curated_marts.csv (entity_types, separated by ';'): the rule the build checks each
    figure against (int_figures_normalised) and the filter of the mart itself, written once. The
    figures carry their entity's name and type (int_figures_resolved), so a mart filters on them
    instead of joining dim_companies again. -#}
{% macro mart_entity_types(mart) -%}
    {%- set types = [] -%}
    {%- set rows = vocabulary_rows('curated_marts') -%}
    {%- for row in rows if row['mart'] == mart -%}
        {%- for entity_type in (row['entity_types'] or '').split(';') if entity_type | trim -%}
            {%- do types.append(sql_text(entity_type | trim)) -%}
        {%- endfor -%}
    {%- endfor -%}
    {#- (no rows at all: the linter compiles with no seeds loaded) -#}
    {%- if execute and rows and not types -%}
        {{ exceptions.raise_compiler_error("mart_entity_types: seeds/curated/curated_marts.csv gives mart '" ~ mart ~ "' no entity_types") }}
    {%- endif -%}
    ({{ types | join(', ') if types else "''" }})
{%- endmacro %}
