{#- The fiscal calendar the draft's period guess resolves a period written with no year on
    (draft_no_year_parts, draft_yearless_periods). -#}

{#- Select-list lines giving, for the entity `entity_expr`, its fiscal year conventions as the grammar
    reads them (period_fiscal_calendar, over seeds/curated/curated_fiscal_years.csv; an entity not
    listed keeps the calendar year): fiscal_end_month, the month its fiscal year ends in (12 when not
    listed), and named_for_start, 1 when it names a fiscal year by the calendar year it starts in
    ("fiscal 2024" is April 2024 to March 2025), else 0. -#}
{% macro draft_fiscal_calendar(entity_expr) -%}
    {%- set calendar = period_fiscal_calendar(entity_expr) -%}
    {{ calendar['end_month'] }} as fiscal_end_month,
    case when {{ calendar['named_for_start'] }} then 1 else 0 end as named_for_start
{%- endmacro %}
