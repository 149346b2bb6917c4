{#- `expr` cast to `data_type`, aborting the query when a non-NULL value does not convert (text
    that is not a number, a number too large for the type): parsing fails loudly, never as a
    silent NULL. DuckDB's cast already fails; Spark's gives NULL outside ANSI mode, which dbt-spark
    turns off, so there the failure is raised explicitly. Not dbt.safe_cast, which nulls on purpose. -#}
{% macro strict_cast(expr, data_type) -%}
    {{ return(adapter.dispatch('strict_cast')(expr, data_type)) }}
{%- endmacro %}

{% macro default__strict_cast(expr, data_type) -%}
    cast({{ expr }} as {{ data_type }})
{%- endmacro %}

{% macro spark__strict_cast(expr, data_type) -%}
    coalesce(
        try_cast({{ expr }} as {{ data_type }}),
        case when {{ expr }} is not null
            then {{ raise_error(
                spark_string_literal("cannot cast '") ~ ' || cast(' ~ expr ~ ' as string) || '
                ~ spark_string_literal("' to " ~ data_type)
            ) }}
        end
    )
{%- endmacro %}
