{#- One row per claim the article makes about its own numbers, recomputed from the figures. The
    stated value comes from the figure or threshold the claim names; the computed value only from
    other figures. The band a stated value allows is the claim_band macro's rule. -#}
{%- set numeric_kinds = ['yoy_growth', 'cagr', 'share', 'change_from_reference', 'coverage_years'] -%}
with

claims as (
    select * from {{ ref('int_claims_resolved') }}
),

figures as (
    select * from {{ ref('int_figures_preferred') }}
),

annual as (
    select
        entity_id,
        metric_id,
        fiscal_year,
        max(value) as value,
        max(unit) as unit
    from figures
    where period_type in ('fiscal_year', 'year_end')
    group by entity_id, metric_id, fiscal_year
),

latest as (
    select
        entity_id,
        metric_id,
        value,
        row_number() over (partition by entity_id, metric_id order by period_end_date desc) as recency_rank
    from figures
    where period_end_date is not null
),

current_values as (
    select
        claims.claim_id,
        coalesce(
            case when claims.period_type = 'unstated' then latest.value end,
            case when claims.period_type in ('fiscal_year', 'span', 'year_end') then annual.value end,
            same_period.value
        ) as current_value,
        coalesce(annual.unit, same_period.unit) as value_unit,
        prior_period.value as prior_value,
        first_year.value as first_value,
        reference_annual.value as reference_annual_value
    from claims
    left join latest
        on claims.entity_id = latest.entity_id
        and claims.metric_id = latest.metric_id
        and latest.recency_rank = 1
    left join annual
        on claims.entity_id = annual.entity_id
        and claims.metric_id = annual.metric_id
        and claims.fiscal_year = annual.fiscal_year
    left join figures as same_period
        on claims.entity_id = same_period.entity_id
        and claims.metric_id = same_period.metric_id
        and claims.period_label = same_period.period_label
    left join figures as prior_period
        on claims.entity_id = prior_period.entity_id
        and claims.metric_id = prior_period.metric_id
        and claims.period_type = prior_period.period_type
        and claims.fiscal_year - 1 = prior_period.fiscal_year
        and replace(claims.period_label, cast(claims.fiscal_year as string), '')
            = replace(prior_period.period_label, cast(prior_period.fiscal_year as string), '')
    left join annual as first_year
        on claims.entity_id = first_year.entity_id
        and claims.metric_id = first_year.metric_id
        and claims.period_first_year = first_year.fiscal_year
    left join annual as reference_annual
        on claims.entity_id = reference_annual.entity_id
        and claims.reference_metric_id = reference_annual.metric_id
        and claims.fiscal_year = reference_annual.fiscal_year
),

references_any_period as (
    select
        claims.claim_id,
        max(figures.value) as reference_value,
        max(figures.unit) as reference_unit
    from claims
    inner join figures
        on claims.entity_id = figures.entity_id
        and claims.reference_metric_id = figures.metric_id
    group by claims.claim_id
),

series as (
    select
        claims.claim_id,
        claims.fiscal_year - claims.period_first_year + 1 as expected_year_count,
        annual.fiscal_year,
        annual.value / lag(annual.value) over (partition by claims.claim_id order by annual.fiscal_year) - 1
            as change_ratio
    from claims
    inner join annual
        on claims.entity_id = annual.entity_id
        and claims.metric_id = annual.metric_id
        and annual.fiscal_year between claims.period_first_year and claims.fiscal_year
    where claims.claim_kind in ('falls_every_year', 'rises_every_year')
),

series_summary as (
    select
        claim_id,
        count(*) as year_count,
        max(expected_year_count) as expected_year_count,
        max(change_ratio) as max_change_ratio,
        min(change_ratio) as min_change_ratio
    from series
    group by claim_id
),

other_years as (
    select
        claims.claim_id,
        max(case when annual.fiscal_year > claims.fiscal_year then annual.value end) as max_value_since,
        max(case when annual.fiscal_year <> claims.fiscal_year then annual.value end) as max_value_other_years
    from claims
    inner join annual
        on claims.entity_id = annual.entity_id
        and claims.metric_id = annual.metric_id
    group by claims.claim_id
),

other_periods as (
    select
        claims.claim_id,
        min(figures.value) as min_value_other_periods
    from claims
    inner join figures
        on claims.entity_id = figures.entity_id
        and claims.metric_id = figures.metric_id
        and claims.period_type = figures.period_type
        and claims.period_label <> figures.period_label
    group by claims.claim_id
),

peers as (
    select
        claims.claim_id,
        min(annual.value) as min_peer_value
    from claims
    inner join annual
        on claims.metric_id = annual.metric_id
        and claims.fiscal_year = annual.fiscal_year
        and claims.entity_id <> annual.entity_id
    where claims.claim_kind = 'fewer_than_peers'
    group by claims.claim_id
),

computed as (
    select
        claims.*,
        coalesce(current_values.value_unit, references_any_period.reference_unit) as value_unit,
        case claims.claim_kind
            when 'yoy_growth' then current_values.current_value / current_values.prior_value - 1
            when 'cagr' then power(
                current_values.current_value / current_values.first_value,
                1.0 / (claims.fiscal_year - claims.period_first_year)
            ) - 1
            when 'share' then current_values.current_value / current_values.reference_annual_value
            when 'coverage_years' then current_values.current_value / current_values.reference_annual_value
            when 'change_from_reference' then current_values.current_value / references_any_period.reference_value - 1
            when 'exceeds_threshold' then current_values.current_value
            when 'not_exceeded_since' then other_years.max_value_since
            when 'record_high' then other_years.max_value_other_years
            when 'series_low' then other_periods.min_value_other_periods
            when 'fewer_than_peers' then peers.min_peer_value
            when 'falls_every_year' then case
                when series_summary.year_count = series_summary.expected_year_count then series_summary.max_change_ratio
            end
            when 'rises_every_year' then case
                when series_summary.year_count = series_summary.expected_year_count then series_summary.min_change_ratio
            end
        end as computed_value,
        case
            when claims.claim_kind in ('exceeds_threshold', 'not_exceeded_since', 'coverage_years')
                then claims.threshold_value
            when claims.claim_kind in ('record_high', 'fewer_than_peers', 'series_low')
                then current_values.current_value
            else claims.stated_figure_value
        end as stated_value,
        case claims.claim_kind
            when 'yoy_growth' then current_values.current_value / (1 + claims.stated_figure_value)
            when 'cagr' then current_values.current_value
                / power(1 + claims.stated_figure_value, claims.fiscal_year - claims.period_first_year)
            when 'share' then current_values.reference_annual_value * claims.stated_figure_value
            when 'change_from_reference' then references_any_period.reference_value * (1 + claims.stated_figure_value)
        end as implied_value,
        case claims.claim_kind
            when 'yoy_growth' then 'prior-period ' || claims.metric_id
            when 'cagr' then claims.metric_id || ' in FY' || cast(claims.period_first_year as string)
            when 'share' then claims.metric_id
            when 'change_from_reference' then claims.metric_id || ' at the event'
        end as implied_measure
    from claims
    left join current_values
        on claims.claim_id = current_values.claim_id
    left join references_any_period
        on claims.claim_id = references_any_period.claim_id
    left join series_summary
        on claims.claim_id = series_summary.claim_id
    left join other_years
        on claims.claim_id = other_years.claim_id
    left join other_periods
        on claims.claim_id = other_periods.claim_id
    left join peers
        on claims.claim_id = peers.claim_id
),

banded as (
    select
        *,
        case
            when claim_kind = 'coverage_years' then 'years'
            when claim_kind in ('{{ numeric_kinds | join("', '") }}', 'falls_every_year', 'rises_every_year') then 'ratio'
            else value_unit
        end as display_unit,
        {{ claim_band('low', "coalesce(stated_qualifier, 'approx')", "coalesce(stated_qualifier_word, 'about')",
                      'stated_value', 'coalesce(stated_last_digit_unit, 0)') }} as band_low,
        {{ claim_band('high', "coalesce(stated_qualifier, 'approx')", "coalesce(stated_qualifier_word, 'about')",
                      'stated_value', 'coalesce(stated_last_digit_unit, 0)') }} as band_high
    from computed
),

judged as (
    select
        *,
        case
            when computed_value is null then 'not_checkable'
            when claim_kind in ('{{ numeric_kinds | join("', '") }}') then case
                when (band_low is null or computed_value >= band_low)
                    and (band_high is null or computed_value <= band_high) then 'consistent'
                else 'inconsistent'
            end
            when claim_kind = 'exceeds_threshold' then case when computed_value > stated_value then 'consistent' else 'inconsistent' end
            when claim_kind = 'not_exceeded_since' then case when computed_value <= stated_value then 'consistent' else 'inconsistent' end
            when claim_kind = 'record_high' then case when stated_value >= computed_value then 'consistent' else 'inconsistent' end
            when claim_kind = 'series_low' then case when stated_value <= computed_value then 'consistent' else 'inconsistent' end
            when claim_kind = 'fewer_than_peers' then case when stated_value < computed_value then 'consistent' else 'inconsistent' end
            when claim_kind = 'falls_every_year' then case when computed_value < 0 then 'consistent' else 'inconsistent' end
            when claim_kind = 'rises_every_year' then case when computed_value > 0 then 'consistent' else 'inconsistent' end
        end as verdict
    from banded
),

explained as (
    select
        *,
        case
            when verdict = 'not_checkable' and implied_value is not null
                then 'the source gives no figure to check it against; stated '
                    || {{ format_measure('stated_value', 'display_unit') }} || ' implies ' || implied_measure || ' of '
                    || {{ format_measure('implied_value', 'value_unit') }}
            when verdict = 'not_checkable'
                then 'the source gives no figure to check it against'
            when claim_kind in ('{{ numeric_kinds | join("', '") }}') and verdict = 'inconsistent'
                then 'stated ' || stated_as_written || ' (' || {{ format_measure('stated_value', 'display_unit') }}
                    || '), figures give ' || {{ format_measure('computed_value', 'display_unit') }} || ': off by '
                    || case when display_unit = 'ratio'
                        then {{ format_fixed('abs(computed_value - stated_value) * 100', 2) }} || ' points'
                        else {{ format_measure('abs(computed_value - stated_value)', 'display_unit') }} end
            when claim_kind in ('{{ numeric_kinds | join("', '") }}')
                then 'stated ' || stated_as_written || ' (' || {{ format_measure('stated_value', 'display_unit') }}
                    || '), figures give ' || {{ format_measure('computed_value', 'display_unit') }}
                    || ': within the band it allows (' || case
                        when band_low is null then 'at most ' || {{ format_measure('band_high', 'display_unit') }}
                        when band_high is null then 'at least ' || {{ format_measure('band_low', 'display_unit') }}
                        else {{ format_measure('band_low', 'display_unit') }} || ' to '
                            || {{ format_measure('band_high', 'display_unit') }}
                    end || ')'
            when claim_kind = 'exceeds_threshold'
                then 'figures give ' || {{ format_measure('computed_value', 'display_unit') }}
                    || ' against a threshold of ' || {{ format_measure('stated_value', 'display_unit') }}
            when claim_kind = 'not_exceeded_since'
                then 'highest value since: ' || {{ format_measure('computed_value', 'display_unit') }}
                    || ' against a ceiling of ' || {{ format_measure('stated_value', 'display_unit') }}
            when claim_kind = 'record_high'
                then 'stated ' || {{ format_measure('stated_value', 'display_unit') }}
                    || '; highest in any other stated year: ' || {{ format_measure('computed_value', 'display_unit') }}
            when claim_kind = 'series_low'
                then 'stated ' || {{ format_measure('stated_value', 'display_unit') }}
                    || '; lowest in any other stated period: ' || {{ format_measure('computed_value', 'display_unit') }}
            when claim_kind = 'fewer_than_peers'
                then 'stated ' || {{ format_measure('stated_value', 'display_unit') }}
                    || '; fewest among peers: ' || {{ format_measure('computed_value', 'display_unit') }}
            when claim_kind = 'falls_every_year'
                then 'largest year-on-year change in the span: ' || {{ format_measure('computed_value', 'display_unit') }}
            when claim_kind = 'rises_every_year'
                then 'smallest year-on-year change in the span: ' || {{ format_measure('computed_value', 'display_unit') }}
        end as explanation
    from judged
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
        verdict,
        explanation,

        -- measures
        stated_value,
        computed_value,
        computed_value - stated_value as difference,
        case when band_low is not null and band_high is not null then (band_high - band_low) / 2 else 0 end
            as tolerance,
        band_low,
        band_high,
        implied_value,
        implied_measure,

        -- provenance
        stated_figure_id,
        paragraph_number,
        quote
    from explained
)

select * from final
