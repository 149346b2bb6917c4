{#- The folder of the source documents, absolute: $SOURCE_DOCUMENTS_DIR, else the var
    source_documents_dir, relative to the project's root (the same rule as pipeline/settings.py). -#}
{% macro source_documents_dir() -%}
    {%- set configured = env_var('SOURCE_DOCUMENTS_DIR', '') or var('source_documents_dir') -%}
    {%- if configured.startswith('/') -%}{{ return(configured.rstrip('/')) }}{%- endif -%}
    {#- dbt runs from the project folder; an absolute --project-dir makes the path absolute, for
        engines whose working folder is elsewhere (Spark's session runs from its own folder) -#}
    {%- set root = (flags.PROJECT_DIR or '') | string -%}
    {%- if root.startswith('/') -%}{{ return(root.rstrip('/') ~ '/' ~ configured.rstrip('/')) }}{%- endif -%}
    {{ return(configured.rstrip('/')) }}
{%- endmacro %}

{#- Every line of every file in `directory` (and, on DuckDB, its subfolders) as rows of
    (text_path: the file's path relative to `directory`, line_number: from 1, line_text), in the
    order the file holds them. -#}
{% macro document_lines(directory) -%}
    {{ return(adapter.dispatch('document_lines')(directory)) }}
{%- endmacro %}

{% macro default__document_lines(directory) -%}
    select
        substring(filename, {{ directory | length + 2 }}) as text_path,
        unnest(string_split(content, chr(10))) as line_text,
        unnest(range(1, len(string_split(content, chr(10))) + 1)) as line_number
    from read_text({{ sql_text(directory ~ '/**') }})
{%- endmacro %}

{#- Spark reads a folder of text files one row per line (newline, carriage return or both end a
    line), with the file each came from; a file's lines are read in order within one partition, so
    the order of monotonically_increasing_id within a file is the order of its lines. Spark's file
    source does not descend into subfolders: documents live directly in the folder. -#}
{% macro spark__document_lines(directory) -%}
    select
        text_path,
        line_text,
        cast(row_number() over (partition by text_path order by read_order) as integer) as line_number
    from (
        select
            substring_index(input_file_name(), '/', -1) as text_path,
            value as line_text,
            monotonically_increasing_id() as read_order
        from text.`{{ directory }}`
    ) as read_lines
{%- endmacro %}

{#- A character class of every character Python's str.split() takes for whitespace (the seeds' quote
    checks fold whitespace that way): RE2's and Java's \s leave out the no-break space and others. -#}
{% macro whitespace_class(negated=false) -%}
    {{ return('[' ~ ('^' if negated else '') ~ '\\s\\x{0b}\\x{1c}-\\x{1f}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}]') }}
{%- endmacro %}
