{#- dim_sources' columns that describe a source beyond the counts of its figures: its registry row
    and the disagreements it takes part in (fct_figure_conflicts). Written once for the model and
    its post-hook. -#}

{#- Those columns, after source_id, in the order of the mart. -#}
{% macro described_source_columns() -%}
    {{ return(['title', 'published_date', 'language', 'section', 'text_path', 'lead_entity_id', 'local_currency',
               'is_curated', 'landed_file']) }}
{%- endmacro %}

{#- A select of every source (int_sources) with those columns and its conflict_count: how many
    disagreements with other statements it takes part in (a pair within one source counts once). -#}
{% macro described_sources() -%}
    select
        sources.source_id,
        {%- for column in described_source_columns() %}
        sources.{{ column }},
        {%- endfor %}
        coalesce(conflict_counts.conflict_count, 0) as conflict_count
    from {{ ref('int_sources') }} as sources
    left join (
        select
            conflict_sources.source_id,
            count(*) as conflict_count
        from (
            select
                conflicts.conflict_id,
                conflicts.first_source_id as source_id
            from {{ ref('fct_figure_conflicts') }} as conflicts
            union
            select
                conflicts.conflict_id,
                conflicts.second_source_id as source_id
            from {{ ref('fct_figure_conflicts') }} as conflicts
        ) as conflict_sources
        group by conflict_sources.source_id
    ) as conflict_counts
        on sources.source_id = conflict_counts.source_id
{%- endmacro %}

{#- Post-hook of dim_sources on an incremental build: the rows of the changed sources were replaced;
    a disagreement a changed source takes part in changes the conflict_count of the other source of
    the pair, and a registry file renamed the landed_file of its unchanged sources. Writes the
    described columns of every row whose columns differ from described_sources. -#}
{% macro update_described_sources() -%}
    {%- if not execute or this is none or not is_incremental() -%}{{ return('') }}{%- endif -%}
    {%- set columns = described_source_columns() + ['conflict_count'] -%}
    update {{ this }} as mart_rows
    set
        {%- for column in columns %}
        {{ column }} = described.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from ({{ described_sources() }}) as described
    where mart_rows.source_id = described.source_id
        and (
            {%- for column in columns %}
            {{ 'or ' if not loop.first }}mart_rows.{{ column }} is distinct from described.{{ column }}
            {%- endfor %}
        )
{%- endmacro %}
