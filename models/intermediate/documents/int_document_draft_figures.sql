{#- Draft figure rows for `python -m pipeline draft`: one per number of a document that nothing
    accounts for yet (int_document_mentions; two, first and second, for a range), in the columns of
    seeds/articles/article_figures.csv. The value as written, paragraph and quote (the sentence that
    holds the number) are read from the text; the subject, metric, direction and period are guesses
    from the same sentence, each named in guessed_fields:
    - subject: the nearest alias (int_entity_aliases) before the number, else after it; else a
      pronoun of vocabulary_context_words, which names the source's lead entity; else the lead
      entity's name;
    - metric: the nearest signal word whose metric's unit kind fits the number (an amount, a ratio, a
      count): the words of vocabulary_metric_words and each catalogue metric's name and id as words;
      after a direction word a metric's word also signals its change variant ("net profit rose 12%"),
      without one its multiple ("cloud revenue ... nearly double"); a word after the number counts
      only before the next comma; with no signal word of the number's unit, the metric with the most
      words of its name in the number's clause, then sentence; a longer name ending with the guess
      whose other words are in the clause is more specific; "X% of ..." is no signed change;
    - direction: the nearest direction word (vocabulary_direction_words) before the number, for a
      metric that is a signed change;
    - period: the nearest period the period grammar reads in the sentence, else the last one before
      it in the paragraph, else the document's leading period (the first year or part of a year it
      writes), resolved against the published date and the subject's fiscal year (period_label_guess);
      a relative period ("a year earlier") resolves against the number before it in its sentence, and
      the numbers of a span of years, as many as its years, take its years in turn;
    - value as written: a range keeps its opener ("between 4.5% and 5%"). -#}
{%- set grammar = value_grammar() -%}
{%- set groups = grammar['groups'] -%}
{%- set range_openers = vocabulary_words(grammar['words'], 'range_opener') -%}

with

mentions as (
    select * from {{ ref('int_document_mentions') }}
    where not is_accounted_for
        and mention_kind <> 'period'
),

sources as (
    select * from {{ ref('int_sources') }}
),

entities as (
    select * from {{ ref('int_entities') }}
),

aliases as (
    select * from {{ ref('int_entity_aliases') }}
),

metrics as (
    select * from {{ ref('stg_curated__metrics') }}
),

marts as (
    select * from {{ ref('stg_curated__marts') }}
),

vocabulary_metric_words as (
    select * from {{ ref('vocabulary_metric_words') }}
),

direction_words as (
    select * from {{ ref('vocabulary_direction_words') }}
),

context_words as (
    select * from {{ ref('vocabulary_context_words') }}
),

document_paragraphs as (
    select * from {{ ref('stg_documents__paragraphs') }}
),

paragraphs as (
    select
        sources.source_id,
        document_paragraphs.paragraph_number,
        document_paragraphs.paragraph_text
    from sources
    inner join document_paragraphs
        on sources.text_path = document_paragraphs.text_path
    where sources.source_id in (select source_id from mentions)
),

{{ text_matches('paragraphs', ['source_id', 'paragraph_number'], 'paragraph_text', period_mention_pattern(), 'period_matches') }},

-- the sentence of each number: from after the last sentence end before it to the first after it
with_text as (
    select
        mentions.*,
        paragraphs.paragraph_text,
        {{ dbt.length(regex_group(
            'substring(paragraphs.paragraph_text, 1, mentions.mention_start - 1)', '^(.*[.!?]["”’)]* +)', 1)) }} + 1 as sentence_start,
        {{ regex_group('substring(paragraphs.paragraph_text, mentions.mention_end)', '^(.*?[.!?]["”’)]*)(?: |$)', 1) }} as sentence_rest
    from mentions
    inner join paragraphs
        on mentions.source_id = paragraphs.source_id
            and mentions.paragraph_number = paragraphs.paragraph_number
),

sentences as (
    select
        *,
        case when sentence_rest = '' then {{ dbt.length('paragraph_text') }} + 1
            else mention_end + {{ dbt.length('sentence_rest') }} end as sentence_end
    from with_text
),

framed as (
    select
        *,
        substring(paragraph_text, sentence_start, sentence_end - sentence_start) as quote,
        lower(substring(paragraph_text, sentence_start, mention_start - sentence_start)) as text_before,
        lower(substring(paragraph_text, mention_end, sentence_end - mention_end)) as text_after,
        -- a range's opener ("between 4.5% and 5%") is part of its value as written
        case when mention_kind = 'range'
            then {{ regex_group(
                'lower(substring(paragraph_text, sentence_start, mention_start - sentence_start))',
                '(?:^|[^a-z0-9])(' ~ regex_alternation(range_openers) ~ ' +)$', 1) }}
            else '' end as range_opener_text,
        -- the last end carries the unit of a range ("15% to 50%", "between $1.25bn and $1.3bn")
        {{ regex_groups(
            "lower(case when mention_kind = 'range' then " ~ regex_group('lower(mention_as_written)', '^.* (?:' ~ regex_alternation(range_connectors(grammar)) ~ ') (.*)$', 1) ~ " else mention_as_written end)",
            grammar['pattern'], groups) }} as parts
    from sentences
),

measured as (
    select
        *,
        case
            when parts.currency_before <> '' or parts.currency_after <> '' then 'currency'
            when parts.unit_word <> '' then {{ unit_word_unit('parts.unit_word', grammar) }}
            when parts.fraction_numerator <> '' then 'ratio'
            when parts.number_word <> '' and {{ number_word_kind('parts.number_word', grammar) }} = 'fraction' then 'ratio'
            when parts.number_word <> '' and {{ number_word_kind('parts.number_word', grammar) }} = 'multiple' then 'multiple'
            else 'count'
        end as value_unit,
        substring(paragraph_text, mention_start - {{ dbt.length('range_opener_text') }}, {{ dbt.length('range_opener_text') }})
        || mention_as_written as value_as_written
    from framed
),

-- where a word or name is in the sentence: its distance from the number before it (counted back
-- from the number) or after it; NULL when it is not there
{%- set distance_before = "nullif(" ~ dbt.position("reverse(lower({word}))", "reverse(measured.text_before)") ~ ", 0)" %}
{%- set distance_after = "nullif(" ~ dbt.position("lower({word})", "measured.text_after") ~ ", 0)" %}

alias_candidates as (
    select
        measured.source_id,
        measured.mention_start,
        measured.paragraph_number,
        aliases.alias,
        aliases.entity_id,
        {{ distance_before.format(word='aliases.alias') }} as before_distance,
        {{ distance_after.format(word='aliases.alias') }} as after_distance
    from measured
    inner join aliases
        on {{ dbt.position('lower(aliases.alias)', 'lower(measured.quote)') }} > 0
),

subject_guess as (
    select
        source_id,
        paragraph_number,
        mention_start,
        alias,
        entity_id,
        before_distance
    from (
        select
            *,
            row_number() over (
                partition by source_id, paragraph_number, mention_start
                order by case when before_distance is not null then 0 else 1 end,
                    coalesce(before_distance, after_distance), {{ dbt.length('alias') }} desc, alias
            ) as guess_rank
        from alias_candidates
        where before_distance is not null or after_distance is not null
    ) as ranked
    where guess_rank = 1
),

pronoun_guess as (
    select
        source_id,
        paragraph_number,
        mention_start,
        pronoun,
        pronoun_distance
    from (
        select
            measured.source_id,
            measured.paragraph_number,
            measured.mention_start,
            context_words.word as pronoun,
            {{ dbt.position("reverse(' ' || context_words.word || ' ')", "reverse(' ' || measured.text_before)") }} as pronoun_distance,
            row_number() over (
                partition by measured.source_id, measured.paragraph_number, measured.mention_start
                order by {{ dbt.position("reverse(' ' || context_words.word || ' ')", "reverse(' ' || measured.text_before)") }}
            ) as guess_rank
        from measured
        inner join context_words
            on context_words.word_class = 'pronoun'
                and {{ dbt.position("' ' || context_words.word || ' '", "' ' || measured.text_before") }} > 0
    ) as ranked
    where guess_rank = 1
),

-- which entity types each metric's marts take: 0 a mart lists the type, 1 a mart takes any type
-- (or the metric has no mart but fct_figures), else 2 (revenue growth is a company's, market growth a market's)
metric_marts as (
    {{ split_to_rows('metrics', 'metric_id', 'marts', ';') | indent(4) }}
),

mart_types as (
    {{ split_to_rows('marts', 'mart', 'entity_types', ';') | indent(4) }}
),

metric_fit as (
    select
        metric_marts.key as metric_id,
        mart_types.value as entity_type,
        max(coalesce(marts.needs_item, false)) as needs_item
    from metric_marts
    inner join marts
        on metric_marts.value = marts.mart
    inner join mart_types
        on marts.mart = mart_types.key
    where mart_types.value <> ''
    group by metric_marts.key, mart_types.value
),

metric_takes_any as (
    select distinct metric_marts.key as metric_id
    from metric_marts
    left join marts
        on metric_marts.value = marts.mart
    where metric_marts.value = 'fct_figures'
        or coalesce(marts.entity_types, '') = ''
),

-- the type of the subject: the alias guessed in the sentence, else the source's lead entity (a
-- sentence that names no one, "The company now expects revenue of ...", is about it)
subject_types as (
    select
        measured.source_id,
        measured.paragraph_number,
        measured.mention_start,
        entities.entity_type
    from measured
    inner join sources
        on measured.source_id = sources.source_id
    left join subject_guess
        on measured.source_id = subject_guess.source_id
            and measured.paragraph_number = subject_guess.paragraph_number
            and measured.mention_start = subject_guess.mention_start
    inner join entities
        on coalesce(subject_guess.entity_id, sources.lead_entity_id) = entities.entity_id
),

direction_guess as (
    select
        source_id,
        paragraph_number,
        mention_start,
        direction_word
    from (
        select
            measured.source_id,
            measured.paragraph_number,
            measured.mention_start,
            direction_words.word as direction_word,
            row_number() over (
                partition by measured.source_id, measured.paragraph_number, measured.mention_start
                order by {{ dbt.position("reverse(' ' || direction_words.word || ' ')", "reverse(' ' || measured.text_before)") }},
                    {{ dbt.length('direction_words.word') }} desc
            ) as guess_rank
        from measured
        inner join direction_words
            on {{ dbt.position("' ' || direction_words.word || ' '", "' ' || measured.text_before") }} > 0
    ) as ranked
    where guess_rank = 1
),

-- the signal words of each metric: those of vocabulary_metric_words, and the catalogue's own words for
-- every metric (its name, and its id read as words: 'net_profit' is "net profit"), so a metric added
-- to the catalogue is guessed without a vocabulary row
catalogue_metric_words as (
    select
        lower(metric_name) as word,
        metric_id
    from metrics
    union
    select
        replace(metric_id, '_', ' ') as word,
        metric_id
    from metrics
),

base_metric_words as (
    select
        lower(word) as word,
        metric_id
    from vocabulary_metric_words
    union
    select
        word,
        metric_id
    from catalogue_metric_words
),

-- a metric's variants: the metrics whose name begins with its name and whose values are of another
-- unit kind, either a signed change ("Net profit" -> "Net profit growth year on year", a ratio;
-- "Operating margin" -> "Operating margin change", in percentage points) or a multiple ("Cloud
-- revenue" -> "Cloud revenue as a multiple of a year earlier"); per unit kind the nearest by name
-- length is the variant
change_variants as (
    select
        base_metric_id,
        variant_metric_id,
        is_signed_change
    from (
        select
            base.metric_id as base_metric_id,
            variant.metric_id as variant_metric_id,
            variant.is_signed_change,
            row_number() over (
                partition by base.metric_id, variant.unit_kind
                order by {{ dbt.length('variant.metric_name') }}, variant.metric_id
            ) as variant_rank
        from metrics as base
        inner join metrics as variant
            on (variant.is_signed_change or variant.unit_kind = 'multiple')
                and variant.unit_kind <> base.unit_kind
                and not base.is_signed_change
                and {{ dbt.position("lower(base.metric_name) || ' '", 'lower(variant.metric_name)') }} = 1
    ) as ranked
    where variant_rank = 1
),

-- a word of a metric that has a variant also signals the variant (the number's unit kind tells
-- which): a signed change when a direction word ("rose", "narrowed") comes before the number ("net
-- profit rose 12%" is net profit growth), a multiple with none ("cloud revenue ... nearly double")
metric_words as (
    select
        word,
        metric_id,
        false as needs_direction
    from base_metric_words
    union all
    select
        base_metric_words.word,
        change_variants.variant_metric_id as metric_id,
        change_variants.is_signed_change as needs_direction
    from base_metric_words
    inner join change_variants
        on base_metric_words.metric_id = change_variants.base_metric_id
),

-- a metric word after the number counts only in the number's own clause: "revenue of 190 billion
-- yen ..., up from ¥162 billion in fiscal 2023, and an operating profit of ¥21 billion": the
-- operating profit, after a comma, is not the ¥162 billion's metric
{%- set clause_after = "not " ~ regex_matches("substring(measured.text_after, 1, " ~ distance_after.format(word='metric_words.word') ~ ")", '[,;]') %}
metric_candidates as (
    select
        measured.source_id,
        measured.paragraph_number,
        measured.mention_start,
        metric_words.word,
        metrics.metric_id,
        metrics.is_signed_change,
        case when metrics.unit_kind = measured.value_unit then 0 else 1 end as unit_rank,
        case
            when metric_fit.metric_id is not null then 0
            when metric_takes_any.metric_id is not null then 1
            else 2
        end as fit_rank,
        least(
            case when {{ dbt.position('lower(metric_words.word)', 'lower(measured.mention_as_written)') }} > 0 then 0 end,
            coalesce({{ distance_before.format(word='metric_words.word') }}, 100000),
            coalesce(case when {{ clause_after }} then {{ distance_after.format(word='metric_words.word') }} end, 100000)
        ) as distance
    from measured
    inner join metric_words
        on {{ dbt.position('lower(metric_words.word)', 'lower(measured.quote)') }} > 0
    inner join metrics
        on metric_words.metric_id = metrics.metric_id
            and (
                metrics.unit_kind = measured.value_unit
                or (metrics.unit_kind = 'ratio' and measured.value_unit = 'multiple')
            )
    left join subject_types
        on measured.source_id = subject_types.source_id
            and measured.paragraph_number = subject_types.paragraph_number
            and measured.mention_start = subject_types.mention_start
    left join metric_fit
        on metrics.metric_id = metric_fit.metric_id
            and subject_types.entity_type = metric_fit.entity_type
    left join metric_takes_any
        on metrics.metric_id = metric_takes_any.metric_id
    left join direction_guess
        on measured.source_id = direction_guess.source_id
            and measured.paragraph_number = direction_guess.paragraph_number
            and measured.mention_start = direction_guess.mention_start
    where not metric_words.needs_direction
        or direction_guess.direction_word is not null
),

-- the words of each metric's name, less the words that only join them (class metric_name_filler of
-- vocabulary_context_words: "of", "the"): "GPU rental share of revenue" is gpu, rental, share, revenue
metric_names as (
    select
        metric_id,
        trim({{ regex_replace_all('lower(metric_name)', '[^a-z0-9&]+', ' ') }}) as name_text
    from metrics
),

metric_name_word_rows as (
    {{ split_to_rows('metric_names', 'metric_id', 'name_text', ' ') | indent(4) }}
),

metric_name_words as (
    select distinct
        metric_name_word_rows.key as metric_id,
        metric_name_word_rows.value as word
    from metric_name_word_rows
    left join context_words
        on metric_name_word_rows.value = context_words.word
            and context_words.word_class = 'metric_name_filler'
    where metric_name_word_rows.value <> ''
        and context_words.word is null
),

metric_name_sizes as (
    select
        metric_id,
        count(*) as name_word_count
    from metric_name_words
    group by metric_id
),

-- what stands for a word of a name in a sentence: a word of four letters or more by its first four
-- ("trains" for "training", "open" for "opened"), a shorter one ("ai", "gpu") whole, and a word that
-- is a metric's whole name by that metric's signal words ("sales" for the "revenue" of "AI
-- networking revenue")
metric_name_word_forms as (
    select
        metric_id,
        word,
        case when {{ dbt.length('word') }} >= 4 then ' ' || substring(word, 1, 4) else ' ' || word || ' ' end as form_text
    from metric_name_words
    union
    select
        metric_name_words.metric_id,
        metric_name_words.word,
        ' ' || trim({{ regex_replace_all('base_metric_words.word', '[^a-z0-9&]+', ' ') }}) || ' ' as form_text
    from metric_name_words
    inner join metrics as named_metrics
        on metric_name_words.word = lower(named_metrics.metric_name)
    inner join base_metric_words
        on named_metrics.metric_id = base_metric_words.metric_id
),

-- the words of each number's sentence and of its clause (between the commas or semicolons around
-- it), lowercased, between single spaces
sentence_words as (
    select
        source_id,
        paragraph_number,
        mention_start,
        ' ' || trim({{ regex_replace_all('lower(quote)', '[^a-z0-9&]+', ' ') }}) || ' ' as quote_words,
        ' ' || trim({{ regex_replace_all(
            regex_group('text_before', '([^,;]*)$', 1) ~ " || ' ' || lower(mention_as_written) || ' ' || "
            ~ regex_group('text_after', '^([^,;]*)', 1), '[^a-z0-9&]+', ' ') }}) || ' ' as clause_words
    from measured
),

name_word_hits as (
    select
        sentence_words.source_id,
        sentence_words.paragraph_number,
        sentence_words.mention_start,
        metric_name_word_forms.metric_id,
        metric_name_word_forms.word,
        max(case when {{ dbt.position('metric_name_word_forms.form_text', 'sentence_words.clause_words') }} > 0 then 1 else 0 end)
            as is_in_clause
    from sentence_words
    inner join metric_name_word_forms
        on {{ dbt.position('metric_name_word_forms.form_text', 'sentence_words.quote_words') }} > 0
    group by
        sentence_words.source_id, sentence_words.paragraph_number, sentence_words.mention_start,
        metric_name_word_forms.metric_id, metric_name_word_forms.word
),

metric_name_hits as (
    select
        source_id,
        paragraph_number,
        mention_start,
        metric_id,
        count(*) as matched_word_count,
        sum(is_in_clause) as clause_word_count,
        {{ listagg_sorted('word', "', '") }} as matched_words
    from name_word_hits
    group by source_id, paragraph_number, mention_start, metric_id
),

-- how many words of each metric's name the sentence (and the number's clause) holds, for the
-- metrics of the number's unit, when it holds at least half of them or the clause two
name_word_matches as (
    select
        measured.source_id,
        measured.paragraph_number,
        measured.mention_start,
        metrics.metric_id,
        metrics.metric_name,
        metrics.is_signed_change,
        case when metrics.unit_kind = measured.value_unit then 0 else 1 end as unit_rank,
        case
            when metric_fit.metric_id is not null then 0
            when metric_takes_any.metric_id is not null then 1
            else 2
        end as fit_rank,
        metric_name_hits.matched_word_count,
        metric_name_hits.clause_word_count,
        metric_name_sizes.name_word_count,
        metric_name_hits.matched_words
    from measured
    inner join metric_name_hits
        on measured.source_id = metric_name_hits.source_id
            and measured.paragraph_number = metric_name_hits.paragraph_number
            and measured.mention_start = metric_name_hits.mention_start
    inner join metrics
        on metric_name_hits.metric_id = metrics.metric_id
            and (
                metrics.unit_kind = measured.value_unit
                or (metrics.unit_kind = 'ratio' and measured.value_unit = 'multiple')
            )
    inner join metric_name_sizes
        on metrics.metric_id = metric_name_sizes.metric_id
    left join subject_types
        on measured.source_id = subject_types.source_id
            and measured.paragraph_number = subject_types.paragraph_number
            and measured.mention_start = subject_types.mention_start
    left join metric_fit
        on metrics.metric_id = metric_fit.metric_id
            and subject_types.entity_type = metric_fit.entity_type
    left join metric_takes_any
        on metrics.metric_id = metric_takes_any.metric_id
    where 2 * metric_name_hits.matched_word_count >= metric_name_sizes.name_word_count
        or metric_name_hits.clause_word_count >= 2
),

-- a part of a whole ("22% of group sales", "a third of the total") is no change: the metrics that are
-- signed changes are not its guess
share_statements as (
    select
        source_id,
        paragraph_number,
        mention_start
    from measured
    where value_unit = 'ratio'
        and {{ regex_matches('text_after', '^ +of +[a-z]') }}
),

-- the guess: the nearest signal word of a metric of the number's own unit kind (a ratio metric
-- takes a multiple only when no metric of the multiple's kind is signalled); with no signal word
-- of its kind, the metric of its kind with the most words of its name in the number's clause, then
-- in its sentence ("About one in five of its customers now trains AI models" is the share of
-- customers training AI models)
ranked_metric_candidates as (
    select
        source_id,
        paragraph_number,
        mention_start,
        word as metric_word,
        metric_id,
        is_signed_change,
        unit_rank,
        fit_rank,
        0 as basis_rank,
        distance,
        {{ dbt.length('word') }} as word_length,
        0 as clause_word_count,
        0 as matched_word_count,
        0.0 as matched_share,
        '' as matched_words
    from metric_candidates
    where distance < 100000
    union all
    select
        source_id,
        paragraph_number,
        mention_start,
        cast(null as string) as metric_word,
        metric_id,
        is_signed_change,
        unit_rank,
        fit_rank,
        1 as basis_rank,
        0 as distance,
        0 as word_length,
        clause_word_count,
        matched_word_count,
        1.0 * matched_word_count / name_word_count as matched_share,
        matched_words
    from name_word_matches
),

first_metric_guess as (
    select
        source_id,
        paragraph_number,
        mention_start,
        metric_word,
        metric_id,
        is_signed_change,
        basis_rank,
        unit_rank,
        matched_words
    from (
        select
            ranked_metric_candidates.*,
            row_number() over (
                partition by ranked_metric_candidates.source_id, ranked_metric_candidates.paragraph_number,
                    ranked_metric_candidates.mention_start
                order by ranked_metric_candidates.unit_rank, ranked_metric_candidates.basis_rank,
                    case when ranked_metric_candidates.fit_rank = 2 then 1 else 0 end,
                    ranked_metric_candidates.distance, ranked_metric_candidates.clause_word_count desc,
                    ranked_metric_candidates.matched_word_count desc, ranked_metric_candidates.matched_share desc,
                    ranked_metric_candidates.word_length desc, ranked_metric_candidates.fit_rank,
                    ranked_metric_candidates.metric_id
            ) as guess_rank
        from ranked_metric_candidates
        left join share_statements
            on ranked_metric_candidates.source_id = share_statements.source_id
                and ranked_metric_candidates.paragraph_number = share_statements.paragraph_number
                and ranked_metric_candidates.mention_start = share_statements.mention_start
        where share_statements.mention_start is null
            or not ranked_metric_candidates.is_signed_change
    ) as ranked
    where guess_rank = 1
),

-- a metric of the same unit kind whose name ends with the name of the guess, and every other word of
-- whose name the number's clause holds, is the more specific guess: "Its GPU rental business brought
-- in ¥12.9 billion" is GPU rental revenue, not revenue ("the maker of hearing aids and cochlear
-- implants, said ... that sales ... rose 14% to CHF 2.87 billion" is revenue: the other words are
-- in another clause)
specific_candidates as (
    select
        first_metric_guess.source_id,
        first_metric_guess.paragraph_number,
        first_metric_guess.mention_start,
        specific_metrics.metric_id,
        specific_metrics.is_signed_change,
        count(distinct metric_name_words.word) as extra_word_count,
        count(distinct case when name_word_hits.is_in_clause = 1 then name_word_hits.word end) as extra_hit_count
    from first_metric_guess
    inner join metrics as guessed_metrics
        on first_metric_guess.metric_id = guessed_metrics.metric_id
    inner join metrics as specific_metrics
        on guessed_metrics.unit_kind = specific_metrics.unit_kind
            and lower(specific_metrics.metric_name) like '% ' || lower(guessed_metrics.metric_name)
    inner join metric_name_words
        on specific_metrics.metric_id = metric_name_words.metric_id
    left join metric_name_words as guessed_words
        on guessed_metrics.metric_id = guessed_words.metric_id
            and metric_name_words.word = guessed_words.word
    left join name_word_hits
        on first_metric_guess.source_id = name_word_hits.source_id
            and first_metric_guess.paragraph_number = name_word_hits.paragraph_number
            and first_metric_guess.mention_start = name_word_hits.mention_start
            and specific_metrics.metric_id = name_word_hits.metric_id
            and metric_name_words.word = name_word_hits.word
    where first_metric_guess.basis_rank = 0
        and guessed_words.word is null
    group by
        first_metric_guess.source_id, first_metric_guess.paragraph_number, first_metric_guess.mention_start,
        specific_metrics.metric_id, specific_metrics.is_signed_change
),

specific_metric_guess as (
    select
        source_id,
        paragraph_number,
        mention_start,
        metric_id,
        is_signed_change
    from (
        select
            *,
            row_number() over (
                partition by source_id, paragraph_number, mention_start
                order by extra_word_count desc, metric_id
            ) as specific_rank
        from specific_candidates
        where extra_hit_count = extra_word_count
    ) as ranked
    where specific_rank = 1
),

metric_guess as (
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
        on first_metric_guess.source_id = specific_metric_guess.source_id
            and first_metric_guess.paragraph_number = specific_metric_guess.paragraph_number
            and first_metric_guess.mention_start = specific_metric_guess.mention_start
),

-- a metric whose mart needs an item (a price cut: whose prices, of what) takes for subject the
-- nearest alias of an entity type its mart takes, and the alias guessed first as its item
metric_needs_item as (
    select distinct metric_id
    from metric_fit
    where needs_item
),

item_subject_guess as (
    select
        source_id,
        paragraph_number,
        mention_start,
        alias,
        entity_id
    from (
        select
            alias_candidates.*,
            row_number() over (
                partition by alias_candidates.source_id, alias_candidates.paragraph_number, alias_candidates.mention_start
                order by case when alias_candidates.before_distance is not null then 0 else 1 end,
                    coalesce(alias_candidates.before_distance, alias_candidates.after_distance),
                    {{ dbt.length('alias_candidates.alias') }} desc, alias_candidates.alias
            ) as guess_rank
        from alias_candidates
        inner join metric_guess
            on alias_candidates.source_id = metric_guess.source_id
                and alias_candidates.paragraph_number = metric_guess.paragraph_number
                and alias_candidates.mention_start = metric_guess.mention_start
        inner join entities
            on alias_candidates.entity_id = entities.entity_id
        inner join metric_fit
            on metric_guess.metric_id = metric_fit.metric_id
                and entities.entity_type = metric_fit.entity_type
        where metric_fit.needs_item
            and (alias_candidates.before_distance is not null or alias_candidates.after_distance is not null)
    ) as ranked
    where guess_rank = 1
),

document_period_texts as (
    select
        source_id,
        paragraph_number,
        match_start,
        match_text,
        {{ period_core('lower(match_text)') }}
    from period_matches
),

document_period_forms as (
    select
        *,
        {{ period_form() }}
    from document_period_texts
),

-- the period of a number: one written right after it ("9.061 billion yuan in 2021", with only
-- lead words between), else the nearest before it in its sentence, else the nearest after it, else
-- the last period with a year in digits before its sentence in the paragraph ("In 2022, ... . It ...")
{%- set period_lead_pattern = "^[ ,]*(?:(?:" ~ regex_alternation(vocabulary_words(vocabulary_rows('vocabulary_period_words'), 'lead_word')) ~ ") +)*$" %}
period_candidates as (
    select
        measured.source_id,
        measured.paragraph_number,
        measured.mention_start,
        period_matches.match_text as period_text,
        case
            -- a relative period after "from" ("doubled from a year earlier to $450m") names what the
            -- numbers are compared with, and is the period of none of them
            when document_period_forms.period_form in ('same_part', 'figure_relative')
                and {{ regex_matches(
                    'lower(substring(measured.paragraph_text, 1, period_matches.match_start - 1))', '(?:^|[^a-z])from +$') }}
                then null
            when period_matches.match_start >= measured.mention_end
                and period_matches.match_start < measured.sentence_end
                and {{ regex_matches(
                    'lower(substring(measured.paragraph_text, measured.mention_end, period_matches.match_start - measured.mention_end))',
                    period_lead_pattern) }}
                then 0
            -- a relative period after the number, with no other number between, is its own ("nearly
            -- double the $980 million it booked a year earlier"), before any period earlier in the sentence
            when document_period_forms.period_form in ('same_part', 'figure_relative')
                and period_matches.match_start >= measured.mention_end
                and period_matches.match_start < measured.sentence_end
                and not {{ regex_matches(
                    'substring(measured.paragraph_text, measured.mention_end, period_matches.match_start - measured.mention_end)',
                    '[0-9]') }}
                then 500 + period_matches.match_start - measured.mention_end
            -- a relative period before the number is the period of the number it follows, not of this one
            when document_period_forms.period_form in ('same_part', 'figure_relative')
                and period_matches.match_start < measured.mention_start
                then null
            when period_matches.match_start >= measured.sentence_start
                and period_matches.match_start < measured.mention_start
                then 1000 + measured.mention_start - period_matches.match_start
            when period_matches.match_start >= measured.mention_end
                and period_matches.match_start < measured.sentence_end
                and not {{ regex_matches(
                    'substring(measured.paragraph_text, measured.mention_end, period_matches.match_start - measured.mention_end)',
                    '[0-9]') }}
                then 2000 + period_matches.match_start - measured.mention_end
            when period_matches.match_start < measured.sentence_start
                and {{ regex_matches('period_matches.match_text', '[0-9]') }}
                then 100000 + measured.mention_start - period_matches.match_start
        end as distance
    from measured
    inner join period_matches
        on measured.source_id = period_matches.source_id
            and measured.paragraph_number = period_matches.paragraph_number
            and period_matches.match_start < measured.sentence_end
    left join document_period_forms
        on period_matches.source_id = document_period_forms.source_id
            and period_matches.paragraph_number = document_period_forms.paragraph_number
            and period_matches.match_start = document_period_forms.match_start
),

period_guess as (
    select
        source_id,
        paragraph_number,
        mention_start,
        period_text
    from (
        select
            *,
            row_number() over (partition by source_id, paragraph_number, mention_start order by distance) as guess_rank
        from period_candidates
        where distance is not null
    ) as ranked
    where guess_rank = 1
),

-- the document's leading period: the first period it writes that is a year or a part of one (not a
-- day or a month), as a news report states its reporting period in its lead ("revenue of S$1.84
-- billion for the first half of 2025"); a number whose paragraph states no period takes it (its
-- headline, and the later paragraphs that go on about the same period) when its metric is one
-- reported per period (a mart of it lists period types, or its only mart is fct_figures, which takes
-- any period: "Operating loss was S$74 million, compared with ...") or no metric was guessed
{%- set reporting_forms = [] %}
{%- for form in period_grammar()['forms'] if form['kind'] in ('fiscal_year', 'part', 'year_to_date') %}
    {%- do reporting_forms.append(sql_text(form['form'])) %}
{%- endfor %}
metric_takes_periods as (
    select distinct metric_marts.key as metric_id
    from metric_marts
    inner join marts
        on metric_marts.value = marts.mart
    where coalesce(marts.period_types, '') <> ''
),

-- a metric whose only mart is fct_figures (a metric added for one article): no mart says which
-- periods it takes, so it takes any, the leading one too
metric_only_in_figures as (
    select key as metric_id
    from metric_marts
    group by key
    having min(value) = 'fct_figures' and max(value) = 'fct_figures'
),

leading_periods as (
    select
        source_id,
        match_text as period_text
    from (
        select
            *,
            row_number() over (partition by source_id order by paragraph_number, match_start) as period_rank
        from document_period_forms
        where period_form in ({{ reporting_forms | join(', ') }})
    ) as ranked
    where period_rank = 1
),

-- a pronoun ("it", "its", "the company") before the number and nearer than any alias before it names the subject
subjects as (
    select
        measured.source_id,
        measured.paragraph_number,
        measured.mention_start,
        coalesce(
            pronoun_guess.pronoun is not null
            and sources.lead_entity_id is not null
            and (subject_guess.before_distance is null or pronoun_guess.pronoun_distance < subject_guess.before_distance),
            false
        ) as pronoun_is_subject
    from measured
    inner join sources
        on measured.source_id = sources.source_id
    left join subject_guess
        on measured.source_id = subject_guess.source_id
            and measured.paragraph_number = subject_guess.paragraph_number
            and measured.mention_start = subject_guess.mention_start
    left join pronoun_guess
        on measured.source_id = pronoun_guess.source_id
            and measured.paragraph_number = pronoun_guess.paragraph_number
            and measured.mention_start = pronoun_guess.mention_start
),

{%- set pronoun_takes_subject %}(subjects.pronoun_is_subject or (item_subject_guess.alias is null and metric_needs_item.metric_id is not null and pronoun_guess.pronoun is not null and sources.lead_entity_id is not null)){% endset %}

guessed as (
    select
        measured.source_id,
        measured.paragraph_number,
        measured.mention_start,
        measured.mention_as_written,
        measured.value_as_written,
        measured.mention_kind,
        measured.quote,
        measured.value_unit,
        sources.published_date,
        case
            when item_subject_guess.alias is not null and item_subject_guess.entity_id <> subject_guess.entity_id
                then subject_guess.alias
            when item_subject_guess.alias is null and metric_needs_item.metric_id is not null and pronoun_guess.pronoun is not null
                and sources.lead_entity_id is not null
                then coalesce(subject_guess.alias, '')
            else ''
        end as item_as_written,
        coalesce(
            item_subject_guess.alias,
            case when not {{ pronoun_takes_subject }} then subject_guess.alias end,
            case when pronoun_guess.pronoun is not null and sources.lead_entity_id is not null
                then substring(measured.quote, {{ dbt.position("lower(pronoun_guess.pronoun)", "lower(measured.quote)") }},
                    {{ dbt.length('pronoun_guess.pronoun') }}) end,
            lead_entities.entity_name,
            ''
        ) as subject_as_written,
        coalesce(
            item_subject_guess.entity_id, case when not {{ pronoun_takes_subject }} then subject_guess.entity_id end,
            sources.lead_entity_id
        ) as entity_id_guess,
        case
            when item_subject_guess.alias is not null or (subject_guess.alias is not null and not {{ pronoun_takes_subject }})
                then 'alias in the sentence'
            when pronoun_guess.pronoun is not null and sources.lead_entity_id is not null then 'pronoun: the lead entity'
            when sources.lead_entity_id is not null then 'no alias in the sentence: the lead entity'
            else 'no alias in the sentence and no lead entity'
        end as subject_basis,
        coalesce(metric_guess.metric_id, '') as metric_id,
        metric_guess.metric_basis,
        coalesce(substring(measured.quote, {{ dbt.position("lower(metric_guess.metric_word)", "lower(measured.quote)") }},
            {{ dbt.length('metric_guess.metric_word') }}), '') as metric_as_written,
        case when metric_guess.is_signed_change then coalesce(direction_guess.direction_word, '') else '' end
            as direction_as_written,
        coalesce(period_guess.period_text, leading_periods.period_text, '') as period_as_written,
        period_guess.period_text is null and leading_periods.period_text is not null as is_leading_period
    from measured
    inner join sources
        on measured.source_id = sources.source_id
    left join entities as lead_entities
        on sources.lead_entity_id = lead_entities.entity_id
    left join subject_guess
        on measured.source_id = subject_guess.source_id
            and measured.paragraph_number = subject_guess.paragraph_number
            and measured.mention_start = subject_guess.mention_start
    inner join subjects
        on measured.source_id = subjects.source_id
            and measured.paragraph_number = subjects.paragraph_number
            and measured.mention_start = subjects.mention_start
    left join item_subject_guess
        on measured.source_id = item_subject_guess.source_id
            and measured.paragraph_number = item_subject_guess.paragraph_number
            and measured.mention_start = item_subject_guess.mention_start
    left join pronoun_guess
        on measured.source_id = pronoun_guess.source_id
            and measured.paragraph_number = pronoun_guess.paragraph_number
            and measured.mention_start = pronoun_guess.mention_start
    left join metric_guess
        on measured.source_id = metric_guess.source_id
            and measured.paragraph_number = metric_guess.paragraph_number
            and measured.mention_start = metric_guess.mention_start
    left join metric_needs_item
        on metric_guess.metric_id = metric_needs_item.metric_id
    left join direction_guess
        on measured.source_id = direction_guess.source_id
            and measured.paragraph_number = direction_guess.paragraph_number
            and measured.mention_start = direction_guess.mention_start
    left join period_guess
        on measured.source_id = period_guess.source_id
            and measured.paragraph_number = period_guess.paragraph_number
            and measured.mention_start = period_guess.mention_start
    left join metric_takes_periods
        on metric_guess.metric_id = metric_takes_periods.metric_id
    left join metric_only_in_figures
        on metric_guess.metric_id = metric_only_in_figures.metric_id
    left join leading_periods
        on measured.source_id = leading_periods.source_id
            and (
                metric_guess.metric_id is null
                or metric_takes_periods.metric_id is not null
                or metric_only_in_figures.metric_id is not null
            )
),

-- a period written relative to another figure's ("a year earlier", "the same quarter of 2023", "the
-- same period of 2023"), as the build resolves it against the figure compared with, resolves
-- against the period of the nearest number before it in its sentence whose period has a year in
-- digits, else against the document's leading period: that period's text with its year replaced
-- by the relative one's ("the first half of 2025" and "a year earlier": "the first half of 2024")
guessed_periods as (
    select
        source_id,
        paragraph_number,
        mention_start,
        quote,
        value_unit,
        period_as_written
    from guessed
),

{{ period_value_ctes('guessed_periods', 'lower(period_as_written)', prefix='guessed_') }},

relative_period_references as (
    select
        source_id,
        paragraph_number,
        mention_start,
        period_year_text,
        reference_text
    from (
        select
            relative.source_id,
            relative.paragraph_number,
            relative.mention_start,
            relative.period_year_text,
            coalesce(compared.period_as_written, leading_periods.period_text) as reference_text,
            row_number() over (
                partition by relative.source_id, relative.paragraph_number, relative.mention_start
                order by compared.mention_start desc
            ) as reference_rank
        from guessed_period_values as relative
        left join guessed_period_values as compared
            on relative.source_id = compared.source_id
                and relative.paragraph_number = compared.paragraph_number
                and relative.quote = compared.quote
                and compared.mention_start < relative.mention_start
                and compared.period_kind not in ('same_part', 'figure_relative', 'unstated')
                and {{ regex_matches('compared.period_as_written', '[0-9]{4}') }}
        left join leading_periods
            on relative.source_id = leading_periods.source_id
        where relative.period_kind in ('same_part', 'figure_relative')
    ) as ranked
    where reference_rank = 1
        and {{ regex_matches('reference_text', '[0-9]{4}') }}
),

relative_period_texts as (
    select
        source_id,
        paragraph_number,
        mention_start,
        reference_text,
        {{ regex_group('reference_text', '^(.*?)[0-9]{4}', 1) }}
        || cast(
            case when {{ regex_matches('period_year_text', '^[0-9]{4}$') }} then cast(period_year_text as integer)
                else cast({{ regex_group('reference_text', '([0-9]{4})', 1) }} as integer)
                    + {{ period_year_offset('period_year_text') }}
            end as string
        )
        || {{ regex_group('reference_text', '^.*?[0-9]{4}(.*)$', 1) }} as resolution_text
    from relative_period_references
),

-- the numbers of one unit in one sentence that take one span of years, as many as its years, take
-- its years in turn ("from 2022 to 2023, ... operating losses of ¥2.658 billion and ¥2.176 billion respectively";
-- "From 2021 to 2023, ... from ¥1.044 billion to ¥0.971 billion to ¥0.785 billion")
span_periods as (
    select
        source_id,
        paragraph_number,
        mention_start,
        cast(period_first_year_text as integer) as first_year,
        cast(period_year_text as integer) as last_year,
        row_number() over (
            partition by source_id, paragraph_number, quote, period_as_written, value_unit order by mention_start
        ) as span_rank,
        count(*) over (partition by source_id, paragraph_number, quote, period_as_written, value_unit) as span_count
    from guessed_period_values
    where period_kind = 'span'
        and {{ regex_matches('period_first_year_text', '^[0-9]{4}$') }}
        and {{ regex_matches('period_year_text', '^[0-9]{4}$') }}
),

span_period_texts as (
    select
        source_id,
        paragraph_number,
        mention_start,
        cast(first_year + span_rank - 1 as string) as resolution_text
    from span_periods
    where span_count = last_year - first_year + 1
),

guessed_for_periods as (
    select
        guessed.*,
        relative_period_texts.reference_text as period_reference_text,
        coalesce(relative_period_texts.resolution_text, span_period_texts.resolution_text, guessed.period_as_written)
            as period_resolution_text,
        span_period_texts.resolution_text is not null as is_span_year
    from guessed
    left join relative_period_texts
        on guessed.source_id = relative_period_texts.source_id
            and guessed.paragraph_number = relative_period_texts.paragraph_number
            and guessed.mention_start = relative_period_texts.mention_start
    left join span_period_texts
        on guessed.source_id = span_period_texts.source_id
            and guessed.paragraph_number = span_period_texts.paragraph_number
            and guessed.mention_start = span_period_texts.mention_start
),

{{ period_ctes('guessed_for_periods', 'lower(period_resolution_text)', 'published_date', 'resolved', entity_expr='entity_id_guess') }},

range_ends as (
    select '' as range_position
    union all
    select 'first' as range_position
    union all
    select 'second' as range_position
),

final as (
    select
        -- keys
        resolved.source_id || '_p' || cast(resolved.paragraph_number as string) || '_c'
        || cast(resolved.mention_start as string)
        || case when range_ends.range_position = '' then '' else '_' || range_ends.range_position end as figure_id,
        resolved.source_id,
        resolved.metric_id,

        -- attributes in the columns of article_figures.csv
        resolved.paragraph_number,
        resolved.subject_as_written,
        resolved.item_as_written,
        resolved.metric_as_written,
        resolved.period_as_written,
        resolved.value_as_written,
        range_ends.range_position,
        resolved.direction_as_written,
        resolved.quote,

        -- the guesses
        resolved.entity_id_guess,
        resolved.period_label as period_label_guess,
        resolved.value_unit,
        'subject_as_written;item_as_written;metric_id;metric_as_written;period_as_written;direction_as_written' as guessed_fields,
        'subject: ' || resolved.subject_basis
        || '; metric: ' || coalesce(resolved.metric_basis, 'no metric word of its unit in the sentence')
        || '; period: ' || case when resolved.period_as_written = '' then 'none written'
            else coalesce(resolved.period_label, 'does not resolve') end
        || case when resolved.is_leading_period then ' (none in its paragraph: the period the document states first)'
            else '' end
        || case when resolved.period_reference_text is not null
            then ' (' || resolved.period_resolution_text || ': relative to ' || resolved.period_reference_text || ')'
            else '' end
        || case when resolved.is_span_year
            then ' (' || resolved.period_resolution_text || ': its turn among the numbers of the span)'
            else '' end as guess_notes,
        resolved.mention_start
    from resolved
    inner join range_ends
        on (resolved.mention_kind = 'range') = (range_ends.range_position <> '')
)

select * from final
