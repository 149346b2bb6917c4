{#- A document is landed once: two sources whose figure rows are the same apart from their ids
    (same paragraphs, subjects, metrics, periods, values and quotes) are one document under new ids,
    and would count its facts twice. Returns each such pair, with the files they came from. On an
    incremental build it returns the pairs one of whose sources changed (changed_sources_in_test):
    int_document_contents is kept per source, so the pairs of two unchanged sources are those the
    last build checked. -#}
with

documents as (
    select * from {{ ref('int_document_contents') }}
),

final as (
    select
        first_document.source_id,
        first_document.landed_file,
        second_document.source_id as duplicate_source_id,
        second_document.landed_file as duplicate_landed_file,
        first_document.figure_count,
        'the same figures under new ids: remove one copy (its rows, or its file)' as what_to_do
    from documents as first_document
    inner join documents as second_document
        on first_document.content_fingerprint = second_document.content_fingerprint
        and first_document.figure_count = second_document.figure_count
        and first_document.source_id < second_document.source_id
    -- the aliases are read by changed_sources_in_test on an incremental build
    where {{ changed_sources_in_test('first_document') }}
        or {{ changed_sources_in_test('second_document') }}
)

select * from final
