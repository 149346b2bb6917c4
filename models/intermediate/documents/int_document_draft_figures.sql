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
      after a direction word a metric's word also signals its change variant ("net profit rose 12%");
    - direction: the nearest direction word (vocabulary_direction_words) before the number, for a
      metric that is a signed change;
    - period: the nearest period the period grammar reads in the sentence, else the last one before
      it in the paragraph, else the document's leading period (the first year or part of a year it
      writes), resolved against the published date and the subject's fiscal year (period_label_guess). -#}
{%- set grammar = value_grammar() -%}
{%- set groups = grammar['groups'] -%}

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
        -- the last end carries the unit of a range
        {{ regex_groups(
            "lower(case when mention_kind = 'range' then " ~ regex_group('mention_as_written', '^.* to (.*)$', 1) ~ " else mention_as_written end)",
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
        end as value_unit
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

-- a metric's change variants: the signed-change ratio metrics whose name begins with its name
-- ("Net profit" -> "Net profit growth year on year"); the nearest one by name length is its growth
change_variants as (
    select
        base_metric_id,
        variant_metric_id
    from (
        select
            base.metric_id as base_metric_id,
            variant.metric_id as variant_metric_id,
            row_number() over (
                partition by base.metric_id
                order by {{ dbt.length('variant.metric_name') }}, variant.metric_id
            ) as variant_rank
        from metrics as base
        inner join metrics as variant
            on variant.is_signed_change
                and variant.unit_kind = 'ratio'
                and not base.is_signed_change
                and base.unit_kind <> 'ratio'
                and {{ dbt.position("lower(base.metric_name) || ' '", 'lower(variant.metric_name)') }} = 1
    ) as ranked
    where variant_rank = 1
),

-- a word of a metric that has a change variant also signals the variant, when a direction word
-- ("rose", "grew") comes before the number: "net profit rose 12%" is net profit growth
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
        true as needs_direction
    from base_metric_words
    inner join change_variants
        on base_metric_words.metric_id = change_variants.base_metric_id
),

metric_candidates as (
    select
        measured.source_id,
        measured.paragraph_number,
        measured.mention_start,
        metric_words.word,
        metrics.metric_id,
        metrics.is_signed_change,
        case
            when metric_fit.metric_id is not null then 0
            when metric_takes_any.metric_id is not null then 1
            else 2
        end as fit_rank,
        least(
            case when {{ dbt.position('lower(metric_words.word)', 'lower(measured.mention_as_written)') }} > 0 then 0 end,
            coalesce({{ distance_before.format(word='metric_words.word') }}, 100000),
            coalesce({{ distance_after.format(word='metric_words.word') }}, 100000)
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

metric_guess as (
    select
        source_id,
        paragraph_number,
        mention_start,
        word as metric_word,
        metric_id,
        is_signed_change
    from (
        select
            *,
            row_number() over (
                partition by source_id, paragraph_number, mention_start
                order by case when fit_rank = 2 then 1 else 0 end, distance, {{ dbt.length('word') }} desc, fit_rank, metric_id
            ) as guess_rank
        from metric_candidates
        where distance < 100000
    ) as ranked
    where guess_rank = 1
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
            when period_matches.match_start >= measured.mention_end
                and period_matches.match_start < measured.sentence_end
                and {{ regex_matches(
                    'lower(substring(measured.paragraph_text, measured.mention_end, period_matches.match_start - measured.mention_end))',
                    period_lead_pattern) }}
                then 0
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

{{ period_ctes('guessed', 'lower(period_as_written)', 'published_date', 'resolved', entity_expr='entity_id_guess') }},

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
        resolved.mention_as_written as value_as_written,
        range_ends.range_position,
        resolved.direction_as_written,
        resolved.quote,

        -- the guesses
        resolved.entity_id_guess,
        resolved.period_label as period_label_guess,
        resolved.value_unit,
        'subject_as_written;item_as_written;metric_id;metric_as_written;period_as_written;direction_as_written' as guessed_fields,
        'subject: ' || resolved.subject_basis
        || '; metric: ' || case when resolved.metric_id = '' then 'no metric word of its unit in the sentence'
            else 'nearest metric word of its unit' end
        || '; period: ' || case when resolved.period_as_written = '' then 'none written'
            else coalesce(resolved.period_label, 'does not resolve') end
        || case when resolved.is_leading_period then ' (none in its paragraph: the period the document states first)'
            else '' end as guess_notes,
        resolved.mention_start
    from resolved
    inner join range_ends
        on (resolved.mention_kind = 'range') = (range_ends.range_position <> '')
)

select * from final
