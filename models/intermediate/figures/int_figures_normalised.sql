{#- Figures in base units with a sign, a qualifier that holds for the signed value, a resolved
    period, a forecast flag (int_figures_dated), and the amount in its currency of record converted
    to each reporting currency (var reporting_currencies) at the annual average rates of the
    figure's year. A reported figure that fits none of the marts its metric belongs to fails here,
    as does a figure whose period does not resolve.
    Landed rows rejected upstream or here keep their reason in rejection_reason; models that read
    this one take only rows where it is NULL. Incremental, like int_figures_resolved. -#}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    meta={'kept_per': 'source'},
    pre_hook="{{ retract_changed_landed_files(ref('int_figures_dated')) }}",
) }}
{%- set mart_rows = vocabulary_rows('curated_marts') -%}
{%- set currencies = reporting_currencies() -%}
{%- set base_currency = fx_base_currency() -%}

with

figures as (
    select * from {{ ref('int_figures_dated') }}
    where {{ unloaded_files_condition(ref('int_figures_dated')) }}
),

rates as (
    select * from {{ ref('stg_reference__fx_rates') }}
),

-- whether a reported figure reaches a mart of its metric, per seeds/curated/curated_marts.csv
reach as (
    select
        *,
        {%- set conditions = [] %}
        {%- for mart in mart_rows %}
            {%- set parts = [dbt.position(sql_text(';' ~ mart['mart'] ~ ';'), "';' || marts || ';'") ~ ' > 0'] %}
            {%- if mart['entity_types'] %}
                {%- do parts.append("entity_type in ('" ~ mart['entity_types'].split(';') | join("', '") ~ "')") %}
            {%- endif %}
            {%- if mart['period_types'] %}
                {%- do parts.append("period_type in ('" ~ mart['period_types'].split(';') | join("', '") ~ "')") %}
            {%- endif %}
            {%- if mart['needs_item'] in (true, 'true', 'True') %}
                {%- do parts.append('item_entity_count > 0') %}
            {%- endif %}
            {%- if mart['takes_forecasts'] not in (true, 'true', 'True') %}
                {%- do parts.append('not is_forecast') %}
            {%- endif %}
            {%- do conditions.append('(' ~ parts | join(' and ') ~ ')') %}
        {%- endfor %}
        {%- set forecast_marts = [] %}
        {%- for mart in mart_rows if mart['takes_forecasts'] in (true, 'true', 'True') %}
            {%- do forecast_marts.append(dbt.position(sql_text(';' ~ mart['mart'] ~ ';'), "';' || marts || ';'") ~ ' > 0') %}
        {%- endfor %}
        -- a forecast is bound for a mart only when one of its metric's marts takes forecasts
        (not is_forecast or {{ forecast_marts | join(' or ') if forecast_marts else 'false' }}) as is_mart_bound,
        {{ conditions | join('\n            or ') if conditions else 'true' }} as reaches_a_mart
    from figures
),

labelled as (
    select
        *,
        case
            when rejection_reason is not null
                then rejection_reason
            when period_kind in ('same_part', 'figure_relative') and compared_figure_id is null
                then 'period ' || chr(39) || period_as_written || chr(39) || ' is relative to another figure, and '
                    || case when compared_candidate_count = 0 then 'the sentence has no other figure of the same subject and metric'
                        else 'the sentence has several figures of the same subject and metric' end
                    || ': name the one compared with in seeds/articles/article_period_references.csv'
            when period_type is null
                then 'period ' || chr(39) || period_as_written || chr(39) || ' matches no form of the period grammar (macros/grammar/period_grammar.sql, words in seeds/vocabulary/vocabulary_period_words.csv)'
            when range_position <> '' and (range_row_count <> 2 or range_first_count <> 1)
                then 'a range needs exactly two rows, one first and one second, with the same subject, metric, period and value'
            when is_mart_bound and not reaches_a_mart
                then 'reaches no mart its metric ' || metric_id || ' belongs to (' || replace(marts, ';', ', ')
                    || '; seeds/curated/curated_marts.csv says what each takes): entity ' || entity_id || ' ('
                    || entity_type || '), period ' || chr(39) || period_as_written || chr(39) || ' (' || period_type || ')'
                    || case when item_as_written = '' then ', no item' else '' end
                    || case when is_forecast then ', a forecast' else '' end
        end as normalisation_error
    from reach
),

-- the rates of the figure's own currency and of each reporting currency (var reporting_currencies),
-- all quoted per unit of the rates seed's base currency (var fx_rates_base_currency), which needs none
converted as (
    select
        labelled.*,
        own_rates.units_per_usd,
        {%- for code in currencies if code != base_currency %}
        rates_{{ code | lower }}.units_per_usd as {{ code | lower }}_per_base,
        {%- endfor %}
        case when labelled.currency_code = '{{ base_currency }}' then 1 else own_rates.units_per_usd end
            as own_units_per_base
    from labelled
    left join rates as own_rates
        on labelled.currency_code = own_rates.currency_code
        and labelled.fiscal_year = own_rates.rate_year
    {%- for code in currencies if code != base_currency %}
    left join rates as rates_{{ code | lower }}
        on rates_{{ code | lower }}.currency_code = '{{ code }}'
        and labelled.fiscal_year = rates_{{ code | lower }}.rate_year
    {%- endfor %}
),

-- the amount in each reporting currency: itself when written in it, else through the base currency
amounts as (
    select
        *,
        {%- for code in currencies %}
        case
            when currency_code = '{{ code }}' then value
            when currency_code <> '' then value / own_units_per_base{{ '' if code == base_currency else ' * ' ~ code | lower ~ '_per_base' }}
        end as converted_{{ code | lower }}{{ ',' if not loop.last }}
        {%- endfor %}
    from converted
),

final as (
    select
        -- keys
        figure_id,
        source_id,
        entity_id,
        metric_id,

        -- attributes
        entity_name,
        entity_type,
        subject_resolution,
        metric_name,
        unit_kind,
        domain,
        marts,
        period_type,
        period_label,
        period_start_date,
        period_end_date,
        fiscal_year,
        period_first_year,
        compared_figure_id,
        is_forecast,
        qualifier,
        unit,
        currency_code,
        per_unit,
        range_position,
        qualifier_word,
        paragraph_number,
        subject_as_written,
        item_as_written,
        metric_as_written,
        period_as_written,
        value_as_written,
        direction_as_written,

        -- measures
        case
            {# python -m pipeline check lists every seed row's problem (var seed_errors 'reject') #}
            when normalisation_error is not null and is_curated and {{ "false" if var('seed_errors', 'raise') == 'reject' else "true" }} then {{ raise_error(
                "'figure ' || figure_id || ' (' || landed_file || '): ' || normalisation_error"
            ) }}
            when normalisation_error is not null then null
            else value
        end as value,
        {%- for code in currencies %}
        converted_{{ code | lower }} as value_{{ code | lower }},
        {%- endfor %}
        case when currency_code <> '' then units_per_usd end as fx_units_per_{{ base_currency | lower }},
        {%- for code in currencies if code != base_currency %}
        case when currency_code <> '' then {{ code | lower }}_per_base end as fx_{{ code | lower }}_per_{{ base_currency | lower }},
        {%- endfor %}
        case when value is not null and currency_code <> '' and own_units_per_base is not null then fiscal_year end
            as fx_rate_year,
        case
            when currency_code = '' then null
            when fiscal_year is null
                then 'the period gives no year to take an annual rate for'
            when own_units_per_base is null
                then 'no annual rate for ' || currency_code || ' in ' || cast(fiscal_year as string) || ' in seeds/reference/reference_fx_rates.csv'
            {%- for code in currencies if code != base_currency %}
            when currency_code <> '{{ code }}' and {{ code | lower }}_per_base is null
                then 'no annual rate for {{ code }} in ' || cast(fiscal_year as string) || ' in seeds/reference/reference_fx_rates.csv'
            {%- endfor %}
        end as fx_missing_reason,
        last_digit_unit,

        -- provenance
        {#- the quote is not copied on: it stays in int_figures_resolved, and readers join it by figure_id #}
        landed_file,
        landed_file_hash,
        is_curated,

        -- why a landed row cannot be used; NULL for a good row
        normalisation_error as rejection_reason
    from amounts
)

select * from final
