{#- Claims (int_claims_subjects: their entity, source date and threshold currency) joined to their
    period, the figure that states their value and what their kind compares (the
    curated_claim_kinds seed). A claim that does not resolve, or lacks what its kind needs (a stated
    figure, a threshold, a reference metric), aborts the build naming it. -#}
with

claims as (
    select * from {{ ref('int_claims_subjects') }}
),

kinds as (
    select * from {{ ref('stg_curated__claim_kinds') }}
),

-- the columns a claim reads of the figure stating it, named: with `select *` DuckDB kept every
-- column of every figure for the join (0.46 s of CPU at 10^6 figures instead of 0.18 s); of the
-- claims' sources only, since a claim is judged against a figure of its own source (the scan of the
-- sources' column skips the others: at 10^7 figures 0.83 CPU s joining every figure, 0.16 these)
figures as (
    select
        figure_id,
        source_id,
        value,
        qualifier,
        qualifier_word,
        last_digit_unit,
        unit,
        value_as_written
    from {{ ref('int_figures_normalised') }}
    where rejection_reason is null
        and source_id in (select claims.source_id from claims)
),

-- a stated figure its claim's source does not hold, looked up among every figure to name its source
-- in the claim's error (none when the claims are right, and then nothing is read)
misplaced_figures as (
    select
        figure_id,
        source_id
    from {{ ref('int_figures_normalised') }}
    where rejection_reason is null
        and figure_id in (
            select claims.stated_figure_id from claims
            where claims.stated_figure_id <> ''
                and claims.stated_figure_id not in (select figures.figure_id from figures)
        )
),

joined as (
    select
        claims.*,
        lower(trim(claims.period_as_written)) as period_text,
        coalesce(figures.figure_id, misplaced_figures.figure_id) as matched_figure_id,
        figures.value as stated_figure_value,
        figures.qualifier as stated_qualifier,
        figures.qualifier_word as stated_qualifier_word,
        figures.last_digit_unit as stated_last_digit_unit,
        figures.unit as stated_unit,
        figures.value_as_written as stated_value_as_written,
        coalesce(figures.source_id, misplaced_figures.source_id) as stated_figure_source_id,
        kinds.claim_kind as matched_claim_kind,
        kinds.compared_with,
        kinds.operation,
        kinds.stated_value_from,
        kinds.verdict_test,
        kinds.result_scale,
        kinds.display_unit,
        kinds.implies,
        kinds.implied_measure as implied_measure_template,
        kinds.explanation as explanation_template
    from claims
    left join figures
        on claims.stated_figure_id = figures.figure_id
    left join misplaced_figures
        on claims.stated_figure_id = misplaced_figures.figure_id
    left join kinds
        on claims.claim_kind = kinds.claim_kind
),

{{ period_ctes('joined', 'period_text', 'published_date', entity_expr='entity_id') }},

checked as (
    select
        *,
        case
            when published_date is null
                then 'source_id ' || chr(39) || source_id || chr(39) || ' is not in seeds/articles/article_sources.csv'
            when not is_figures_source_registered
                then 'figures_source_id ' || chr(39) || figures_source_id || chr(39)
                    || ' is not in seeds/articles/article_sources.csv'
            when matched_claim_kind is null
                then 'claim_kind ' || chr(39) || claim_kind || chr(39)
                    || ' is not in seeds/curated/curated_claim_kinds.csv: add a row there saying what it compares'
            when stated_value_from = 'stated_figure' and stated_figure_id = ''
                then 'its kind ' || claim_kind || ' is judged against the value the claim states, '
                    || 'but stated_figure_id is empty: name the figure that states it'
            when stated_value_from = 'threshold' and threshold_as_written = ''
                then 'its kind ' || claim_kind || ' is judged against the threshold the claim names, '
                    || 'but threshold_as_written is empty: write the threshold as the quote does'
            when threshold_currency = 'conflict'
                then 'threshold ' || chr(39) || threshold_as_written || chr(39) || ' names two different currencies'
            when compared_with in ('reference_metric', 'reference_metric_any_period') and reference_metric_id = ''
                then 'its kind ' || claim_kind || ' compares with a reference metric, but reference_metric_id is empty'
            when subject_resolution is null
                then 'subject ' || chr(39) || subject_as_written || chr(39)
                    || ' does not match exactly one alias (nor is it a pronoun of a source with a lead entity)'
            when period_type is null
                then 'period ' || chr(39) || period_as_written || chr(39)
                    || ' matches no form of the period grammar (macros/grammar/period_grammar.sql)'
            when stated_figure_id <> '' and matched_figure_id is null
                then 'stated_figure_id ' || chr(39) || stated_figure_id || chr(39) || ' is not a figure'
            when stated_figure_id <> '' and stated_figure_source_id <> source_id
                then 'stated_figure_id ' || chr(39) || stated_figure_id || chr(39) || ' is a figure of source '
                    || stated_figure_source_id || ', not of the claim' || chr(39) || 's source ' || source_id
        end as resolution_error
    from periods
),

final as (
    select
        -- keys
        claim_id,
        source_id,
        figures_source_id,
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
        compared_with,
        operation,
        stated_value_from,
        verdict_test,
        result_scale,
        display_unit,
        implies,
        implied_measure_template,
        explanation_template,
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
        threshold_currency,

        -- measures
        stated_figure_value,
        stated_last_digit_unit,
        threshold_value,

        -- provenance
        quote
    from checked
)

select * from final
