{#- Claims joined to their entity (through the aliases, or for a pronoun the source's lead entity,
    as figures are: alias_matches), their period and the figure that states their value. A claim
    that does not resolve aborts the build naming it. -#}
with

claims as (
    select * from {{ ref('stg_articles__claims') }}
),

sources as (
    select * from {{ ref('stg_articles__sources') }}
),

figures as (
    select * from {{ ref('int_figures_normalised') }}
    where rejection_reason is null
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
        coalesce(subject_matches.alias_match_count, 0) as alias_match_count,
        sources.published_date,
        lower(trim(claims.period_as_written)) as period_text,
        figures.figure_id as matched_figure_id,
        figures.value as stated_figure_value,
        figures.qualifier as stated_qualifier,
        figures.qualifier_word as stated_qualifier_word,
        figures.last_digit_unit as stated_last_digit_unit,
        figures.unit as stated_unit,
        figures.value_as_written as stated_value_as_written
    from claims
    left join subject_matches
        on claims.claim_id = subject_matches.match_key
    left join sources
        on claims.source_id = sources.source_id
    left join figures
        on claims.stated_figure_id = figures.figure_id
),

{{ period_ctes('joined', 'period_text', 'published_date') }},

checked as (
    select
        *,
        case
            when subject_resolution is null
                then 'subject ' || chr(39) || subject_as_written || chr(39) || ' does not match exactly one alias (nor is it a pronoun of a source with a lead entity)'
            when period_type is null
                then 'period ' || chr(39) || period_as_written || chr(39) || ' matches no form of the period grammar (macros/grammar/period_grammar.sql)'
            when stated_figure_id <> '' and matched_figure_id is null
                then 'stated_figure_id ' || chr(39) || stated_figure_id || chr(39) || ' is not a figure'
        end as resolution_error
    from periods
),

final as (
    select
        -- keys
        claim_id,
        source_id,
        case
            when resolution_error is not null then {{ raise_error(
                "'claim ' || claim_id || ' (seeds/articles/article_claims.csv): ' || resolution_error"
            ) }}
            else entity_id
        end as entity_id,
        metric_id,
        reference_metric_id,
        stated_figure_id,

        -- attributes
        claim_kind,
        claim_as_written,
        paragraph_number,
        period_type,
        period_label,
        period_first_year,
        fiscal_year,
        period_end_date,
        stated_qualifier,
        stated_qualifier_word,
        stated_unit,
        coalesce(stated_value_as_written, threshold_as_written) as stated_as_written,

        -- measures
        stated_figure_value,
        stated_last_digit_unit,
        threshold_value,

        -- provenance
        quote
    from checked
)

select * from final
