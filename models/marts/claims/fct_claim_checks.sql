{#- One row per claim an article makes about its own numbers: the verdict int_claim_checks gives
    it (recomputed from the figures of its own source, never from another article's) and the words
    that explain it, in the claim kind's display unit. -#}
with

checks as (
    select * from {{ ref('int_claim_checks') }}
),

explained as (
    select
        *,
        case
            when verdict = 'not_checkable' and implied_value is not null
                then 'the source gives no figure to check it against; stated '
                    || {{ format_measure('stated_value', 'shown_unit') }} || ' implies ' || implied_measure || ' of '
                    || {{ format_measure('implied_value', 'value_unit') }}
            when verdict = 'not_checkable'
                then 'the source gives no figure to check it against'
            else replace(replace(replace(replace(explanation_template,
                '{stated_as_written}', coalesce(stated_as_written, '')),
                '{stated}', {{ format_measure('stated_value', 'shown_unit') }}),
                '{computed}', {{ format_measure('computed_value', 'shown_unit') }}),
                '{band_check}', case
                    when verdict_test <> 'within_band' then ''
                    when verdict = 'inconsistent' then 'off by ' || case
                        when shown_unit = 'ratio'
                            then {{ format_fixed('abs(computed_value - stated_value) * 100', 2) }} || ' points'
                        else {{ format_measure('abs(computed_value - stated_value)', 'shown_unit') }}
                    end
                    else 'within the band it allows (' || case
                        when band_low is null then 'at most ' || {{ format_measure('band_high', 'shown_unit') }}
                        when band_high is null then 'at least ' || {{ format_measure('band_low', 'shown_unit') }}
                        else {{ format_measure('band_low', 'shown_unit') }} || ' to '
                            || {{ format_measure('band_high', 'shown_unit') }}
                    end || ')'
                end)
        end as explanation
    from checks
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
        figures_source_id,
        stated_figure_id,
        paragraph_number,
        quote
    from explained
)

select * from final
