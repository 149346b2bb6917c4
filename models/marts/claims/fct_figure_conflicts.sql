{#- Pairs of figures of one source that disagree: the same number for the same entity and period
    under two different metrics (a loss called "net loss" in one place and "operating losses" in
    another), or two numbers for the same entity, metric and period whose allowed values do not
    overlap. Figures of different sources are not paired: each document is checked against itself. -#}
with

statements as (
    select * from {{ ref('int_figure_statements') }}
),

pairs as (
    select
        first_statement.statement_id as first_statement_id,
        second_statement.statement_id as second_statement_id,
        first_statement.entity_id,
        first_statement.period_label,
        first_statement.metric_id as first_metric_id,
        second_statement.metric_id as second_metric_id,
        first_statement.value_as_written as first_value_as_written,
        second_statement.value_as_written as second_value_as_written,
        first_statement.value_low as first_value_low,
        first_statement.value_high as first_value_high,
        second_statement.value_low as second_value_low,
        second_statement.value_high as second_value_high,
        first_statement.quote as first_quote,
        second_statement.quote as second_quote,
        first_statement.paragraph_number as first_paragraph_number,
        second_statement.paragraph_number as second_paragraph_number,
        first_statement.figure_ids as first_figure_ids,
        second_statement.figure_ids as second_figure_ids,
        case
            when first_statement.metric_id <> second_statement.metric_id
                and first_statement.qualifier = 'exact' and second_statement.qualifier = 'exact'
                and first_statement.value_low = second_statement.value_low
                then 'same_value_different_metric'
            when first_statement.metric_id = second_statement.metric_id
                and (
                    first_statement.value_high < second_statement.value_low
                    or second_statement.value_high < first_statement.value_low
                )
                then 'different_value_same_metric'
        end as conflict_kind
    from statements as first_statement
    inner join statements as second_statement
        on first_statement.source_id = second_statement.source_id
        and first_statement.entity_id = second_statement.entity_id
        and first_statement.period_label = second_statement.period_label
        and first_statement.unit = second_statement.unit
        and first_statement.statement_id < second_statement.statement_id
    where first_statement.period_type <> 'unstated'
),

final as (
    select
        -- keys
        first_statement_id || '__' || second_statement_id as conflict_id,
        first_statement_id,
        second_statement_id,
        entity_id,

        -- attributes
        conflict_kind,
        period_label,
        first_metric_id,
        second_metric_id,
        first_value_as_written,
        second_value_as_written,

        -- measures
        first_value_low,
        first_value_high,
        second_value_low,
        second_value_high,

        -- provenance
        first_figure_ids,
        second_figure_ids,
        first_paragraph_number,
        second_paragraph_number,
        first_quote,
        second_quote
    from pairs
    where conflict_kind is not null
)

select * from final
