-- The floor of `make bench`: what DuckDB alone takes to do the warehouse's work on a landed corpus,
-- with no dbt. The same parsing of values as written, entity resolution, normalisation (sign,
-- qualifier, period, currency), preference among figures stated more than once, the marts that
-- grow with the corpus, and SQL counts of the rows that break the marts' checks.
-- Hand-written for speed: one regular expression evaluation per text (regexp_extract into a
-- struct), no views, no tests beyond the counts at the end.
-- lab/floor.py fills in @@FIGURES@@, @@SOURCES@@, @@ENTITIES@@, @@ALIASES@@ (readers of the
-- landed files) and @@SEEDS@@ (the seeds folder).

create table raw_figures as
select * replace (cast(paragraph_number as integer) as paragraph_number), false as is_curated from @@FIGURES@@
union all by name
select *, true as is_curated, 'seeds/articles/article_figures.csv' as landed_file
from read_csv('@@SEEDS@@/articles/article_figures.csv', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {
    'figure_id': 'varchar', 'source_id': 'varchar', 'paragraph_number': 'integer', 'subject_as_written': 'varchar',
    'item_as_written': 'varchar', 'metric_id': 'varchar', 'metric_as_written': 'varchar',
    'period_as_written': 'varchar', 'value_as_written': 'varchar', 'range_position': 'varchar',
    'direction_as_written': 'varchar', 'quote': 'varchar'});

create table sources as
select source_id, cast(published_date as date) as published_date from @@SOURCES@@
union all
select source_id, published_date
from read_csv('@@SEEDS@@/articles/article_sources.csv', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {
    'source_id': 'varchar', 'title': 'varchar', 'published_date': 'date', 'language': 'varchar',
    'text_path': 'varchar', 'section': 'varchar'});

create table entities as
select entity_id, entity_name, entity_type from @@ENTITIES@@
union all
select entity_id, entity_name, entity_type
from read_csv('@@SEEDS@@/curated/curated_entities.csv', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {
    'entity_id': 'varchar', 'entity_name': 'varchar', 'entity_type': 'varchar', 'parent_entity_id': 'varchar',
    'description': 'varchar'});

create table aliases as
select lower(trim(alias)) as alias_key, entity_id from @@ALIASES@@
union all
select lower(trim(alias)), entity_id
from read_csv('@@SEEDS@@/curated/curated_entity_aliases.csv', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {
    'alias': 'varchar', 'entity_id': 'varchar', 'note': 'varchar'});

create table metrics as
select * from read_csv('@@SEEDS@@/curated/curated_metrics.csv', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {
    'metric_id': 'varchar', 'metric_name': 'varchar', 'unit_kind': 'varchar', 'domain': 'varchar',
    'is_signed_change': 'boolean', 'min_value': 'double', 'max_value': 'double', 'definition': 'varchar',
    'marts': 'varchar'});

create table rates as
select year as rate_year, units_per_usd as cny_per_usd
from read_csv('@@SEEDS@@/reference/reference_fx_rates.csv', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {
    'currency_code': 'varchar', 'year': 'integer', 'units_per_usd': 'double', 'rate_kind': 'varchar', 'publisher': 'varchar',
    'document': 'varchar'})
where currency_code = 'CNY';

-- parse, resolve and normalise in one pass
create table figures as
with

texts as (
    select
        *,
        lower(trim(value_as_written)) as value_text,
        coalesce(lower(trim(range_position)), '') as position,
        regexp_extract(lower(trim(value_as_written)), '^([^0-9]*[0-9][^ ]*(?: +[a-z]+)?) +to +(.+)$', ['first', 'second'])
            as range_parts
    from raw_figures
),

parts as (
    select
        *,
        regexp_extract(
            case position when 'first' then range_parts.first when 'second' then range_parts.second else value_text end,
            '^(?:(over|more than|exceeding|exceeded|nearly|about|approximately|around|up to|only) +)?([$¥]|us[$] *|(?:rmb|cny|usd) +)?((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:[.][0-9]+)?)(%)?(?: +(thousand|million|billion|trillion))?(?: +(yuan|rmb|cny|usd|dollars))?(?: +per +(share|run))?$',
            ['qualifier', 'symbol', 'number', 'percent', 'scale', 'word', 'per_unit']
        ) as own,
        regexp_extract(
            case when range_parts.second = '' then value_text else range_parts.second end,
            '^(?:(over|more than|exceeding|exceeded|nearly|about|approximately|around|up to|only) +)?([$¥]|us[$] *|(?:rmb|cny|usd) +)?((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:[.][0-9]+)?)(%)?(?: +(thousand|million|billion|trillion))?(?: +(yuan|rmb|cny|usd|dollars))?(?: +per +(share|run))?$',
            ['qualifier', 'symbol', 'number', 'percent', 'scale', 'word', 'per_unit']
        ) as last
    from texts
),

inherited as (
    select
        *,
        position = 'first' and own.symbol = '' and own.word = '' as inherits_currency,
        case when position = 'first' and own.percent = '' then last.percent else own.percent end as percent_sign,
        case when position = 'first' and own.scale = '' then last.scale else own.scale end as scale_word
    from parts
),

parsed as (
    select
        *,
        case when inherits_currency then trim(last.symbol) else trim(own.symbol) end as symbol,
        case when inherits_currency then last.word else own.word end as word,
        case own.qualifier
            when '' then 'exact' when 'only' then 'exact' when 'up to' then 'upper_bound'
            when 'nearly' then 'approx' when 'about' then 'approx' when 'approximately' then 'approx'
            when 'around' then 'approx' else 'lower_bound'
        end as stated_qualifier,
        case
            when coalesce(direction_as_written, '') = '' then 0
            when lower(trim(direction_as_written)) in (
                'decrease', 'decreased', 'decline', 'declined', 'declining', 'declines', 'fell', 'fall',
                'down', 'plummets', 'plummeted', 'plunges', 'plunged', 'dropping', 'dropped',
                'slashing', 'slashed', 'price cuts', 'cut', 'discounts', 'reduced', 'reduction') then -1
            when lower(trim(direction_as_written)) in (
                'increase', 'increased', 'growth', 'grew', 'surged', 'rose', 'up', 'rising') then 1
        end as direction_sign,
        cast(
            cast(replace(nullif(own.number, ''), ',', '') as decimal(18, 6))
            * (
                cast(case scale_word when 'thousand' then 1000 when 'million' then 1000000
                    when 'billion' then 1000000000 when 'trillion' then 1000000000000 else 1 end as decimal(24, 6))
                * cast(case when percent_sign = '%' then 0.01 else 1 end as decimal(24, 6))
            )
            as double
        ) as magnitude
    from inherited
),

coded as (
    select
        *,
        case
            when symbol = '' and word = '' then ''
            when symbol in ('¥', 'rmb', 'cny', '') and word in ('yuan', 'rmb', 'cny', '') then 'CNY'
            when symbol in ('$', 'us$', 'usd', '') and word in ('usd', 'dollars', '') then 'USD'
            else 'conflict'
        end as currency_code,
        magnitude * case when direction_sign = -1 then -1 else 1 end as value,
        lower(trim(coalesce(period_as_written, ''))) as period_text
    from parsed
),

matched as (
    select figure_id, count(*) as match_count, min(aliases.entity_id) as entity_id
    from coded
    inner join aliases on lower(trim(coded.subject_as_written)) = aliases.alias_key
    group by figure_id
),

joined as (
    select
        coded.*,
        matched.entity_id,
        coalesce(matched.match_count, 0) as match_count,
        entities.entity_name,
        metrics.unit_kind,
        metrics.domain,
        metrics.is_signed_change,
        sources.source_id as registered_source_id,
        sources.published_date,
        regexp_extract(period_text, '^(?:by +)?([0-9]{4})$|^(?:the )?end of ([0-9]{4})$|^(first|second) half of ([0-9]{4})$|^(january|february|march|april|may|june|july|august|september|october|november|december) ([0-9]{4})$|^(so far|now|currently|today)$|^(initially|previously|earlier|within a few years of .+)$|^([0-9]{4}) to ([0-9]{4})$|^(january|february|march|april|may|june|july|august|september|october|november|december) ([0-9]{1,2}), ([0-9]{4})$',
            ['fy', 'ye', 'half', 'hy', 'month', 'my', 'now', 'before', 'span_first', 'span_last', 'dmonth', 'day', 'dyear']) as p
    from coded
    left join matched on coded.figure_id = matched.figure_id
    left join entities on matched.entity_id = entities.entity_id
    left join metrics on coded.metric_id = metrics.metric_id
    left join sources on coded.source_id = sources.source_id
),

periods as (
    select
        *,
        case
            when period_text = '' then 'unstated'
            when p.fy <> '' then 'fiscal_year'
            when p.ye <> '' then 'year_end'
            when p.hy <> '' then 'half_year'
            when p.my <> '' then 'month'
            when p.dyear <> '' then 'date'
            when p.span_last <> '' then 'span'
            when p.now <> '' then 'as_of_publication'
            when p.before <> '' then 'before_publication'
        end as period_type,
        cast(nullif(p.fy || p.ye || p.hy || p.my || p.dyear || p.span_last, '') as integer) as stated_year
    from joined
),

checked as (
    select
        *,
        case when period_type = 'as_of_publication' then year(published_date) else stated_year end as fiscal_year,
        case period_type
            when 'fiscal_year' then 'FY' || stated_year
            when 'year_end' then stated_year || '-12-31'
            when 'half_year' then stated_year || case when p.half = 'first' then '-H1' else '-H2' end
            when 'month' then strftime(strptime(p.month || ' ' || stated_year, '%B %Y'), '%Y-%m')
            when 'date' then strftime(strptime(p.dmonth || ' ' || p.day || ' ' || stated_year, '%B %d %Y'), '%Y-%m-%d')
            when 'span' then 'FY' || p.span_first || '-FY' || stated_year
            when 'as_of_publication' then 'as of ' || published_date
            when 'before_publication' then 'before ' || published_date
            when 'unstated' then 'unstated'
        end as period_label
    from periods
),

range_groups as (
    select
        source_id, paragraph_number, entity_id, metric_id, period_as_written, value_as_written,
        count(*) as range_rows,
        min(value) as range_min,
        max(value) as range_max,
        count(*) filter (where position = 'first') as range_firsts
    from periods
    where position <> ''
    group by all
),

ranged as (
    select checked.*, range_rows, range_min, range_max, range_firsts
    from checked
    left join range_groups
        on checked.source_id = range_groups.source_id
        and checked.paragraph_number is not distinct from range_groups.paragraph_number
        and checked.entity_id is not distinct from range_groups.entity_id
        and checked.metric_id = range_groups.metric_id
        and checked.period_as_written is not distinct from range_groups.period_as_written
        and checked.value_as_written = range_groups.value_as_written
),

rejected as (
    select
        *,
        case
            when position not in ('', 'first', 'second') then 'range_position must be empty, first or second'
            when position <> '' and range_parts.second = '' then 'range_position is set but the value states no range'
            when position = '' and range_parts.second <> '' then 'the value states a range: give one row per end'
            when own.number = '' then 'value ''' || value_as_written || ''' does not parse'
            when currency_code = 'conflict' then 'currency symbol and currency word disagree'
            when registered_source_id is null then 'source_id is not registered'
            when match_count = 0 then 'subject matches no alias'
            when match_count > 1 then 'subject matches more than one entity'
            when entity_name is null then 'alias points to an unknown entity'
            when unit_kind is null then 'metric_id is not in the catalogue'
            when direction_sign is null then 'unknown direction word'
            when is_signed_change and direction_sign = 0 then 'a change needs a direction'
            when not is_signed_change and direction_sign <> 0 then 'not a change: no direction'
            when unit_kind = 'currency' and (currency_code = '' or percent_sign = '%') then 'amount needs a currency'
            when unit_kind = 'ratio' and (percent_sign <> '%' or currency_code <> '') then 'ratio needs a percentage'
            when unit_kind = 'count' and (percent_sign = '%' or currency_code <> '') then 'count needs a plain number'
            when unit_kind = 'count' and magnitude <> floor(magnitude) then 'count needs a whole number'
            when period_type is null then 'period matches no pattern'
            when position <> '' and (range_rows <> 2 or range_firsts <> 1) then 'a range needs exactly two rows'
        end as rejection_reason
    from ranged
)

select
    rejected.figure_id,
    rejected.source_id,
    rejected.entity_id,
    rejected.metric_id,
    rejected.domain,
    rejected.period_type,
    rejected.period_label,
    rejected.fiscal_year,
    case
        when position <> '' and value = range_min and (range_min < range_max or position = 'first') then 'range_low'
        when position <> '' then 'range_high'
        when direction_sign = -1 and stated_qualifier = 'lower_bound' then 'upper_bound'
        when direction_sign = -1 and stated_qualifier = 'upper_bound' then 'lower_bound'
        else stated_qualifier
    end as qualifier,
    case when unit_kind = 'currency' then currency_code else unit_kind end as unit,
    rejected.paragraph_number,
    rejected.item_as_written,
    rejected.value_as_written,
    case when rejection_reason is null then value end as value,
    case currency_code when 'CNY' then value when 'USD' then value * rates.cny_per_usd end as value_cny,
    case currency_code when 'USD' then value when 'CNY' then value / rates.cny_per_usd end as value_usd,
    rejected.quote,
    rejected.landed_file,
    rejected.is_curated,
    rejected.rejection_reason
from rejected
left join rates on rejected.fiscal_year = rates.rate_year;

create table audit_rejected_figures as
select figure_id, source_id, landed_file, value_as_written, rejection_reason
from figures
where rejection_reason is not null;

create table fct_figures as
select * exclude (rejection_reason) from figures where rejection_reason is null;

-- the figure that speaks for each entity, metric and period, with every figure stated for it
create table preferred as
with

cells as (
    select
        entity_id,
        metric_id,
        period_label,
        count(*) as stated_figure_count,
        array_to_string(list_sort(list(figure_id)), ', ') as figure_ids
    from fct_figures
    where qualifier not in ('range_low', 'range_high')
    group by all
),

-- ranked on the key columns only (a window over every column does not fit in memory at 10^7 figures),
-- then the chosen figure is joined back
-- the pipeline's rule (int_figures_preferred): curated before landed, then the latest published_date,
-- the smallest source_id, then exact before approximate before a bound, the earliest paragraph
chosen as (
    select fct_figures.figure_id
    from fct_figures
    left join sources on fct_figures.source_id = sources.source_id
    where fct_figures.qualifier not in ('range_low', 'range_high')
    qualify row_number() over (
        partition by fct_figures.entity_id, fct_figures.metric_id, fct_figures.period_label
        order by
            case when fct_figures.is_curated then 1 else 2 end,
            sources.published_date desc nulls last,
            fct_figures.source_id,
            case fct_figures.qualifier when 'exact' then 1 when 'approx' then 2 else 3 end,
            fct_figures.paragraph_number,
            fct_figures.figure_id
    ) = 1
)

select fct_figures.*, cells.stated_figure_count, cells.figure_ids
from fct_figures
inner join chosen using (figure_id)
inner join cells using (entity_id, metric_id, period_label);

create table fct_company_financials as
with annual as (
    select
        entity_id as company_id,
        fiscal_year,
        max(value_cny) filter (where metric_id = 'revenue') as revenue_cny,
        max(value_usd) filter (where metric_id = 'revenue') as revenue_usd,
        max(value_cny) filter (where metric_id = 'net_loss') as net_loss_cny,
        max(value_cny) filter (where metric_id = 'public_cloud_revenue') as public_cloud_revenue_cny,
        max(value_cny) filter (where metric_id = 'industry_cloud_revenue') as stated_industry_cloud_revenue_cny,
        max(value_cny) filter (where metric_id = 'rd_expense') as rd_expense_cny,
        max(value_cny) filter (where metric_id = 'cash_and_equivalents') as cash_and_equivalents_cny,
        max(value) filter (where metric_id = 'revenue_yoy_growth') as stated_revenue_yoy_growth_ratio,
        array_to_string(list_sort(list(figure_ids)), ', ') as figure_ids
    from preferred
    where domain = 'financials' and period_type in ('fiscal_year', 'year_end')
        and metric_id in ('revenue', 'net_loss', 'public_cloud_revenue', 'industry_cloud_revenue', 'rd_expense',
                          'cash_and_equivalents', 'revenue_yoy_growth')
    group by all
),
spine as (
    select company_id, unnest(range(min(fiscal_year), max(fiscal_year) + 1)) as fiscal_year
    from annual
    group by company_id
)
select
    spine.company_id,
    spine.fiscal_year,
    annual.* exclude (company_id, fiscal_year),
    coalesce(stated_industry_cloud_revenue_cny, revenue_cny - public_cloud_revenue_cny) as industry_cloud_revenue_cny,
    revenue_cny / lag(revenue_cny) over (partition by spine.company_id order by spine.fiscal_year) - 1
        as revenue_yoy_growth_ratio,
    public_cloud_revenue_cny / revenue_cny as public_cloud_share_ratio,
    rd_expense_cny / revenue_cny as rd_intensity_ratio,
    net_loss_cny / revenue_cny as net_loss_margin_ratio,
    rates.cny_per_usd
from spine
left join annual on spine.company_id = annual.company_id and spine.fiscal_year = annual.fiscal_year
left join rates on spine.fiscal_year = rates.rate_year
inner join entities on spine.company_id = entities.entity_id
where entities.entity_type in ('company', 'cloud_provider', 'investor', 'publisher');

create table fct_cloud_revenue as
with annual as (
    select
        entity_id as provider_id,
        fiscal_year,
        max(value_cny) filter (where metric_id = 'revenue') as revenue_cny,
        max(value) filter (where metric_id = 'revenue_yoy_growth') as stated_yoy_growth_ratio
    from preferred
    where metric_id in ('revenue', 'revenue_yoy_growth') and period_type = 'fiscal_year'
    group by all
)
select
    current_year.*,
    current_year.revenue_cny / (1 + current_year.stated_yoy_growth_ratio) as implied_prior_year_revenue_cny,
    current_year.revenue_cny / prior_year.revenue_cny - 1 as computed_yoy_growth_ratio,
    rank() over (partition by current_year.fiscal_year order by current_year.revenue_cny desc) as revenue_rank
from annual as current_year
left join annual as prior_year
    on current_year.provider_id = prior_year.provider_id and current_year.fiscal_year = prior_year.fiscal_year + 1;

create table fct_cdn_nodes as
select
    entity_id as provider_id,
    fiscal_year,
    cast(value as bigint) as node_count,
    rank() over (partition by fiscal_year order by value desc) as node_count_rank,
    figure_id,
    figure_ids
from preferred
where metric_id = 'cdn_node_count';

-- statements: a single figure, or the two ends of a range
create table statements as
select
    figure_id as statement_id, source_id, entity_id, metric_id, domain, period_label, unit, item_as_written,
    value as value_low, value as value_high, figure_id as figure_ids, quote
from fct_figures
where qualifier not in ('range_low', 'range_high')
union all
select
    min(figure_id), source_id, entity_id, metric_id, domain, period_label, unit, any_value(item_as_written),
    min(value), max(value), array_to_string(list_sort(list(figure_id)), ', '), any_value(quote)
from fct_figures
where qualifier in ('range_low', 'range_high')
group by source_id, paragraph_number, entity_id, metric_id, domain, period_label, unit, value_as_written;

create table fct_market_metrics as
select * from statements where domain = 'market';

create table fct_price_cuts as
select
    statements.statement_id || '__' || aliases.entity_id as price_cut_id,
    statements.*,
    aliases.entity_id as product_id
from statements
inner join aliases on lower(trim(statements.item_as_written)) = aliases.alias_key
where statements.metric_id = 'price_change';

create table dim_sources as
select source_id, count(*) as figure_count from fct_figures group by source_id;

-- the marts' checks, as counts of violating rows
create table check_counts as
select 'fct_figures: duplicate figure_id' as check_name, count(*) - count(distinct figure_id) as violations from fct_figures
union all
select 'fct_figures: value outside 0..1e13 or unknown unit', count(*) from fct_figures
where unit not in ('CNY', 'USD', 'ratio', 'count') or abs(value) > 1e13
union all
select 'fct_company_financials: duplicate company-year',
    count(*) - count(distinct (company_id, fiscal_year)) from fct_company_financials
union all
select 'fct_company_financials: segments do not add up', count(*) from fct_company_financials
where abs(public_cloud_revenue_cny + industry_cloud_revenue_cny - revenue_cny) > 1e-9 * revenue_cny
union all
select 'fct_company_financials: ratios out of range', count(*) from fct_company_financials
where public_cloud_share_ratio not between 0 and 1 or rd_intensity_ratio not between 0 and 1
    or net_loss_margin_ratio not between 0 and 5 or revenue_yoy_growth_ratio not between -1 and 5
union all
select 'fct_cloud_revenue: duplicate provider-year',
    count(*) - count(distinct (provider_id, fiscal_year)) from fct_cloud_revenue
union all
select 'fct_price_cuts: shallowest below deepest', count(*) from fct_price_cuts where value_high < value_low
union all
select 'fct_market_metrics: high below low', count(*) from fct_market_metrics where value_high < value_low;
