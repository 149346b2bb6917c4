{#- The metric guess of each draft number (int_document_draft_sentences), for python -m pipeline
    draft (tag:draft), one row per number that has one:
    - the nearest signal word (int_document_draft_metric_words) whose metric's unit kind fits the
      number (an amount, a ratio, a count), a word in the number's own clause first, a generic word
      (of two metrics of a unit kind: "year on year") after any other; a word, or two of a name, in the
      noun phrase after the number first ("a 1.1% drop in guest traffic"); a word after
      the number counts only before the next comma (or an "and" before another number), outside the
      clause a metric's name of two words first; the number's direction word ("raised") is a generic
      word; a signed
      change needs a direction word before the number; a number written "per share" takes a metric
      whose name holds "share" first; a change written before the level it reaches ("rose 2.4
      percent to 12.8 million tonnes") takes no change of a metric of another unit kind than that
      level (not revenue growth, a change of an amount) while another is a candidate;
    - with no signal word of its unit, the metric with the most words of its name in the number's
      clause, then sentence; a longer name holding the guess's whose other words are in the clause
      is more specific ("opened four restaurants": Restaurants opened); a signal word outside the
      number's clause gives way to a name with a word in it ("..., valuing the company at £6.4
      billion"), any to a name three words or more of which, half of it, the clause holds ("shares
      rose 7% in after-hours trading"); "X% of ..." is no signed change; after a direction word and
      "by" ("fell by 2,314") the signed change whose name holds the guess's words;
    - a guess whose marts take no entity of the subject's type gives way to the metric of its unit
      kind and sign whose marts do, with the most words of its name (a market's growth), as does a
      guess whose only mart is fct_figures when the subject is a market's alias (with none named
      like it, the metric of a signal word in the sentence whose marts do); with no
      guess, the one metric of its unit (and sign) whose marts take the subject's type, if one, else
      the one of those named by the type (Market size);
    - a metric whose mart needs an item (a price cut) takes for subject the nearest alias of an
      entity type its mart takes (item_alias), the subject's alias becoming its item;
    - a signed change whose clause holds a word of a more general change (whose name begins the
      guess's), no word of the guess's name, takes it ("at the midday break": not the day's change);
    - a number right after "from" takes the metric of the number of its unit before it in its
      sentence, whose earlier value it is ("down from 42% a year earlier");
    - a number in a title that a later paragraph restates (its value, unit and direction) takes the
      metric guessed there;
    - whether the metric takes the document's leading period (a mart of it lists period types, or
      its only mart is fct_figures).
    One row per number, passing on the columns of int_document_draft_subjects. -#}

with

subjects as (
    select * from {{ ref('int_document_draft_subjects') }}
),

sentences as (
    select * from subjects
),

metric_marts as (
    select * from {{ ref('int_document_draft_metric_marts') }}
),

-- the catalogue's metrics: the flags row of each in int_document_draft_metric_marts
metrics as (
    select
        metric_id,
        metric_name,
        unit_kind,
        is_signed_change
    from metric_marts
    where entity_type = ''
),

all_metric_words as (
    select * from {{ ref('int_document_draft_metric_words') }}
),

metric_words as (
    select
        word,
        metric_id,
        needs_direction,
        is_generic,
        is_long_name
    from all_metric_words
    where word_role = 'signal'
),

metric_name_word_forms as (
    select
        metric_id,
        word,
        form_text
    from all_metric_words
    where word_role = 'name'
),

metric_name_words as (
    select distinct
        metric_id,
        word,
        is_change_word
    from all_metric_words
    where word_role = 'name'
),

metric_name_sizes as (
    select distinct
        metric_id,
        name_word_count,
        direction_name_word_count,
        varied_unit_kind
    from all_metric_words
    where word_role = 'name'
),

metric_fit as (
    select
        metric_id,
        entity_type,
        needs_item
    from metric_marts
    where entity_type <> ''
),

metric_takes_any as (
    select
        metric_id,
        is_only_in_figures
    from metric_marts
    where entity_type = '' and takes_any_type
),

-- the unit kind of the level each change reaches: the next number of its sentence, after "to" with
-- no comma between ("rose 2.4 percent to 12.8 million tonnes": a count)
reached_levels as (
    {{ draft_reached_levels('sentences') | indent(4) }}
),

-- the metrics of each number's unit kind (a ratio metric takes a multiple too): unit_rank 0 for its
-- own kind; level_rank 1 for a signed change of a metric of another unit kind than the level the
-- number reaches (revenue growth, of an amount, before a number of tonnes); per_rank 1 when the
-- number is "per" a word not in the name ("$1.02 per share");
-- fit_rank 0 when a mart of the metric takes the subject's entity type, 1 any, else 2
{%- set per_word = regex_group('lower(sentences.mention_as_written)', ' per +([a-z]+)$', 1) %}
mention_metrics as (
    select
        sentences.source_id,
        sentences.paragraph_number,
        sentences.mention_start,
        metrics.metric_id,
        metrics.metric_name,
        metrics.is_signed_change,
        sentences.direction_word is not null as has_direction,
        case when {{ per_word }} <> '' and {{ dbt.position("' ' || " ~ per_word ~ " || ' '",
            "' ' || lower(metrics.metric_name) || ' '") }} = 0 then 1 else 0 end as per_rank,
        case when metrics.unit_kind = sentences.value_unit then 0 else 1 end as unit_rank,
        case when metric_name_sizes.varied_unit_kind <> reached_levels.level_unit then 1 else 0 end as level_rank,
        case
            when metric_fit.metric_id is not null then 0
            when metric_takes_any.metric_id is not null then 1
            else 2
        end as fit_rank
    from sentences
    inner join metrics
        on sentences.value_unit = metrics.unit_kind
            or (sentences.value_unit = 'multiple' and metrics.unit_kind = 'ratio')
    left join subjects
        on {{ draft_same_mention('sentences', 'subjects') }}
    left join metric_fit
        on metrics.metric_id = metric_fit.metric_id
            and subjects.subject_entity_type = metric_fit.entity_type
    left join metric_takes_any
        on metrics.metric_id = metric_takes_any.metric_id
    left join reached_levels
        on {{ draft_same_mention('sentences', 'reached_levels') }}
    left join metric_name_sizes
        on metrics.metric_id = metric_name_sizes.metric_id
),

-- the text between each number and the numbers beside it in its sentence: an "and" there, with no
-- comma or semicolon between it and the number, ends the number's clause ("employs about 9,400 people
-- and sold more than 1.2 million hearing aids" is two clauses, one for each number)
neighbour_gaps as (
    {{ draft_neighbour_gaps('sentences') | indent(4) }}
),

-- the signal words in each number's sentence, on its side of a clause break ("before closing"); a
-- word after it only in its clause ("up from ¥162 billion in fiscal 2023, and an operating profit")
metric_candidates as (
    {{ draft_signal_candidates('neighbour_gaps', 'metric_words', 'mention_metrics', 'subjects',
        ref('vocabulary_context_words')) | indent(4) }}
),

-- the words of each number's sentence and of its clause (as for metric_candidates), lowercased,
-- between single spaces, and the words of each metric's name the sentence holds
sentence_words as (
    {{ draft_clause_words('neighbour_gaps') | indent(4) }}
),

name_word_hits as (
    {{ draft_name_word_hits('sentence_words', 'metric_name_word_forms') | indent(4) }}
),

metric_name_hits as (
    select
        name_word_hits.source_id,
        name_word_hits.paragraph_number,
        name_word_hits.mention_start,
        name_word_hits.metric_id,
        count(*) as matched_word_count,
        sum(name_word_hits.is_in_clause) as clause_word_count,
        sum(case when metric_name_words.is_change_word then 0 else 1 end) as base_word_count,
        sum(name_word_hits.is_in_noun_phrase) as noun_phrase_word_count,
        {{ listagg_sorted('name_word_hits.word', "', '") }} as matched_words
    from name_word_hits
    inner join metric_name_words
        on name_word_hits.metric_id = metric_name_words.metric_id
            and name_word_hits.word = metric_name_words.word
    group by name_word_hits.source_id, name_word_hits.paragraph_number, name_word_hits.mention_start, name_word_hits.metric_id
),


-- how many words of each metric's name the sentence (and the number's clause) holds, for the
-- metrics of the number's unit, when it holds at least half of them or the clause two (after a
-- direction word, of direction_name_word_count: "profit rises 9%" is net profit growth, and one
-- word at least of the name of the metric the change varies)
{%- set name_size %}case when mention_metrics.has_direction then metric_name_sizes.direction_name_word_count
            else metric_name_sizes.name_word_count end{% endset %}
name_word_matches as (
    select
        mention_metrics.*,
        metric_name_hits.matched_word_count,
        metric_name_hits.clause_word_count,
        metric_name_hits.noun_phrase_word_count,
        {{ name_size }} as name_word_count,
        metric_name_hits.matched_words
    from mention_metrics
    inner join metric_name_hits
        on {{ draft_same_mention('mention_metrics', 'metric_name_hits') }}
            and mention_metrics.metric_id = metric_name_hits.metric_id
    inner join metric_name_sizes
        on mention_metrics.metric_id = metric_name_sizes.metric_id
    where (2 * metric_name_hits.matched_word_count >= {{ name_size }}
        or metric_name_hits.clause_word_count >= 2)
        -- after a direction word, the words a change adds ("a year earlier") do not name it alone
        and (not mention_metrics.has_direction or metric_name_hits.base_word_count > 0)
),

-- a part of a whole ("22% of group sales", "a third of the total") is no change: the metrics that are
-- signed changes are not its guess
share_statements as (
    select
        source_id,
        paragraph_number,
        mention_start
    from sentences
    where value_unit = 'ratio'
        and {{ regex_matches('text_after', '^ +of +[a-z]') }}
),

-- the guess: the nearest signal word of a metric of the number's own unit kind (a ratio metric
-- takes a multiple only when no metric of the multiple's kind is signalled; outside the number's
-- clause a metric's name of two words or more first: "Net interest income, the bank's main source of
-- revenue, increased 9%"); with no signal word
-- of its kind, the metric of its kind with the most words of its name in the number's clause, then
-- in its sentence
ranked_metric_candidates as (
    {{ draft_ranked_metric_candidates('metric_candidates', 'name_word_matches') | indent(4) }}
),

unshared_metric_candidates as (
    select ranked_metric_candidates.*
    from ranked_metric_candidates
    left join share_statements
        on {{ draft_same_mention('ranked_metric_candidates', 'share_statements') }}
    where share_statements.mention_start is null
        or not ranked_metric_candidates.is_signed_change
),

first_metric_guess as (
    {{ draft_first_per_mention(
        'unshared_metric_candidates',
        'unit_rank, level_rank, per_rank, noun_phrase_rank, generic_rank, case when clause_word_count >= 3 and matched_share >= 0.5 then 0 else 1 end, clause_rank, '
        ~ 'case when clause_rank = 0 or clause_word_count > 0 then 0 else 1 end, '
        ~ 'basis_rank, case when fit_rank = 2 then 1 else 0 end, '
        ~ 'case when clause_rank = 1 and not is_long_name then 1 else 0 end, distance, '
        ~ 'clause_word_count desc, matched_word_count desc, matched_share desc, word_length desc, fit_rank, metric_id')
        | indent(4) }}
),

-- a metric of the same unit kind whose name holds the name of the guess, and every other word of
-- whose name the number's clause holds, is the more specific guess: "Its GPU rental business brought
-- in ¥12.9 billion" is GPU rental revenue, not revenue; "The company opened four restaurants" is
-- Restaurants opened (a flow), not Restaurants (a stock)
specific_candidates as (
    {{ draft_specific_metric_candidates('first_metric_guess', 'metrics', 'metric_name_words', 'name_word_hits') | indent(4) }}
),

specific_metric_guess as (
    {{ draft_first_per_mention(
        '(select * from specific_candidates where extra_hit_count = extra_word_count) as complete',
        'extra_word_count desc, metric_id') | indent(4) }}
),

named_metric_guess as (
    select
        first_metric_guess.source_id,
        first_metric_guess.paragraph_number,
        first_metric_guess.mention_start,
        first_metric_guess.metric_word,
        coalesce(specific_metric_guess.metric_id, first_metric_guess.metric_id) as metric_id,
        coalesce(specific_metric_guess.is_signed_change, first_metric_guess.is_signed_change) as is_signed_change,
        case
            when specific_metric_guess.metric_id is not null
                then 'a metric word of its unit, and the other words of a longer metric name (' || specific_metric_guess.metric_id || ')'
            when first_metric_guess.basis_rank = 1
                then 'no signal word of its unit: the most words of its name near it (' || first_metric_guess.matched_words || ')'
            else 'nearest metric word of its unit'
        end as metric_basis
    from first_metric_guess
    left join specific_metric_guess
        on {{ draft_same_mention('first_metric_guess', 'specific_metric_guess') }}
),

-- a number written after "by" with a direction word before it in its clause ("Headcount fell by
-- 2,314") is a change: a signed-change metric of the guess's unit kind whose name holds every word
-- of the guess's name ("Change in employees" for "Employees"), the fewest other words first
change_by_statements as (
    {{ draft_change_by_statements('subjects') | indent(4) }}
),

change_by_candidates as (
    {{ draft_change_by_candidates('named_metric_guess', 'change_by_statements', 'metrics', 'metric_name_sizes', 'metric_name_words') | indent(4) }}
),

change_by_guess as (
    {{ draft_first_per_mention('change_by_candidates', 'name_word_count, metric_id') | indent(4) }}
),

change_metric_guess as (
    select
        named_metric_guess.source_id,
        named_metric_guess.paragraph_number,
        named_metric_guess.mention_start,
        named_metric_guess.metric_word,
        coalesce(change_by_guess.metric_id, named_metric_guess.metric_id) as metric_id,
        change_by_guess.metric_id is not null or named_metric_guess.is_signed_change as is_signed_change,
        case when change_by_guess.metric_id is not null
            then 'a change, after a direction word and "by": the signed change named with ' || named_metric_guess.metric_id
            else named_metric_guess.metric_basis end as metric_basis
    from named_metric_guess
    left join change_by_guess
        on {{ draft_same_mention('named_metric_guess', 'change_by_guess') }}
),

-- a change whose clause holds a word of a more general change, no word of its own name, is that
-- change: "rose 3.4% to 30.25 baht at the midday break" is a move during trading, not on the day
general_metric_guess as (
    {{ draft_general_change_guess('change_metric_guess', 'metric_candidates', 'metrics', 'metric_name_words') | indent(4) }}
),

-- a guess whose marts take no entity of the subject's type gives way to the metric whose marts do
-- (a market's growth, not revenue growth, when the subject is a market); a number with no guess
-- takes the one metric of its unit whose marts take the subject's type; with no such metric named
-- like the guess, the metric of a signal word in the sentence (past a comma too) whose marts do
fitting_metric_guess as (
    {{ draft_first_per_mention(
        '(select * from metric_candidates where fit_rank = 0) as fitting',
        'unit_rank, per_rank, case when is_in_clause then 0 else 1 end, distance, '
        ~ dbt.length('word') ~ ' desc, metric_id') | indent(4) }}
),

metric_guess as (
    {{ draft_counterpart_metric_guess(
        'general_metric_guess', 'subjects', 'metrics', 'metric_fit', 'metric_takes_any', 'metric_name_words',
        'fitting_metric_guess') | indent(4) }}
),

-- a number right after "from" is the earlier value of the number of its unit before it, not a
-- change: "down from 42% a year earlier" takes the metric of "made up 31% of the quarter's revenue"
earlier_value_guess as (
    {{ draft_earlier_value_guess('metric_guess', 'subjects') | indent(4) }}
),

-- a number in a title that a later paragraph restates takes the metric guessed there: "Vestfjord
-- Havbruk third-quarter profit falls 18%" is the operational EBIT growth of "operational EBIT for the
-- third quarter fell 18%"
restated_metric_guess as (
    {{ draft_restated_metric_guess('earlier_value_guess', 'subjects') | indent(4) }}
),

-- a metric whose mart needs an item (a price cut) takes for subject the nearest alias of an entity
-- type its mart takes (int_document_draft_subjects.item_alias), the alias guessed first its item
metric_needs_item as (
    select distinct metric_id
    from metric_fit
    where needs_item
),

final as (
    select
        -- keys
        subjects.source_id,
        subjects.paragraph_number,
        subjects.mention_start,

        -- attributes: those of the sentence, its period and subject guesses (int_document_draft_subjects)
        subjects.mention_end,
        subjects.mention_as_written,
        subjects.mention_kind,
        subjects.paragraph_text,
        subjects.quote,
        subjects.text_after,
        subjects.value_unit,
        subjects.value_as_written,
        subjects.published_date,
        subjects.lead_entity_id,
        subjects.leading_period_text,
        subjects.period_text,
        subjects.period_match_start,
        subjects.period_match_text,
        subjects.period_match_form,
        subjects.lead_entity_name,
        subjects.subject_alias,
        subjects.subject_entity_id,
        subjects.pronoun,
        subjects.pronoun_is_subject,
        subjects.direction_word,

        -- the metric guess: NULL when none
        restated_metric_guess.metric_id,
        restated_metric_guess.metric_word,
        restated_metric_guess.is_signed_change,
        restated_metric_guess.metric_basis,
        metric_needs_item.metric_id is not null as needs_item,
        case when item_fit.metric_id is not null then subjects.item_alias end as item_alias,
        case when item_fit.metric_id is not null then subjects.item_entity_id end as item_entity_id,
        coalesce(metric_flags.takes_periods or metric_flags.is_only_in_figures, false) as takes_leading_period
    from subjects
    left join restated_metric_guess
        on {{ draft_same_mention('subjects', 'restated_metric_guess') }}
    left join metric_needs_item
        on restated_metric_guess.metric_id = metric_needs_item.metric_id
    left join metric_fit as item_fit
        on restated_metric_guess.metric_id = item_fit.metric_id
            and subjects.item_entity_type = item_fit.entity_type
            and item_fit.needs_item
    left join metric_marts as metric_flags
        on restated_metric_guess.metric_id = metric_flags.metric_id
            and metric_flags.entity_type = ''
)

select * from final
