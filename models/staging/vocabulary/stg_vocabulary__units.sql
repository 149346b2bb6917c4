{#- Every unit a figure can have: a currency code for an amount of money, else its unit kind. -#}
with

currencies as (
    select * from {{ ref('vocabulary_currencies') }}
),

unit_kinds as (
    select * from {{ ref('vocabulary_unit_kinds') }}
),

final as (
    select
        -- keys
        currency_code as unit,

        -- attributes
        'currency' as unit_kind,
        currency_name as description
    from currencies
    union all
    select
        unit_kind as unit,
        unit_kind,
        description
    from unit_kinds
    where not is_currency
)

select * from final
