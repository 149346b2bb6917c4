{#- Draft claim rows for `python -m pipeline draft`: a percentage, a change in points or a multiple
    of the draft figures (int_document_draft_figures) whose sentence holds words of
    vocabulary_claim_words ("from a year earlier", "of total revenue", "from their listing price")
    states a number derived from others: one claim row of the words' kind, stated by that figure,
    in the columns of seeds/articles/article_claims.csv. The kind, the metrics and the claim's words
    are guesses: the metric claimed about is the nearest metric word for an amount in the sentence
    (vocabulary_metric_words), the reference metric the one the words name. -#}
with

draft_figures as (
    select * from {{ ref('int_document_draft_figures') }}
    where value_unit in ('ratio', 'percentage_point', 'multiple')
        and range_position = ''
),

claim_words as (
    select * from {{ ref('vocabulary_claim_words') }}
),

metric_words as (
    select * from {{ ref('vocabulary_metric_words') }}
),

metrics as (
    select * from {{ ref('stg_curated__metrics') }}
),

located as (
    select
        *,
        {{ dbt.position('lower(value_as_written)', 'lower(quote)') }} as value_in_quote
    from draft_figures
),

-- the claim words nearest the number in its sentence (after it, or before it)
claim_candidates as (
    select
        located.figure_id,
        claim_words.claim_kind,
        coalesce(claim_words.reference_metric_id, '') as reference_metric_id,
        claim_words.word,
        {{ dbt.position('lower(claim_words.word)', 'lower(located.quote)') }} as word_in_quote,
        abs({{ dbt.position('lower(claim_words.word)', 'lower(located.quote)') }} - located.value_in_quote) as distance
    from located
    inner join claim_words
        on {{ dbt.position('lower(claim_words.word)', 'lower(located.quote)') }} > 0
),

claim_guess as (
    select *
    from (
        select
            *,
            row_number() over (partition by figure_id order by distance asc, {{ dbt.length('word') }} desc) as guess_rank
        from claim_candidates
    ) as ranked
    where guess_rank = 1
),

-- the metric claimed about: the nearest metric word for an amount in the sentence, other than the reference
base_metric_candidates as (
    select
        located.figure_id,
        metrics.metric_id,
        abs({{ dbt.position('lower(metric_words.word)', 'lower(located.quote)') }} - located.value_in_quote) as distance,
        {{ dbt.length('metric_words.word') }} as word_length
    from located
    inner join claim_guess
        on located.figure_id = claim_guess.figure_id
    inner join metric_words
        on {{ dbt.position('lower(metric_words.word)', 'lower(located.quote)') }} > 0
    inner join metrics
        on metric_words.metric_id = metrics.metric_id
            and metrics.unit_kind = 'currency'
            and claim_guess.reference_metric_id <> metrics.metric_id
),

base_metric_guess as (
    select
        figure_id,
        metric_id
    from (
        select
            *,
            row_number() over (partition by figure_id order by distance asc, word_length desc, metric_id asc) as guess_rank
        from base_metric_candidates
    ) as ranked
    where guess_rank = 1
),

final as (
    select
        -- keys
        'claim_' || located.figure_id as claim_id,
        located.source_id,

        -- attributes in the columns of article_claims.csv
        located.paragraph_number,
        claim_guess.claim_kind,
        located.subject_as_written,
        coalesce(base_metric_guess.metric_id, '') as metric_id,
        claim_guess.reference_metric_id,
        located.period_as_written,
        located.figure_id as stated_figure_id,
        '' as threshold_as_written,
        -- from the number to the end of the claim's words, or from the words to the end of the number
        case
            when claim_guess.word_in_quote > located.value_in_quote
                then substring(located.quote, located.value_in_quote,
                    claim_guess.word_in_quote + {{ dbt.length('claim_guess.word') }} - located.value_in_quote)
            else substring(located.quote, claim_guess.word_in_quote,
                located.value_in_quote + {{ dbt.length('located.value_as_written') }} - claim_guess.word_in_quote)
        end as claim_as_written,
        located.quote,
        '' as figures_source_id,

        -- the guesses
        'claim_kind;subject_as_written;metric_id;reference_metric_id;period_as_written;claim_as_written' as guessed_fields,
        'kind from the words ' || chr(39) || claim_guess.word || chr(39) || '; the figure it states is the draft row '
        || located.figure_id as guess_notes
    from located
    inner join claim_guess
        on located.figure_id = claim_guess.figure_id
    left join base_metric_guess
        on located.figure_id = base_metric_guess.figure_id
)

select * from final
