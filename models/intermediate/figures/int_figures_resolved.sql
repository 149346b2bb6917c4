{#- Figures joined to what they are about: the entity their subject names (through the alias
    seed), their metric and their source. Any figure that does not resolve, or whose value does not
    fit its metric, aborts the build with the figure id and the reason. -#}
with

figures as (
    select * from {{ ref('stg_articles__figures') }}
),

sources as (
    select * from {{ ref('stg_articles__sources') }}
),

aliases as (
    select * from {{ ref('stg_curated__entity_aliases') }}
),

entities as (
    select * from {{ ref('stg_curated__entities') }}
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
            when registered_source_id is null
                then 'source_id ''' || source_id || ''' is not in seeds/articles/article_sources.csv'
            when alias_match_count = 0
                then 'subject ''' || subject_as_written || ''' matches no alias in seeds/curated/curated_entity_aliases.csv'
            when alias_match_count > 1
                then 'subject ''' || subject_as_written || ''' matches more than one entity in seeds/curated/curated_entity_aliases.csv'
            when entity_name is null
                then 'alias of ''' || subject_as_written || ''' points to entity ''' || entity_id || ''', which is not in seeds/curated/curated_entities.csv'
            when metric_name is null
                then 'metric_id ''' || metric_id || ''' is not in seeds/curated/curated_metrics.csv'
            when direction_sign is null
                then 'direction word ''' || direction_as_written || ''' is not one the direction_sign macro knows'
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
            when resolution_error is not null then {{ raise_error(
                "'figure ' || figure_id || ' (seeds/articles/article_figures.csv): ' || resolution_error"
            ) }}
            else magnitude
        end as magnitude,
        last_digit_unit,

        -- provenance
        quote
    from checked
)

select * from final
