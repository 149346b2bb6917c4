{#- Landed files: batches of documents dropped as CSV or Parquet files under the landing folder
    (var `landing_dir`, default `landing`), one subfolder per kind: figures, sources, entities,
    entity_aliases. Each file holds whole documents, in the same as-written columns as the seeds.

    A landed file is known by its path relative to the landing folder (`figures/batch_1.csv`, the
    landed_file column) and the md5 of its bytes (landed_file_hash): moving the landing folder
    changes neither, changing a file in place changes its hash, so an incremental build reloads it,
    and deleting a file retracts its rows. Columns are matched by header name, never by position. -#}

{#- The kinds of landed file and the seed each one has the columns of (var `landing_kinds`). -#}
{% macro landing_kinds() -%}
    {{ return(var('landing_kinds')) }}
{%- endmacro %}

{#- The columns of one kind of landed file, with their types: the column_types its seed declares in
    dbt_project.yml, the one place seed column types are written. Empty at parse time. -#}
{% macro landing_columns(kind) -%}
    {%- set kinds = landing_kinds() -%}
    {%- if kind not in kinds -%}
        {{ exceptions.raise_compiler_error("landing kind '" ~ kind ~ "' is not in the landing_kinds var of dbt_project.yml") }}
    {%- endif -%}
    {%- if not execute -%}{{ return({}) }}{%- endif -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'seed' and node.name == kinds[kind] -%}
        {{ return(node.config.column_types) }}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error("landing kind '" ~ kind ~ "': no seed named '" ~ kinds[kind] ~ "' declares its column types") }}
{%- endmacro %}

{% macro landing_dir() -%}
    {{ return((var('landing_dir', 'landing') | string).rstrip('/')) }}
{%- endmacro %}

{#- `text` as a SQL string literal of the target engine: a file name holding a quote stays text. -#}
{% macro sql_literal(text) -%}
    {{ return(adapter.dispatch('sql_literal')(text)) }}
{%- endmacro %}

{% macro default__sql_literal(text) -%}
    {{ return("'" ~ (text | string | replace("'", "''")) ~ "'") }}
{%- endmacro %}

{% macro spark__sql_literal(text) -%}
    {{ return(spark_string_literal(text | string) | trim) }}
{%- endmacro %}

{#- `values` as SQL string literals of the target engine, separated by commas. -#}
{% macro sql_literals(values) -%}
    {%- set literals = [] -%}
    {%- for value in values -%}{%- do literals.append(sql_literal(value)) -%}{%- endfor -%}
    {{ return(literals | join(', ')) }}
{%- endmacro %}

{#- A relation of no rows in `columns` (name: type): what a macro reads when there is nothing to
    read, so a build with nothing landed still works. Indented for its place inside parentheses. -#}
{% macro empty_relation(columns) -%}
    select
            {%- for name, type in columns.items() %}
            cast(null as {{ type }}) as {{ name }}{{ ',' if not loop.last }}
            {%- endfor %}
        where false
{%- endmacro %}

{#- `rows` (dicts) as a relation `alias` of the text columns `columns`, one SQL literal a value;
    with no rows, an empty relation of the same columns. -#}
{% macro text_rows_relation(rows, columns, alias) -%}
    {%- if rows -%}
    (
        select * from (
            values
            {%- for row in rows %}
            ({% for column in columns %}{{ sql_literal(row[column]) }}{{ ', ' if not loop.last }}{% endfor %}){{ ',' if not loop.last }}
            {%- endfor %}
        ) as {{ alias }} ({{ columns | join(', ') }})
    )
    {%- else -%}
    {%- set typed = {} -%}
    {%- for column in columns -%}{%- do typed.update({column: 'string'}) -%}{%- endfor -%}
    (
        {{ empty_relation(typed) }}
    )
    {%- endif -%}
{%- endmacro %}

{#- On Spark: one glob naming every path of `paths` (absolute): /{one,two,...} with each path's
    leading slash taken off (Spark reads a glob that starts with a brace as a relative path). -#}
{% macro spark_paths_glob(paths) -%}
    {{ return('/{' ~ paths | map('replace', '/', '', 1) | join(',') ~ '}') }}
{%- endmacro %}

{#- On Spark: the local path of a file path Spark gives (`file:/...`), without its scheme. -#}
{% macro spark_local_path(path) -%}
    {{ return("regexp_replace(" ~ path ~ ", '^file:/+', '/')") }}
{%- endmacro %}

{#- The files of every kind under the landing folder, listed when the model that calls it
    compiles: a list of {kind, landed_file, landed_path}, landed_file being `<kind>/<file name>`. -#}
{% macro landing_listing() -%}
    {%- set files = [] -%}
    {%- if execute -%}
        {%- for kind in landing_kinds() -%}
            {%- for path in landing_paths(kind) -%}
                {%- do files.append({'kind': kind, 'landed_file': kind ~ '/' ~ path.split('/')[-1], 'landed_path': path}) -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(files) }}
{%- endmacro %}

{#- `files` (from landing_listing) as a relation of (kind, landed_file, landed_path). -#}
{% macro landing_listing_relation(files) -%}
    {{ return(text_rows_relation(files, ['kind', 'landed_file', 'landed_path'], 'listed')) }}
{%- endmacro %}

{#- The paths of the landed files of one kind, sorted; at parse time (no database yet) none. -#}
{% macro landing_paths(kind) -%}
    {{ return(adapter.dispatch('landing_paths')(kind)) }}
{%- endmacro %}

{% macro default__landing_paths(kind) -%}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set folder = landing_dir() ~ '/' ~ kind -%}
    {%- set listing -%}
        select file from glob({{ sql_literal(folder ~ '/*.csv') }})
        union all
        select file from glob({{ sql_literal(folder ~ '/*.parquet') }})
        order by file
    {%- endset -%}
    {{ return(run_query(listing).columns[0].values() | list) }}
{%- endmacro %}

{#- On Spark: the files are listed by Spark's binaryFile reader (its path column only, no content).
    The glob also names the project's dbt_project.yml, which always exists, so a missing folder lists
    nothing instead of failing (both under one leading slash: Spark reads a glob that starts with
    a brace as a relative path). Paths are absolute, without the file: scheme. Spark reads landed Parquet
    only: a landed CSV file stops the build with its name. -#}
{% macro spark__landing_paths(kind) -%}
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
        select {{ spark_local_path('path') }} as file
        from binaryFile.`{{ spark_paths_glob([anchor, folder ~ '/*']) }}`
        where {{ spark_local_path('path') }} != {{ sql_literal(anchor) }}
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

{#- The md5 of the bytes of every file of `paths`, as a relation of (landed_path, landed_file_hash,
    file_size). -#}
{% macro landed_file_contents(paths) -%}
    {%- if not paths -%}
    (
        {{ empty_relation({'landed_path': 'string', 'landed_file_hash': 'string', 'file_size': 'bigint'}) }}
    )
    {%- else -%}
    {{ return(adapter.dispatch('landed_file_contents')(paths)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__landed_file_contents(paths) -%}
    (
        select
            filename as landed_path,
            md5(content) as landed_file_hash,
            size as file_size
        from read_blob([{{ sql_literals(paths) }}])
    )
{%- endmacro %}

{#- On Spark: binaryFile reads the files' bytes; the same glob form as spark__landing_paths. -#}
{% macro spark__landed_file_contents(paths) -%}
    (
        select
            {{ spark_local_path('path') }} as landed_path,
            md5(content) as landed_file_hash,
            length as file_size
        from binaryFile.`{{ spark_paths_glob(paths) }}`
    )
{%- endmacro %}

{#- The landed files of one kind, from base_landing__files (listed and hashed once per build): a
    list of {landed_file, landed_path, landed_file_hash}, sorted. Empty at parse time. -#}
{% macro landing_files(kind) -%}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {#- compiled without a database (the SQL linter's in-memory target): nothing listed yet -#}
    {%- set listed = load_relation(ref('base_landing__files')) -%}
    {%- if listed is none -%}{{ return([]) }}{%- endif -%}
    {%- set listing -%}
        select landed_file, landed_path, landed_file_hash
        from {{ listed }}
        where kind = {{ sql_literal(kind) }}
        order by landed_file
    {%- endset -%}
    {%- set files = [] -%}
    {%- for row in run_query(listing).rows -%}
        {%- do files.append({'landed_file': row[0], 'landed_path': row[1], 'landed_file_hash': row[2]}) -%}
    {%- endfor -%}
    {{ return(files) }}
{%- endmacro %}

{#- The files an incremental model has not loaded yet, as they are now (a file changed in place is
    new under its new hash): all of them on a full build. -#}
{% macro new_landing_files(kind) -%}
    {%- set files = landing_files(kind) -%}
    {%- if not execute or this is none or not is_incremental() -%}{{ return(files) }}{%- endif -%}
    {%- set loaded = [] -%}
    {%- for row in run_query('select distinct landed_file, landed_file_hash from ' ~ this).rows -%}
        {%- do loaded.append(row[0] ~ '|' ~ row[1]) -%}
    {%- endfor -%}
    {%- set unloaded = [] -%}
    {%- for file in files if (file.landed_file ~ '|' ~ file.landed_file_hash) not in loaded -%}
        {%- do unloaded.append(file) -%}
    {%- endfor -%}
    {{ return(unloaded) }}
{%- endmacro %}

{#- A relation of the rows of `files` (from landing_files) in the columns of `kind`, matched by
    name, plus landed_file and landed_file_hash; with no files, an empty relation of the same shape,
    so a build with nothing landed still works. -#}
{% macro landed_rows(kind, files) -%}
    {{ return(adapter.dispatch('landed_rows')(kind, files)) }}
{%- endmacro %}

{#- The empty relation every landed_rows starts from, in `columns` (name: type), landed_file and
    landed_file_hash; indented for its place inside landed_rows' parentheses. -#}
{% macro no_landed_rows(columns) -%}
    {%- set typed = {} -%}
    {%- do typed.update(columns) -%}
    {%- do typed.update({'landed_file': 'string', 'landed_file_hash': 'string'}) -%}
    {{ return(empty_relation(typed)) }}
{%- endmacro %}

{#- The files of `files` as a relation of (landed_path, landed_file, landed_file_hash). -#}
{% macro landed_file_names(files) -%}
    {{ return(text_rows_relation(files, ['landed_path', 'landed_file', 'landed_file_hash'], 'names')) }}
{%- endmacro %}

{#- The rows of `reader` (a relation of the rows of `files`, with the path each was read from in
    column filename) in the columns of `columns`, each read as its declared type (landed_value),
    plus landed_file and landed_file_hash: one branch of landed_rows' union. -#}
{% macro typed_landed_rows(columns, reader, files) -%}
        select
            {%- for name, type in columns.items() %}
            {{ landed_value(name, type) }} as {{ name }},
            {%- endfor %}
            landed_file,
            landed_file_hash
        from (
            select
                rows_read.*,
                names.landed_file,
                names.landed_file_hash
            from {{ reader }} as rows_read
            inner join {{ landed_file_names(files) }} as names
                on rows_read.filename = names.landed_path
        ) as named_rows
{%- endmacro %}

{#- One landed column read as its declared type. Text that does not convert stops the build naming
    the file, the column and the value; it never becomes a silent NULL. -#}
{% macro landed_value(name, type) -%}
    {%- if type | lower in ['string', 'varchar', 'text'] -%}
        cast({{ name }} as string)
    {%- else -%}
        case
            when {{ name }} is not null and try_cast({{ name }} as {{ type }}) is null
                then {{ raise_error(
                    "'landed file ' || landed_file || ': column " ~ name ~ ": ' || chr(39) || cast("
                    ~ name ~ " as string) || chr(39) || ' is not a valid " ~ type ~ "'"
                ) }}
            else try_cast({{ name }} as {{ type }})
        end
    {%- endif -%}
{%- endmacro %}

{% macro default__landed_rows(kind, files) -%}
    {%- set columns = landing_columns(kind) -%}
    {%- set csv_files = [] -%}
    {%- set parquet_files = [] -%}
    {%- for file in files -%}
        {%- do (csv_files if file.landed_path.endswith('.csv') else parquet_files).append(file) -%}
    {%- endfor -%}
    (
        {{ no_landed_rows(columns) }}
        {%- for reader, group in [('csv', csv_files), ('parquet', parquet_files)] if group %}
        {%- set relation -%}
            {%- if reader == 'csv' -%}
            read_csv(
                [{{ sql_literals(group | map(attribute='landed_path')) }}],
                header = true,
                union_by_name = true,
                all_varchar = true,
                auto_detect = false,
                delim = ',',
                quote = '"',
                escape = '"',
                filename = true
            )
            {%- else -%}
            read_parquet(
                [{{ sql_literals(group | map(attribute='landed_path')) }}],
                union_by_name = true,
                filename = true
            )
            {%- endif -%}
        {%- endset %}
        union all
        {{ typed_landed_rows(columns, relation, group) }}
        {%- endfor %}
    )
{%- endmacro %}

{#- On Spark: Parquet only (spark__landing_paths lists no other kind), read in one relation whose
    path is a glob of the files' absolute names: /{one,two,...} with each name's leading slash taken off. -#}
{% macro spark__landed_rows(kind, files) -%}
    {%- set columns = landing_columns(kind) -%}
    (
        {{ no_landed_rows(columns) }}
        {%- if files %}
        union all
        {%- set relation -%}
            (
                select
                    *,
                    {{ spark_local_path('input_file_name()') }} as filename
                from parquet.`{{ spark_paths_glob(files | map(attribute='landed_path') | list) }}`
            )
        {%- endset %}
        {{ typed_landed_rows(columns, relation, files) }}
        {%- endif %}
    )
{%- endmacro %}

{#- Pre-hook of an incremental model fed by `relation` (which has landed_file and
    landed_file_hash): delete the rows of files that `relation` no longer holds as they were (a
    file changed in place, or deleted), before the model appends the files it has not loaded.
    `condition` narrows `relation` (base_landing__files lists every kind). Nothing on a full build. -#}
{% macro retract_changed_landed_files(relation, condition='true') -%}
    {{ return(adapter.dispatch('retract_changed_landed_files')(relation, condition)) }}
{%- endmacro %}

{% macro changed_landed_files_query(relation, condition) -%}
    select landed_file from (
        select distinct landed_file, landed_file_hash from {{ this }}
        where landed_file_hash is not null
        except
        select distinct landed_file, landed_file_hash from {{ relation }}
        where {{ condition }}
    ) as changed
{%- endmacro %}

{% macro default__retract_changed_landed_files(relation, condition) -%}
    {%- if not execute or this is none or not is_incremental() -%}{{ return('') }}{%- endif -%}
    delete from {{ this }}
    where landed_file in ({{ changed_landed_files_query(relation, condition) }})
{%- endmacro %}

{#- dbt-spark cannot delete from Parquet tables: a change or a deletion of a loaded file needs a
    full rebuild there (dbt build --full-refresh). -#}
{% macro spark__retract_changed_landed_files(relation, condition) -%}
    {%- if not execute or this is none or not is_incremental() -%}{{ return('') }}{%- endif -%}
    {%- set changed = run_query(changed_landed_files_query(relation, condition)).columns[0].values() | list -%}
    {%- if changed -%}
        {{ exceptions.raise_compiler_error(
            "landed files changed or deleted since " ~ this ~ " loaded them (" ~ changed | join(', ')
            ~ "): on Spark, rebuild with dbt build --full-refresh"
        ) }}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}

{#- For an incremental model reading `relation` (which has landed_file and landed_file_hash): a SQL
    condition true for the rows of files this model has not loaded as they are now; on a full
    build, true for every row. The file list is computed when the model runs, so the filter is a
    constant the scan can use. -#}
{% macro unloaded_files_condition(relation) -%}
    {%- if not execute or this is none or relation is none or not is_incremental() -%}{{ return('true') }}{%- endif -%}
    {#- the curated figures have no file hash: their file is the seed, which a full build reloads -#}
    {%- set names = adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list -%}
    {%- set relation_hash = 'landed_file_hash' if 'landed_file_hash' in names else 'cast(null as string)' -%}
    {%- set listing -%}
        select distinct landed_file from (
            select distinct landed_file, {{ relation_hash }} as landed_file_hash from {{ relation }}
            except
            select distinct landed_file, landed_file_hash from {{ this }}
        ) as unloaded
        order by 1
    {%- endset -%}
    {%- set files = run_query(listing).columns[0].values() | list -%}
    {%- if not files -%}{{ return('false') }}{%- endif -%}
    {{ return("landed_file in (" ~ sql_literals(files) ~ ")") }}
{%- endmacro %}
