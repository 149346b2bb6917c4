-- What made this warehouse: one row, written by pipeline/build.py before it is published.
-- Parameters: build id, project fingerprint, build mode, previous build id, figures added,
-- removed and changed against the previous publish.
create or replace table audit.build_info as
select
    ? as build_id,
    ? as project_fingerprint,
    current_timestamp as built_at,
    ? as build_mode,
    ? as previous_build_id,
    cast(? as bigint) as figures_added,
    cast(? as bigint) as figures_removed,
    cast(? as bigint) as figures_changed;

comment on table audit.build_info is 'The build that made this warehouse: its id (the name of its exports folder, also in exports/manifest.json), the fingerprint of the project it was built and checked from, and the size of its change report (audit.publish_changes).';
comment on column audit.build_info.build_id is 'Id of the build: its start time and process id. exports/manifest.json of the same publish carries the same id.';
comment on column audit.build_info.project_fingerprint is 'sha256 of dbt_project.yml, selectors.yml, the seeds, models, macros, singular tests and expectation suites: an incremental build runs only on a warehouse built and checked by the same.';
comment on column audit.build_info.built_at is 'When the build recorded this row, before publishing.';
comment on column audit.build_info.build_mode is 'full, or incremental (started from a copy of the published warehouse).';
comment on column audit.build_info.previous_build_id is 'Build this publish replaced (the one `python -m pipeline rollback` returns to); NULL for a first publish.';
comment on column audit.build_info.figures_added is 'Figures in marts.fct_figures that the previous publish did not have.';
comment on column audit.build_info.figures_removed is 'Figures of the previous publish no longer in marts.fct_figures.';
comment on column audit.build_info.figures_changed is 'Figures in both whose columns differ.';
