{#- The documents [first_document, first_document + documents) of the generated corpus, in the
    columns of seeds/articles/article_sources.csv: each titled after its first company. -#}
select
    'corpus_{{ seed }}_doc_' || lpad(cast(documents.document as varchar), 8, '0') as source_id,
    company_alias.alias || ': results, cloud prices and market' as title,
    cast(date '2024-01-01' + cast(hash({{ seed }}, 'published', documents.document) % 700 as integer) as date)
        as published_date,
    'en' as language,
    cast(null as varchar) as text_path,
    'Generated corpus' as section
from range({{ first_document }}, {{ first_document + documents }}) as documents(document)
inner join company_alias
    on company_alias.company = hash({{ seed }}, 'first company', documents.document) % {{ companies }}
    and company_alias.alias_number = 0
order by documents.document
