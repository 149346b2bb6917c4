{#- Figures landed as files under the landing folder, parsed by the same macro as the seeds. Each
    build reads only files it has not loaded yet and appends them (a full build reads all). A row
    that does not parse is kept with its reason in rejection_reason and never reaches the marts. -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail') }}
-- depends_on: {{ source('landing', 'figures') }}

with

landed as (
    select * from {{ landed_rows('figures', new_landing_files('figures')) }}
),

staged as (
    {{ stage_figures('landed', on_error='reject') | indent(4) }}
)

select * from staged
