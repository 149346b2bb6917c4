{#- The rows of a unit test's input (get_fixture_sql) and of its expected output (get_expected_sql),
    as SQL. dbt writes each as one `select` of literals per row joined by `union all`, which every
    engine but Spark reads as quickly as a table. Spark's analyser and optimiser push the tested
    model's filters and expressions into every branch of that union and simplify each copy on its
    own: int_figures_dated's test of 26 periods took 96 s alone on Spark (98 CPU seconds), 62 of
    them creating the empty view dbt reads the columns from. On Spark the rows are one inline table
    (`values`) instead, which Spark plans as one relation: 16 s (22 CPU seconds). The values are
    dbt's own (format_row), in the same order and with the same casts, so the rows are the same; on
    every other engine dbt's SQL is returned unchanged. -#}
{% macro get_fixture_sql(rows, column_name_to_data_types) %}
    {{- return(adapter.dispatch('unit_test_fixture_sql')(rows, column_name_to_data_types)) -}}
{% endmacro %}

{% macro default__unit_test_fixture_sql(rows, column_name_to_data_types) %}
    {{- return(dbt.get_fixture_sql(rows, column_name_to_data_types)) -}}
{% endmacro %}

{% macro spark__unit_test_fixture_sql(rows, column_name_to_data_types) %}
    {#- no rows: dbt's empty select (`limit 0`) is already one relation -#}
    {%- if (rows | length) == 0 -%}
        {{- return(dbt.get_fixture_sql(rows, column_name_to_data_types)) -}}
    {%- endif -%}
    {#- the columns of the input as dbt finds them (dbt.get_fixture_sql) -#}
    {%- set column_name_to_quoted = {} -%}
    {%- if not column_name_to_data_types -%}
        {%- set this_or_defer_relation = defer_relation if (defer_relation and not load_relation(this)) else this -%}
        {%- set column_name_to_data_types = {} -%}
        {%- for column in adapter.get_columns_in_relation(this_or_defer_relation) -%}
            {%- do column_name_to_data_types.update({column.name | lower: column.data_type}) -%}
            {%- do column_name_to_quoted.update({column.name | lower: column.quoted}) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if not column_name_to_data_types -%}
        {{- exceptions.raise_compiler_error("Not able to get columns for unit test '" ~ model.name ~ "' from relation " ~ this ~ " because the relation doesn't exist") -}}
    {%- endif -%}
    {%- set default_row = {} -%}
    {%- for column_name, column_type in column_name_to_data_types.items() -%}
        {%- do default_row.update({column_name: (safe_cast("null", column_type) | trim)}) -%}
    {%- endfor -%}
    {{- validate_fixture_rows(rows, row_number) -}}
    {%- set value_rows = [] -%}
    {%- for row in rows -%}
        {%- set row_values = default_row.copy() -%}
        {%- do row_values.update(format_row(row, column_name_to_data_types)) -%}
        {%- do value_rows.append('(' ~ (row_values.values() | join(', ')) ~ ')') -%}
    {%- endfor -%}
    {%- set column_names = [] -%}
    {%- for column_name in default_row.keys() -%}
        {%- do column_names.append(column_name_to_quoted.get(column_name, adapter.quote(column_name))) -%}
    {%- endfor -%}
    {{- return(inline_rows_sql(value_rows, column_names, model.name)) -}}
{% endmacro %}

{% macro get_expected_sql(rows, column_name_to_data_types, column_name_to_quoted) %}
    {{- return(adapter.dispatch('unit_test_expected_sql')(rows, column_name_to_data_types, column_name_to_quoted)) -}}
{% endmacro %}

{% macro default__unit_test_expected_sql(rows, column_name_to_data_types, column_name_to_quoted) %}
    {{- return(dbt.get_expected_sql(rows, column_name_to_data_types, column_name_to_quoted)) -}}
{% endmacro %}

{% macro spark__unit_test_expected_sql(rows, column_name_to_data_types, column_name_to_quoted) %}
    {%- if (rows | length) == 0 -%}
        {{- return(dbt.get_expected_sql(rows, column_name_to_data_types, column_name_to_quoted)) -}}
    {%- endif -%}
    {#- dbt's union takes each row's values in the order its YAML writes them and the names of the
        first row; the inline table does the same -#}
    {%- set value_rows = [] -%}
    {%- for row in rows -%}
        {%- do value_rows.append('(' ~ (format_row(row, column_name_to_data_types).values() | join(', ')) ~ ')') -%}
    {%- endfor -%}
    {%- set column_names = [] -%}
    {%- for column_name in format_row(rows[0], column_name_to_data_types).keys() -%}
        {%- do column_names.append(column_name_to_quoted[column_name]) -%}
    {%- endfor -%}
    {{- return(inline_rows_sql(value_rows, column_names, 'expected output')) -}}
{% endmacro %}

{#- Rows of literals (each '(value, value, ...)') as one Spark inline table with these column names. -#}
{% macro inline_rows_sql(value_rows, column_names, fixture_name) %}
    {%- set sql -%}
-- Fixture for {{ fixture_name }}
select * from values
{{ value_rows | join(',\n') }}
as fixture({{ column_names | join(', ') }})
    {%- endset -%}
    {{- return(sql) -}}
{% endmacro %}
