{#- Every figure row as stated, in one relation: the rows of the curated article seeds and of the
    landed files, with what the source registry (int_sources) says of its source and the ISO code of the currency the value's currency forms mean in its source
    (a form several currencies share, such as "$", means the source's local currency:
    macros/grammar/currency_of_value.sql, words in seeds/vocabulary/vocabulary_currencies.csv).
    A view: int_figures_resolved reads from it the rows of the files it has not resolved yet. -#}
{#- kept per source for its tests: on an incremental build its unique and not_null tests read the rows of
    the changed sources and those sharing an id with them, not every figure (macros/changed_rows_tests.sql;
    at 10^7 figures its unique test took 5 CPU s reading all) -#}
{{ config(meta={'kept_per': 'source'}) }}
-- tests narrowed to the changed sources (macros/changed_rows_tests.sql) run after they are known
-- depends_on: {{ ref('int_changed_sources') }}

with

curated_figures as (
    select
        *,
        cast(null as string) as landed_file_hash,
        true as is_curated
    from {{ ref('stg_articles__figures') }}
),

landed_figures as (
    select
        *,
        false as is_curated
    from {{ ref('stg_landing__figures') }}
),

figures as (
    select * from curated_figures
    union all
    select * from landed_figures
),

sources as (
    select * from {{ ref('int_sources') }}
),

final as (
    select
        -- keys
        figures.figure_id,
        figures.source_id,
        figures.metric_id,

        -- attributes
        figures.paragraph_number,
        figures.subject_as_written,
        figures.item_as_written,
        figures.metric_as_written,
        figures.period_as_written,
        figures.value_as_written,
        figures.range_position,
        figures.direction_as_written,
        figures.qualifier_word,
        figures.stated_qualifier,
        figures.value_unit,
        figures.currency_before,
        figures.currency_after,
        {{ currency_of_value('figures.currency_before', 'figures.currency_after', 'sources.local_currency') }}
            as currency_code,
        figures.per_unit,
        figures.direction_sign,
        sources.source_id is not null as is_registered_source,
        sources.published_date,
        sources.lead_entity_id,

        -- measures
        figures.magnitude,
        figures.last_digit_unit,

        -- provenance
        figures.quote,
        figures.landed_file,
        figures.landed_file_hash,
        figures.is_curated,

        -- why a landed row cannot be used; NULL for a good row
        figures.rejection_reason
    from figures
    left join sources
        on figures.source_id = sources.source_id
)

select * from final
