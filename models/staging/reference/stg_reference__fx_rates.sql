with

rates as (
    select * from {{ ref('reference_fx_rates') }}
),

final as (
    select
        -- keys
        currency_code,
        year as rate_year,

        -- measures
        units_per_usd,

        -- provenance
        rate_kind,
        publisher,
        document as publication
    from rates
)

select * from final
