{#- Figures (int_figures_stated, which also gives their source's registry entry and the currency
    their currency forms mean in that source) joined to what they are about: the entity their subject names (through the alias
    seeds and landed aliases, or, for a pronoun, the source's lead entity), the products their item
    names and their metric, with every check that a figure fits its metric. A
    curated figure that fails aborts the build naming it; a landed figure that fails is kept with
    the reason in rejection_reason and goes no further. Incremental: each build retracts the rows of landed files changed or deleted since, and
    adds the rows of the files it has not resolved yet. Those files are listed from stg_landing__figures, the
    table the view int_figures_stated reads them from: listed through the view, every figure was joined to its
    source first (at 10^7 figures 2.2 CPU s a list, 0.3 from the table). The curated seed's figures have no
    file hash and are never listed either way: a changed seed needs a full build. -#}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    meta={'kept_per': 'source'},
    pre_hook="{{ retract_changed_landed_files(ref('stg_landing__figures')) }}",
) }}

with

figures as (
    select
        *,
        {{ is_pronoun('subject_as_written') }} as is_pronoun_subject
    from {{ ref('int_figures_stated') }}
    where {{ unloaded_files_condition(ref('stg_landing__figures')) }}
),

entities as (
    select * from {{ ref('int_entities') }}
),

metrics as (
    select * from {{ ref('stg_curated__metrics') }}
),

-- the entities each alias key names: subjects and items are joined to these by their key, so the
-- figures are read once and never grouped (figure_id is unique: unique_int_figures_stated_figure_id)
key_matches as (
    {{ alias_key_matches() | indent(4) }}
),

joined as (
    select
        figures.*,
        subject_matches.alias_match_count,
        {{ subject_resolution('subject_matches.alias_match_count', 'figures.subject_as_written', 'figures.lead_entity_id',
                              'figures.is_pronoun_subject') }} as subject_resolution,
        {{ resolved_subject_entity('subject_matches.alias_match_count', 'subject_matches.alias_entity_id',
                                   'figures.subject_as_written', 'figures.lead_entity_id', 'figures.is_pronoun_subject') }}
            as entity_id,
        coalesce(item_matches.alias_match_count, 0) as item_entity_count,
        metrics.metric_name,
        metrics.unit_kind,
        metrics.domain,
        metrics.is_signed_change,
        metrics.marts
    from figures
    left join key_matches as subject_matches
        on {{ alias_key('figures.subject_as_written') }} = subject_matches.match_key
    left join key_matches as item_matches
        on {{ alias_key('figures.item_as_written') }} = item_matches.match_key
    left join metrics
        on figures.metric_id = metrics.metric_id
),

with_entities as (
    select
        joined.*,
        entities.entity_name,
        entities.entity_type
    from joined
    left join entities
        on joined.entity_id = entities.entity_id
),

checked as (
    select
        *,
        case
            when rejection_reason is not null
                then rejection_reason
            when not is_registered_source
                then 'source_id ' || chr(39) || source_id || chr(39) || ' is not in seeds/articles/article_sources.csv or landed sources'
            when coalesce(alias_match_count, 0) = 0 and is_pronoun_subject
                and coalesce(lead_entity_id, '') = ''
                then 'subject ' || chr(39) || subject_as_written || chr(39) || ' is a pronoun: name the lead entity of source '
                    || chr(39) || source_id || chr(39) || ' in seeds/articles/article_source_context.csv (lead_entity_id), or write the subject by name'
            when coalesce(alias_match_count, 0) = 0 and not is_pronoun_subject
                then 'subject ' || chr(39) || subject_as_written || chr(39) || ' matches no alias in seeds/curated/curated_entity_aliases.csv or landed aliases'
            when alias_match_count > 1
                then 'subject ' || chr(39) || subject_as_written || chr(39) || ' matches more than one entity in the alias seeds and landed aliases'
            when entity_name is null
                then 'subject ' || chr(39) || subject_as_written || chr(39) || ' points to entity ' || chr(39) || entity_id || chr(39) || ', which is not in seeds/curated/curated_entities.csv or landed entities'
            when item_as_written <> '' and item_entity_count = 0
                then 'item ' || chr(39) || item_as_written || chr(39) || ' matches no alias in seeds/curated/curated_entity_aliases.csv or landed aliases'
            when metric_name is null
                then 'metric_id ' || chr(39) || metric_id || chr(39) || ' is not in seeds/curated/curated_metrics.csv'
            when direction_sign is null
                then 'direction word ' || chr(39) || direction_as_written || chr(39) || ' is not in seeds/vocabulary/vocabulary_direction_words.csv'
            when is_signed_change and direction_sign = 0
                then 'metric ' || metric_id || ' is a change: direction_as_written must say which way it went'
            when not is_signed_change and direction_sign <> 0
                then 'metric ' || metric_id || ' is not a change: direction_as_written must be empty'
            when currency_code = 'conflict'
                then 'the currency written before the number and the one written after it disagree'
            when unit_kind = 'currency' and value_unit <> 'currency'
                then 'metric ' || metric_id || ' is an amount of money: the value must name a currency'
            when unit_kind = 'ratio' and value_unit <> 'ratio'
                then 'metric ' || metric_id || ' is a ratio: the value must be a percentage or a fraction'
            when unit_kind = 'count' and value_unit <> 'count'
                then 'metric ' || metric_id || ' is a count: the value must be a plain number'
            when unit_kind <> value_unit and unit_kind <> 'currency'
                then 'metric ' || metric_id || ' is measured in ' || unit_kind || ': the value states ' || value_unit
            when unit_kind = 'count' and magnitude <> floor(magnitude)
                then 'metric ' || metric_id || ' is a count: the value must be a whole number'
        end as resolution_error
    from with_entities
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
        subject_resolution,
        metric_name,
        unit_kind,
        domain,
        marts,
        is_signed_change,
        published_date,
        paragraph_number,
        subject_as_written,
        item_as_written,
        item_entity_count,
        metric_as_written,
        period_as_written,
        value_as_written,
        range_position,
        direction_as_written,
        stated_qualifier,
        qualifier_word,
        currency_code,
        value_unit,
        per_unit,
        direction_sign,

        -- measures
        case
            {# python -m pipeline check lists every seed row's problem (var seed_errors 'reject') #}
            when resolution_error is not null and is_curated and {{ "false" if var('seed_errors', 'raise') == 'reject' else "true" }} then {{ raise_error(
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
