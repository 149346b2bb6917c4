-- Price cuts by provider, product and period. Statements of the same cut (the same provider,
-- product, period and change, as many documents of a landed corpus repeat it) are one row, with
-- how many statements gave it and the figures of the first.
with

cuts as (
    select * from marts.fct_price_cuts
),

grouped as (
    select
        provider_id,
        provider_name,
        product_id,
        product_name,
        period_label,
        period_start_date,
        qualifier,
        deepest_price_change_ratio,
        shallowest_price_change_ratio,
        count(*) as statement_count,
        arg_min(value_as_written, price_cut_id) as value_as_written,
        arg_min(figure_ids, price_cut_id) as figure_ids
    from cuts
    group by all
)

select * from grouped
order by deepest_price_change_ratio, provider_name, product_name, period_label
