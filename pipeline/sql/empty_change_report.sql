-- The change report of a first publish: nothing to compare with (pipeline/changes.py).
create or replace table audit.publish_changes (
    figure_id varchar,
    source_id varchar,
    change_kind varchar,
    changed_columns varchar,
    value_as_written_before varchar,
    value_as_written_after varchar,
    value_before double,
    value_after double
);
