{#- Words that say something about a figure beyond its value, from
    seeds/vocabulary/vocabulary_context_words.csv: pronouns ("It", "The company") that name the
    source's lead entity, and words that make a figure a forecast ("expected", "targeted"). -#}

{#- True when a subject as written is a pronoun the seed knows. -#}
{% macro is_pronoun(subject_expr) -%}
    {%- set pronouns = [] -%}
    {%- for row in vocabulary_rows('vocabulary_context_words') if row['word_class'] == 'pronoun' -%}
        {%- do pronouns.append(sql_text(row['word'])) -%}
    {%- endfor -%}
    ({{ alias_key(subject_expr) }} in ({{ pronouns | join(', ') if pronouns else "''" }}))
{%- endmacro %}

{#- True when the sentence `quote_expr`, up to where it states `value_expr`, says the figure is a
    forecast: a forecast word with no sentence break (". ", ";", "!", "?") and no word that brings
    in the figure a forecast is compared with ("up from", "compared with"; class forecast_break)
    between it and the value. ("Revenue rose to HK$8.8 billion, and it expects HK$10 billion next
    year": only the second figure is a forecast; "it expects ¥190 billion, up from ¥162 billion":
    only the first.) Nor does a forecast word reach past a conjunction that directly follows it and
    opens a clause of its own (class clause_conjunction: "lifts outlook as sales jump 14%", "raises
    its forecast after profit doubled": the outlook is revised, the 14% is reported); "as ... as"
    ("expects as much as 10%") compares, it opens no clause. The whole sentence counts when the
    value is not found in it. -#}
{% macro says_forecast(quote_expr, value_expr) -%}
    {%- set words = [] -%}
    {%- set breaks = [] -%}
    {%- set conjunctions = [] -%}
    {%- for row in vocabulary_rows('vocabulary_context_words') -%}
        {%- do (words if row['word_class'] == 'forecast' else breaks if row['word_class'] == 'forecast_break'
            else conjunctions if row['word_class'] == 'clause_conjunction' else []).append(row['word']) -%}
    {%- endfor -%}
    {%- set position = dbt.position('lower(' ~ value_expr ~ ')', 'lower(' ~ quote_expr ~ ')') -%}
    {%- set before_value = 'case when ' ~ position ~ ' > 0 then substring(lower(' ~ quote_expr ~ '), 1, ' ~ position
        ~ ' - 1) else lower(' ~ quote_expr ~ ') end' -%}
    {#- "as much as", "as many as": one comparing phrase, so its first "as" is no conjunction -#}
    {%- set compared = regex_replace_all(before_value, '\\bas\\s+[a-z]+\\s+as\\b', 'as_compared') -%}
    {%- set ends = [] -%}
    {%- if breaks -%}{%- do ends.append(regex_alternation(breaks)) -%}{%- endif -%}
    {%- if conjunctions -%}
        {%- do ends.append(regex_alternation(words) ~ '\\s+' ~ regex_alternation(conjunctions)) -%}
    {%- endif -%}
    {#- the text after the last break, where a forecast word still reaches the value -#}
    {%- set after_break = regex_replace_all(compared, '^.*(?:^|[^a-z])(?:' ~ ends | join('|') ~ ')\\b', '')
        if ends else compared -%}
    {#- a quote that holds no forecast word at all (most do not) skips the patterns: one scan for the words -#}
    case when {{ regex_matches('lower(' ~ quote_expr ~ ')', regex_alternation(words)) }}
        then coalesce({{ regex_matches(after_break, '\\b' ~ regex_alternation(words) ~ '\\b(?:[^.;!?]|[.][0-9])*$') }}, false)
        else false end
{%- endmacro %}
