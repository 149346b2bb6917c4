{#- The periods the draft writes for a number with no period of its own, as words of
    vocabulary_period_words: the figure compared with (compared_period) and a number stated in the
    present tense (present_tense_period). -#}

{#- For int_document_draft_periods: period candidates (source_id, paragraph_number, mention_start,
    period_text, period_match_start, period_match_text, period_match_form, distance) of the numbers of
    `relation` (int_document_draft_sentences' columns with previous_mention_start) that no written
    period gives: a number a change is measured from, its text before matching
    `changed_from_pattern`, after another number of its sentence, is the figure compared with (distance
    900); a number stated in the present tense, or a rate ("38 billion gloves a year") in a statement in
    the present tense, is as of publication (distance 1000000, after any period its paragraph writes); a
    number of a sentence on a day's trading in shares is of the published date (distance 50000), when its
    sentence writes no period of `periods` (source_id, paragraph_number, match_start, period_text) and no
    session_event_lead after the number. -#}
{% macro draft_implied_periods(relation, changed_from_pattern, periods) -%}
    {%- set period_words = vocabulary_rows('vocabulary_period_words') -%}
    {%- set qualifiers = regex_alternation(vocabulary_words(vocabulary_rows('vocabulary_value_words'), 'qualifier')) -%}
    {%- set written_as = {} -%}
    {%- for word_class in ['present_tense_period', 'compared_period'] -%}
        {%- set phrases = vocabulary_words(period_words, word_class) -%}
        {%- do written_as.update({word_class: sql_text(phrases[0]) if phrases else 'cast(null as string)'}) -%}
    {%- endfor -%}
    {%- set present_verbs = regex_alternation(vocabulary_words(period_words, 'present_tense_verb')) -%}
    {#- what joins a number to a statement in the present tense before it: "and", or after a comma a link
        word ("..., with two processing plants") or a participle ("..., selling to some 1,400 customers"),
        or a link word right after the verb's object of a few words ("runs 21 hospitals with 3,480 beds",
        "serves 6.3 million customers through 1,140 branches"), or anywhere after the verb a link word
        that opens a noun of a few words and "of" ("operates five plants in Java, Sumatra and Sulawesi
        with a combined annual capacity of 24.5 million tonnes", "..., with total assets of") -#}
    {%- set links = regex_alternation(vocabulary_words(period_words, 'present_tense_link')) -%}
    {#- the words of a number's unit before a rate ("gloves", "tonnes of cement"), and the relative years
        that start as a rate does ("a year earlier") -#}
    {%- set rate_after = "^(?: +[^ ,;:.!?0-9]+){0,3} +" -%}
    {%- set relative_years = regex_alternation(vocabulary_words(period_words, 'relative_year') + vocabulary_words(period_words, 'figure_relative_year')) -%}
    {%- set word = "(?:[^ ,;]|,[0-9])+" -%}
    {%- set present_join = "(?:[^,;]* +and|[^;]*, +(?:" ~ links ~ "|[a-z]+ing(?: +[a-z]+)?)|" ~ word ~ "(?: +" ~ word ~ "){0,3} +" ~ links
        ~ "|[^;]* +" ~ links ~ "(?: +[a-z][a-z'’-]*){1,4} +of)" -%}
    -- a number a change is measured from, after a direction word and another number of its clause
    -- ("Basic earnings per share rose to 18.4 pence from 16.9 pence"), with no period right after it: the figure compared
    -- with, a year before (before any period earlier in its sentence, which is the other number's)
    select
        source_id,
        paragraph_number,
        mention_start,
        {{ written_as['compared_period'] }} as period_text,
        cast(null as integer) as period_match_start,
        cast(null as string) as period_match_text,
        cast(null as string) as period_match_form,
        900 as distance
    from {{ relation }}
    where {{ regex_matches('text_before', changed_from_pattern) }}
        and previous_mention_start >= sentence_start
        and mention_kind <> 'range'
    union all
    -- a number stated in the present tense, by a verb before it in its clause ("employs about 1,850
    -- people", "owns nine vineyards and three wineries") or after it ("a third of its revenue comes
    -- from ...", "One in five of its 40,000 customers now uses ..."; a comma in a number is no clause
    -- end): as of publication, when no period is written in its paragraph
    select
        source_id,
        paragraph_number,
        mention_start,
        {{ written_as['present_tense_period'] }} as period_text,
        cast(null as integer) as period_match_start,
        cast(null as string) as period_match_text,
        cast(null as string) as period_match_form,
        1000000 as distance
    from {{ relation }}
    where {{ regex_matches('text_before',
            "(?:^|[^a-z])" ~ present_verbs ~ " +(?:" ~ qualifiers ~ " +)*(?:" ~ present_join ~ " +(?:" ~ qualifiers ~ " +)*)?$") }}
        or {{ regex_matches('text_after', "^ +of +(?:[^,;]|,[0-9])*?[^a-z]" ~ present_verbs ~ "(?:[^a-z]|$)") }}
        -- a rate ("38 billion gloves a year": a rate_word after the number and the words of its unit, not "a
        -- year earlier") in a statement in the present tense, a present_tense_verb or present_tense_modal
        -- before the number in its clause ("runs 11 factories in Selangor and Kedah that can make ...")
        or ({{ regex_matches('text_after', rate_after ~ regex_alternation(vocabulary_words(period_words, 'rate_word')) ~ "(?:[^a-z]|$)") }}
            and not {{ regex_matches('text_after', rate_after ~ relative_years ~ "(?:[^a-z]|$)") }}
            and {{ regex_matches('text_before', "(?:^|[^a-z])(?:" ~ present_verbs ~ "|"
                ~ regex_alternation(vocabulary_words(period_words, 'present_tense_modal')) ~ ") (?:[^,;]|,[0-9])*$") }})
    union all
    -- a number of a sentence on the day's trading in a company's shares ("Shares of X rose 3.4% to 30.25
    -- baht at the midday break", "its shares fell 4% on the day of the results"): the published date,
    -- when its sentence writes no period (`periods`: period_text) (before a period of the sentences before it)
    select
        source_id,
        paragraph_number,
        mention_start,
        {{ draft_date_text('published_date') }} as period_text,
        cast(null as integer) as period_match_start,
        cast(null as string) as period_match_text,
        cast(null as string) as period_match_form,
        50000 as distance
    from {{ relation }} as numbers
    where not exists (
        select 1
        from {{ periods }} as periods
        where periods.source_id = numbers.source_id
            and periods.paragraph_number = numbers.paragraph_number
            and periods.match_start >= numbers.sentence_start
            and periods.match_start < numbers.sentence_end
            and periods.period_text is not null
    )
        -- a move dated by an event ("in trading after the results") is not the day's
        and not {{ regex_matches('text_after', "(?:^|[^a-z])(?:" ~ regex_alternation(vocabulary_words(period_words, 'session_event_lead')) ~ ")(?:[^a-z]|$)") }}
        and {{ regex_matches('text_before',
        "(?:^|[^a-z])(?:" ~ regex_alternation(vocabulary_words(period_words, 'session_noun')) ~ ")(?: +(?:of|in) +[^,;]*?)? +(?:"
        ~ regex_alternation(vocabulary_words(period_words, 'session_verb') + vocabulary_words(vocabulary_rows('vocabulary_direction_words'))) ~ ")(?:[^a-z]|$)") }}
{%- endmacro %}
