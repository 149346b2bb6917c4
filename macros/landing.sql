{#- Landed files: batches of documents dropped as CSV or Parquet files under the landing folder
    (var `landing_dir`, default `landing`), one subfolder per kind: figures, sources, entities,
    entity_aliases. Each file holds whole documents, in the same as-written columns as the seeds. -#}

{#- The columns of each kind of landed file, with their types, as the matching seed declares them. -#}
{% macro landing_columns(kind) -%}
    {%- set text = 'string' -%}
    {%- set columns = {
        'figures': {
            'figure_id': text, 'source_id': text, 'paragraph_number': 'integer', 'subject_as_written': text,
            'item_as_written': text, 'metric_id': text, 'metric_as_written': text, 'period_as_written': text,
            'value_as_written': text, 'range_position': text, 'direction_as_written': text, 'quote': text,
        },
        'sources': {
            'source_id': text, 'title': text, 'published_date': 'date', 'language': text, 'text_path': text,
            'section': text,
        },
        'entities': {
            'entity_id': text, 'entity_name': text, 'entity_type': text, 'parent_entity_id': text,
            'description': text,
        },
        'entity_aliases': {'alias': text, 'entity_id': text, 'note': text},
    } -%}
    {{ return(columns[kind]) }}
{%- endmacro %}

{% macro landing_dir() -%}
    {{ return((var('landing_dir', 'landing') | string).rstrip('/')) }}
{%- endmacro %}

{#- The landed files of one kind, sorted; at parse time (no database yet) an empty list. -#}
{% macro landing_files(kind) -%}
    {{ return(adapter.dispatch('landing_files')(kind)) }}
{%- endmacro %}

{% macro default__landing_files(kind) -%}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set folder = landing_dir() ~ '/' ~ kind -%}
    {%- set listing -%}
        select file from glob('{{ folder }}/*.csv')
        union all
        select file from glob('{{ folder }}/*.parquet')
        order by file
    {%- endset -%}
    {{ return(run_query(listing).columns[0].values() | list) }}
{%- endmacro %}

{#- On Spark: the files are listed by Spark's binaryFile reader (its path column only, no content).
    The glob also names the project's dbt_project.yml, which always exists, so a missing folder lists
    nothing instead of failing (both under one leading slash: Spark reads a glob that starts with
    a brace as a relative path). Paths are absolute, without the file: scheme. Spark reads landed Parquet
    only: a landed CSV file stops the build with its name. -#}
{% macro spark__landing_files(kind) -%}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set folder = landing_dir() ~ '/' ~ kind -%}
    {%- if not folder.startswith('/') -%}
        {%- set working_dir = run_query("select reflect('java.lang.System', 'getProperty', 'user.dir')").columns[0].values()[0] -%}
        {%- set folder = working_dir.rstrip('/') ~ '/' ~ folder -%}
    {%- endif -%}
    {%- set anchor = invocation_args_dict['project_dir'] ~ '/dbt_project.yml' -%}
    {%- for character in ['{', '}', ',', '`'] if character in folder -%}
        {{ exceptions.raise_compiler_error("landing folder '" ~ folder ~ "': Spark cannot read a path that contains " ~ character) }}
    {%- endfor -%}
    {%- set listing -%}
        select regexp_replace(path, '^file:/+', '/') as file
        from binaryFile.`/{ {{- anchor[1:] }},{{ folder[1:] }}/*}`
        where regexp_replace(path, '^file:/+', '/') != '{{ anchor }}'
        order by file
    {%- endset -%}
    {%- set files = run_query(listing).columns[0].values() | list -%}
    {%- for file in files if file.endswith('.csv') -%}
        {{ exceptions.raise_compiler_error("landed file " ~ file ~ ": on Spark, land Parquet files (CSV is read on DuckDB only)") }}
    {%- endfor -%}
    {%- set parquet_files = [] -%}
    {%- for file in files if file.endswith('.parquet') -%}{%- do parquet_files.append(file) -%}{%- endfor -%}
    {{ return(parquet_files) }}
{%- endmacro %}

{#- The files an incremental model has not loaded yet: all of them on a full build. -#}
{% macro new_landing_files(kind) -%}
    {%- set files = landing_files(kind) -%}
    {%- if not execute or this is none or not is_incremental() -%}{{ return(files) }}{%- endif -%}
    {%- set loaded = run_query('select distinct landed_file from ' ~ this).columns[0].values() | list -%}
    {{ return(files | reject('in', loaded) | list) }}
{%- endmacro %}

{#- A relation of the rows of `files` (a list of paths) in the columns of `kind`, plus landed_file;
    with no files, an empty relation of the same shape, so a build with nothing landed still works. -#}
{% macro landed_rows(kind, files) -%}
    {{ return(adapter.dispatch('landed_rows')(kind, files)) }}
{%- endmacro %}

{#- The empty relation every landed_rows starts from, in `columns` (name: type) and landed_file;
    indented for its place inside landed_rows' parentheses. -#}
{% macro no_landed_rows(columns) -%}
    select
            {%- for name, type in columns.items() %}
            cast(null as {{ type }}) as {{ name }},
            {%- endfor %}
            cast(null as string) as landed_file
        where false
{%- endmacro %}

{% macro default__landed_rows(kind, files) -%}
    {%- set columns = landing_columns(kind) -%}
    {%- set csv_files = [] -%}
    {%- set parquet_files = [] -%}
    {%- for file in files -%}
        {%- do (csv_files if file.endswith('.csv') else parquet_files).append(file) -%}
    {%- endfor -%}
    (
        {{ no_landed_rows(columns) }}
        {%- if csv_files %}
        union all
        select
            {%- for name in columns %}
            {{ name }},
            {%- endfor %}
            filename as landed_file
        from read_csv(
            [{% for file in csv_files %}'{{ file }}'{{ ', ' if not loop.last }}{% endfor %}],
            header = true,
            auto_detect = false,
            columns = { {%- for name, type in columns.items() %}'{{ name }}': '{{ type }}'{{ ', ' if not loop.last }}{% endfor -%} },
            filename = true
        )
        {%- endif %}
        {%- if parquet_files %}
        union all
        select
            {%- for name, type in columns.items() %}
            cast({{ name }} as {{ type }}) as {{ name }},
            {%- endfor %}
            filename as landed_file
        from read_parquet(
            [{% for file in parquet_files %}'{{ file }}'{{ ', ' if not loop.last }}{% endfor %}],
            filename = true
        )
        {%- endif %}
    )
{%- endmacro %}

{#- On Spark: Parquet only (spark__landing_files lists no other kind), read in one relation whose
    path is a glob of the files' absolute names: /{one,two,...} with each name's leading slash taken off. -#}
{% macro spark__landed_rows(kind, files) -%}
    {%- set columns = landing_columns(kind) -%}
    (
        {{ no_landed_rows(columns) }}
        {%- if files %}
        union all
        select
            {%- for name, type in columns.items() %}
            cast({{ name }} as {{ type }}) as {{ name }},
            {%- endfor %}
            regexp_replace(input_file_name(), '^file:/+', '/') as landed_file
        from parquet.`/{ {{- files | map('replace', '/', '', 1) | join(',') -}} }`
        {%- endif %}
    )
{%- endmacro %}

{#- For an incremental model reading `relation` (which has landed_file): a SQL condition true for
    the rows of files this model has not loaded yet; on a full build, true for every row. The file
    list is computed when the model runs, so the filter is a constant the scan can use. -#}
{% macro unloaded_files_condition(relation) -%}
    {%- if not execute or this is none or relation is none or not is_incremental() -%}{{ return('true') }}{%- endif -%}
    {%- set listing -%}
        select distinct landed_file from {{ relation }}
        except
        select distinct landed_file from {{ this }}
        order by 1
    {%- endset -%}
    {%- set files = run_query(listing).columns[0].values() | list -%}
    {%- if not files -%}{{ return('false') }}{%- endif -%}
    {{ return("landed_file in (" ~ files | map('tojson') | join(', ') | replace('"', "'") ~ ")") }}
{%- endmacro %}
