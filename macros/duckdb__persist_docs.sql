{#- dbt's own persist_docs (default__persist_docs) on DuckDB, with one lookup of the relation's columns
    instead of two and one batch of statements instead of two: dbt-duckdb's alter_column_comment looks
    the columns up again after persist_docs has already kept only the documented columns that exist.
    The same comments result: the relation's description, and each documented column's that exists
    (a documented column the relation lacks is warned about by validate_doc_columns, as before).
    With the variable persist_docs false (the draft's scratch database), no comment at all. -#}
{% macro duckdb__persist_docs(relation, model, for_relation, for_columns) -%}
    {%- if not var('persist_docs') -%}
        {{ return('') }}
    {%- endif -%}
    {%- set statements = [] -%}
    {%- if for_relation and config.persist_relation_docs() and model.description -%}
        {%- do statements.append(alter_relation_comment(relation, model.description)) -%}
    {%- endif -%}
    {%- if for_columns and config.persist_column_docs() and model.columns -%}
        {%- set existing_columns = adapter.get_columns_in_relation(relation) | map(attribute="name") | list -%}
        {%- set documented = validate_doc_columns(relation, model.columns, existing_columns) -%}
        {%- for column_name in documented -%}
            {%- set column = documented[column_name] -%}
            {%- set name = adapter.quote(column_name) if column['quote'] else column_name -%}
            {%- do statements.append(
                'comment on column ' ~ relation ~ '.' ~ name ~ ' is ' ~ duckdb_escape_comment(column['description']) ~ ';'
            ) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if statements -%}
        {%- do run_query(statements | join('\n')) -%}
    {%- endif -%}
{%- endmacro %}
