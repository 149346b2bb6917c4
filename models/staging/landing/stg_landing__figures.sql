{#- Figures landed as files under the landing folder, parsed by the same macro as the seeds. Each
    build reads only the files it has not loaded as they are now and appends them (a full build reads
    all); before that, the rows of files changed in place or deleted since are retracted. A row
    that does not parse is kept with its reason in rejection_reason and never reaches the marts. -#}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    meta={'kept_per': 'source'},
    pre_hook="{{ retract_changed_landed_files(ref('base_landing__files'), \"kind = 'figures'\") }}",
) }}
-- depends_on: {{ ref('base_landing__files') }}

{%- set files = new_landing_files('figures') %}

with

landed as (
    select * from {{ landed_rows('figures', files) }}
),

staged as (
    {{ stage_figures('landed', on_error='reject') | indent(4) }}
),

-- the hash of each row's file: stage_figures keeps the columns of the seed and landed_file only
file_hashes as (
    select
        landed_file,
        landed_file_hash
    from {{ landed_file_names(files) }}
),

final as (
    select
        staged.*,
        file_hashes.landed_file_hash
    from staged
    inner join file_hashes
        on staged.landed_file = file_hashes.landed_file
)

select * from final
