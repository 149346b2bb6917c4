{#- The paragraphs of every text file in the documents folder (the var source_documents_dir, or
    $SOURCE_DOCUMENTS_DIR), numbered as the seeds number them: the non-empty lines of the file,
    counted from 1 (pipeline/documents.py). Sources find their text here by text_path. -#}
{{ config(materialized='table') }}
-- depends_on: {{ source('documents', 'texts') }}

with

lines as (
    {{ document_lines(source_documents_dir()) | indent(4) }}
),

non_empty as (
    select
        text_path,
        cast(line_number as integer) as line_number,
        line_text
    from lines
    where {{ regex_matches('line_text', whitespace_class(negated=true)) }}
),

final as (
    select
        -- keys
        text_path,
        cast(row_number() over (partition by text_path order by line_number) as integer) as paragraph_number,

        -- attributes
        cast(line_number as integer) as line_number,
        -- whitespace folded to single spaces, as quotes are compared
        trim({{ regex_replace_all('line_text', whitespace_class() ~ '+', ' ') }}) as paragraph_text
    from non_empty
)

select * from final
