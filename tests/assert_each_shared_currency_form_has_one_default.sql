{#- A currency form several currencies write ("$") means the source's local currency when that
    currency writes it, else its default: each such form, in each position, needs exactly one
    currency whose default_for names it, and a currency can only be the default for a form it
    writes. Returns the forms that break either rule. -#}
with

currencies as (
    select * from {{ ref('vocabulary_currencies') }}
),

before_forms as (
    {{ split_to_rows('currencies', 'currency_code', 'written_before', ';') | indent(4) }}
),

after_forms as (
    {{ split_to_rows('currencies', 'currency_code', 'written_after', ';') | indent(4) }}
),

-- forms of a hundredth of the currency ("pence", "cents") are written after the number too
hundredth_forms as (
    {{ split_to_rows('currencies', 'currency_code', 'written_after_hundredths', ';') | indent(4) }}
),

defaults as (
    {{ split_to_rows('currencies', 'currency_code', 'default_for', ';') | indent(4) }}
),

forms as (
    select
        key as currency_code,
        value as written_form,
        'before' as position
    from before_forms
    where value <> ''
    union all
    select
        key as currency_code,
        value as written_form,
        'after' as position
    from after_forms
    where value <> ''
    union all
    select
        key as currency_code,
        value as written_form,
        'after' as position
    from hundredth_forms
    where value <> ''
),

shared as (
    select
        forms.written_form,
        forms.position,
        count(*) as currency_count,
        sum(case when defaults.key is not null then 1 else 0 end) as default_count
    from forms
    left join defaults
        on forms.currency_code = defaults.key
        and forms.written_form = defaults.value
    group by forms.written_form, forms.position
),

unwritten_defaults as (
    select
        defaults.key as currency_code,
        defaults.value as written_form
    from defaults
    left join forms
        on defaults.key = forms.currency_code
        and defaults.value = forms.written_form
    where defaults.value <> ''
        and forms.currency_code is null
),

final as (
    select
        written_form,
        position,
        'written by ' || cast(currency_count as string) || ' currencies, the default of '
        || cast(default_count as string) || ' (it needs exactly one)' as problem
    from shared
    where currency_count > 1
        and default_count <> 1
    union all
    select
        written_form,
        '' as position,
        currency_code || ' is the default for a form it does not write' as problem
    from unwritten_defaults
)

select * from final
