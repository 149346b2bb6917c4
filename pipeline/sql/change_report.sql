-- The change report of a publish: every figure of marts.fct_figures added, removed or changed
-- against the warehouse published before (attached as previous_publish), compared on the columns
-- both have. Rendered by pipeline/changes.py: {{ columns }} are those columns, as identifiers.
-- After an incremental build of the state the previous publish was written from
-- (changed_sources_only), only the figures of the sources it changed can differ (fct_figures is
-- kept per source): only those are compared, not every figure of both files.
create or replace table audit.publish_changes as
with

current_figures as (
    select * from marts.fct_figures
    {%- if changed_sources_only %}
    where source_id in (select changed_sources.source_id from intermediate.int_changed_sources as changed_sources)
    {%- endif %}
),

previous_figures as (
    select * from previous_publish.marts.fct_figures
    {%- if changed_sources_only %}
    where source_id in (select changed_sources.source_id from intermediate.int_changed_sources as changed_sources)
    {%- endif %}
),

compared as (
    select
        coalesce(current_figures.figure_id, previous_figures.figure_id) as figure_id,
        coalesce(current_figures.source_id, previous_figures.source_id) as source_id,
        case
            when previous_figures.figure_id is null then 'added'
            when current_figures.figure_id is null then 'removed'
            else 'changed'
        end as change_kind,
        list_filter(
            [
                {%- for column in columns %}
                case when current_figures.{{ column }} is distinct from previous_figures.{{ column }}
                    then '{{ column.strip('"') }}' end{{ ',' if not loop.last }}
                {%- endfor %}
            ],
            changed_column -> changed_column is not null
        ) as changed_columns,
        previous_figures.value_as_written as value_as_written_before,
        current_figures.value_as_written as value_as_written_after,
        previous_figures.value as value_before,
        current_figures.value as value_after
    from current_figures
    full outer join previous_figures
        on current_figures.figure_id = previous_figures.figure_id
),

final as (
    select
        figure_id,
        source_id,
        change_kind,
        array_to_string(changed_columns, ', ') as changed_columns,
        value_as_written_before,
        value_as_written_after,
        value_before,
        value_after
    from compared
    where change_kind <> 'changed' or len(changed_columns) > 0
)

select * from final;

comment on table audit.publish_changes is 'The change report of this publish: every figure of marts.fct_figures added, removed or changed against the warehouse published before it (build previous_build_id of audit.build_info). Empty for a first publish.';
comment on column audit.publish_changes.figure_id is 'Key of the figure added, removed or changed; see fct_figures.';
comment on column audit.publish_changes.source_id is 'Source that states the figure.';
comment on column audit.publish_changes.change_kind is 'added (not in the previous publish), removed (only in the previous publish) or changed.';
comment on column audit.publish_changes.changed_columns is 'For a changed figure, the columns of fct_figures whose values differ, separated by '', ''.';
comment on column audit.publish_changes.value_as_written_before is 'Value as written in the previous publish; NULL for an added figure.';
comment on column audit.publish_changes.value_as_written_after is 'Value as written in this publish; NULL for a removed figure.';
comment on column audit.publish_changes.value_before is 'Value in base units in the previous publish; NULL for an added figure.';
comment on column audit.publish_changes.value_after is 'Value in base units in this publish; NULL for a removed figure.';
