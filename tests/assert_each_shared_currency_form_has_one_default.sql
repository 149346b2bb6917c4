{#- A currency form several currencies write ("$") means its default currency unless the source's
    local currency writes it too: each form and position needs exactly one default row. Returns the
    forms with none or several. -#}
select
    written_form,
    position,
    sum(case when is_default then 1 else 0 end) as default_count
from {{ ref('vocabulary_currency_forms') }}
group by written_form, position
having sum(case when is_default then 1 else 0 end) <> 1
