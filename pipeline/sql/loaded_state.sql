-- After a successful dbt build: what the warehouse was built from, kept in it (schema build_state)
-- for the next incremental build to compare with: the landed registry (aliases, entities, sources)
-- and the landed figure files (name and hash) loaded.
create schema if not exists build_state;

create or replace table build_state.landed_entity_aliases as
select alias_key, entity_id from staging.stg_landing__entity_aliases;

create or replace table build_state.landed_entities as
select entity_id, entity_name, entity_type, parent_entity_id, description
from staging.stg_landing__entities;

create or replace table build_state.landed_sources as
select source_id, title, published_date, language, section, text_path
from staging.stg_landing__sources;

-- The files loaded, and the sources of each. On an incremental build only the files added or
-- changed since are read for their sources: a file whose hash is unchanged is not loaded again, so
-- its sources are those kept by the build before (a full build starts from an empty warehouse, so
-- every file is new to it). Files are matched on name and hash with `is not distinct from`, as the
-- models match them.
create table if not exists build_state.loaded_files as
select distinct landed_file, landed_file_hash
from intermediate.int_figures_resolved
limit 0;

create table if not exists build_state.loaded_file_sources as
select distinct landed_file, landed_file_hash, source_id
from intermediate.int_figures_resolved
limit 0;

create or replace temp table loaded_files_now as
select distinct landed_file, landed_file_hash
from intermediate.int_figures_resolved;

delete from build_state.loaded_file_sources as kept
where not exists (
    select 1 from loaded_files_now as now
    where
        now.landed_file is not distinct from kept.landed_file
        and now.landed_file_hash is not distinct from kept.landed_file_hash
);

insert into build_state.loaded_file_sources
select distinct resolved.landed_file, resolved.landed_file_hash, resolved.source_id
from intermediate.int_figures_resolved as resolved
semi join (
    select landed_file, landed_file_hash from loaded_files_now
    except
    select landed_file, landed_file_hash from build_state.loaded_files
) as added
    on
        resolved.landed_file is not distinct from added.landed_file
        and resolved.landed_file_hash is not distinct from added.landed_file_hash;

create or replace table build_state.loaded_files as
select landed_file, landed_file_hash from loaded_files_now;
