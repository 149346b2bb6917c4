{#- The figures of documents [first_document, first_document + documents) of the generated corpus
    (lab/corpus.py renders this template), in the seeds' as-written columns plus `fault` (NULL for a
    good row). The corpus stops at total_figures rows: its last document may be short. Reads the
    tables of lab/sql/corpus_registry.sql (company_alias, market_alias, fx). -#}
with

documents as (
    select
        document,
        'corpus_{{ seed }}_doc_' || lpad(cast(document as varchar), 8, '0') as source_id,
        least({{ figures_per_document }}, {{ total_figures }} - document * {{ figures_per_document }}) as figure_count,
        cast(hash({{ seed }}, 'first company', document) % {{ companies }} as bigint) as company_0,
        cast(hash({{ seed }}, 'market', document) % {{ market_count }} as bigint) as market,
        cast(hash({{ seed }}, 'first cell', document) % {{ cells }} as bigint) as first_cell
    from range({{ first_document }}, {{ first_document + documents }}) as documents(document)
),

with_second_company as (
    select
        *,
        (company_0 + 1 + cast(hash({{ seed }}, 'second company', document) % {{ [companies - 1, 1] | max }} as bigint))
            % {{ companies }} as company_1
    from documents
),

slots as (
    select
        documents.*,
        slot,
        cast(hash({{ seed }}, 'form', document, slot) % 1000000 as bigint) as form_hash,
        cast(hash({{ seed }}, 'fault', document, slot) % 1000000 as bigint) as fault_hash,
        -- slots 1 and 2 are the two ends of a price-cut range when the document has room for both
        case
            when slot = 0 then 'ai_model_count'
            when slot in (1, 2) and figure_count >= 3 then 'price_range'
            when slot = 1 then 'price_bound'
            else 'cell'
        end as slot_kind,
        (first_cell + (slot - 3) * {{ cell_stride }}) % {{ cells }} as cell
    from with_second_company as documents
    cross join range({{ figures_per_document }}) as slots(slot)
    where slot < figure_count
),

cells as (
    select
        *,
        case when cell < {{ company_cells }} then 'company' else 'market' end as entity_kind,
        case
            when cell < {{ company_cells }} and cell // {{ company_metrics | length * years }} = 0 then company_0
            when cell < {{ company_cells }} then company_1
            else market
        end as entity_number,
        case
            when cell < {{ company_cells }} then [{{ company_metrics | sql_list }}][(cell % {{ company_metrics | length * years }}) // {{ years }} + 1]
            else [{{ market_metrics | sql_list }}][(cell - {{ company_cells }}) // {{ years }} + 1]
        end as cell_metric,
        {{ first_year }} + cell % {{ years }} as year
    from slots
),

truths as (
    -- the universe's true figures: functions of (entity, metric, year) only, never of the document
    select
        *,
        20000 + hash('revenue', entity_number, year) % 60000 as revenue_millions,
        20000 + hash('revenue', entity_number, year - 1) % 60000 as prior_revenue_millions,
        40 + hash('public cloud share', entity_number, year) % 21 as public_cloud_percent,
        1000 + hash('net loss', entity_number, year) % 14000 as net_loss_millions,
        800 + hash('rd expense', entity_number, year) % 7200 as rd_expense_millions,
        1000 + hash('cash', entity_number, year) % 49000 as cash_millions,
        200 + hash('cdn nodes', entity_number, year) % 4800 as cdn_nodes,
        500 + hash('market size', entity_number, year) % 49500 as market_size_hundred_millions,
        -100 + cast(hash('market growth', entity_number, year) % 700 as integer) as market_growth_per_mille,
        100 + hash('ai models', entity_number) % 900 as ai_models,
        15 + hash('shallowest cut', document) % 20 as shallowest_cut_percent,
        40 + hash('deepest cut', document) % 51 as deepest_cut_percent,
        cast(hash({{ seed }}, 'price cut', document) % 1000000 as bigint) as price_hash
    from cells
),

amounts as (
    select
        *,
        case cell_metric
            when 'revenue' then revenue_millions
            when 'public_cloud_revenue' then round(revenue_millions * public_cloud_percent / 100)
            when 'industry_cloud_revenue' then revenue_millions - round(revenue_millions * public_cloud_percent / 100)
            when 'net_loss' then net_loss_millions
            when 'rd_expense' then rd_expense_millions
            when 'cash_and_equivalents' then cash_millions
        end as amount_millions,
        revenue_millions / prior_revenue_millions - 1 as revenue_growth
    from truths
),

written as (
    select
        amounts.*,
        fx.cny_per_usd,
        cast(form_hash % 6 as integer) as form,
        case
            when slot_kind = 'ai_model_count' then 'ai_model_count'
            when slot_kind in ('price_range', 'price_bound') then 'price_change'
            else cell_metric
        end as metric_id,
        coalesce(company_alias.alias, market_alias.alias) as subject
    from amounts
    left join fx
        on amounts.year = fx.year
    left join company_alias
        on slot_kind <> 'ai_model_count'
        and (slot_kind <> 'cell' or entity_kind = 'company')
        and company_alias.company = case when slot_kind = 'cell' then entity_number else company_0 end
        and company_alias.alias_number = case when slot_kind = 'cell' then form_hash else price_hash end % 3
    left join market_alias
        on (slot_kind = 'ai_model_count' or (slot_kind = 'cell' and entity_kind = 'market'))
        and market_alias.market = amounts.market
        and market_alias.alias_number = form_hash % 2
),

valued as (
    select
        *,
        case
            when metric_id = 'ai_model_count' then 'so far'
            when metric_id = 'price_change'
                then [{{ months | sql_list }}][1 + price_hash % 12] || ' ' || ({{ first_year }} + price_hash % {{ years }})
            when metric_id = 'cash_and_equivalents' then 'end of ' || year
            else cast(year as varchar)
        end as period,
        case
            when metric_id = 'price_change' then [{{ products | sql_list }}][1 + document % {{ products | length }}]
            else ''
        end as item,
        case
            when metric_id = 'price_change' and slot_kind = 'price_range'
                then shallowest_cut_percent || '% to ' || deepest_cut_percent || '%'
            when metric_id = 'price_change' then 'up to ' || deepest_cut_percent || '%'
            when metric_id = 'ai_model_count' then 'over ' || format('{:,}', ai_models)
            -- segments and revenue: always exact, in CNY, so they add up
            when metric_id in ('revenue', 'public_cloud_revenue', 'industry_cloud_revenue') then
                case form % 3
                    when 0 then printf('%.3f billion yuan', amount_millions / 1000)
                    when 1 then printf('¥%.3f billion', amount_millions / 1000)
                    else 'RMB ' || format('{:,}', cast(amount_millions as bigint)) || ' million'
                end
            when metric_id in ('net_loss', 'rd_expense', 'cash_and_equivalents') then
                case form
                    when 0 then printf('%.3f billion yuan', amount_millions / 1000)
                    when 1 then '¥' || format('{:,}', cast(amount_millions as bigint)) || ' million'
                    when 2 then printf('about %.1f billion yuan', amount_millions / 1000)
                    when 3 then printf('over %.1f billion yuan', floor(amount_millions / 100) / 10)
                    when 4 then printf('nearly %.1f billion yuan', ceil(amount_millions / 100) / 10)
                    else printf('US$%.2f billion', amount_millions / 1000 / cny_per_usd)
                end
            when metric_id = 'revenue_yoy_growth' then printf('%.2f%%', abs(revenue_growth) * 100)
            when metric_id = 'cdn_node_count' then
                case form % 3
                    when 0 then format('{:,}', cdn_nodes)
                    when 1 then 'over ' || format('{:,}', cdn_nodes // 100 * 100)
                    else 'more than ' || format('{:,}', cdn_nodes // 100 * 100)
                end
            when metric_id = 'market_size' then
                case form % 3
                    when 0 then printf('%.1f billion yuan', market_size_hundred_millions / 10)
                    when 1 then 'RMB ' || format('{:,.1f}', market_size_hundred_millions / 10) || ' billion'
                    else printf('$%.2f billion', market_size_hundred_millions / 10 / cny_per_usd)
                end
            when metric_id = 'market_yoy_growth' then printf('%.1f%%', abs(market_growth_per_mille) / 10)
        end as value,
        case
            when metric_id = 'price_change' then ['price cuts', 'discounts'][1 + price_hash % 2]
            when metric_id = 'revenue_yoy_growth' and revenue_growth < 0 then ['decrease', 'decline'][1 + form % 2]
            when metric_id = 'revenue_yoy_growth' then ['increase', 'growth'][1 + form % 2]
            when metric_id = 'market_yoy_growth' and market_growth_per_mille < 0 then 'decline'
            when metric_id = 'market_yoy_growth' then 'growth'
            else ''
        end as direction,
        case metric_id
            when 'revenue' then ['revenue', 'total revenue', 'operating revenue'][1 + form % 3]
            when 'revenue_yoy_growth' then 'revenue year on year'
            when 'net_loss' then ['net loss', 'loss'][1 + form % 2]
            when 'rd_expense' then ['R&D expenditures', 'research and development spending'][1 + form % 2]
            when 'public_cloud_revenue' then 'revenue from public cloud services'
            when 'industry_cloud_revenue' then 'revenue from industry cloud'
            when 'cash_and_equivalents' then 'cash and cash equivalents'
            when 'cdn_node_count' then ['CDN nodes', 'global nodes'][1 + form % 2]
            when 'market_size' then 'market size'
            when 'market_yoy_growth' then 'year-on-year growth'
            when 'ai_model_count' then 'AI mega models released'
            when 'price_change' then 'prices'
        end as metric_words
    from written
),

faulted as (
    select
        *,
        -- never a range end: a bad end would take its good partner down with it
        case
            when slot_kind <> 'price_range' and fault_hash % 1000 < {{ bad_per_mille }}
                then [{{ faults | sql_list }}][1 + (fault_hash // 1000) % {{ faults | length }}]
        end as fault
    from valued
),

final as (
    select
        source_id || '_f' || lpad(cast(slot as varchar), 2, '0') as figure_id,
        source_id,
        cast(1 + slot // 4 as integer) as paragraph_number,
        case when fault = 'unknown_subject' then 'an unnamed cloud vendor' else subject end as subject_as_written,
        item as item_as_written,
        metric_id,
        metric_words as metric_as_written,
        case when fault = 'period_does_not_parse' then 'circa ' || period else period end as period_as_written,
        case
            when fault = 'value_does_not_parse' then 'several ' || value
            when fault = 'unit_does_not_fit'
                and metric_id in ('revenue_yoy_growth', 'market_yoy_growth', 'price_change')
                then '3.5 billion yuan'
            when fault = 'unit_does_not_fit' then '12.5%'
            else value
        end as value_as_written,
        case when slot_kind = 'price_range' then ['first', 'second'][slot] else '' end as range_position,
        case when fault = 'unknown_direction' then 'sideways' else direction end as direction_as_written,
        fault,
        document,
        form_hash
    from faulted
)

select
    figure_id,
    source_id,
    paragraph_number,
    subject_as_written,
    item_as_written,
    metric_id,
    metric_as_written,
    period_as_written,
    value_as_written,
    range_position,
    direction_as_written,
    case
        when metric_id = 'price_change'
            then 'In ' || period_as_written || ', ' || subject_as_written || ' announced ' || direction_as_written
                || ' of ' || value_as_written || ' on its ' || item_as_written || ' ' || metric_as_written || '.'
        when direction_as_written <> ''
            then 'In ' || period_as_written || ', ' || subject_as_written || '''s ' || metric_as_written
                || ' showed '
                || case direction_as_written when 'growth' then '' when 'increase' then 'an ' else 'a ' end
                || direction_as_written || ' of ' || value_as_written || '.'
        when metric_id = 'ai_model_count'
            then 'There are ' || value_as_written || ' ' || metric_as_written || ' in the '
                || subject_as_written || ' ' || period_as_written || '.'
        when metric_id = 'cdn_node_count'
            then 'In ' || period_as_written || ', ' || subject_as_written || ' had ' || value_as_written || ' '
                || metric_as_written || '.'
        else 'In ' || period_as_written || ', ' || subject_as_written || '''s ' || metric_as_written
            || ' was ' || value_as_written || '.'
    end as quote,
    fault
from final
order by document, figure_id
