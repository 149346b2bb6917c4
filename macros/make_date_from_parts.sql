{#- A DATE from integer year, month and day expressions. NULL when a part is NULL; a part that is
    not an integer, or a day the month does not have, aborts the query. -#}
{% macro make_date_from_parts(year_expr, month_expr, day_expr) -%}
    {{ return(adapter.dispatch('make_date_from_parts')(year_expr, month_expr, day_expr)) }}
{%- endmacro %}

{% macro default__make_date_from_parts(year_expr, month_expr, day_expr) -%}
    make_date(cast({{ year_expr }} as integer), cast({{ month_expr }} as integer), cast({{ day_expr }} as integer))
{%- endmacro %}

{#- Spark's make_date and cast give NULL for bad input (outside ANSI mode, which dbt-spark turns
    off), so a NULL from non-NULL parts is raised as an error, as DuckDB does. -#}
{% macro spark__make_date_from_parts(year_expr, month_expr, day_expr) -%}
    coalesce(
        make_date(cast({{ year_expr }} as integer), cast({{ month_expr }} as integer), cast({{ day_expr }} as integer)),
        case when {{ year_expr }} is not null and {{ month_expr }} is not null and {{ day_expr }} is not null
            then {{ raise_error(
                "'no such date: year ' || cast(" ~ year_expr ~ " as string) || ', month ' || cast("
                ~ month_expr ~ " as string) || ', day ' || cast(" ~ day_expr ~ " as string)"
            ) }}
        end
    )
{%- endmacro %}
