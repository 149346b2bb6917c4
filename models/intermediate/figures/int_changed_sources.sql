{#- The sources whose rows this build recomputes: on an incremental build, the sources of landed
    figure files added, changed or deleted since the last build, and landed sources added, changed
    or removed; without a record of the last build (a full build, Spark), every source. The models
    kept per source delete and insert the rows of these sources only. -#}
{{ config(materialized='table') }}
-- depends_on: {{ ref('stg_landing__figures') }}
-- depends_on: {{ ref('base_landing__files') }}
-- depends_on: {{ ref('stg_landing__sources') }}
-- depends_on: {{ ref('int_sources') }}
{%- set loaded_files = loaded_state_relation('loaded_files') %}
{%- set loaded_file_sources = loaded_state_relation('loaded_file_sources') %}
{%- set loaded_sources = loaded_state_relation('landed_sources') %}

with

{% if loaded_files is none or loaded_file_sources is none or loaded_sources is none %}
all_sources as (
    select source_id from {{ ref('int_sources') }}
),

final as (
    select distinct source_id from all_sources
)
{% else %}
current_files as (
    select
        landed_file,
        landed_file_hash
    from {{ ref('base_landing__files') }}
    where kind = 'figures'
),

-- one row per file loaded (joining the figures to the per-source list instead would match each
-- figure with every source of its file)
loaded_files as (
    select * from {{ loaded_files }}
    where landed_file_hash is not null
),

loaded_file_sources as (
    select * from {{ loaded_file_sources }}
    where landed_file_hash is not null
),

landed_figures as (
    select * from {{ ref('stg_landing__figures') }}
),

-- the figures files the last build did not hold as they are now
new_files as (
    select
        current_files.landed_file,
        current_files.landed_file_hash
    from current_files
    left join loaded_files
        on current_files.landed_file = loaded_files.landed_file
        and current_files.landed_file_hash = loaded_files.landed_file_hash
    where loaded_files.landed_file is null
),

-- the sources of their rows: every landed figure is of a file as it is now (stg_landing__figures
-- retracts the rows of files changed or deleted), so the figures of those files are read, not every
-- figure against the files loaded (none when no figures file is new)
new_file_sources as (
    select distinct landed_figures.source_id
    from landed_figures
    inner join new_files
        on landed_figures.landed_file = new_files.landed_file
        and landed_figures.landed_file_hash = new_files.landed_file_hash
),

-- sources of files the last build loaded that are gone or changed since
gone_file_sources as (
    select distinct loaded_file_sources.source_id
    from loaded_file_sources
    left join current_files
        on loaded_file_sources.landed_file = current_files.landed_file
        and loaded_file_sources.landed_file_hash = current_files.landed_file_hash
    where current_files.landed_file is null
),

changed_registry_sources as (
    {{ changed_landed_sources(loaded_sources) | indent(4) }}
),

final as (
    select source_id from new_file_sources
    union
    select source_id from gone_file_sources
    union
    select source_id from changed_registry_sources
)
{% endif %}

select * from final
