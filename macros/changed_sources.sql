{#- Incremental by document. An incremental build recomputes only the rows of the sources whose
    landed files changed since the last build (int_changed_sources) and the aggregates of the cells
    those sources state (int_changed_cells). What the last build loaded is kept by the pipeline in
    the warehouse's build_state schema (pipeline/sql/loaded_state.sql); without it (a full build,
    a fresh warehouse, Spark), every source counts as changed and every model is built in full. -#}

{#- The build_state table `name` of the warehouse, or none when the last build kept none. -#}
{% macro loaded_state_relation(name) -%}
    {%- if not execute or target.type == 'spark' -%}{{ return(none) }}{%- endif -%}
    {{ return(adapter.get_relation(database=target.database, schema='build_state', identifier=name)) }}
{%- endmacro %}

{#- A model's existing relation named `identifier` in `schema`, read before the model is rebuilt
    (the caller runs first: the model declares a depends_on on it). None when it does not exist. -#}
{% macro existing_relation(schema, identifier) -%}
    {%- if not execute or target.type == 'spark' -%}{{ return(none) }}{%- endif -%}
    {{ return(adapter.get_relation(database=target.database, schema=schema, identifier=identifier)) }}
{%- endmacro %}

{#- Materialization of a model kept per source: incremental on DuckDB, a table on Spark (dbt-spark
    cannot delete from Parquet tables; a full build there is allowed). -#}
{% macro per_source_materialization() -%}
    {{ return('table' if target.type == 'spark' else 'incremental') }}
{%- endmacro %}

{#- A SQL condition true for the rows of changed sources on an incremental run, else true. -#}
{% macro changed_sources_condition(column='source_id') -%}
    {%- if execute and is_incremental() -%}
        {{ column }} in (select source_id from {{ ref('int_changed_sources') }})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- Pre-hook of a per-source incremental model: remove the rows of the changed sources first. -#}
{% macro delete_changed_sources() -%}
    {%- if not execute or this is none or not is_incremental() -%}{{ return('') }}{%- endif -%}
    delete from {{ this }} where source_id in (select source_id from {{ ref('int_changed_sources') }})
{%- endmacro %}

{#- A SQL condition true for rows in the cells (entity_id, metric_id, period_label) the changed
    sources state, old or new, on an incremental run; else true. -#}
{% macro changed_cells_condition(alias) -%}
    {%- if execute and is_incremental() -%}
        {{ in_cells(alias, ref('int_changed_cells')) }}
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- True for the rows of `alias` in a cell (entity_id, metric_id, period_label, null-safe) of the
    relation `cells`. The entity is matched first with a plain IN: with the few entities a build
    changes, DuckDB filters the scan of a large table by them before the cells are matched (an
    EXISTS alone first reads every row of every column: 1.5 s of CPU instead of 0.4 s for
    int_figures_preferred at 10^6 figures). -#}
{% macro in_cells(alias, cells) -%}
    {{ alias }}.entity_id in (select cells_entities.entity_id from {{ cells }} as cells_entities)
        and exists (
            select 1 from {{ cells }} as changed_cells
            where changed_cells.entity_id = {{ alias }}.entity_id
                and changed_cells.metric_id = {{ alias }}.metric_id
                and changed_cells.period_label is not distinct from {{ alias }}.period_label
        )
{%- endmacro %}

{#- Pre-hook of a per-cell incremental model: remove the rows of the changed cells first. -#}
{% macro delete_changed_cells() -%}
    {%- if not execute or this is none or not is_incremental() -%}{{ return('') }}{%- endif -%}
    delete from {{ this }} as target_rows
    where {{ changed_cells_condition('target_rows') }}
{%- endmacro %}

{#- fct_figure_conflicts: a SQL condition true for the pairs (alias with first_source_id, entity_id,
    period_label, first_metric_id, second_metric_id) an incremental build recomputes: those of a
    changed source, or naming a changed cell; else true. -#}
{% macro changed_conflicts_condition(alias) -%}
    {%- if execute and is_incremental() -%}
        (
            {{ alias }}.first_source_id in (select source_id from {{ ref('int_changed_sources') }})
            or (
                {{ alias }}.entity_id in (select cells_entities.entity_id from {{ ref('int_changed_cells') }} as cells_entities)
                and exists (
                    select 1 from {{ ref('int_changed_cells') }} as changed_cells
                    where changed_cells.entity_id = {{ alias }}.entity_id
                        and changed_cells.period_label is not distinct from {{ alias }}.period_label
                        and changed_cells.metric_id in ({{ alias }}.first_metric_id, {{ alias }}.second_metric_id)
                )
            )
        )
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- Pre-hook of fct_figure_conflicts: remove the pairs it recomputes. -#}
{% macro delete_changed_conflicts() -%}
    {%- if not execute or this is none or not is_incremental() -%}{{ return('') }}{%- endif -%}
    delete from {{ this }} as target_rows
    where {{ changed_conflicts_condition('target_rows') }}
{%- endmacro %}

{#- Marts kept per entity (company-year, company-period and per-company marts, market statements):
    every row of theirs belongs to one entity (`column`), and is computed from that entity's
    preferred figures or statements only. An incremental build recomputes the entities named by a
    changed cell (int_changed_cells: every cell a changed source states, old or new, so every entity
    whose figures, statements or preferred figures the build may have changed). -#}
{% macro changed_entities_condition(column='entity_id') -%}
    {%- if execute and is_incremental() -%}
        -- null-safe: a row without an entity is recomputed when a changed cell has none either
        coalesce({{ column }}, '') in (
            select coalesce(changed_cells.entity_id, '') from {{ ref('int_changed_cells') }} as changed_cells
        )
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- Pre-hook of a model kept per entity: remove the rows of the changed entities first. -#}
{% macro delete_changed_entities(column) -%}
    {%- if not execute or this is none or not is_incremental() -%}{{ return('') }}{%- endif -%}
    delete from {{ this }} where {{ changed_entities_condition(column) }}
{%- endmacro %}

{#- Marts ranked within a fiscal year across entities (fct_cdn_nodes, fct_cloud_revenue): a row belongs
    to one entity (the model's entity column) and is computed from that entity's figures alone, but
    its rank depends on the other entities' rows of its year. An incremental build replaces the rows
    of the changed entities, ranked among themselves, then this post-hook ranks every row of the mart
    again and writes the ranks that differ: `ranked_rows` is a select of the mart's `key_columns`
    with each row's rank in `rank_column`, read from the mart as it is after the insert. The marts
    are not kept per entity: other entities' ranks change, so the published file takes them whole. -#}
{% macro update_ranks(rank_column, key_columns, ranked_rows) -%}
    {%- if not execute or this is none or not is_incremental() -%}{{ return('') }}{%- endif -%}
    update {{ this }} as mart_rows
    set {{ rank_column }} = ranked.{{ rank_column }}
    from ({{ ranked_rows }}) as ranked
    where {% for column in key_columns %}mart_rows.{{ column }} = ranked.{{ column }}
        and {% endfor %}mart_rows.{{ rank_column }} is distinct from ranked.{{ rank_column }}
{%- endmacro %}

{#- Pre-hook of a mart whose rows each belong to one entity and that replaces the changed entities'
    rows with dbt's delete+insert on its entity column (its query reads the rows it replaces first:
    fct_cdn_nodes takes the quotes it showed from them): remove the rows of the changed entities
    that have no row now (in no row of `current_rows`, a select of the rows the mart is computed
    from, their entity in `current_column`), which delete+insert, replacing the entities its query
    gives rows for, would leave. -#}
{% macro delete_changed_entities_gone(column, current_rows, current_column) -%}
    {%- if not execute or this is none or not is_incremental() -%}{{ return('') }}{%- endif -%}
    delete from {{ this }}
    where {{ changed_entities_condition(column) }}
        and {{ column }} not in (
            select current_rows.{{ current_column }} from ({{ current_rows }}) as current_rows
            where current_rows.{{ current_column }} is not null
        )
{%- endmacro %}
