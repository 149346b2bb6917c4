-- After an incremental dbt build of the build's state (build_state holds what the earlier build
-- loaded, pipeline/sql/loaded_state.sql): how many figures loaded by earlier builds name a source, an entity or an
-- alias that landed files added, changed or removed since. Those figures were resolved against
-- the registry as it was; a full build would resolve them again, so the build must too.
with

current_aliases as (
    select alias_key, entity_id from staging.stg_landing__entity_aliases
),

previous_aliases as (
    select alias_key, entity_id from build_state.landed_entity_aliases
),

touched_subjects as (
    select alias_key from (select * from current_aliases except select * from previous_aliases) as added
    union
    select alias_key from (select * from previous_aliases except select * from current_aliases) as removed
),

current_entities as (
    select entity_id, entity_name, entity_type, parent_entity_id, description
    from staging.stg_landing__entities
),

previous_entities as (
    select entity_id, entity_name, entity_type, parent_entity_id, description
    from build_state.landed_entities
),

touched_entities as (
    select entity_id from (select * from current_entities except select * from previous_entities) as added
    union
    select entity_id from (select * from previous_entities except select * from current_entities) as removed
),

current_sources as (
    select source_id, title, published_date, language, section, text_path
    from staging.stg_landing__sources
),

previous_sources as (
    select source_id, title, published_date, language, section, text_path
    from build_state.landed_sources
),

touched_sources as (
    select source_id from (select * from current_sources except select * from previous_sources) as added
    union
    select source_id from (select * from previous_sources except select * from current_sources) as removed
),

earlier_files as (
    select landed_file, landed_file_hash
    from build_state.loaded_files
),

earlier_figures as (
    select figures.*
    from intermediate.int_figures_resolved as figures
    inner join earlier_files
        on figures.landed_file = earlier_files.landed_file
        and figures.landed_file_hash is not distinct from earlier_files.landed_file_hash
)

select count(*) as touched_figures
from earlier_figures
where lower(trim(subject_as_written)) in (select alias_key from touched_subjects)
    or entity_id in (select entity_id from touched_entities)
    or source_id in (select source_id from touched_sources)
