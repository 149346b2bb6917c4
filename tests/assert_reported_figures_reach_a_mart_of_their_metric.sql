{#- Nothing is dropped between fct_figures and the marts: every figure is cited (in a column whose
    name holds figure_id) by at least one mart its metric belongs to (curated_metrics.marts) that
    takes it (curated_marts: a forecast only where forecasts go). int_figures_normalised stops a
    figure that fits no such mart by its entity, period or item before it gets here; this test
    catches what only a mart's own logic decides (a stated share price change with no close to
    belong to). Returns the figures no mart of theirs cites, and the marts the catalogue names that
    this test does not know. On an incremental build it reads the figures of the entities a changed
    cell names, and the rows of those entities of the marts with an entity column (a figure is cited
    by rows of its own entity; the other marts are read whole): an incremental build changes no
    other figure or citation. -#}
{%- set marts = ['fct_figures', 'fct_company_financials', 'fct_company_interim_financials', 'fct_share_price_events',
                 'fct_cdn_nodes', 'fct_price_cuts', 'fct_market_metrics'] %}
{%- for mart in marts %}
-- depends_on: {{ ref(mart) }}
{%- endfor %}
with

-- the columns read, named: with `select *` DuckDB read every column of every figure before the
-- entities filtered them (0.30 s of CPU at 10^6 figures instead of 0.16 s)
figures as (
    select
        published.figure_id,
        published.metric_id,
        published.is_forecast,
        published.entity_id
    from {{ ref('fct_figures') }} as published
    where {{ changed_entities_in_test('published', 'entity_id') }}
),

metrics as (
    select * from {{ ref('dim_metrics') }}
),

mart_rules as (
    select * from {{ ref('stg_curated__marts') }}
),

metric_marts as (
    {{ split_to_rows('metrics', 'metric_id', 'marts', ';') | indent(4) }}
),

-- every mart a metric's figures may be cited in, and whether it takes forecasts
bindings as (
    select
        metric_marts.key as metric_id,
        metric_marts.value as mart,
        mart_rules.takes_forecasts
    from metric_marts
    inner join mart_rules
        on metric_marts.value = mart_rules.mart
),

-- the metrics fct_figures takes: it cites each of their figures by its own row
shown_by_fct_figures as (
    select
        metric_id,
        takes_forecasts
    from bindings
    where mart = 'fct_figures'
),

-- every mart a figure fct_figures does not take may be cited in. The figures fct_figures takes are
-- reached already, and are left out here rather than joined with every citation: at 10^7 figures that
-- join ran out of DuckDB's memory
bound as (
    select
        figures.figure_id,
        figures.metric_id,
        bindings.mart
    from figures
    inner join bindings
        on figures.metric_id = bindings.metric_id
    left join shown_by_fct_figures as shown
        on
            figures.metric_id = shown.metric_id
            and (shown.takes_forecasts or not figures.is_forecast)
    where
        (bindings.takes_forecasts or not figures.is_forecast)
        and shown.metric_id is null
),

-- the bound figures each mart other than fct_figures cites (no figure bound here is bound for
-- fct_figures), distinct once over all of them: only the bound figures' citations are kept, so the
-- distinct and the join below hold those, not every citation of the marts read whole (at 10^7
-- figures an add-one's test took 2.7 CPU s keeping every citation, 1.6 with these)
cited as (
    {%- set selects = [] %}
    {%- for mart in marts if mart != 'fct_figures' %}
        {%- set relation = ref(mart) %}
        {%- set columns = (adapter.get_columns_in_relation(relation) if execute else []) | map(attribute='name') | list %}
        {%- set meta = graph.nodes['model.' ~ project_name ~ '.' ~ mart].config.get('meta') or {} if execute else {} %}
        {%- set entity_column = meta.get('entity_column') or ('entity_id' if 'entity_id' in columns else none) %}
        {%- set condition = changed_entities_in_test('mart_rows', entity_column) | trim if entity_column else 'true' %}
        {%- set rows = relation if condition == 'true' else
            '(select * from ' ~ relation ~ ' as mart_rows where ' ~ condition ~ ') as changed_' ~ mart %}
        {%- for column in columns if 'figure_id' in column %}
            {%- do selects.append("select '" ~ mart ~ "' as mart, value as figure_id from ("
                ~ split_to_rows(rows, "''", column, ', ') ~ ") as " ~ mart ~ "_" ~ column) %}
        {%- endfor %}
    {%- endfor %}
    select distinct
        mart,
        figure_id
    from (
        {{ selects | join('\n        union all\n        ') if selects else "select '' as mart, '' as figure_id where false" }}
    ) as citations
    where figure_id in (select bound.figure_id from bound)
),

-- the bound figures no mart of theirs cites, in one grouped join (a distinct of the reached figures
-- and two IN lists over every figure took twice the CPU at 10^6 figures)
unreached_ids as (
    select bound.figure_id
    from bound
    left join cited
        on
            bound.figure_id = cited.figure_id
            and bound.mart = cited.mart
    group by bound.figure_id
    having count(cited.figure_id) = 0
),

unreached as (
    select
        figures.figure_id,
        figures.metric_id,
        metrics.marts,
        'cited by none of the marts its metric belongs to' as problem
    from figures
    inner join unreached_ids
        on figures.figure_id = unreached_ids.figure_id
    inner join metrics
        on figures.metric_id = metrics.metric_id
),

unknown_marts as (
    select
        cast(null as string) as figure_id,
        key as metric_id,
        value as marts,
        'the catalogue names a mart that is not in seeds/curated/curated_marts.csv or not checked here' as problem
    from metric_marts
    where value not in ('{{ marts | join("', '") }}')
        or value not in (select mart_rules.mart from mart_rules)
),

final as (
    select * from unreached
    union all
    select * from unknown_marts
)

select * from final
