-- Every claim a source makes about its own numbers, with its verdict and the source it comes from.
with

claims as (
    select * from marts.fct_claim_checks
),

sources as (
    select * from marts.dim_sources
),

final as (
    select
        claims.claim_id,
        claims.source_id,
        sources.title as source_title,
        sources.is_curated as is_curated_source,
        claims.entity_id,
        claims.claim_kind,
        claims.claim_as_written,
        claims.period_label,
        claims.stated_as_written,
        claims.verdict,
        claims.explanation,
        claims.stated_figure_id,
        claims.paragraph_number,
        claims.quote
    from claims
    left join sources
        on claims.source_id = sources.source_id
)

select * from final
order by source_id, paragraph_number, claim_id
