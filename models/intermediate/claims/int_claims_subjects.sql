{#- Claims with what their source says of them: the entity their subject names (through the
    aliases, or for a pronoun the source's lead entity, as figures are: alias_matches), the
    source's publication date and the threshold's currency read against the source's local
    currency. Nothing is refused here: a claim that does not resolve keeps NULLs, and
    int_claims_resolved, which adds the period, the stated figure and the kind, aborts the build
    naming it. Kept apart from the period and figure matching so each model joins a few inputs. -#}
with

claims as (
    select * from {{ ref('stg_articles__claims') }}
),

-- the registered articles, with the entity their pronouns name (as figures read them)
sources as (
    select * from {{ ref('int_sources') }}
    where is_curated
),

subject_matches as (
    {{ subject_matches('claims', 'claim_id', 'subject_as_written') | indent(4) }}
),

joined as (
    select
        claims.*,
        {{ resolved_subject_entity('subject_matches.alias_match_count', 'subject_matches.alias_entity_id',
                                   'claims.subject_as_written', 'sources.lead_entity_id') }} as entity_id,
        {{ subject_resolution('subject_matches.alias_match_count', 'claims.subject_as_written', 'sources.lead_entity_id') }}
            as subject_resolution,
        sources.published_date,
        -- the threshold's currency, read as a figure's ('' when it names none)
        {{ currency_of_value('claims.threshold_currency_before', 'claims.threshold_currency_after', 'sources.local_currency') }}
            as threshold_currency,
        figure_sources.source_id is not null as is_figures_source_registered
    from claims
    left join subject_matches
        on claims.claim_id = subject_matches.match_key
    left join sources
        on claims.source_id = sources.source_id
    left join sources as figure_sources
        on claims.figures_source_id = figure_sources.source_id
),

final as (
    select
        -- keys
        claim_id,
        source_id,
        figures_source_id,
        entity_id,
        metric_id,
        reference_metric_id,
        stated_figure_id,

        -- attributes
        claim_kind,
        subject_as_written,
        subject_resolution,
        period_as_written,
        threshold_as_written,
        threshold_currency,
        claim_as_written,
        paragraph_number,
        is_figures_source_registered,

        -- dates
        published_date,

        -- measures
        threshold_value,

        -- provenance
        quote
    from joined
)

select * from final
