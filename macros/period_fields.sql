{#- Select-list of the normalised period of a period as written (lowercased text), per
    `period_patterns()`: period_type, period_first_year, fiscal_year, period_start_date,
    period_end_date and period_label. period_type is NULL when the text matches no pattern. -#}
{% macro period_fields(text_expr, published_date_expr) -%}
    {%- set patterns = period_patterns() -%}
    {%- set kind = period_kind(text_expr) -%}
    {%- set last_year = regex_group(text_expr, '([0-9]{4})$', 1) -%}
    {%- set span_first_year = regex_group(text_expr, patterns['span'], 1) -%}
    {%- set half = regex_group(text_expr, patterns['half_year'], 1) -%}
    {%- set month = month_number(regex_group(text_expr, '^([a-z]+) ', 1)) -%}
    {%- set day = regex_group(text_expr, patterns['date'], 2) -%}
    {{ kind }} as period_type,
    case
        when {{ kind }} = 'span' then cast({{ span_first_year }} as integer)
        when {{ kind }} in ('fiscal_year', 'year_end', 'half_year', 'month', 'date') then cast({{ last_year }} as integer)
    end as period_first_year,
    case
        when {{ kind }} in ('fiscal_year', 'year_end', 'span', 'half_year', 'month', 'date')
            then cast({{ last_year }} as integer)
        when {{ kind }} = 'as_of_publication'
            then cast(extract(year from {{ published_date_expr }}) as integer)
    end as fiscal_year,
    case
        when {{ kind }} = 'fiscal_year' then {{ make_date_from_parts(last_year, 1, 1) }}
        when {{ kind }} = 'span' then {{ make_date_from_parts(span_first_year, 1, 1) }}
        when {{ kind }} = 'half_year' and {{ half }} = 'first' then {{ make_date_from_parts(last_year, 1, 1) }}
        when {{ kind }} = 'half_year' then {{ make_date_from_parts(last_year, 7, 1) }}
        when {{ kind }} = 'month' then {{ make_date_from_parts(last_year, month, 1) }}
        when {{ kind }} = 'date' then {{ make_date_from_parts(last_year, month, day) }}
        when {{ kind }} = 'year_end' then {{ make_date_from_parts(last_year, 12, 31) }}
        when {{ kind }} = 'as_of_publication' then {{ published_date_expr }}
    end as period_start_date,
    case
        when {{ kind }} in ('fiscal_year', 'span', 'year_end') then {{ make_date_from_parts(last_year, 12, 31) }}
        when {{ kind }} = 'half_year' and {{ half }} = 'first' then {{ make_date_from_parts(last_year, 6, 30) }}
        when {{ kind }} = 'half_year' then {{ make_date_from_parts(last_year, 12, 31) }}
        when {{ kind }} = 'month' then last_day({{ make_date_from_parts(last_year, month, 1) }})
        when {{ kind }} = 'date' then {{ make_date_from_parts(last_year, month, day) }}
        when {{ kind }} in ('as_of_publication', 'before_publication') then {{ published_date_expr }}
    end as period_end_date,
    case
        when {{ kind }} = 'fiscal_year' then 'FY' || {{ last_year }}
        when {{ kind }} = 'span' then 'FY' || {{ span_first_year }} || '-FY' || {{ last_year }}
        when {{ kind }} = 'half_year' then {{ last_year }} || case when {{ half }} = 'first' then '-H1' else '-H2' end
        when {{ kind }} = 'month' then substring(cast({{ make_date_from_parts(last_year, month, 1) }} as varchar), 1, 7)
        when {{ kind }} = 'date' then cast({{ make_date_from_parts(last_year, month, day) }} as varchar)
        when {{ kind }} = 'year_end' then cast({{ make_date_from_parts(last_year, 12, 31) }} as varchar)
        when {{ kind }} = 'as_of_publication' then 'as of ' || cast({{ published_date_expr }} as varchar)
        when {{ kind }} = 'before_publication' then 'before ' || cast({{ published_date_expr }} as varchar)
        when {{ kind }} = 'unstated' then 'unstated'
    end as period_label
{%- endmacro %}
