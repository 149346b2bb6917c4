{#- Numbers a document writes that are not figures, each with its reason (article_ignored_mentions). -#}
with

ignored as (
    select * from {{ ref('article_ignored_mentions') }}
),

final as (
    select
        -- keys
        source_id,
        paragraph_number,
        mention_as_written,

        -- attributes
        reason
    from ignored
)

select * from final
