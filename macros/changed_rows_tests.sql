{#- Tests on what changed. On an incremental build (the warehouse holds the record of the last
    build, schema build_state), a generic test of a model kept per source or per cell (its config
    says meta: {kept_per: source | cell | entity}; entity with entity_column) reads only what the
    build changed:
      - row-level tests (not_null, not_null_columns, accepted_values, relationships,
        relationships_columns, relationships_parents, accepted_range, expression_is_true) read the rows of the changed sources (int_changed_sources), cells
        (int_changed_cells) or entities (named by a changed cell);
      - unique reads every row whose key a changed row holds, so a new row repeating an old key
        still fails; primary_key reads those and the changed rows (a NULL key among them);
      - any other test reads the whole model, as on a full build.
    A model kept per source that int_changed_sources is built from (the landed figures) is tested
    before this build's changed sources are known: its tests read the rows of the landed files the
    last build did not load as they are now (build_state.loaded_files) instead.
    A full build, Spark, and tests of other models read everything. This replaces dbt's own
    get_where_subquery (dispatch order in dbt_project.yml); a test's own `where` config still
    applies. -#}
{% macro default__get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {#- a primary_key test of a model kept per source, cell or entity: macros/primary_key_changed_rows.sql -#}
    {%- set changed_keys = primary_key_changed_rows(relation, where) -%}
    {%- if changed_keys -%}{{ return(changed_keys) }}{%- endif -%}
    {%- set changed = changed_rows_condition(relation) -%}
    {%- set conditions = [] -%}
    {%- if where -%}{%- do conditions.append('(' ~ where ~ ')') -%}{%- endif -%}
    {%- if changed -%}{%- do conditions.append(changed) -%}{%- endif -%}
    {%- if not conditions -%}{{ return(relation) }}{%- endif -%}
    {%- set filtered -%}
        (select * from {{ relation }} as tested_rows where {{ conditions | join(' and ') }}) dbt_subquery
    {%- endset -%}
    {{ return(filtered) }}
{%- endmacro %}

{#- The relation of the model `name` of this project, from the graph (no ref: tests do not
    declare it). -#}
{% macro project_relation(name) -%}
    {{ return(graph.nodes['model.' ~ project_name ~ '.' ~ name].relation_name) }}
{%- endmacro %}

{#- The unique ids of every node the model `name` of this project is built from, directly or not. -#}
{% macro nodes_before(name) -%}
    {%- set found = [] -%}
    {%- set pending = ['model.' ~ project_name ~ '.' ~ name] -%}
    {#- at most one pass per node of the graph; each pass takes one pending node -#}
    {%- for _ in graph.nodes if pending -%}
        {%- set node = graph.nodes.get(pending.pop()) -%}
        {%- for parent in (node.depends_on.nodes if node else []) if parent not in found -%}
            {%- do found.append(parent) -%}
            {%- do pending.append(parent) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(found) }}
{%- endmacro %}

{#- The condition on `alias` that keeps the changed rows of a model kept per `kept_per`. -#}
{% macro changed_rows_of(kept_per, alias) -%}
    {%- if kept_per == 'landed_file' -%}
        not exists (
            select 1 from {{ loaded_state_relation('loaded_files') }} as loaded_files
            where
                loaded_files.landed_file is not distinct from {{ alias }}.landed_file
                and loaded_files.landed_file_hash is not distinct from {{ alias }}.landed_file_hash
        )
    {%- elif kept_per == 'source' -%}
        {{ alias }}.source_id in (select source_id from {{ project_relation('int_changed_sources') }})
    {%- elif kept_per is mapping -%}
        coalesce({{ alias }}.{{ kept_per.entity_column }}, '') in (
            select coalesce(changed_cells.entity_id, '') from {{ project_relation('int_changed_cells') }} as changed_cells
        )
    {%- else -%}
        {{ in_cells(alias, project_relation('int_changed_cells')) }}
    {%- endif -%}
{%- endmacro %}

{#- For the test being compiled: the condition on tested_rows limiting it to what changed, or ''. -#}
{% macro changed_rows_condition(relation) -%}
    {%- if not execute or target.type == 'spark' or loaded_state_relation('loaded_file_sources') is none -%}
        {{ return('') }}
    {%- endif -%}
    {%- set attached = model.get('attached_node') -%}
    {%- if not attached or attached not in graph.nodes -%}{{ return('') }}{%- endif -%}
    {%- set meta = graph.nodes[attached].config.get('meta') or {} -%}
    {%- set kept_per = meta.get('kept_per') -%}
    {%- if kept_per not in ('source', 'cell', 'entity') -%}{{ return('') }}{%- endif -%}
    {#- kept per source, but built before int_changed_sources (which reads it): by landed file -#}
    {%- if kept_per == 'source' and attached in nodes_before('int_changed_sources') -%}
        {%- if loaded_state_relation('loaded_files') is none -%}{{ return('') }}{%- endif -%}
        {%- set kept_per = 'landed_file' -%}
    {%- endif -%}
    {#- kept per entity: the rows of the changed entities, by the model's entity column -#}
    {%- if kept_per == 'entity' -%}{%- set kept_per = {'entity_column': meta.get('entity_column')} -%}{%- endif -%}
    {%- set test = model.get('test_metadata') or {} -%}
    {%- set name = test.get('name') -%}
    {%- if name in ('not_null', 'not_null_columns', 'accepted_values', 'relationships', 'relationships_columns', 'relationships_parents', 'accepted_range', 'expression_is_true') -%}
        {{ return(changed_rows_of(kept_per, 'tested_rows')) }}
    {%- elif name == 'unique' -%}
        {%- set column = test.get('kwargs', {}).get('column_name') -%}
        {{ return(
            'tested_rows.' ~ column ~ ' in (select ' ~ column ~ ' from ' ~ relation ~ ' as changed_rows where '
            ~ changed_rows_of(kept_per, 'changed_rows') ~ ')'
        ) }}
    {%- elif name == 'primary_key' -%}
        {#- the changed rows (a NULL key among them) and every row sharing a key with one -#}
        {%- set column = test.get('kwargs', {}).get('column_name') -%}
        {{ return(
            '(' ~ changed_rows_of(kept_per, 'tested_rows') ~ ' or tested_rows.' ~ column ~ ' in (select '
            ~ column ~ ' from ' ~ relation ~ ' as changed_rows where ' ~ changed_rows_of(kept_per, 'changed_rows') ~ '))'
        ) }}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}

{#- For a singular test: a condition on `alias` keeping, on an incremental build, the rows of the
    entities a changed cell names (its `column`), else true. A singular test reads only those when
    every row it could fail on belongs to such an entity. -#}
{% macro changed_entities_in_test(alias, column) -%}
    {%- if not execute or target.type == 'spark' or loaded_state_relation('loaded_file_sources') is none -%}
        true
    {%- else -%}
        coalesce({{ alias }}.{{ column }}, '') in (
            select coalesce(changed_cells.entity_id, '') from {{ project_relation('int_changed_cells') }} as changed_cells
        )
    {%- endif -%}
{%- endmacro %}

{#- For a singular test: a condition on `alias` keeping, on an incremental build, the rows of the
    changed sources (int_changed_sources), else true. A singular test reads only those when every
    row it could fail on belongs to such a source, and the rows of the other sources are as the
    last build, which passed it, left them (tables kept per source). -#}
{% macro changed_sources_in_test(alias) -%}
    {%- if not execute or target.type == 'spark' or loaded_state_relation('loaded_file_sources') is none -%}
        true
    {%- else -%}
        {{ alias }}.source_id in (select changed_sources.source_id from {{ project_relation('int_changed_sources') }} as changed_sources)
    {%- endif -%}
{%- endmacro %}
