{#- ISO code of the currency a value states, from the currency form written before the number
    and the one written after it (either may be ''), per seeds/vocabulary/vocabulary_currencies.csv.
    A form several currencies share ("$", "¥", "dollars") means the source's local currency
    (`local_currency_expr`, seeds/articles/article_source_context.csv) when that currency writes it so, else
    its default. '' when no currency is written; 'conflict' when the two forms name different
    currencies. -#}
{% macro currency_of_value(before_expr, after_expr, local_currency_expr) -%}
    {%- set forms = currency_forms() -%}
    {%- set local = 'coalesce(' ~ local_currency_expr ~ ", '')" -%}
    {%- set before = currency_form_case(forms, 'before', before_expr, local) -%}
    {%- set after = currency_form_case(forms, 'after', after_expr, local) -%}
    {%- set before_candidates = currency_form_case(forms, 'before', before_expr, local, candidates=true) -%}
    {%- set after_candidates = currency_form_case(forms, 'after', after_expr, local, candidates=true) -%}
    (
        case
            when {{ before_expr }} = '' and {{ after_expr }} = '' then ''
            when {{ after_expr }} = '' then {{ before }}
            when {{ before_expr }} = '' then {{ after }}
            when {{ before }} = {{ after }} then {{ before }}
            when {{ dbt.position("',' || " ~ before ~ " || ','", after_candidates) }} > 0 then {{ before }}
            when {{ dbt.position("',' || " ~ after ~ " || ','", before_candidates) }} > 0 then {{ after }}
            else 'conflict'
        end
    )
{%- endmacro %}

{#- For the forms written at `position`: a case expression giving the currency a form means in a
    source whose local currency is `local` or, with candidates=true, every currency that writes
    the form, as ',USD,HKD,'. -#}
{% macro currency_form_case(forms, position, form_expr, local, candidates=false) -%}
    {%- set by_form = {} -%}
    {%- for row in forms if row['position'] == position -%}
        {%- do by_form.setdefault(row['written_form'], []).append(row) -%}
    {%- endfor -%}
    {%- set pairs = [] -%}
    {%- for form, rows in by_form.items() -%}
        {%- set codes = [] -%}
        {%- set defaults = [] -%}
        {%- for row in rows -%}
            {%- do codes.append(row['currency_code']) -%}
            {%- if row['is_default'] in (true, 'true', 'True') -%}{%- do defaults.append(row['currency_code']) -%}{%- endif -%}
        {%- endfor -%}
        {%- if candidates -%}
            {%- do pairs.append((form, sql_text(',' ~ codes | join(',') ~ ','))) -%}
        {%- elif codes | length == 1 -%}
            {%- do pairs.append((form, sql_text(codes[0]))) -%}
        {%- else -%}
            {%- set shared = [] -%}
            {%- for code in codes if code not in defaults -%}{%- do shared.append(sql_text(code)) -%}{%- endfor -%}
            {%- do pairs.append((form, 'case when ' ~ local ~ ' in (' ~ shared | join(', ') ~ ') then ' ~ local
                ~ ' else ' ~ sql_text(defaults[0] if defaults else codes[0]) ~ ' end')) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(lookup_case(form_expr, pairs, "''")) }}
{%- endmacro %}
