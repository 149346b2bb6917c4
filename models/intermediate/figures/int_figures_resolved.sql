{#- Figures joined to what they are about: the entity their subject names (through the alias
    seeds and landed aliases), their metric and their source, with every check that a figure fits its
    metric. A curated figure that fails aborts the build naming it; a landed figure that fails is kept
    with the reason in rejection_reason and goes no further. Incremental: each build retracts the rows
    of landed files changed or deleted since, and adds the rows of the files it has not resolved yet. -#}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ retract_changed_landed_files(ref('stg_landing__figures')) }}",
) }}

with

curated_figures as (
    select
        *,
        cast(null as string) as landed_file_hash,
        true as is_curated
    from {{ ref('stg_articles__figures') }}
    where {{ unloaded_files_condition(ref('stg_articles__figures')) }}
),

landed_figures as (
    select
        *,
        false as is_curated
    from {{ ref('stg_landing__figures') }}
    where {{ unloaded_files_condition(ref('stg_landing__figures')) }}
),

figures as (
    select * from curated_figures
    union all
    select * from landed_figures
),

sources as (
    select * from {{ ref('int_sources') }}
),

aliases as (
    select * from {{ ref('int_entity_aliases') }}
),

entities as (
    select * from {{ ref('int_entities') }}
),

metrics as (
    select * from {{ ref('stg_curated__metrics') }}
),

subject_matches as (
    select
        figures.figure_id,
        count(*) as match_count,
        min(aliases.entity_id) as entity_id
    from figures
    inner join aliases
        on lower(trim(figures.subject_as_written)) = aliases.alias_key
    group by figures.figure_id
),

joined as (
    select
        figures.*,
        subject_matches.entity_id,
        coalesce(subject_matches.match_count, 0) as alias_match_count,
        entities.entity_name,
        entities.entity_type,
        metrics.metric_name,
        metrics.unit_kind,
        metrics.domain,
        metrics.is_signed_change,
        sources.source_id as registered_source_id,
        sources.published_date
    from figures
    left join subject_matches
        on figures.figure_id = subject_matches.figure_id
    left join entities
        on subject_matches.entity_id = entities.entity_id
    left join metrics
        on figures.metric_id = metrics.metric_id
    left join sources
        on figures.source_id = sources.source_id
),

checked as (
    select
        *,
        case
            when rejection_reason is not null
                then rejection_reason
            when registered_source_id is null
                then 'source_id ' || chr(39) || source_id || chr(39) || ' is not in seeds/articles/article_sources.csv or landed sources'
            when alias_match_count = 0
                then 'subject ' || chr(39) || subject_as_written || chr(39) || ' matches no alias in seeds/curated/curated_entity_aliases.csv or landed aliases'
            when alias_match_count > 1
                then 'subject ' || chr(39) || subject_as_written || chr(39) || ' matches more than one entity in the alias seeds and landed aliases'
            when entity_name is null
                then 'alias of ' || chr(39) || subject_as_written || chr(39) || ' points to entity ' || chr(39) || entity_id || chr(39) || ', which is not in seeds/curated/curated_entities.csv or landed entities'
            when metric_name is null
                then 'metric_id ' || chr(39) || metric_id || chr(39) || ' is not in seeds/curated/curated_metrics.csv'
            when direction_sign is null
                then 'direction word ' || chr(39) || direction_as_written || chr(39) || ' is not one the direction_sign macro knows'
            when is_signed_change and direction_sign = 0
                then 'metric ' || metric_id || ' is a change: direction_as_written must say which way it went'
            when not is_signed_change and direction_sign <> 0
                then 'metric ' || metric_id || ' is not a change: direction_as_written must be empty'
            when unit_kind = 'currency' and (currency_code = '' or is_percent)
                then 'metric ' || metric_id || ' is an amount of money: the value must name a currency'
            when unit_kind = 'ratio' and (not is_percent or currency_code <> '')
                then 'metric ' || metric_id || ' is a ratio: the value must be a percentage'
            when unit_kind = 'count' and (is_percent or currency_code <> '')
                then 'metric ' || metric_id || ' is a count: the value must be a plain number'
            when unit_kind = 'count' and magnitude <> floor(magnitude)
                then 'metric ' || metric_id || ' is a count: the value must be a whole number'
        end as resolution_error
    from joined
),

final as (
    select
        -- keys
        figure_id,
        source_id,
        entity_id,
        metric_id,

        -- attributes
        entity_name,
        entity_type,
        metric_name,
        unit_kind,
        domain,
        is_signed_change,
        published_date,
        paragraph_number,
        subject_as_written,
        item_as_written,
        metric_as_written,
        period_as_written,
        value_as_written,
        range_position,
        direction_as_written,
        stated_qualifier,
        qualifier_word,
        currency_code,
        is_percent,
        per_unit,
        direction_sign,

        -- measures
        case
            when resolution_error is not null and is_curated then {{ raise_error(
                "'figure ' || figure_id || ' (' || landed_file || '): ' || resolution_error"
            ) }}
            when resolution_error is not null then null
            else magnitude
        end as magnitude,
        last_digit_unit,

        -- provenance
        quote,
        landed_file,
        landed_file_hash,
        is_curated,

        -- why a landed row cannot be used; NULL for a good row
        resolution_error as rejection_reason
    from checked
)

select * from final
