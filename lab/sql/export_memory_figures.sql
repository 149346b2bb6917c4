-- A table shaped like marts.fct_figures (same kinds of columns, quotes of article length), with
-- $rows rows, for measuring the Parquet exporter's memory on a large mart.
create or replace table marts.fct_figures as
with numbered as (
    select range as figure_number from range($rows)
),

final as (
    select
        -- keys
        'fig_' || lpad(figure_number::varchar, 9, '0') as figure_id,
        'doc_' || (figure_number // 50)::varchar as source_id,
        'company_' || (figure_number % 997)::varchar as entity_id,
        ['revenue', 'net_loss', 'rd_expense', 'cdn_node_count'][1 + figure_number % 4] as metric_id,
        -- attributes
        'Generated Cloud ' || (figure_number % 997)::varchar as entity_name,
        'Metric ' || (figure_number % 4)::varchar as metric_name,
        'financials' as domain,
        'FY' || (2015 + figure_number % 10)::varchar as period_label,
        'fiscal_year' as period_type,
        make_date(2015 + (figure_number % 10)::integer, 1, 1) as period_start_date,
        make_date(2015 + (figure_number % 10)::integer, 12, 31) as period_end_date,
        (2015 + figure_number % 10)::integer as fiscal_year,
        'exact' as qualifier,
        'CNY' as unit,
        '' as per_unit,
        -- measures
        (figure_number % 100000) * 1000000.0 as value,
        (figure_number % 100000) * 1000000.0 as value_cny,
        (figure_number % 100000) * 1000000.0 / 6.9 as value_usd,
        6.9 as fx_cny_per_usd,
        1000000.0 as last_digit_unit,
        -- provenance
        (figure_number % 100000)::varchar || ' million yuan' as value_as_written,
        'Generated Cloud ' || (figure_number % 997)::varchar as subject_as_written,
        '' as item_as_written,
        'revenue' as metric_as_written,
        'in ' || (2015 + figure_number % 10)::varchar as period_as_written,
        '' as direction_as_written,
        (1 + figure_number % 50)::integer as paragraph_number,
        'In ' || (2015 + figure_number % 10)::varchar || ', Generated Cloud '
        || (figure_number % 997)::varchar || ' reported revenue of '
        || (figure_number % 100000)::varchar
        || ' million yuan, according to its annual report, as the company kept investing in'
        || ' its public cloud and industry cloud businesses (figure ' || figure_number::varchar || ').'
        as quote,
    from numbered
)

select * from final
