{#- Candidate queries of int_document_draft_metrics that refine its first metric guess, kept here so
    the model stays under sqlfluff's per-file size limit; the arguments are the model's CTE names. -#}

{#- For each first guess of `first_guess` found by a signal word (basis_rank 0), the metrics of
    `metrics` of the same unit kind whose name holds the guess's name (ends with it, "GPU rental revenue"
    for "Revenue", or begins with it, "Restaurants opened" for "Restaurants"), with how many words their
    name has beyond the guess's (extra_word_count) and how many of those the number's clause holds
    (extra_hit_count, from `name_word_hits`); `name_words` are the metrics' name words. -#}
{% macro draft_specific_metric_candidates(first_guess, metrics, name_words, name_word_hits) -%}
select
    {{ first_guess }}.source_id,
    {{ first_guess }}.paragraph_number,
    {{ first_guess }}.mention_start,
    specific_metrics.metric_id,
    specific_metrics.is_signed_change,
    count(distinct {{ name_words }}.word) as extra_word_count,
    count(distinct case when {{ name_word_hits }}.is_in_clause = 1 then {{ name_word_hits }}.word end) as extra_hit_count
from {{ first_guess }}
inner join {{ metrics }} as guessed_metrics
    on {{ first_guess }}.metric_id = guessed_metrics.metric_id
inner join {{ metrics }} as specific_metrics
    on guessed_metrics.unit_kind = specific_metrics.unit_kind
        and ' ' || lower(specific_metrics.metric_name) || ' ' like '% ' || lower(guessed_metrics.metric_name) || ' %'
        and specific_metrics.metric_id <> guessed_metrics.metric_id
inner join {{ name_words }}
    on specific_metrics.metric_id = {{ name_words }}.metric_id
left join {{ name_words }} as guessed_words
    on guessed_metrics.metric_id = guessed_words.metric_id
        and {{ name_words }}.word = guessed_words.word
left join {{ name_word_hits }}
    on {{ draft_same_mention(first_guess, name_word_hits) }}
        and specific_metrics.metric_id = {{ name_word_hits }}.metric_id
        and {{ name_words }}.word = {{ name_word_hits }}.word
where {{ first_guess }}.basis_rank = 0
    and guessed_words.word is null
group by
    {{ first_guess }}.source_id, {{ first_guess }}.paragraph_number, {{ first_guess }}.mention_start,
    specific_metrics.metric_id, specific_metrics.is_signed_change
{%- endmacro %}

{#- For each guess of `named_guess` whose number is a change after "by" (`statements`), the signed-change
    metrics of `metrics` of the guess's unit kind whose name holds every word of the guess's name
    (`name_words`, `name_sizes`), with the number of words of their name (name_word_count). -#}
{% macro draft_change_by_candidates(named_guess, statements, metrics, name_sizes, name_words) -%}
select
    {{ named_guess }}.source_id,
    {{ named_guess }}.paragraph_number,
    {{ named_guess }}.mention_start,
    change_metrics.metric_id,
    count(distinct change_words.word) as name_word_count
from {{ named_guess }}
inner join {{ statements }}
    on {{ draft_same_mention(named_guess, statements) }}
inner join {{ metrics }} as guessed_metrics
    on {{ named_guess }}.metric_id = guessed_metrics.metric_id
inner join {{ name_sizes }} as guessed_sizes
    on guessed_metrics.metric_id = guessed_sizes.metric_id
inner join {{ metrics }} as change_metrics
    on guessed_metrics.unit_kind = change_metrics.unit_kind
        and change_metrics.is_signed_change
        and not guessed_metrics.is_signed_change
inner join {{ name_words }} as change_words
    on change_metrics.metric_id = change_words.metric_id
left join {{ name_words }} as guessed_words
    on guessed_metrics.metric_id = guessed_words.metric_id
        and change_words.word = guessed_words.word
group by
    {{ named_guess }}.source_id, {{ named_guess }}.paragraph_number, {{ named_guess }}.mention_start,
    change_metrics.metric_id
having count(distinct guessed_words.word) = max(guessed_sizes.name_word_count)
{%- endmacro %}

{#- Each number of `sentences` (int_document_draft_sentences' columns) with the text between it and
    the numbers beside it in its sentence (gap_before, gap_after; '' when none), and where an "and"
    there with no comma or semicolon between it and the number is (and_before counted back from the
    number, and_after after it; NULL when none): such an "and" ends the number's clause; and the word
    right after the number with, when "in" or "of" follows it, the four words at most after those up
    to a comma, a semicolon, an "and" or the next number, between single spaces (noun_phrase_after: " drop in
    guest traffic " of "a 1.1% drop in guest traffic", " restaurants in the quarter " of "opened four
    restaurants in the quarter and ended September with 318"; "  " when none). -#}
{% macro draft_neighbour_gaps(sentences) -%}
{%- set gap_before = "coalesce(lower(substring(paragraph_text, previous_end, mention_start - previous_end)), '')" %}
{%- set gap_after = "coalesce(lower(substring(paragraph_text, mention_end, next_start - mention_end)), '')" %}
select
    *,
    {{ gap_before }} as gap_before,
    {{ gap_after }} as gap_after,
    -- where that "and" is: counted back from the number, and after it
    case when {{ regex_matches(gap_before, " and [^,;]*$") }}
        then {{ dbt.position("' dna '", 'reverse(text_before)') }} end as and_before,
    case when {{ regex_matches(gap_after, "^[^,;]* and ") }}
        then {{ dbt.position("' and '", 'text_after') }} end as and_after,
    ' ' || trim({{ regex_replace_all(regex_group(regex_group(
        "case when next_start is null then text_after else " ~ gap_after ~ " end",
        '^ *([a-z]+(?: +(?:in|of)(?: +[^ ,;]+){1,4})?)', 1) ~ " || ' and '", '^(.*?) and ', 1),
        '[^a-z0-9&]+', ' ') }}) || ' ' as noun_phrase_after
from (
    select
        *,
        lag(mention_end) over (
            partition by source_id, paragraph_number, sentence_start order by mention_start
        ) as previous_end,
        lead(mention_start) over (
            partition by source_id, paragraph_number, sentence_start order by mention_start
        ) as next_start
    from {{ sentences }}
) as neighbours
{%- endmacro %}

{#- The metric guess of each number of `subjects` (int_document_draft_subjects' columns): that of
    `guess` (source_id, paragraph_number, mention_start, metric_word, metric_id, is_signed_change,
    metric_basis), replaced when the subject (subject_entity_type) is of an entity type no mart of the
    guessed metric takes (`metric_fit`, `metric_takes_any`; a metric whose only mart is fct_figures,
    is_only_in_figures, counts as taking none when the subject is a market's alias,
    subject_is_subject_type) by the metric whose marts take that type,
    of the guess's unit kind and signed-change flag, that shares the most words of the guess's name
    (`name_words`; at least one): "Market growth year on year" for "Revenue growth year on year" when
    the subject is a market; with none, by the metric of a signal word in the sentence, past a comma
    too, whose marts take the subject's type (`fitting_guess`: "Sales at U.S. restaurants are expected
    to reach about $1.1 trillion, according to industry estimates" is the market size that "industry"
    signals, not revenue). A number with no guess takes the one metric of its unit kind whose marts
    take the subject's type, a signed change when a direction word is before it ("The British
    clothing market shrank 2%"), when there is only one, or else the one of them whose name begins
    with the type's name ("Thailand's private hospitals earned about 310 billion baht": Market size,
    not a market's model training cost). -#}
{% macro draft_counterpart_metric_guess(guess, subjects, metrics, metric_fit, metric_takes_any, name_words, fitting_guess) -%}
{#- a metric named by the subject's entity type: "Market size" of a market -#}
{%- set type_named = dbt.position("lower(" ~ subjects ~ ".subject_entity_type) || ' '", "lower(sole_metrics.metric_name) || ' '") ~ ' = 1' -%}
{%- set misfit_joins -%}
inner join {{ subjects }}
    on {{ draft_same_mention(guess, subjects) }}
inner join {{ metrics }} as guessed_metrics
    on {{ guess }}.metric_id = guessed_metrics.metric_id
left join {{ metric_fit }} as guessed_fit
    on guessed_metrics.metric_id = guessed_fit.metric_id
        and {{ subjects }}.subject_entity_type = guessed_fit.entity_type
left join {{ metric_takes_any }} as guessed_takes_any
    on guessed_metrics.metric_id = guessed_takes_any.metric_id
        and not (guessed_takes_any.is_only_in_figures and {{ subjects }}.subject_is_subject_type)
{%- endset -%}
{%- set counterparts -%}
select
    {{ guess }}.source_id,
    {{ guess }}.paragraph_number,
    {{ guess }}.mention_start,
    counterpart_metrics.metric_id,
    count(distinct shared_words.word) as shared_word_count
from {{ guess }}
{{ misfit_joins }}
inner join {{ metric_fit }} as counterpart_fit
    on {{ subjects }}.subject_entity_type = counterpart_fit.entity_type
inner join {{ metrics }} as counterpart_metrics
    on counterpart_fit.metric_id = counterpart_metrics.metric_id
        and guessed_metrics.unit_kind = counterpart_metrics.unit_kind
        and guessed_metrics.is_signed_change = counterpart_metrics.is_signed_change
inner join {{ name_words }} as guessed_words
    on guessed_metrics.metric_id = guessed_words.metric_id
inner join {{ name_words }} as shared_words
    on counterpart_metrics.metric_id = shared_words.metric_id
        and guessed_words.word = shared_words.word
where guessed_fit.metric_id is null
    and guessed_takes_any.metric_id is null
group by
    {{ guess }}.source_id, {{ guess }}.paragraph_number, {{ guess }}.mention_start, counterpart_metrics.metric_id
{%- endset -%}
select
    {{ subjects }}.source_id,
    {{ subjects }}.paragraph_number,
    {{ subjects }}.mention_start,
    {{ guess }}.metric_word,
    coalesce(counterpart.metric_id, misfit.fitting_metric_id, {{ guess }}.metric_id, sole.metric_id) as metric_id,
    coalesce(misfit.fitting_is_signed_change, {{ guess }}.is_signed_change, sole.is_signed_change) as is_signed_change,
    case
        when counterpart.metric_id is not null
            then 'the metric of the subject type named most like ' || {{ guess }}.metric_id
        when misfit.fitting_metric_id is not null
            then 'a signal word of a metric whose marts take the subject type, for ' || {{ guess }}.metric_id
        when {{ guess }}.metric_id is null
            then 'no word of its metric: the one metric of its unit whose marts take the subject type'
        else {{ guess }}.metric_basis
    end as metric_basis
from {{ subjects }}
left join {{ guess }}
    on {{ draft_same_mention(subjects, guess) }}
left join (
    {{ draft_first_per_mention('(' ~ counterparts ~ ') as candidates', 'shared_word_count desc, metric_id') | indent(4) }}
) as counterpart
    on {{ draft_same_mention(guess, 'counterpart') }}
left join (
    select
        {{ guess }}.source_id,
        {{ guess }}.paragraph_number,
        {{ guess }}.mention_start,
        {{ fitting_guess }}.metric_id as fitting_metric_id,
        {{ fitting_guess }}.is_signed_change as fitting_is_signed_change
    from {{ guess }}
    {{ misfit_joins | indent(4) }}
    inner join {{ fitting_guess }}
        on {{ draft_same_mention(guess, fitting_guess) }}
    where guessed_fit.metric_id is null
        and guessed_takes_any.metric_id is null
) as misfit
    on {{ draft_same_mention(guess, 'misfit') }}
left join (
    select
        {{ subjects }}.source_id,
        {{ subjects }}.paragraph_number,
        {{ subjects }}.mention_start,
        case when count(distinct sole_metrics.metric_id) = 1 then min(sole_metrics.metric_id)
            else min(case when {{ type_named }} then sole_metrics.metric_id end) end as metric_id,
        max(sole_metrics.is_signed_change) as is_signed_change
    from {{ subjects }}
    inner join {{ metric_fit }} as sole_fit
        on {{ subjects }}.subject_entity_type = sole_fit.entity_type
    inner join {{ metrics }} as sole_metrics
        on sole_fit.metric_id = sole_metrics.metric_id
            and {{ subjects }}.value_unit = sole_metrics.unit_kind
            and sole_metrics.is_signed_change = ({{ subjects }}.direction_word is not null)
    group by {{ subjects }}.source_id, {{ subjects }}.paragraph_number, {{ subjects }}.mention_start
    having count(distinct sole_metrics.metric_id) = 1
        or count(distinct case when {{ type_named }} then sole_metrics.metric_id end) = 1
) as sole
    on {{ draft_same_mention(subjects, 'sole') }}
where {{ guess }}.metric_id is not null
    or sole.metric_id is not null
{%- endmacro %}

{#- The numbers of `subjects` (int_document_draft_subjects' columns) written after "by" with their
    direction word before them in their clause ("Headcount fell by 2,314"): changes. -#}
{% macro draft_change_by_statements(subjects) -%}
select
    source_id,
    paragraph_number,
    mention_start
from {{ subjects }}
where {{ regex_matches('text_before', '(?:^|[^a-z])by +$') }}
    and {{ dbt.position("' ' || direction_word || ' '", "' ' || " ~ regex_group('text_before', '([^,;]*)$', 1)) }} > 0
{%- endmacro %}

{#- Each guess of `guess` (source_id, paragraph_number, mention_start, metric_word, metric_id,
    is_signed_change, metric_basis), a signed change replaced by a more general signed change of its
    unit kind (a metric of `metrics` whose name begins the guess's name: "Share price change" of
    "Share price change on the day") when a signal word of it (`candidates`, draft_signal_candidates'
    columns) that is no word of the guess's name (`name_words`) is in the number's clause, the
    nearest first: the word places the change other than the guess's extra words say ("rose 3.4% to
    30.25 baht at the midday break" is a move during trading, not the change on the day). -#}
{% macro draft_general_change_guess(guess, candidates, metrics, name_words) -%}
{%- set general_candidates -%}
select
    {{ guess }}.source_id,
    {{ guess }}.paragraph_number,
    {{ guess }}.mention_start,
    {{ candidates }}.word as metric_word,
    {{ candidates }}.metric_id,
    {{ candidates }}.distance
from {{ guess }}
inner join {{ metrics }} as guessed_metrics
    on {{ guess }}.metric_id = guessed_metrics.metric_id
inner join {{ candidates }}
    on {{ draft_same_mention(guess, candidates) }}
inner join {{ metrics }} as general_metrics
    on {{ candidates }}.metric_id = general_metrics.metric_id
        and guessed_metrics.unit_kind = general_metrics.unit_kind
        and general_metrics.is_signed_change
        and general_metrics.metric_id <> guessed_metrics.metric_id
left join {{ name_words }} as guessed_words
    on guessed_metrics.metric_id = guessed_words.metric_id
        and {{ dbt.position("' ' || guessed_words.word || ' '", "' ' || lower(" ~ candidates ~ ".word) || ' '") }} > 0
where guessed_metrics.is_signed_change
    and {{ candidates }}.is_in_clause
    and {{ dbt.position("lower(general_metrics.metric_name) || ' '", "lower(guessed_metrics.metric_name)") }} = 1
    and guessed_words.word is null
{%- endset -%}
select
    {{ guess }}.source_id,
    {{ guess }}.paragraph_number,
    {{ guess }}.mention_start,
    coalesce(general.metric_word, {{ guess }}.metric_word) as metric_word,
    coalesce(general.metric_id, {{ guess }}.metric_id) as metric_id,
    {{ guess }}.is_signed_change,
    case when general.metric_id is not null
        then 'a word of a more general change than ' || {{ guess }}.metric_id
        else {{ guess }}.metric_basis end as metric_basis
from {{ guess }}
left join (
    {{ draft_first_per_mention('(' ~ general_candidates ~ ') as candidates', 'distance, metric_id') | indent(4) }}
) as general
    on {{ draft_same_mention(guess, 'general') }}
{%- endmacro %}

{#- The numbers of `sentences` (int_document_draft_sentences' columns) written before the level they
    reach: the next number of their sentence follows "to" with no comma or semicolon between ("rose 2.4
    percent to 12.8 million tonnes"), with that number's unit kind (level_unit). -#}
{% macro draft_reached_levels(sentences) -%}
{%- set in_sentence = 'partition by source_id, paragraph_number, sentence_start order by mention_start' %}
select
    source_id,
    paragraph_number,
    mention_start,
    level_unit
from (
    select
        source_id,
        paragraph_number,
        mention_start,
        lower(substring(paragraph_text, mention_end, lead(mention_start) over ({{ in_sentence }}) - mention_end)) as gap_after,
        lead(value_unit) over ({{ in_sentence }}) as level_unit
    from {{ sentences }}
) as neighbours
where {{ regex_matches('gap_after', '^[^,;]*(?:^| )to +$') }}
{%- endmacro %}
