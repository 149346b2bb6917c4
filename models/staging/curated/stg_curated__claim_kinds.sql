{#- What each kind of claim compares, from the curated_claim_kinds seed. int_claim_checks implements
    one computation per value of compared_with, operation, stated_value_from and verdict_test; a row
    naming any other value, or a combination that has no computation, aborts the build naming the kind. -#}
{%- set single_values = ['prior_period', 'span_start', 'reference_metric', 'reference_metric_any_period'] -%}
{%- set value_sets = ['later_years', 'other_years', 'other_periods', 'peers', 'yearly_changes'] -%}
{%- set pair_operations = ['growth', 'annual_growth', 'ratio', 'difference'] -%}
{%- set set_operations = ['max', 'min'] -%}
{%- set stated_sources = ['stated_figure', 'threshold', 'claim_value', 'nothing'] -%}
{%- set verdict_tests = ['within_band', 'above', 'at_least', 'below', 'at_most'] -%}
with

kinds as (
    select * from {{ ref('curated_claim_kinds') }}
),

cleaned as (
    select
        claim_kind,
        lower(trim(coalesce(compared_with, ''))) as compared_with,
        lower(trim(coalesce(operation, ''))) as operation,
        lower(trim(coalesce(stated_value_from, ''))) as stated_value_from,
        lower(trim(coalesce(verdict_test, ''))) as verdict_test,
        result_scale,
        trim(coalesce(display_unit, '')) as display_unit,
        lower(trim(coalesce(implies, ''))) as implies,
        coalesce(implied_measure, '') as implied_measure,
        coalesce(explanation, '') as explanation,
        description
    from kinds
),

checked as (
    select
        *,
        case
            when compared_with not in ('{{ (single_values + value_sets + ["nothing"]) | join("', '") }}')
                then 'compared_with ' || chr(39) || compared_with || chr(39) || ' is not one of '
                    || '{{ (single_values + value_sets + ["nothing"]) | join(", ") }}'
            when operation not in ('{{ (pair_operations + set_operations + ["value"]) | join("', '") }}')
                then 'operation ' || chr(39) || operation || chr(39) || ' is not one of '
                    || '{{ (pair_operations + set_operations + ["value"]) | join(", ") }}'
            when stated_value_from not in ('{{ stated_sources | join("', '") }}')
                then 'stated_value_from ' || chr(39) || stated_value_from || chr(39) || ' is not one of '
                    || '{{ stated_sources | join(", ") }}'
            when verdict_test not in ('{{ verdict_tests | join("', '") }}')
                then 'verdict_test ' || chr(39) || verdict_test || chr(39) || ' is not one of '
                    || '{{ verdict_tests | join(", ") }}'
            when implies not in ('', 'compared', 'value')
                then 'implies ' || chr(39) || implies || chr(39) || ' is not compared, value or empty'
            when operation in ('{{ pair_operations | join("', '") }}')
                and compared_with not in ('{{ single_values | join("', '") }}')
                then 'operation ' || operation || ' needs one compared value ({{ single_values | join(", ") }}), not '
                    || compared_with
            when operation in ('{{ set_operations | join("', '") }}')
                and compared_with not in ('{{ value_sets | join("', '") }}')
                then 'operation ' || operation || ' needs a set of values ({{ value_sets | join(", ") }}), not '
                    || compared_with
            when operation = 'value' and compared_with <> 'nothing'
                then 'operation value compares with nothing, not ' || compared_with
            when operation = 'annual_growth' and compared_with not in ('prior_period', 'span_start')
                then 'operation annual_growth needs a number of years between the values (prior_period or span_start)'
            when verdict_test = 'within_band' and stated_value_from = 'nothing'
                then 'verdict_test within_band needs a stated value (stated_value_from is nothing)'
            when implies <> '' and operation not in ('{{ pair_operations | join("', '") }}')
                then 'implies needs an operation on one compared value ({{ pair_operations | join(", ") }})'
            when implies <> '' and implied_measure = ''
                then 'implies ' || implies || ' needs an implied_measure naming the implied value'
            when result_scale is null or result_scale = 0
                then 'result_scale must be a number other than 0'
            when explanation = ''
                then 'explanation is empty'
        end as kind_error
    from cleaned
),

final as (
    select
        -- keys
        case
            when kind_error is not null then {{ raise_error(
                "'claim kind ' || claim_kind || ' (seeds/curated/curated_claim_kinds.csv): ' || kind_error"
            ) }}
            else claim_kind
        end as claim_kind,

        -- attributes
        compared_with,
        operation,
        stated_value_from,
        verdict_test,
        result_scale,
        display_unit,
        implies,
        implied_measure,
        explanation,
        description
    from checked
)

select * from final
