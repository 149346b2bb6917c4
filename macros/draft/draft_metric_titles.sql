{#- The metric guess of a number in a title, kept here so int_document_draft_metrics stays under
    sqlfluff's per-file size limit; the arguments are the model's CTE names. -#}

{#- The metric guess of each number of `subjects` (int_document_draft_subjects' columns): that of
    `guess` (source_id, paragraph_number, mention_start, metric_word, metric_id, is_signed_change,
    metric_basis), except for a number in a title (a paragraph that does not end as a sentence ends,
    with a full stop, question or exclamation mark) that a later paragraph restates: the same value
    as written, of the same unit kind, both with a direction word or both without. A headline
    shortens what the body names in full ("profit falls 18%" for "operational EBIT for the third
    quarter fell 18%"), so the number takes the guess of the first restatement that has one. -#}
{% macro draft_restated_metric_guess(guess, subjects) -%}
{%- set restatements -%}
select
    titles.source_id,
    titles.paragraph_number,
    titles.mention_start,
    restated_guess.metric_word,
    restated_guess.metric_id,
    restated_guess.is_signed_change,
    restated.paragraph_number as restated_paragraph_number,
    row_number() over (
        partition by titles.source_id, titles.paragraph_number, titles.mention_start
        order by restated.paragraph_number, restated.mention_start
    ) as restatement_rank
from {{ subjects }} as titles
inner join {{ subjects }} as restated
    on titles.source_id = restated.source_id
        and titles.paragraph_number < restated.paragraph_number
        and titles.value_as_written = restated.value_as_written
        and titles.value_unit = restated.value_unit
        and (titles.direction_word is null) = (restated.direction_word is null)
inner join {{ guess }} as restated_guess
    on {{ draft_same_mention('restated', 'restated_guess') }}
where not {{ regex_matches('trim(titles.paragraph_text)', '[.!?]["”’)]*$') }}
{%- endset -%}
select
    {{ subjects }}.source_id,
    {{ subjects }}.paragraph_number,
    {{ subjects }}.mention_start,
    case when restatements.metric_id is not null then restatements.metric_word else {{ guess }}.metric_word end
        as metric_word,
    coalesce(restatements.metric_id, {{ guess }}.metric_id) as metric_id,
    coalesce(restatements.is_signed_change, {{ guess }}.is_signed_change) as is_signed_change,
    case when restatements.metric_id is not null
        then 'a title''s number restated in paragraph ' || cast(restatements.restated_paragraph_number as string)
            || ': the metric guessed there'
        else {{ guess }}.metric_basis end as metric_basis
from {{ subjects }}
left join {{ guess }}
    on {{ draft_same_mention(subjects, guess) }}
left join ({{ restatements }}) as restatements
    on {{ draft_same_mention(subjects, 'restatements') }}
        and restatements.restatement_rank = 1
where {{ guess }}.metric_id is not null
    or restatements.metric_id is not null
{%- endmacro %}
