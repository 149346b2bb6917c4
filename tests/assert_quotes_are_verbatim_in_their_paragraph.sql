{#- Every figure and claim of the article seeds is in its document: its quote (whitespace folded)
    is in the paragraph it names (stg_documents__paragraphs numbers them as the seeds do), and a
    figure's value as written is in its quote (each end of a range, "15% to 50%", on its own).
    A curated source whose text is not in the documents folder fails too. Landed documents are
    not checked here: a landed source may come without its text.
    Returns one row per problem: the seed file, the row's id and what is wrong. -#}
{#- python -m pipeline check runs this test in the same dbt build as the models it checks and
    lists its rows with the models' own: at severity warn there (var check_tests_severity), so a
    failure does not skip the models downstream of the seeds it reads. -#}
{{ config(severity=var('check_tests_severity', 'error')) }}
with

sources as (
    select * from {{ ref('stg_articles__sources') }}
),

paragraphs as (
    select * from {{ ref('stg_documents__paragraphs') }}
),

figures as (
    select * from {{ ref('article_figures') }}
),

claims as (
    select * from {{ ref('article_claims') }}
),

quoted as (
    select
        'seeds/articles/article_figures.csv' as seed_file,
        'figure' as row_kind,
        figure_id as row_id,
        source_id,
        paragraph_number,
        trim({{ regex_replace_all("coalesce(quote, '')", whitespace_class() ~ '+', ' ') }}) as quote_text,
        coalesce(value_as_written, '') as value_as_written
    from figures
    union all
    select
        'seeds/articles/article_claims.csv' as seed_file,
        'claim' as row_kind,
        claim_id as row_id,
        source_id,
        paragraph_number,
        trim({{ regex_replace_all("coalesce(quote, '')", whitespace_class() ~ '+', ' ') }}) as quote_text,
        '' as value_as_written
    from claims
),

documents as (
    select
        sources.source_id,
        sources.text_path,
        count(paragraphs.paragraph_number) as paragraph_count
    from sources
    left join paragraphs
        on sources.text_path = paragraphs.text_path
    group by sources.source_id, sources.text_path
),

-- the paragraphs that hold each quote (any paragraph of its document)
found as (
    select
        quoted.row_id,
        quoted.row_kind,
        min(paragraphs.paragraph_number) as first_paragraph_found,
        max(case when paragraphs.paragraph_number = quoted.paragraph_number then 1 else 0 end) = 1 as is_in_its_paragraph
    from quoted
    inner join documents
        on quoted.source_id = documents.source_id
    inner join paragraphs
        on documents.text_path = paragraphs.text_path
    where quoted.quote_text <> ''
        and {{ dbt.position('quoted.quote_text', 'paragraphs.paragraph_text') }} > 0
    group by quoted.row_id, quoted.row_kind
),

value_parts as (
    select
        *,
        case when {{ regex_matches('value_as_written', ' to ') }}
            then {{ regex_group('value_as_written', '^(.*?) to (.*)$', 1) }} else value_as_written end as value_first,
        case when {{ regex_matches('value_as_written', ' to ') }}
            then {{ regex_group('value_as_written', '^(.*?) to (.*)$', 2) }} else value_as_written end as value_last
    from quoted
),

checked as (
    select
        value_parts.seed_file,
        value_parts.row_kind,
        value_parts.row_id,
        value_parts.source_id,
        value_parts.paragraph_number,
        case
            when documents.source_id is null
                then 'source_id ' || chr(39) || value_parts.source_id || chr(39)
                    || ' is not in article_sources.csv; register the document there'
            when documents.paragraph_count = 0
                then 'the text of source ' || value_parts.source_id || ' (' || coalesce(documents.text_path, 'no text_path')
                    || ') is not in the documents folder; put it there or correct text_path in article_sources.csv'
            when found.row_id is null
                then 'quote is not in the text of ' || value_parts.source_id
                    || '; copy the sentence from the document exactly'
            when value_parts.value_as_written <> ''
                and not (
                    {{ dbt.position('value_parts.value_as_written', 'value_parts.quote_text') }} > 0
                    or ({{ dbt.position('value_parts.value_first', 'value_parts.quote_text') }} > 0
                        and {{ dbt.position('value_parts.value_last', 'value_parts.quote_text') }} > 0)
                )
                then 'value ' || chr(39) || value_parts.value_as_written || chr(39)
                    || ' is not in its quote; write the value exactly as the quote does'
            when not found.is_in_its_paragraph
                then 'quote is in paragraph ' || cast(found.first_paragraph_found as string) || ', not '
                    || coalesce(cast(value_parts.paragraph_number as string), 'none')
                    || '; set paragraph_number to ' || cast(found.first_paragraph_found as string)
        end as problem
    from value_parts
    left join documents
        on value_parts.source_id = documents.source_id
    left join found
        on value_parts.row_id = found.row_id
            and value_parts.row_kind = found.row_kind
),

final as (
    select
        seed_file,
        row_kind,
        row_id,
        source_id,
        paragraph_number,
        problem
    from checked
    where problem is not null
)

select * from final
