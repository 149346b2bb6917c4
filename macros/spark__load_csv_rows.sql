{#- Seed rows on Spark, as literals: dbt-spark's own loader (session method) writes an empty cell
    as the text 'None' and breaks on a value with a quote ("Kingsoft Cloud's"). Empty cells load as
    NULL, as on DuckDB, and a seed with no rows loads as an empty table. dbt_project.yml's
    `dispatch` lets this override dbt-spark's macro. -#}
{% macro spark__load_csv_rows(model, agate_table) %}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set types = [] -%}
    {%- for column_name in agate_table.column_names -%}
        {%- do types.append(column_override.get(column_name, adapter.convert_type(agate_table, loop.index0))) -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {%- for row in chunk %}
            (
                {%- for value in row -%}
                    cast({{ 'null' if value is none else spark_string_literal(value | string) }} as {{ types[loop.index0] }})
                    {{- ', ' if not loop.last }}
                {%- endfor -%}
            ){{ ',' if not loop.last }}
            {%- endfor %}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- do statements.append(sql) -%}
    {%- endfor -%}
    {{ return(statements[0] if statements else '') }}
{% endmacro %}
