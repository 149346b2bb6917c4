{#- After an incremental build: the figures loaded by earlier builds that name a source, an entity
    or an alias (as their subject, or as the product their item names) that landed files added,
    changed or removed since (build_state holds what the earlier build loaded,
    pipeline/sql/loaded_state.sql). Those figures were resolved against the registry as it was; a
    full build would resolve them again, so the pipeline rebuilds in full when this view has rows
    (pipeline/incremental.py). Names are matched on the alias key, as resolution matches them.
    Without a record of an earlier build (a full build, Spark): no rows. -#}
-- depends_on: {{ ref('stg_landing__entity_aliases') }}
-- depends_on: {{ ref('stg_landing__entities') }}
-- depends_on: {{ ref('stg_landing__sources') }}
-- depends_on: {{ ref('int_figures_resolved') }}
-- depends_on: {{ ref('int_entity_aliases') }}
{%- set previous_aliases = loaded_state_relation('landed_entity_aliases') %}
{%- set previous_entities = loaded_state_relation('landed_entities') %}
{%- set previous_sources = loaded_state_relation('landed_sources') %}
{%- set earlier_files = loaded_state_relation('loaded_files') %}

with

{% if previous_aliases is none or previous_entities is none or previous_sources is none or earlier_files is none %}
final as (
    select
        cast(null as string) as figure_id,
        cast(null as string) as source_id,
        cast(null as string) as touched_by
    where false
)
{% else %}
touched_aliases as (
    {{ changed_keys('alias_key', ['alias_key', 'entity_id'],
                    ref('stg_landing__entity_aliases'), previous_aliases) | indent(4) }}
),

touched_entities as (
    {{ changed_keys('entity_id', ['entity_id', 'entity_name', 'entity_type', 'parent_entity_id', 'description'],
                    ref('stg_landing__entities'), previous_entities) | indent(4) }}
),

touched_sources as (
    {{ changed_landed_sources(previous_sources) | indent(4) }}
),

earlier_files as (
    select landed_file, landed_file_hash
    from {{ earlier_files }}
),

-- the alias keys of the touched entities: an item naming one names a product whose row changed (the
-- marts show a product's name, fct_price_cuts)
touched_entity_keys as (
    select aliases.alias_key
    from {{ ref('int_entity_aliases') }} as aliases
    where aliases.entity_id in (select touched_entities.entity_id from touched_entities)
),

-- the alias keys touched: the touched aliases' and those of the touched entities
touched_keys as (
    select touched_aliases.alias_key from touched_aliases
    union
    select touched_entity_keys.alias_key from touched_entity_keys
),

-- the names written as a subject or an item whose alias key is a touched alias (is_alias_touched) or
-- an alias of a touched entity: the key is computed once per distinct name, not per figure (at 10^7
-- figures the view took 3.3 CPU s computing it for every figure's subject and item, 2.0 per name);
-- with no key touched, no name is read
touched_names as (
    select
        names.name_as_written,
        {{ alias_key('names.name_as_written') }} in (select touched_aliases.alias_key from touched_aliases)
            as is_alias_touched
    from (
        select subject_as_written as name_as_written from {{ ref('int_figures_resolved') }}
        where exists (select 1 from touched_keys)
        union
        select item_as_written as name_as_written from {{ ref('int_figures_resolved') }}
        where exists (select 1 from touched_keys)
    ) as names
    where {{ alias_key('names.name_as_written') }} in (select touched_keys.alias_key from touched_keys)
),

-- where the figures naming a touched alias, entity or source are stored (DuckDB's rowid; build_state
-- is DuckDB's): each lookup reads its one column only when something of its kind was touched (an
-- empty list ends its scan at once), not every earlier figure's files and names
touched_figures as (
    select figures.rowid as figure_row
    from {{ ref('int_figures_resolved') }} as figures
    where figures.subject_as_written in (
        select touched_names.name_as_written from touched_names where touched_names.is_alias_touched
    )
    union
    select figures.rowid as figure_row
    from {{ ref('int_figures_resolved') }} as figures
    where figures.item_as_written in (select touched_names.name_as_written from touched_names)
    union
    select figures.rowid as figure_row
    from {{ ref('int_figures_resolved') }} as figures
    where figures.entity_id in (select touched_entities.entity_id from touched_entities)
    union
    select figures.rowid as figure_row
    from {{ ref('int_figures_resolved') }} as figures
    where figures.source_id in (select touched_sources.source_id from touched_sources)
),

-- those loaded by earlier builds
earlier_figures as (
    select
        figures.figure_id,
        figures.source_id,
        figures.entity_id,
        figures.subject_as_written,
        figures.item_as_written
    from {{ ref('int_figures_resolved') }} as figures
    inner join earlier_files
        on figures.landed_file = earlier_files.landed_file
        and figures.landed_file_hash is not distinct from earlier_files.landed_file_hash
    where figures.rowid in (select touched_figures.figure_row from touched_figures)
),

final as (
    select
        figure_id,
        source_id,
        case
            when subject_as_written in (select touched_names.name_as_written from touched_names where touched_names.is_alias_touched)
                then 'alias of its subject'
            when item_as_written in (select touched_names.name_as_written from touched_names where touched_names.is_alias_touched)
                then 'alias of its item'
            when entity_id in (select touched_entities.entity_id from touched_entities) then 'its entity'
            when item_as_written in (select touched_names.name_as_written from touched_names) then 'entity its item names'
            else 'its source'
        end as touched_by
    from earlier_figures
)
{% endif %}

select * from final
