{#- An expression that aborts the query with `message_expr` (a SQL string expression) when evaluated.
    Use it in the branch of a `case` that must never be taken, so bad input fails the build
    instead of becoming a silent NULL. -#}
{% macro raise_error(message_expr) -%}
    {{ return(adapter.dispatch('raise_error')(message_expr)) }}
{%- endmacro %}

{% macro default__raise_error(message_expr) -%}
    error({{ message_expr }})
{%- endmacro %}

{% macro spark__raise_error(message_expr) -%}
    raise_error({{ message_expr }})
{%- endmacro %}
