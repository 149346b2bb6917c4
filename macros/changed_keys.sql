{#- Comparing what landed now with what the last build loaded (build_state, pipeline/sql/loaded_state.sql),
    written once for int_changed_sources and int_earlier_figures_touched. -#}

{#- A select of the `key` of every row added, changed or removed between `previous` and `current`
    (relations or CTE names), both read as their `columns`. -#}
{% macro changed_keys(key, columns, current, previous) -%}
    {%- set listed = columns | join(', ') -%}
    select {{ key }} from (
        select {{ listed }} from {{ current }}
        except
        select {{ listed }} from {{ previous }}
    ) as added
    union
    select {{ key }} from (
        select {{ listed }} from {{ previous }}
        except
        select {{ listed }} from {{ current }}
    ) as removed
{%- endmacro %}

{#- A select of the source_id of every landed source (seeds/landing sources files) added, changed or
    removed since the build that loaded `previous_sources` (its landed_sources table). -#}
{% macro changed_landed_sources(previous_sources) -%}
    {{ changed_keys('source_id', ['source_id', 'title', 'published_date', 'language', 'section', 'text_path'],
                    ref('stg_landing__sources'), previous_sources) }}
{%- endmacro %}
