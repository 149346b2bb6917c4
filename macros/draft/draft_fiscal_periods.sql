{#- The fiscal calendar the draft's period guess resolves a period written with no year on
    (draft_no_year_parts, draft_yearless_periods). -#}

{#- Select-list lines giving, for the entity `entity_expr`, the fiscal year conventions of
    seeds/curated/curated_fiscal_years.csv, written into the SQL as case expressions (an entity not
    listed keeps the calendar year): fiscal_end_month, the month its fiscal year ends in (12 when not
    listed), and named_for_start, 1 when it names a fiscal year by the calendar year it starts in
    ("fiscal 2024" is April 2024 to March 2025), else 0. -#}
{% macro draft_fiscal_calendar(entity_expr) -%}
    {%- set fiscal_months = [] -%}
    {%- set named_for_start = [] -%}
    {%- for row in vocabulary_rows('curated_fiscal_years') -%}
        {%- do fiscal_months.append((row['entity_id'], row['fiscal_year_end_month'] | int)) -%}
        {%- do named_for_start.append((row['entity_id'], '1' if row['fiscal_year_named_for'] == 'start' else '0')) -%}
    {%- endfor -%}
    {{ lookup_case(entity_expr, fiscal_months, '12') }} as fiscal_end_month,
    {{ lookup_case(entity_expr, named_for_start, '0') }} as named_for_start
{%- endmacro %}
