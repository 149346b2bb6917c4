{#- Every file under the landing folder, one row each: its kind, its path relative to the landing
    folder (its name, which moving the folder does not change), the path it was read from and the
    md5 of its bytes. The other landing models read the files listed here, and the incremental ones
    compare (landed_file, landed_file_hash) with what they loaded: a changed hash reloads the file,
    a file no longer listed has its rows retracted. Listed and hashed once per build. -#}
{{ config(materialized='table') }}
-- depends_on: {{ source('landing', 'files') }}

{%- set files = landing_listing() %}

with

listed as (
    select * from {{ landing_listing_relation(files) }}
),

contents as (
    select * from {{ landed_file_contents(files | map(attribute='landed_path') | list) }}
),

final as (
    select
        -- keys
        listed.landed_file,

        -- attributes
        listed.kind,
        listed.landed_path,
        contents.landed_file_hash,
        contents.file_size
    from listed
    inner join contents
        on listed.landed_path = contents.landed_path
)

select * from final
