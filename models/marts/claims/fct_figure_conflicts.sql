{#- Pairs of figures that disagree, with both quotes:
      - same_value_different_metric: one source gives the same number for the same entity and period
        under two metrics (a loss called "net loss" in one place and "operating losses" in another);
      - different_value_same_metric: one source gives two numbers for the same entity, metric and
        period whose allowed values do not overlap (a test stops the build on these);
      - different_value_across_sources: two sources state the same fact (entity, metric, period, in
        the same unit) with values that cannot both hold, each allowed the rounding of its last digit
        and its qualifier (the claim_band rule). The marts use the figure int_figures_preferred picks
        (preferred_figure_id): the curated article over landed files, then the latest published_date,
        then the smallest source_id. -#}
{#- Incremental on DuckDB: a pair changes only when its source changed (int_changed_sources) or a cell
    it names changed (int_changed_cells: the figures of a fact across sources, the preferred figure).
    An incremental build deletes those pairs and computes them again from the statements of the
    sources they involve and the figures of the changed cells. Every such pair is of an entity a
    changed cell names, so its tests and the publish read the rows of those entities (meta). -#}
{{ config(
    materialized=per_source_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ delete_changed_conflicts() }}",
    meta={'kept_per': 'entity', 'entity_column': 'entity_id'},
) }}
-- depends_on: {{ ref('int_changed_sources') }}
-- depends_on: {{ ref('int_changed_cells') }}

with

{% if is_incremental() %}
-- the statements whose within-source pairs may change: every pair recomputed is of a changed source
-- or names a changed cell, and both of its statements share its entity and period; every statement
-- of a changed source states a changed cell (int_changed_cells holds each cell a changed source
-- states). So the statements of a changed cell's entity and period hold every such pair: one scan
-- of the few rows of the changed entities, where listing the touched sources first read every
-- statement twice
statements as (
    select
        kept.statement_id,
        kept.source_id,
        kept.entity_id,
        kept.metric_id,
        kept.period_label,
        kept.period_type,
        kept.unit,
        kept.per_unit,
        kept.qualifier,
        kept.value_as_written,
        kept.value_low,
        kept.value_high,
        kept.qualifier_word,
        kept.last_digit_unit,
        kept.paragraph_number
    from {{ ref('int_figure_statements') }} as kept
    where kept.entity_id in (select cells_entities.entity_id from {{ ref('int_changed_cells') }} as cells_entities)
        and exists (
            select 1 from {{ ref('int_changed_cells') }} as changed_cells
            where changed_cells.entity_id = kept.entity_id
                and changed_cells.period_label is not distinct from kept.period_label
        )
),
{% else %}
{# the columns the pairing reads: the quotes are joined to the few conflicting pairs at the end
   (DuckDB keeps this CTE, read twice, in memory; with every column it held every quote) -#}
statements as (
    select
        statement_id,
        source_id,
        entity_id,
        metric_id,
        period_label,
        period_type,
        unit,
        per_unit,
        qualifier,
        value_as_written,
        value_low,
        value_high
    from {{ ref('int_figure_statements') }}
),
{% endif %}

{% if is_incremental() %}
-- the single figures of the changed cells, compared across sources: the statements of one figure (a
-- range's two figures are compared as its statement, within its source), read from the statements
-- above, not from every figure again (at 10^7 figures a second scan of as many rows: an add-one's
-- query 1.8-2.6 -> 0.9 CPU s). A single figure's statement keeps its figure_id, qualifier word and
-- last digit's unit; its one value is its interval's end
figures as (
    select
        single_statements.statement_id as figure_id,
        single_statements.source_id,
        single_statements.entity_id,
        single_statements.metric_id,
        single_statements.period_label,
        single_statements.unit,
        single_statements.per_unit,
        single_statements.value_as_written,
        single_statements.paragraph_number,
        single_statements.qualifier,
        single_statements.qualifier_word,
        single_statements.last_digit_unit,
        coalesce(single_statements.value_low, single_statements.value_high) as value
    from statements as single_statements
    where single_statements.qualifier not in ('range', 'range_low', 'range_high')
        and single_statements.period_type <> 'unstated'
        and {{ changed_cells_condition('single_statements') }}
),
{% else %}
{# a full build reads them from the figures: the statements above, kept in memory for the pairs within
   a source, stay as narrow as they are -#}
figures as (
    select * from {{ ref('int_figures_normalised') }}
    where rejection_reason is null
        and qualifier not in ('range_low', 'range_high')
        and period_type <> 'unstated'
),
{% endif %}

preferred as (
    select * from {{ ref('int_figures_preferred') }}
),

within_source_pairs as (
    select
        first_statement.statement_id as first_statement_id,
        second_statement.statement_id as second_statement_id,
        first_statement.entity_id,
        first_statement.period_label,
        first_statement.source_id as first_source_id,
        second_statement.source_id as second_source_id,
        first_statement.metric_id as first_metric_id,
        second_statement.metric_id as second_metric_id,
        first_statement.value_as_written as first_value_as_written,
        second_statement.value_as_written as second_value_as_written,
        first_statement.value_low as first_value_low,
        first_statement.value_high as first_value_high,
        second_statement.value_low as second_value_low,
        second_statement.value_high as second_value_high,
        case
            when first_statement.metric_id <> second_statement.metric_id
                and first_statement.qualifier = 'exact' and second_statement.qualifier = 'exact'
                and first_statement.value_low = second_statement.value_low
                then 'same_value_different_metric'
            when first_statement.metric_id = second_statement.metric_id
                and (
                    first_statement.value_high < second_statement.value_low
                    or second_statement.value_high < first_statement.value_low
                )
                then 'different_value_same_metric'
        end as conflict_kind
    from statements as first_statement
    inner join statements as second_statement
        on first_statement.source_id = second_statement.source_id
        and first_statement.entity_id = second_statement.entity_id
        and first_statement.period_label = second_statement.period_label
        and first_statement.unit = second_statement.unit
        -- a price per share and a total are different quantities, even of one metric
        and first_statement.per_unit = second_statement.per_unit
        and first_statement.statement_id < second_statement.statement_id
    where first_statement.period_type <> 'unstated'
),

conflicting_statement_pairs as (
    select * from within_source_pairs
    where conflict_kind is not null
        and {{ changed_conflicts_condition('within_source_pairs') }}
),

-- the quotes, paragraphs and figures of the statements of those pairs
paired_statements as (
    select
        statement_id,
        quote,
        paragraph_number,
        figure_ids
    from {{ ref('int_figure_statements') }}
    where statement_id in (
        select conflicting_statement_pairs.first_statement_id from conflicting_statement_pairs
        union
        select conflicting_statement_pairs.second_statement_id from conflicting_statement_pairs
    )
),

within_source_conflicts as (
    select
        pairs.first_statement_id,
        pairs.second_statement_id,
        pairs.entity_id,
        pairs.period_label,
        pairs.first_source_id,
        pairs.second_source_id,
        pairs.first_metric_id,
        pairs.second_metric_id,
        pairs.first_value_as_written,
        pairs.second_value_as_written,
        pairs.first_value_low,
        pairs.first_value_high,
        pairs.second_value_low,
        pairs.second_value_high,
        first_statement.quote as first_quote,
        second_statement.quote as second_quote,
        first_statement.paragraph_number as first_paragraph_number,
        second_statement.paragraph_number as second_paragraph_number,
        first_statement.figure_ids as first_figure_ids,
        second_statement.figure_ids as second_figure_ids,
        pairs.conflict_kind
    from conflicting_statement_pairs as pairs
    inner join paired_statements as first_statement
        on pairs.first_statement_id = first_statement.statement_id
    inner join paired_statements as second_statement
        on pairs.second_statement_id = second_statement.statement_id
),

-- each figure with the band of values it allows (rounding of its last digit, its qualifier)
banded as (
    select
        figure_id,
        source_id,
        entity_id,
        metric_id,
        period_label,
        unit,
        per_unit,
        value_as_written,
        paragraph_number,
        {{ claim_band('low', 'qualifier', 'qualifier_word', 'value', 'last_digit_unit') }} as band_low,
        {{ claim_band('high', 'qualifier', 'qualifier_word', 'value', 'last_digit_unit') }} as band_high
    from figures
),

-- facts whose bands do not all overlap and that more than one source states: only these are
-- paired, so agreeing sources cost one aggregation, not a join of every pair
disputed_facts as (
    select
        entity_id,
        metric_id,
        period_label,
        unit,
        per_unit
    from banded
    group by entity_id, metric_id, period_label, unit, per_unit
    having count(distinct source_id) > 1 and max(band_low) > min(band_high)
),

-- the quotes, kept in int_figures_resolved alone (not copied through the tables between), joined
-- to the disputed figures only
quotes as (
    {{ accepted_quotes(changed_only=false) }}
),

disputed as (
    select
        banded.*,
        quotes.quote
    from banded
    inner join disputed_facts
        on banded.entity_id = disputed_facts.entity_id
        and banded.metric_id = disputed_facts.metric_id
        and banded.period_label = disputed_facts.period_label
        and banded.unit = disputed_facts.unit
        and banded.per_unit = disputed_facts.per_unit
    inner join quotes
        on banded.figure_id = quotes.figure_id
),

across_source_pairs as (
    select
        first_figure.figure_id as first_statement_id,
        second_figure.figure_id as second_statement_id,
        first_figure.entity_id,
        first_figure.period_label,
        first_figure.source_id as first_source_id,
        second_figure.source_id as second_source_id,
        first_figure.metric_id as first_metric_id,
        second_figure.metric_id as second_metric_id,
        first_figure.value_as_written as first_value_as_written,
        second_figure.value_as_written as second_value_as_written,
        first_figure.band_low as first_value_low,
        first_figure.band_high as first_value_high,
        second_figure.band_low as second_value_low,
        second_figure.band_high as second_value_high,
        first_figure.quote as first_quote,
        second_figure.quote as second_quote,
        first_figure.paragraph_number as first_paragraph_number,
        second_figure.paragraph_number as second_paragraph_number,
        first_figure.figure_id as first_figure_ids,
        second_figure.figure_id as second_figure_ids,
        'different_value_across_sources' as conflict_kind
    from disputed as first_figure
    inner join disputed as second_figure
        on first_figure.entity_id = second_figure.entity_id
        and first_figure.metric_id = second_figure.metric_id
        and first_figure.period_label = second_figure.period_label
        and first_figure.unit = second_figure.unit
        and first_figure.per_unit = second_figure.per_unit
        and first_figure.source_id < second_figure.source_id
    where first_figure.band_high < second_figure.band_low
        or second_figure.band_high < first_figure.band_low
),

pairs as (
    select * from within_source_conflicts
    union all
    select * from across_source_pairs
),

final as (
    select
        -- keys
        pairs.first_statement_id || '__' || pairs.second_statement_id as conflict_id,
        pairs.first_statement_id,
        pairs.second_statement_id,
        pairs.entity_id,
        pairs.first_source_id,
        pairs.second_source_id,

        -- attributes
        pairs.conflict_kind,
        pairs.period_label,
        pairs.first_metric_id,
        pairs.second_metric_id,
        pairs.first_value_as_written,
        pairs.second_value_as_written,
        preferred.figure_id as preferred_figure_id,

        -- measures
        pairs.first_value_low,
        pairs.first_value_high,
        pairs.second_value_low,
        pairs.second_value_high,

        -- provenance
        pairs.first_figure_ids,
        pairs.second_figure_ids,
        pairs.first_paragraph_number,
        pairs.second_paragraph_number,
        pairs.first_quote,
        pairs.second_quote
    from pairs
    -- a preferred figure only for pairs of one metric: both metrics equal to the preferred figure's
    -- (a condition on the pair's two columns alone would stop DuckDB from using a hash join)
    left join preferred
        on pairs.entity_id = preferred.entity_id
        and pairs.first_metric_id = preferred.metric_id
        and pairs.second_metric_id = preferred.metric_id
        and pairs.period_label = preferred.period_label
)

select * from final
