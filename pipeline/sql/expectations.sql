{#- One mart's expectations in SQL, generated from its declaration in gx/expectations/<mart>.yml.

    mode 'rows':       the mart with its check columns; Great Expectations validates this frame
    mode 'violations': one row: per expectation, how many rows break it (large marts)
    mode 'offending':  the first rows that break expectation number `only`, by their index columns

    `changed` (an incremental build; the declaration's changed_rows): only the rows of the entities
    or sources the build changed are read. Table-level expectations are never given it.

    Each expectation type has one branch in `violated`, with Great Expectations' semantics: NULLs
    are skipped, and a pair of columns is skipped when either is NULL. pipeline/expectation_suites.py
    refuses a declaration whose type has no branch here. -#}

{%- macro literal(value) -%}
{%- if value is string -%}'{{ value | replace("'", "''") }}'{%- else -%}{{ value }}{%- endif -%}
{%- endmacro -%}

{%- macro violated(expectation) -%}
{%- set kwargs = expectation.kwargs -%}
{%- if expectation.type == 'expect_column_values_to_be_between' -%}
    {{ kwargs.column }} is not null and (false
    {%- if kwargs.get('min_value') is not none %} or {{ kwargs.column }} {{ '<=' if kwargs.get('strict_min') else '<' }} {{ literal(kwargs.get('min_value')) }}{% endif %}
    {%- if kwargs.get('max_value') is not none %} or {{ kwargs.column }} {{ '>=' if kwargs.get('strict_max') else '>' }} {{ literal(kwargs.get('max_value')) }}{% endif -%}
    )
{%- elif expectation.type == 'expect_column_pair_values_a_to_be_greater_than_b' -%}
    {{ kwargs.column_A }} is not null and {{ kwargs.column_B }} is not null
    and not ({{ kwargs.column_A }} {{ '>=' if kwargs.get('or_equal') else '>' }} {{ kwargs.column_B }})
{%- elif expectation.type == 'expect_table_row_count_to_be_between' -%}
    {#- an aggregate: true when the table's row count is out of range -#}
    not (true
    {%- if kwargs.get('min_value') is not none %} and count(*) >= {{ kwargs.get('min_value') }}{% endif %}
    {%- if kwargs.get('max_value') is not none %} and count(*) <= {{ kwargs.get('max_value') }}{% endif -%}
    )
{%- endif -%}
{%- endmacro -%}

with

mart as (
    select * from marts.{{ declaration.mart }}
    {%- if changed and changed.get('entity_column') %}
    where coalesce({{ changed.entity_column }}, '') in (
        select coalesce(changed_cells.entity_id, '') from intermediate.int_changed_cells as changed_cells
    )
    {%- elif changed and changed.get('source_column') %}
    where {{ changed.source_column }} in (select changed_sources.source_id from intermediate.int_changed_sources as changed_sources)
    {%- endif %}
),

checked as (
    select
        mart.*,
        {%- for name, expression in declaration.check_columns.items() %}
        {{ expression }} as {{ name }},
        {%- endfor %}
    from mart
)

{% if mode == 'rows' -%}
select * from checked
{%- elif mode == 'violations' -%}
select
    {%- for expectation in declaration.expectations %}
    {%- if expectation.type == 'expect_table_row_count_to_be_between' %}
    case when {{ violated(expectation) }} then 1 else 0 end as violations_{{ loop.index0 }},
    {%- else %}
    count(*) filter (where {{ violated(expectation) }}) as violations_{{ loop.index0 }},
    {%- endif %}
    {%- endfor %}
    count(*) as row_count,
from checked
{%- elif mode == 'offending' -%}
select
    {%- for column in columns %}
    {{ column }},
    {%- endfor %}
from checked
where {{ violated(declaration.expectations[only]) }}
limit {{ limit }}
{%- endif %}
