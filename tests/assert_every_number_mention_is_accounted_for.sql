{#- Every number an article of the seeds writes (int_document_mentions: the longest span the value
    grammar reads) is a figure, a claim's threshold, part of a period, or listed with its reason in
    seeds/articles/article_ignored_mentions.csv; and every row of that seed still names a number the
    document writes and nothing else accounts for. Returns one row per problem. Landed documents
    are not checked: their figures come as files, and a text may come with none. -#}
{#- python -m pipeline check runs this test in the same dbt build as the models it checks and
    lists its rows with the models' own: at severity warn there (var check_tests_severity), so a
    failure does not skip the models downstream of the seeds it reads. -#}
{{ config(severity=var('check_tests_severity', 'error')) }}
with

mentions as (
    select * from {{ ref('int_document_mentions') }}
    where is_curated
),

ignored as (
    select * from {{ ref('stg_articles__ignored_mentions') }}
),

uncovered as (
    select
        'seeds/articles/article_figures.csv' as seed_file,
        source_id,
        paragraph_number,
        mention_as_written,
        'number ' || chr(39) || mention_as_written || chr(39) || ' in paragraph ' || cast(paragraph_number as string)
        || ' of ' || source_id || ' is not a figure; add its figure row (make draft DOC='
        || source_id || ' proposes one), or a row in seeds/articles/article_ignored_mentions.csv saying why it is not'
            as problem
    from mentions
    where not is_accounted_for
),

stale_ignores as (
    select
        'seeds/articles/article_ignored_mentions.csv' as seed_file,
        ignored.source_id,
        ignored.paragraph_number,
        ignored.mention_as_written,
        'ignore row ' || chr(39) || ignored.mention_as_written || chr(39) || ' matches no number of paragraph '
        || cast(ignored.paragraph_number as string) || ' of ' || ignored.source_id
        || ' that a figure, a claim or a period does not already account for; correct its span or delete it'
            as problem
    from ignored
    left join mentions
        on ignored.source_id = mentions.source_id
            and ignored.paragraph_number = mentions.paragraph_number
            and lower(ignored.mention_as_written) = lower(mentions.mention_as_written)
            and mentions.covering_figure_ids is null
            and mentions.covering_claim_ids is null
            and mentions.mention_kind <> 'period'
    where mentions.source_id is null
),

final as (
    select * from uncovered
    union all
    select * from stale_ignores
)

select * from final
