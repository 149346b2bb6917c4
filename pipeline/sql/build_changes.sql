-- After a successful dbt build: which build this was, the build whose state it was built on and its
-- mode, and on an incremental build the sources and entities it changed (int_changed_sources,
-- int_changed_cells, which the next build rebuilds), kept in the warehouse (schema build_state) for
-- the spare file (pipeline/published_file.py): bringing the file of an earlier build up to date
-- replaces the rows of the sources and entities changed by every build since. A full build starts
-- from an empty warehouse, so what it keeps begins with it. The last few builds are kept.
-- Parameters: build_id, built_from (null: none) and mode (full or incremental).
create schema if not exists build_state;

create table if not exists build_state.build_changes (
    build_id varchar not null,
    built_from varchar,
    build_mode varchar not null,
    recorded_at timestamp not null
);

create table if not exists build_state.build_changed_sources (
    build_id varchar not null,
    source_id varchar
);

create table if not exists build_state.build_changed_cells (
    build_id varchar not null,
    entity_id varchar
);

delete from build_state.build_changes where build_id = $build_id;

delete from build_state.build_changed_sources where build_id = $build_id;

delete from build_state.build_changed_cells where build_id = $build_id;

insert into build_state.build_changes
select $build_id, $built_from, $mode, current_localtimestamp();

insert into build_state.build_changed_sources
select distinct $build_id, source_id from intermediate.int_changed_sources
where $mode = 'incremental';

insert into build_state.build_changed_cells
select distinct $build_id, entity_id from intermediate.int_changed_cells
where $mode = 'incremental';

create or replace temp table builds_kept as
select build_id from build_state.build_changes
order by recorded_at desc
limit 4;

delete from build_state.build_changes where build_id not in (select kept.build_id from builds_kept as kept);

delete from build_state.build_changed_sources where build_id not in (select kept.build_id from builds_kept as kept);

delete from build_state.build_changed_cells where build_id not in (select kept.build_id from builds_kept as kept);
