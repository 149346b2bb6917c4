{#- One row per claim an article makes about its own numbers, recomputed from the figures of its
    own source (or of the source its row names), never from another article's, and judged; the words
    that explain the verdict are fct_claim_checks'. What a kind of claim compares is data (the
    curated_claim_kinds seed, carried here by int_claims_resolved); this model has one computation
    per value of the seed's columns:
      - compared_with: what the claim's value (its metric, entity and period) is compared with: one
        value (prior_period, span_start, reference_metric, reference_metric_any_period), a set of
        values (later_years, other_years, other_periods, peers, yearly_changes), or nothing;
      - operation: growth, annual_growth, ratio or difference of the claim's value and one compared
        value; max or min of a set; value for the claim's value alone; times result_scale;
      - stated_value_from and verdict_test: the computed value is judged against the stated figure,
        the threshold or the claim's own value (against zero when nothing is stated): within the
        band the stated value allows (the claim_band macro's rule), above, at_least, below, at_most.
    The figures come from int_claim_figures (one per source and cell): every CTE here that reads them
    reads that small table, not the normalised figures again, and joins them to the claim through
    the claim_figure_matches macro (the claim's figures source, entity and metric). -#}
with

claims as (
    select * from {{ ref('int_claims_resolved') }}
),

rates as (
    select * from {{ ref('stg_reference__fx_rates') }}
),

-- one figure per source, entity, metric and period (int_claim_figures chooses it)
figures as (
    select * from {{ ref('int_claim_figures') }}
),

annual as (
    select
        source_id,
        entity_id,
        metric_id,
        fiscal_year,
        max(value) as value,
        max(unit) as unit
    from figures
    where period_type in ('fiscal_year', 'year_end')
    group by source_id, entity_id, metric_id, fiscal_year
),

latest as (
    select
        source_id,
        entity_id,
        metric_id,
        value,
        unit,
        row_number() over (partition by source_id, entity_id, metric_id order by period_end_date desc) as recency_rank
    from figures
    where period_end_date is not null
),

references_any_period as (
    select
        claims.claim_id,
        max(figures.value) as value,
        max(figures.unit) as unit
    from claims
    inner join figures
        on {{ claim_figure_matches('figures', 'reference_metric_id') }}
    where claims.compared_with = 'reference_metric_any_period'
    group by claims.claim_id
),

-- the claim's value and the one value it is compared with
operands as (
    select
        claims.claim_id,
        coalesce(
            case when claims.period_type = 'unstated' then latest.value end,
            case when claims.period_type in ('fiscal_year', 'span', 'year_end') then annual.value end,
            same_period.value
        ) as current_value,
        coalesce(
            case when claims.period_type = 'unstated' then latest.unit end,
            annual.unit,
            same_period.unit
        ) as current_unit,
        case claims.compared_with
            when 'prior_period' then prior_period.value
            when 'span_start' then first_year.value
            when 'reference_metric' then coalesce(
                case when claims.period_type in ('fiscal_year', 'span', 'year_end') then reference_annual.value end,
                reference_same_period.value
            )
            when 'reference_metric_any_period' then references_any_period.value
        end as compared_value,
        case claims.compared_with
            when 'prior_period' then prior_period.unit
            when 'span_start' then first_year.unit
            when 'reference_metric' then coalesce(reference_annual.unit, reference_same_period.unit)
            when 'reference_metric_any_period' then references_any_period.unit
        end as compared_unit,
        case claims.compared_with
            when 'prior_period' then 1
            when 'span_start' then claims.fiscal_year - claims.period_first_year
        end as years_between
    from claims
    left join latest
        on {{ claim_figure_matches('latest') }}
        and latest.recency_rank = 1
    left join annual
        on {{ claim_figure_matches('annual') }}
        and claims.fiscal_year = annual.fiscal_year
    left join figures as same_period
        on {{ claim_figure_matches('same_period') }}
        and claims.period_label = same_period.period_label
    left join figures as prior_period
        on claims.compared_with = 'prior_period'
        and {{ claim_figure_matches('prior_period') }}
        and claims.period_type = prior_period.period_type
        and claims.fiscal_year - 1 = prior_period.fiscal_year
        and replace(claims.period_label, cast(claims.fiscal_year as string), '')
        = replace(prior_period.period_label, cast(prior_period.fiscal_year as string), '')
    left join annual as first_year
        on claims.compared_with = 'span_start'
        and {{ claim_figure_matches('first_year') }}
        and claims.period_first_year = first_year.fiscal_year
    left join annual as reference_annual
        on claims.compared_with = 'reference_metric'
        and {{ claim_figure_matches('reference_annual', 'reference_metric_id') }}
        and claims.fiscal_year = reference_annual.fiscal_year
    left join figures as reference_same_period
        on claims.compared_with = 'reference_metric'
        and {{ claim_figure_matches('reference_same_period', 'reference_metric_id') }}
        and claims.period_label = reference_same_period.period_label
    left join references_any_period
        on claims.claim_id = references_any_period.claim_id
),

-- the change from each year of a span to the next, for yearly_changes
yearly_changes as (
    select
        claims.claim_id,
        claims.fiscal_year - claims.period_first_year + 1 as expected_year_count,
        annual.value / lag(annual.value) over (partition by claims.claim_id order by annual.fiscal_year) - 1
            as change_ratio
    from claims
    inner join annual
        on {{ claim_figure_matches('annual') }}
        and annual.fiscal_year between claims.period_first_year and claims.fiscal_year
    where claims.compared_with = 'yearly_changes'
),

-- a trend is judged only when every year of its span is stated
incomplete_series as (
    select claim_id
    from yearly_changes
    group by claim_id
    having count(*) < max(expected_year_count)
),

-- the values a claim is compared with when it is compared with a set
set_members as (
    select
        claims.claim_id,
        annual.value as member_value
    from claims
    inner join annual
        on {{ claim_figure_matches('annual') }}
    where (claims.compared_with = 'later_years' and annual.fiscal_year > claims.fiscal_year)
        or (claims.compared_with = 'other_years' and annual.fiscal_year <> claims.fiscal_year)
    union all
    select
        claims.claim_id,
        figures.value as member_value
    from claims
    inner join figures
        on {{ claim_figure_matches('figures') }}
        and claims.period_type = figures.period_type
        and claims.period_label <> figures.period_label
    where claims.compared_with = 'other_periods'
    union all
    -- peers' amounts in the claim's own currency, at the rates of the claim's year (NULL when one is missing)
    select
        claims.claim_id,
        {{ amount_in_currency(
            'annual.value', 'annual.unit', 'coalesce(operands.current_unit, annual.unit)',
            'peer_rates.units_per_usd', 'claim_rates.units_per_usd'
        ) }} as member_value
    from claims
    inner join annual
        on claims.figures_source_id = annual.source_id
        and claims.metric_id = annual.metric_id
        and claims.fiscal_year = annual.fiscal_year
        and claims.entity_id <> annual.entity_id
    left join operands
        on claims.claim_id = operands.claim_id
    left join rates as peer_rates
        on {{ claim_year_rate_matches('peer_rates', 'annual.unit') }}
    left join rates as claim_rates
        on {{ claim_year_rate_matches('claim_rates', 'operands.current_unit') }}
    where claims.compared_with = 'peers'
    union all
    select
        claim_id,
        change_ratio as member_value
    from yearly_changes
    where change_ratio is not null
        and claim_id not in (select incomplete_series.claim_id from incomplete_series)
),

set_summary as (
    select
        claim_id,
        max(member_value) as max_value,
        min(member_value) as min_value,
        -- a member with no value (a peer's amount with no rate to convert it): the set is not known
        count(*) - count(member_value) as unknown_member_count
    from set_members
    group by claim_id
),

computed as (
    select
        claims.*,
        operands.current_value,
        operands.compared_value,
        operands.years_between,
        coalesce(operands.current_unit, operands.compared_unit) as value_unit,
        case claims.operation
            when 'growth' then operands.current_value / nullif(operands.compared_value, 0) - 1
            when 'annual_growth' then power(
                operands.current_value / nullif(operands.compared_value, 0), 1.0 / nullif(operands.years_between, 0)
            ) - 1
            when 'ratio' then operands.current_value / nullif(operands.compared_value, 0)
            when 'difference' then operands.current_value - operands.compared_value
            when 'value' then operands.current_value
            when 'max' then case when set_summary.unknown_member_count = 0 then set_summary.max_value end
            when 'min' then case when set_summary.unknown_member_count = 0 then set_summary.min_value end
        end * claims.result_scale as computed_value,
        case claims.stated_value_from
            when 'stated_figure' then claims.stated_figure_value
            -- a threshold in another currency than the figures', converted as figures are: at the
            -- annual average rates of the claim's year, through the rates' base currency
            when 'threshold' then {{ amount_in_currency(
                'claims.threshold_value',
                "coalesce(nullif(claims.threshold_currency, ''), operands.current_unit, operands.compared_unit, '')",
                "coalesce(operands.current_unit, operands.compared_unit, '')",
                'threshold_rates.units_per_usd', 'value_rates.units_per_usd'
            ) }}
            when 'claim_value' then operands.current_value
        end as stated_value
    from claims
    left join operands
        on claims.claim_id = operands.claim_id
    left join set_summary
        on claims.claim_id = set_summary.claim_id
    left join rates as threshold_rates
        on {{ claim_year_rate_matches('threshold_rates', 'claims.threshold_currency') }}
    left join rates as value_rates
        on {{ claim_year_rate_matches('value_rates', 'coalesce(operands.current_unit, operands.compared_unit)') }}
),

-- what the stated value implies of the value or the compared value (the operation inverted)
implied as (
    select
        *,
        stated_value / result_scale as stated_operand,
        case when display_unit = '' then value_unit else display_unit end as shown_unit
    from computed
),

banded as (
    select
        *,
        case implies
            when 'compared' then case operation
                when 'growth' then current_value / nullif(1 + stated_operand, 0)
                when 'annual_growth' then current_value / nullif(power(1 + stated_operand, years_between), 0)
                when 'ratio' then current_value / nullif(stated_operand, 0)
                when 'difference' then current_value - stated_operand
            end
            when 'value' then case operation
                when 'growth' then compared_value * (1 + stated_operand)
                when 'annual_growth' then compared_value * power(1 + stated_operand, years_between)
                when 'ratio' then compared_value * stated_operand
                when 'difference' then compared_value + stated_operand
            end
        end as implied_value,
        case when implies <> '' then
            replace(replace(replace(implied_measure_template,
                '{metric_id}', metric_id),
                '{reference_metric_id}', reference_metric_id),
                '{first_year}', coalesce(cast(period_first_year as string), ''))
        end as implied_measure,
        case when verdict_test = 'within_band' then
            {{ claim_band('low', "coalesce(stated_qualifier, 'approx')", "coalesce(stated_qualifier_word, 'about')",
                          'stated_value', 'coalesce(stated_last_digit_unit, 0)') }}
        end as band_low,
        case when verdict_test = 'within_band' then
            {{ claim_band('high', "coalesce(stated_qualifier, 'approx')", "coalesce(stated_qualifier_word, 'about')",
                          'stated_value', 'coalesce(stated_last_digit_unit, 0)') }}
        end as band_high,
        case when stated_value_from = 'nothing' then 0 else stated_value end as judged_against
    from implied
),

judged as (
    select
        *,
        case
            when computed_value is null or judged_against is null then 'not_checkable'
            when verdict_test = 'within_band' then case
                when (band_low is null or computed_value >= band_low)
                    and (band_high is null or computed_value <= band_high) then 'consistent'
                else 'inconsistent'
            end
            when verdict_test = 'above' and computed_value > judged_against then 'consistent'
            when verdict_test = 'at_least' and computed_value >= judged_against then 'consistent'
            when verdict_test = 'below' and computed_value < judged_against then 'consistent'
            when verdict_test = 'at_most' and computed_value <= judged_against then 'consistent'
            else 'inconsistent'
        end as verdict
    from banded
),

final as (
    select
        -- keys
        claim_id,
        source_id,
        entity_id,
        metric_id,

        -- attributes
        claim_kind,
        claim_as_written,
        period_label,
        stated_as_written,
        verdict_test,
        explanation_template,
        implied_measure,
        shown_unit,
        value_unit,
        verdict,

        -- measures
        stated_value,
        computed_value,
        band_low,
        band_high,
        implied_value,

        -- provenance
        figures_source_id,
        stated_figure_id,
        paragraph_number,
        quote
    from judged
)

select * from final
