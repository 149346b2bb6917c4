{#- The article's derived statements, with any threshold they name parsed by the same grammar
    as figures ("9 billion yuan", "HK$2 billion"), or as a number of years written in words ("one
    year"). The currency forms written before and after the threshold's number are kept for
    int_claims_resolved, which reads them as figures' are (the source's local currency decides a
    shared form such as "$"). -#}
with

claims as (
    select * from {{ ref('article_claims') }}
),

texts as (
    select
        *,
        lower(trim(coalesce(threshold_as_written, ''))) as threshold_text
    from claims
),

parsed as (
    select
        *,
        {{ value_component('threshold_text', 'number') }} as threshold_number_text,
        {{ value_component('threshold_text', 'scale_word') }} as threshold_scale_word,
        {{ value_component('threshold_text', 'percent_sign') }} as threshold_percent_sign,
        {{ value_component('threshold_text', 'currency_before') }} as threshold_currency_before,
        {{ value_component('threshold_text', 'currency_after') }} as threshold_currency_after,
        {{ number_word_value(regex_group('threshold_text', '^([a-z]+) +years?$', 1)) }} as threshold_years
    from texts
),

final as (
    select
        -- keys
        claim_id,
        source_id,
        coalesce(nullif(trim(figures_source_id), ''), source_id) as figures_source_id,
        metric_id,
        coalesce(reference_metric_id, '') as reference_metric_id,
        coalesce(stated_figure_id, '') as stated_figure_id,

        -- attributes
        paragraph_number,
        claim_kind,
        subject_as_written,
        coalesce(period_as_written, '') as period_as_written,
        coalesce(threshold_as_written, '') as threshold_as_written,
        claim_as_written,
        coalesce(threshold_currency_before, '') as threshold_currency_before,
        coalesce(threshold_currency_after, '') as threshold_currency_after,

        -- measures: the threshold in base units (whole units of its currency, fractions, years)
        case
            when threshold_text = '' then null
            when threshold_years is not null then cast(threshold_years as double)
            when threshold_number_text = '' then {{ raise_error(
                "'claim ' || claim_id || ' (seeds/articles/article_claims.csv): threshold ' || chr(39) || threshold_as_written || chr(39) || ' does not parse'"
            ) }}
            else cast(
                {{ strict_cast("replace(threshold_number_text, ',', '')", 'decimal(18, 6)') }}
                * {{ unit_multiplier('threshold_scale_word', 'threshold_percent_sign') }}
                as double
            )
        end as threshold_value,

        -- provenance
        quote
    from parsed
)

select * from final
