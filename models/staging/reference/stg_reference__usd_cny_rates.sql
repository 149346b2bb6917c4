with

rates as (
    select * from {{ ref('reference_usd_cny_rates') }}
),

final as (
    select
        -- keys
        year as rate_year,

        -- measures
        cny_per_usd,

        -- provenance
        rate_kind,
        publisher,
        document as publication
    from rates
)

select * from final
