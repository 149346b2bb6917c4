{#- The numbers a change is measured from, and the periods written at them, as the draft's period guess
    reads them (int_document_draft_periods). -#}

{#- A regular expression the text before a number ends with when a change is measured from it: "from"
    after a direction word in its clause (vocabulary_direction_words) or a multiple written in words
    (vocabulary_value_words): "rose to X from", "more than doubled to X from Y", not "ranging from". -#}
{% macro draft_changed_from() -%}
    {%- set multiple_words = [] -%}
    {%- for row in vocabulary_rows('vocabulary_value_words') if row['word_class'] == 'number' and row['meaning'] == 'multiple' -%}
        {%- do multiple_words.append(row['word']) -%}
    {%- endfor -%}
    {%- set directions = regex_alternation(vocabulary_words(vocabulary_rows('vocabulary_direction_words')) + multiple_words) -%}
    {{- "(?:^|[^a-z])" ~ directions ~ "(?:[^a-z](?:[^,;]|,[0-9])*?)?[^a-z]from +" -}}
{%- endmacro %}

{#- A select of the periods of `matches` (source_id, paragraph_number, match_start) written right after a
    number of `numbers` (int_document_draft_sentences' columns) a change is measured from, with only
    words matching `period_lead_pattern` between ("the company's loss expanded from 1.589 billion yuan in
    2021 to 2.658 billion yuan", "down 45% from their listing price of HK$16 in 2021"): the period of
    that number, not of the numbers after it. The number is right after "from" (qualifiers between), or
    after a direction word, "from" and words (draft_changed_from). -#}
{% macro draft_compared_periods(numbers, matches, period_lead_pattern) -%}
    {%- set qualifiers = regex_alternation(vocabulary_words(vocabulary_rows('vocabulary_value_words'), 'qualifier')) -%}
    {%- set compared_number_pattern = "(?:(?:^|[^a-z])from +(?:" ~ qualifiers ~ " +)*|" ~ draft_changed_from() ~ "[^,;0-9]*)$" -%}
    select distinct
        {{ matches }}.source_id,
        {{ matches }}.paragraph_number,
        {{ matches }}.match_start
    from {{ numbers }}
    inner join {{ matches }}
        on {{ numbers }}.source_id = {{ matches }}.source_id
            and {{ numbers }}.paragraph_number = {{ matches }}.paragraph_number
            and {{ numbers }}.mention_end <= {{ matches }}.match_start
            and {{ numbers }}.sentence_end > {{ matches }}.match_start
    where {{ regex_matches(numbers ~ '.text_before', compared_number_pattern) }}
        and {{ regex_matches(
            'lower(substring(' ~ numbers ~ '.paragraph_text, ' ~ numbers ~ '.mention_end, ' ~ matches ~ '.match_start - ' ~ numbers ~ '.mention_end))',
            period_lead_pattern) }}
{%- endmacro %}
