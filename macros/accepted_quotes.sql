{#- The quote of each accepted figure (figure_id, quote), read back from int_figures_resolved,
    which keeps it, for the models that show a figure's sentence. With changed_only, on an
    incremental run only the figures of the changed sources (a model kept per source); without,
    every figure (a model whose rows may quote a figure of an unchanged source). With metric_id, only
    the quotes of that metric's figures (a mart of one metric: its join then reads no other quote). -#}
{% macro accepted_quotes(changed_only, metric_id=none) -%}
    select
        figure_id,
        quote
    from {{ ref('int_figures_resolved') }}
    where rejection_reason is null
    {%- if metric_id %}
        and metric_id = '{{ metric_id }}'
    {%- endif %}
    {%- if changed_only %}
        and {{ changed_sources_condition() }}
    {%- endif %}
{%- endmacro %}
