{#- The sentence of each number of a document that nothing accounts for yet (int_document_mentions),
    for python -m pipeline draft (tag:draft): one row per number, with its quote (the sentence that
    holds it), the sentence's text before and after it (lowercased), its value as written (a range
    keeps its opener: "between 4.5% and 5%") and the unit kind of its value (an amount, a ratio, a
    multiple, a count), and what int_document_mentions passes on of its source (published date, lead
    entity, leading period). An amount in brackets right after another amount (its conversion into
    another currency) is no number of the draft, nor a value a new one replaced ("from 8% to 10%
    previously"), nor a number that is part of a name ("the Aura 900 refrigerator", "the COVID-19
    pandemic") or the denominator of a unit ("US$21.40 per 1,000 gloves"), and "up to" after a verb of
    a direction phrase ending "up" is no qualifier ("edged up to 2.4%"). The draft's guesses read these
    through the chain
    int_document_draft_periods, _subjects, _metrics, int_document_draft_figures, each passing on
    the columns of the one before. -#}

{#- the direction phrases ending with "up" (vocabulary_direction_words: "edged up") -#}
{%- set up_directions = [] %}
{%- for word in vocabulary_words(vocabulary_rows('vocabulary_direction_words')) if word.endswith(' up') %}
    {%- do up_directions.append(word) %}
{%- endfor %}

{#- the words a whole number written right after them can follow without being part of a name: those of
    the period grammar (a month, a day, "Q", "FY", "In"), of the value grammar (a qualifier, a scale or
    number word) and every currency's written forms (vocabulary_period_words, _value_words, _currencies) -#}
{%- set value_words = vocabulary_rows('vocabulary_value_words') %}
{%- set grammar_words = vocabulary_words(vocabulary_rows('vocabulary_period_words')) + vocabulary_words(value_words) %}
{%- for currency in vocabulary_rows('vocabulary_currencies') %}
    {%- for form in (currency['written_before'] ~ ';' ~ currency['written_after'] ~ ';' ~ currency['written_after_hundredths']).split(';') if form %}
        {%- do grammar_words.append(form) %}
    {%- endfor %}
{%- endfor %}
{#- the words of an amount per unit ("per", vocabulary_value_words' per_connector) -#}
{%- set per_connectors = vocabulary_words(value_words, 'per_connector') %}

with

-- an amount in brackets right after another amount is that amount converted by the writer ("4.82
-- billion pesos ($261 million)"): part of the first one's mention, no figure of its own
{%- set gap_before = 'substring(paragraph_text, previous_end, mention_start - previous_end)' %}
mentions as (
    select *
    from (
        select
            *,
            lag(value_unit) over (partition by source_id, paragraph_number order by mention_start) as previous_unit,
            lag(mention_end) over (partition by source_id, paragraph_number order by mention_start) as previous_end
        from {{ ref('int_document_mentions') }}
    ) as neighbours
    where not is_accounted_for
        and mention_kind <> 'period'
        and not coalesce(
            value_unit = 'currency' and previous_unit = 'currency'
            and {{ regex_matches(gap_before, '^ *[(] *$') }}
            and {{ regex_matches('substring(paragraph_text, mention_end)', '^ *[)]') }},
            false
        )
        -- a value the sentence says a new one replaced ("to between 10% and 12%, from 8% to 10%
        -- previously", "from a previous target of 4.7% to 4.9%"): the same measure and period as the new
        -- value, no figure of its own
        and not {{ regex_matches('lower(substring(paragraph_text, 1, mention_start - 1))',
            'from +(?:(?:an?|the) +)?(?:previous|earlier|prior)(?: +[a-z]+)?(?: +of)? +$') }}
        and not {{ regex_matches('lower(substring(paragraph_text, mention_end))', '^ *previously(?:[^a-z]|$)') }}
),

-- the sentence of each number: from after the last sentence end before it to the first after it; a
-- full stop before a word in lower case ends no sentence ("Sales at U.S. restaurants"), nor one after a single
-- capital letter, an initial's ("the U.S. Federal Reserve")
{%- set sentence_end = '(?:[!?]|(?:^|[^A-Z.]|[A-Za-z][A-Z])[.])' %}
with_text as (
    select
        *,
        {{ dbt.length(regex_group(
            'substring(paragraph_text, 1, mention_start)', '^(.*' ~ sentence_end ~ '["”’)]* +)[^a-z]', 1)) }} + 1 as sentence_start,
        {{ regex_group('substring(paragraph_text, mention_end)', '^(.*?' ~ sentence_end ~ '["”’)]*)(?: +[^a-z]|$)', 1) }} as sentence_rest
    from mentions
),

sentences as (
    select
        *,
        case when sentence_rest = '' then {{ dbt.length('paragraph_text') }} + 1
            else mention_end + {{ dbt.length('sentence_rest') }} end as sentence_end
    from with_text
),

-- a number that is part of a name or the denominator of a unit is no figure:
-- - a whole number written right after a word with a capital letter, a space or a hyphen between ("the
--   Aura 900 refrigerator", "to be sold as ThinGuard 5", "the COVID-19 pandemic", "training GPT-3"), is
--   part of a name, unless the word opens its sentence ("Another 15 stores ...") or is a word of the period
--   or value grammar or a currency's ("March 12", "FY 2025") or the word after the number starts with a
--   capital too (a title written in capitals: "Kelana Glove Adds 11 Factories");
-- - a count right after "per" with a word after it or a unit of its own ("US$21.40 per 1,000 gloves") is
--   the quantity the amount before it is quoted for, part of that amount's unit
{%- set text_before_in_sentence = 'substring(paragraph_text, sentence_start, mention_start - sentence_start)' %}
named as (
    select
        *,
        {{ regex_group(text_before_in_sentence, "(?:^|[^A-Za-z0-9'’])([A-Za-z]*[A-Z][A-Za-z]*)[ -]$", 1) }} as name_word
    from sentences
),

drafted_numbers as (
    select *
    from named
    where not coalesce(
        mention_kind = 'value'
        and value_unit = 'count'
        and {{ regex_matches('mention_as_written', '^[0-9]+$') }}
        and name_word <> ''
        and not {{ regex_matches(text_before_in_sentence, '^[^A-Za-z0-9]*[A-Za-z]+[ -]$') }}
        and not {{ regex_matches('lower(name_word)', '^' ~ regex_alternation(grammar_words) ~ '$') }}
        and not {{ regex_matches('substring(paragraph_text, mention_end)', '^ +[A-Z]') }},
        false
    )
    and not coalesce(
        mention_kind = 'value'
        and value_unit = 'count'
        and {{ regex_matches('lower(substring(paragraph_text, 1, mention_start - 1))',
            '(?:^|[^a-z])' ~ regex_alternation(per_connectors) ~ ' +$') }}
        and (
            {{ regex_matches('lower(substring(paragraph_text, mention_end))', '^ +[a-z]') }}
            or {{ regex_matches('lower(mention_as_written)', '[a-z]$') }}
        ),
        false
    )
),

final as (
    select
        -- keys
        source_id,
        paragraph_number,
        mention_start,

        -- attributes
        mention_end,
        mention_as_written,
        mention_kind,
        paragraph_text,
        sentence_start,
        sentence_end,
        substring(paragraph_text, sentence_start, sentence_end - sentence_start) as quote,
        lower(substring(paragraph_text, sentence_start, mention_start - sentence_start)) as text_before,
        lower(substring(paragraph_text, mention_end, sentence_end - mention_end)) as text_after,
        value_unit,
        -- "up to" after a verb whose direction phrase ends with "up" ("edged up to 2.4%",
        -- vocabulary_direction_words) is the verb's particle, not a ceiling: the value is "2.4%"
        case when lower(value_as_written) like 'up to %'
                and {{ regex_matches("lower(substring(paragraph_text, 1, mention_start - 1)) || 'up'",
                    '(?:^|[^a-z])' ~ regex_alternation(up_directions) ~ '$') }}
            then substring(value_as_written, 7)
            else value_as_written
        end as value_as_written,

        -- of its source
        published_date,
        lead_entity_id,
        leading_period_text
    from drafted_numbers
)

select * from final
