{#- The metric guess of a number that is the earlier value of another, kept here so
    int_document_draft_metrics stays under sqlfluff's per-file size limit; the arguments are the
    model's CTE names. -#}

{#- The metric guess of each number of `subjects` (int_document_draft_subjects' columns): that of
    `guess` (source_id, paragraph_number, mention_start, metric_word, metric_id, is_signed_change,
    metric_basis), except for a number written right after "from" with a number of its unit kind
    before it in its sentence (the later value, later_guess): the value the measure had before, not a
    change of it ("made up 31% of the quarter's revenue, down from 42% a year earlier",
    "edged up to 2.4% from 2.1%"), so when its own guess is a signed change (or none) it takes the
    guess of the nearest such number before it. -#}
{% macro draft_earlier_value_guess(guess, subjects) -%}
select
    {{ subjects }}.source_id,
    {{ subjects }}.paragraph_number,
    {{ subjects }}.mention_start,
    coalesce(later_guess.metric_word, {{ guess }}.metric_word) as metric_word,
    coalesce(later_guess.metric_id, {{ guess }}.metric_id) as metric_id,
    coalesce(later_guess.is_signed_change, {{ guess }}.is_signed_change) as is_signed_change,
    case when later_guess.metric_id is not null
        then 'an earlier value, after "from": the metric of the number before it (' || later_guess.metric_id || ')'
        else {{ guess }}.metric_basis end as metric_basis
from {{ subjects }}
left join {{ guess }}
    on {{ draft_same_mention(subjects, guess) }}
left join (
    select
        source_id,
        paragraph_number,
        mention_start,
        lag(mention_start) over (
            partition by source_id, paragraph_number, sentence_start, value_unit order by mention_start
        ) as later_start
    from {{ subjects }}
    where value_unit is not null
) as earlier_values
    on {{ draft_same_mention(subjects, 'earlier_values') }}
        and {{ regex_matches(subjects ~ '.text_before', '(?:^|[^a-z])from +$') }}
left join {{ guess }} as later_guess
    on earlier_values.source_id = later_guess.source_id
        and earlier_values.paragraph_number = later_guess.paragraph_number
        and earlier_values.later_start = later_guess.mention_start
    -- a number guessed a level keeps its guess ("loss expanded from 1.589 billion yuan in 2021 to 2.658
    -- billion yuan", after revenue of 8.108 billion yuan)
    and coalesce({{ guess }}.is_signed_change, true)
where {{ guess }}.metric_id is not null
    or later_guess.metric_id is not null
{%- endmacro %}
