{#- Normalising a period as written (lowercased text), per `period_patterns()`, in two steps, each a
    select-list for its own CTE, so the long pattern expressions are written once:
    `period_parts` gives period_type (NULL when the text matches no pattern) and the parts the text
    states; `period_fields`, over a relation with those parts, gives period_first_year, fiscal_year,
    period_start_date, period_end_date and period_label. -#}
{% macro period_parts(text_expr) -%}
    {%- set patterns = period_patterns() -%}
    {{ period_kind(text_expr) }} as period_type,
    {{ regex_group(text_expr, '([0-9]{4})$', 1) }} as period_last_year_text,
    {{ regex_group(text_expr, patterns['span'], 1) }} as period_span_first_year_text,
    {{ regex_group(text_expr, patterns['half_year'], 1) }} as period_half_text,
    {{ month_number(regex_group(text_expr, '^([a-z]+) ', 1)) }} as period_month_number,
    {{ regex_group(text_expr, patterns['date'], 2) }} as period_day_text
{%- endmacro %}

{% macro period_fields(published_date_expr) -%}
    case
        when period_type = 'span' then cast(period_span_first_year_text as integer)
        when period_type in ('fiscal_year', 'year_end', 'half_year', 'month', 'date') then cast(period_last_year_text as integer)
    end as period_first_year,
    case
        when period_type in ('fiscal_year', 'year_end', 'span', 'half_year', 'month', 'date')
            then cast(period_last_year_text as integer)
        when period_type = 'as_of_publication'
            then cast(extract(year from {{ published_date_expr }}) as integer)
    end as fiscal_year,
    case
        when period_type = 'fiscal_year' then {{ make_date_from_parts('period_last_year_text', 1, 1) }}
        when period_type = 'span' then {{ make_date_from_parts('period_span_first_year_text', 1, 1) }}
        when period_type = 'half_year' and period_half_text = 'first' then {{ make_date_from_parts('period_last_year_text', 1, 1) }}
        when period_type = 'half_year' then {{ make_date_from_parts('period_last_year_text', 7, 1) }}
        when period_type = 'month' then {{ make_date_from_parts('period_last_year_text', 'period_month_number', 1) }}
        when period_type = 'date' then {{ make_date_from_parts('period_last_year_text', 'period_month_number', 'period_day_text') }}
        when period_type = 'year_end' then {{ make_date_from_parts('period_last_year_text', 12, 31) }}
        when period_type = 'as_of_publication' then {{ published_date_expr }}
    end as period_start_date,
    case
        when period_type in ('fiscal_year', 'span', 'year_end') then {{ make_date_from_parts('period_last_year_text', 12, 31) }}
        when period_type = 'half_year' and period_half_text = 'first' then {{ make_date_from_parts('period_last_year_text', 6, 30) }}
        when period_type = 'half_year' then {{ make_date_from_parts('period_last_year_text', 12, 31) }}
        when period_type = 'month' then last_day({{ make_date_from_parts('period_last_year_text', 'period_month_number', 1) }})
        when period_type = 'date' then {{ make_date_from_parts('period_last_year_text', 'period_month_number', 'period_day_text') }}
        when period_type in ('as_of_publication', 'before_publication') then {{ published_date_expr }}
    end as period_end_date,
    case
        when period_type = 'fiscal_year' then 'FY' || period_last_year_text
        when period_type = 'span' then 'FY' || period_span_first_year_text || '-FY' || period_last_year_text
        when period_type = 'half_year' then period_last_year_text || case when period_half_text = 'first' then '-H1' else '-H2' end
        when period_type = 'month' then substring(cast({{ make_date_from_parts('period_last_year_text', 'period_month_number', 1) }} as string), 1, 7)
        when period_type = 'date' then cast({{ make_date_from_parts('period_last_year_text', 'period_month_number', 'period_day_text') }} as string)
        when period_type = 'year_end' then cast({{ make_date_from_parts('period_last_year_text', 12, 31) }} as string)
        when period_type = 'as_of_publication' then 'as of ' || cast({{ published_date_expr }} as string)
        when period_type = 'before_publication' then 'before ' || cast({{ published_date_expr }} as string)
        when period_type = 'unstated' then 'unstated'
    end as period_label
{%- endmacro %}
