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

create or replace table build_state.loaded_files as
select distinct landed_file, landed_file_hash
from intermediate.int_figures_resolved;

create or replace table build_state.loaded_file_sources as
select distinct landed_file, landed_file_hash, source_id
from intermediate.int_figures_resolved;
