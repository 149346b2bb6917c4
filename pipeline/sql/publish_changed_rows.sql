{#- An incremental build's publish: bring one reader table of a copy of the last published file up
    to date with the build's state (attached as state). A table kept per source or per entity (its
    dbt config's meta kept_per) has only the rows of the changed sources or entities replaced; any
    other table (small: dimensions, claims, build records) is replaced whole. With mode
    'fingerprint': the fingerprint of the rows that would be replaced, in `relation`. The changed
    sources and entities are the build's own, unless `changed_sources` and `changed_cells` name
    others (the spare file: those of every build since its own). -#}
{%- set changed_sources = changed_sources or 'state.intermediate.int_changed_sources' -%}
{%- set changed_cells = changed_cells or 'state.intermediate.int_changed_cells' -%}
{%- if kept_per == 'source' -%}
    {%- set condition = "source_id in (select changed_sources.source_id from " ~ changed_sources ~ " as changed_sources)" -%}
{%- elif kept_per == 'entity' -%}
    {%- set condition = "coalesce(" ~ entity_column ~ ", '') in (select coalesce(changed_cells.entity_id, '') from " ~ changed_cells ~ " as changed_cells)" -%}
{%- else -%}
    {%- set condition = "true" -%}
{%- endif -%}
{%- if mode == 'fingerprint' -%}
{#- the row count and sum of row hashes of those rows in `relation` (the copy's table or the state's) -#}
select count(*), sum(hash(fingerprinted)::hugeint) from {{ relation }} as fingerprinted where {{ condition }}
{%- else -%}
delete from {{ name }} where {{ condition }};
insert into {{ name }} select * from state.{{ name }} where {{ condition }}
{%- endif -%}
