{#- The grammar of a figure's value as written (lowercased), one end of a range:

        [qualifier] [(] [currency before] [(] number [)] [scale word] [unit word] [currency after] [per unit]

    where the number is digits ("1,234.5"), a number word ("three", "twenty-five", "a fifth",
    "double") or a fraction in words ("one in five"); a number in parentheses is negative, the opening
    one written before or after the currency ("(€0.3) billion", "€(0.3) billion"). Every
    word comes from a seed: seeds/vocabulary/vocabulary_value_words.csv (qualifiers, scale words,
    unit words, per units, number words, connectors) and vocabulary_currencies.csv (currency forms). The pattern
    is built from them when a node compiles, so it is a constant in the SQL.

    value_grammar() returns the pattern, the names of its capture groups (in order) and the rows it
    was built from; the other macros here turn parts into values with case expressions built from
    the same rows. -#}
{% macro value_grammar() -%}
    {%- set words = vocabulary_rows('vocabulary_value_words') -%}
    {%- set forms = currency_forms() -%}
    {%- set before = [] -%}
    {%- set after = [] -%}
    {%- for form in forms -%}
        {%- do (before if form['position'] == 'before' else after).append(form['written_form']) -%}
    {%- endfor -%}
    {#- digits grouped in thousands ("1,234,567"), or the Indian way ("2,41,560", "1,23,45,678": the last
        three digits, then pairs), or not grouped -#}
    {%- set digits = '(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}|[0-9]+)(?:[.][0-9]+)?' -%}
    {%- set number_word = regex_alternation(vocabulary_words(words, 'number')) -%}
    {%- set connector = regex_alternation(vocabulary_words(words, 'fraction_connector')) -%}
    {%- set number = '(' ~ '(' ~ digits ~ ')'
        ~ '|(' ~ number_word ~ ')(?:-(' ~ number_word ~ '))?'
        ~ '|(' ~ number_word ~ '|[0-9]+) +' ~ connector ~ ' +(' ~ number_word ~ '|[0-9]+)' ~ ')' -%}
    {%- set head = '(?:(' ~ regex_alternation(vocabulary_words(words, 'qualifier')) ~ ') +)?'
        ~ '([(])?'
        ~ '(?:(' ~ regex_alternation(before) ~ ') *)?'
        ~ '([(])?' -%}
    {#- a unit word or a currency form may be written against the number ("298,000oz", "40mw", "320c",
        "12¢") or apart ("2.9 pp", "245 pence") -#}
    {%- set scale_part = '(?: *(' ~ regex_alternation(vocabulary_words(words, 'scale')) ~ '))?' -%}
    {%- set per_part = '(?: +' ~ regex_alternation(vocabulary_words(words, 'per_connector'))
        ~ ' +(' ~ regex_alternation(vocabulary_words(words, 'per_unit')) ~ '))?' -%}
    {%- set tail_after_paren = scale_part
        ~ '(?: *(' ~ regex_alternation(vocabulary_words(words, 'unit')) ~ '))?'
        ~ '(?: *(' ~ regex_alternation(after) ~ '))?'
        ~ per_part -%}
    {%- set tail = '([)])?' ~ tail_after_paren -%}
    {%- set pattern = '^' ~ head ~ number ~ tail ~ '$' -%}
    {#- the same values, unanchored, to find them in a text (int_document_mentions): a fraction in
        words ("about one in five") is tried before its first number, takes no currency, and its
        denominator is at most three digits, so "HK$16 in 2021" is an amount and a year; a fraction
        of digits has no more digits above than below ("3 in 10", "12 in 100"), so "ended September
        with 318 in 27 states" is two counts, not a fraction; a
        parenthesis is part of a value only when it is closed right after the number ("(€0.3)
        billion", "€(0.3) billion"), so "($218 million)", an aside in brackets, is "$218 million" -#}
    {%- set qualifier_only = '(?:(?:' ~ regex_alternation(vocabulary_words(words, 'qualifier')) ~ ') +)?' -%}
    {%- set fraction = '(?:' ~ number_word ~ ' +' ~ connector ~ ' +(?:' ~ number_word ~ '|[0-9]{1,3})'
        ~ '|[0-9]{1,2} +' ~ connector ~ ' +' ~ number_word
        ~ '|[0-9] +' ~ connector ~ ' +[0-9]{1,3}|[0-9]{2} +' ~ connector ~ ' +[0-9]{2,3}'
        ~ '|[0-9]{3} +' ~ connector ~ ' +[0-9]{3})' -%}
    {%- set single_number = '(?:' ~ digits ~ '|' ~ number_word ~ '(?:-' ~ number_word ~ ')?)' -%}
    {%- set currency_only = '(?:(?:' ~ regex_alternation(before) ~ ') *)?' -%}
    {#- after a number word, a unit word or a currency form of letters needs a space: "tencent" is a
        name, not ten cents, and "tent" no ten tonnes -#}
    {%- set units = vocabulary_words(words, 'unit') -%}
    {%- set word_tail = scale_part
        ~ '(?: *' ~ regex_alternation(signs_only(units)) ~ '| +' ~ regex_alternation(units) ~ ')?'
        ~ '(?: *' ~ regex_alternation(signs_only(after)) ~ '| +' ~ regex_alternation(after) ~ ')?'
        ~ per_part -%}
    {%- set mention_pattern = '(?:' ~ qualifier_only ~ fraction
        ~ '|' ~ qualifier_only ~ '[(]' ~ currency_only ~ single_number ~ '[)]' ~ tail_after_paren
        ~ '|' ~ qualifier_only ~ currency_only ~ '[(]' ~ single_number ~ '[)]' ~ tail_after_paren
        ~ '|' ~ qualifier_only ~ currency_only ~ digits ~ tail_after_paren
        ~ '|' ~ qualifier_only ~ currency_only ~ number_word ~ '(?:-' ~ number_word ~ ')?' ~ word_tail ~ ')' -%}
    {{ return({
        'pattern': pattern,
        'mention_pattern': mention_pattern,
        'groups': ['qualifier', 'open_paren', 'currency_before', 'open_paren_after_currency', 'number', 'digits', 'number_word',
                   'number_word_units', 'fraction_numerator', 'fraction_denominator', 'close_paren',
                   'scale_word', 'unit_word', 'currency_after', 'per_unit'],
        'words': words,
        'forms': forms,
    }) }}
{%- endmacro %}

{#- A value as written that states a range: two ends joined by a range connector ("15% to 50%",
    "200 million to 300 million yuan"), or opened by a range opener and joined by the connector
    the opener names ("between 4.5% and 5%": `range_opener` rows of vocabulary_value_words, the
    connector in `meaning`). The first end must hold a number (digits or a number word), so "up to
    50%" is not a range. A connector that is a sign, not a word (a dash: "8-10%", "$5bn-$5.3bn",
    "5.0–5.3 billion"), may stand without spaces; its first end must hold digits, so a negative
    number ("-2.1") or a hyphenated number word is no range. The first end is
    regex_group(..., 1) || regex_group(..., 3) and the second regex_group(..., 2) || regex_group(..., 4)
    (macro range_end): one pair is empty, the other holds the ends. -#}
{% macro figure_range_pattern(grammar=none) -%}
    {%- set grammar = grammar or value_grammar() -%}
    {%- set connector = regex_alternation(range_connectors(grammar)) -%}
    {%- set signs = range_sign_connectors(grammar) -%}
    {%- set opener = regex_alternation(vocabulary_words(grammar['words'], 'range_opener')) -%}
    {%- set number_word = regex_alternation(vocabulary_words(grammar['words'], 'number')) -%}
    {%- set worded = '^(?:' ~ opener ~ ' +)?((?:[^0-9]*[0-9][^ ]*|(?:[a-z]+ +)?' ~ number_word ~ ')(?: +[a-z]+)?) +' ~ connector ~ ' +(.+)$' -%}
    {%- set signed = '^([^0-9 ]*[0-9][^ ]*?) *' ~ regex_alternation(signs) ~ ' *([^ ].*)$' if signs else '^()()$' -%}
    {{ return(worded ~ '|' ~ signed) }}
{%- endmacro %}

{#- One end of a range (1: the first, 2: the second) of the text `text_expr`, by figure_range_pattern;
    '' when the text states no range. -#}
{% macro range_end(text_expr, end, range_pattern) -%}
    ({{ regex_group(text_expr, range_pattern, end) }} || {{ regex_group(text_expr, range_pattern, end + 2) }})
{%- endmacro %}

{#- Every word that joins the two ends of a range: the range connectors ("to", "-") and the
    connectors range openers name ("and" of "between ... and ..."). -#}
{% macro range_connectors(grammar) -%}
    {%- set words = vocabulary_words(grammar['words'], 'range_connector') -%}
    {%- for row in grammar['words'] if row['word_class'] == 'range_opener' and row['meaning'] not in words -%}
        {%- do words.append(row['meaning']) -%}
    {%- endfor -%}
    {{ return(words) }}
{%- endmacro %}

{#- The range connectors that are signs, not words (no letter in them: a dash), which may stand
    without spaces between the two ends. -#}
{% macro range_sign_connectors(grammar) -%}
    {{ return(signs_only(vocabulary_words(grammar['words'], 'range_connector'))) }}
{%- endmacro %}

{#- The gap between two values found in a text that makes them one range: a connector between
    spaces (" to ", " and " of "between ... and ..."), or a sign connector with or without spaces
    ("-" of "8-10%"). -#}
{% macro range_gap_pattern(grammar, connectors) -%}
    {%- set signs = range_sign_connectors(grammar) -%}
    {%- set worded = ' +' ~ regex_alternation(connectors) ~ ' +' -%}
    {{ return('^(?:' ~ worded ~ ('| *' ~ regex_alternation(signs) ~ ' *' if signs else '') ~ ')$') }}
{%- endmacro %}

{#- The second end of a range found in a text ("50%" of "15% to 50%", "$5.3bn" of "$5bn-$5.3bn"):
    capture group 1. -#}
{% macro range_second_end_pattern(grammar) -%}
    {%- set signs = range_sign_connectors(grammar) -%}
    {%- set worded = '.* ' ~ regex_alternation(range_connectors(grammar)) ~ ' ' -%}
    {%- set signed = '|[^ ]*?[0-9][^ ]*? *' ~ regex_alternation(signs) ~ ' *' if signs else '' -%}
    {{ return('^(?:' ~ worded ~ signed ~ ')(.*)$') }}
{%- endmacro %}

{#- The words of `words` that hold no letter ("%", "×", "¢"): written against a number word too. -#}
{% macro signs_only(words) -%}
    {%- set signs = [] -%}
    {%- for word in words if word | lower == word | upper -%}{%- do signs.append(word) -%}{%- endfor -%}
    {{ return(signs) }}
{%- endmacro %}

{#- The pattern alone, for callers that extract one group at a time. -#}
{% macro figure_value_pattern() -%}
    {{ return(value_grammar()['pattern']) }}
{%- endmacro %}

{#- One named part of a value as written; '' when absent. The names of the first grammar
    (currency_symbol, percent_sign, currency_word) still work. -#}
{% macro value_component(text_expr, component, grammar=none) -%}
    {%- set grammar = grammar or value_grammar() -%}
    {%- set aliases = {'currency_symbol': 'currency_before', 'percent_sign': 'unit_word', 'currency_word': 'currency_after'} -%}
    {%- set name = aliases.get(component, component) -%}
    {%- if name not in grammar['groups'] -%}
        {{ exceptions.raise_compiler_error("value_component: unknown component '" ~ component ~ "'") }}
    {%- endif -%}
    {{ regex_group(text_expr, grammar['pattern'], grammar['groups'].index(name) + 1) }}
{%- endmacro %}

{#- A case expression mapping `expr` through `mapping` (a list of (text, SQL value) pairs), on one
    line: generated lookups are long, and Spark's metastore keeps a view's text only up to 32,700
    characters. -#}
{% macro lookup_case(expr, mapping, otherwise='null') -%}
    {%- if not mapping -%}{{ return('cast(' ~ otherwise ~ ' as string)' if otherwise == 'null' else otherwise) }}{%- endif -%}
    {%- set whens = [] -%}
    {%- for text, value in mapping -%}{%- do whens.append('when ' ~ sql_text(text) ~ ' then ' ~ value) -%}{%- endfor -%}
    (case {{ expr }} {{ whens | join(' ') }} else {{ otherwise }} end)
{%- endmacro %}

{#- (word, SQL value) pairs of the value words of one class, from column `column`. -#}
{% macro value_word_pairs(grammar, word_class, column, as_text=false) -%}
    {%- set pairs = [] -%}
    {%- for row in grammar['words'] if row['word_class'] == word_class -%}
        {%- do pairs.append((row['word'], sql_text(row[column]) if as_text else row[column])) -%}
    {%- endfor -%}
    {{ return(pairs) }}
{%- endmacro %}

{#- What a qualifier word says of the number that follows it: exact, approx, lower_bound or
    upper_bound ('exact' when no word is written); NULL for a word the seed does not know. -#}
{% macro qualifier_kind(word_expr, grammar=none) -%}
    {%- set grammar = grammar or value_grammar() -%}
    {%- set pairs = [('', "'exact'")] + value_word_pairs(grammar, 'qualifier', 'meaning', as_text=true) -%}
    {{ lookup_case(word_expr, pairs) }}
{%- endmacro %}

{#- Power of ten of a scale word (9 for billion; 0 when none is written). -#}
{% macro scale_exponent(word_expr, grammar=none) -%}
    {%- set grammar = grammar or value_grammar() -%}
    {%- set pairs = [('', 0)] -%}
    {%- for row in grammar['words'] if row['word_class'] == 'scale' -%}
        {%- do pairs.append((row['word'], row['number_value'] | int)) -%}
    {%- endfor -%}
    {{ lookup_case(word_expr, pairs) }}
{%- endmacro %}

{#- Power of ten of a unit word (-2 for a percent sign; 0 when none is written). -#}
{% macro unit_word_exponent(word_expr, grammar=none) -%}
    {%- set grammar = grammar or value_grammar() -%}
    {%- set pairs = [('', 0)] -%}
    {%- for row in grammar['words'] if row['word_class'] == 'unit' -%}
        {%- do pairs.append((row['word'], row['number_value'] | int)) -%}
    {%- endfor -%}
    {{ lookup_case(word_expr, pairs) }}
{%- endmacro %}

{#- Power of ten a currency form written after the number gives it (-2 for "pence", a hundredth of
    the pound; 0 for every other form and when none is written). -#}
{% macro currency_form_exponent(form_expr, grammar=none) -%}
    {%- set grammar = grammar or value_grammar() -%}
    {%- set pairs = [] -%}
    {%- for form in grammar['forms'] if form['position'] == 'after' and form['exponent'] != 0 -%}
        {%- do pairs.append((form['written_form'], form['exponent'])) -%}
    {%- endfor -%}
    {{ lookup_case(form_expr, pairs, '0') }}
{%- endmacro %}

{#- Unit a unit word gives a value: ratio (percent) or percentage_point; '' when none is written. -#}
{% macro unit_word_unit(word_expr, grammar=none) -%}
    {%- set grammar = grammar or value_grammar() -%}
    {{ lookup_case(word_expr, [('', "''")] + value_word_pairs(grammar, 'unit', 'meaning', as_text=true)) }}
{%- endmacro %}

{#- Factor a scale word and a unit word multiply a number by (1e9 for billion, 0.01 for %), as a
    double. For thresholds and other values that need no exactness; figures scale their digits
    exactly with scaled_number. -#}
{% macro unit_multiplier(scale_word_expr, unit_word_expr) -%}
    cast('1e' || cast({{ scale_exponent(scale_word_expr) }} + {{ unit_word_exponent(unit_word_expr) }} as string) as double)
{%- endmacro %}

{#- A number written in digits (`number_text_expr`, thousands separators allowed) times ten to the
    power `exponent_expr`, with no rounding before the result: the decimal point is moved in the
    text ("0.0021505" and 12 give "0.0021505e12"), which is then read as a double, so the only
    rounding is the double's own. -#}
{% macro scaled_number(number_text_expr, exponent_expr) -%}
    {{ strict_cast("replace(" ~ number_text_expr ~ ", ',', '') || 'e' || cast(" ~ exponent_expr ~ " as string)", 'double') }}
{%- endmacro %}

{#- Value, kind (cardinal, fraction, multiple) and divisor of a number word; number_word_value
    takes the numerator of any number word, or with cardinals_only only cardinals ("three"). -#}
{% macro number_word_value(word_expr, grammar=none, cardinals_only=false) -%}
    {%- set grammar = grammar or value_grammar() -%}
    {%- set pairs = [] -%}
    {%- for row in grammar['words'] if row['word_class'] == 'number' and (not cardinals_only or row['meaning'] == 'cardinal') -%}
        {%- do pairs.append((row['word'], row['number_value'] | int)) -%}
    {%- endfor -%}
    {{ lookup_case(word_expr, pairs) }}
{%- endmacro %}

{% macro number_word_kind(word_expr, grammar=none) -%}
    {%- set grammar = grammar or value_grammar() -%}
    {{ lookup_case(word_expr, value_word_pairs(grammar, 'number', 'meaning', as_text=true)) }}
{%- endmacro %}

{% macro number_word_divisor(word_expr, grammar=none) -%}
    {%- set grammar = grammar or value_grammar() -%}
    {%- set pairs = [] -%}
    {%- for row in grammar['words'] if row['word_class'] == 'number' -%}
        {%- do pairs.append((row['word'], row['divisor'] | int)) -%}
    {%- endfor -%}
    {{ lookup_case(word_expr, pairs) }}
{%- endmacro %}

{#- A number written as digits or as a cardinal number word, as text of an integer ('' for ''). -#}
{% macro digits_or_word(text_expr, grammar=none) -%}
    (
        case
            when {{ text_expr }} = '' then ''
            when {{ regex_matches(text_expr, '^[0-9]+$') }} then {{ text_expr }}
            else cast({{ number_word_value(text_expr, grammar, cardinals_only=true) }} as string)
        end
    )
{%- endmacro %}

{#- Sign a direction word gives a change: -1 for a fall or a cut, +1 for a rise, 0 when no word is
    written, NULL for a word the seed (vocabulary_direction_words) does not know, which fails the
    figure downstream. -#}
{% macro direction_sign(word_expr) -%}
    {%- set pairs = [('', 0)] -%}
    {%- for row in vocabulary_rows('vocabulary_direction_words') -%}
        {%- do pairs.append((row['word'], row['sign'] | int)) -%}
    {%- endfor -%}
    {{ lookup_case('lower(trim(' ~ word_expr ~ '))', pairs) }}
{%- endmacro %}

{#- The words of a value as written that the grammar does not know, separated by spaces (empty
    when every word is known): what an error message should name. -#}
{% macro value_unknown_words(text_expr, grammar=none) -%}
    {%- set grammar = grammar or value_grammar() -%}
    {%- set words = [] -%}
    {%- set symbols = [] -%}
    {%- for row in grammar['words'] -%}{%- do words.append(row['word']) -%}{%- endfor -%}
    {%- for form in grammar['forms'] -%}
        {%- do (words if modules.re.match('^[a-z ]+$', form['written_form']) else symbols).append(form['written_form']) -%}
    {%- endfor -%}
    {#- the gaps the known words leave become one space: "rs 1,184 crore" names 'rs crore' -#}
    trim({{ regex_replace_all(regex_replace_all(
        regex_replace_all(
            regex_replace_all(text_expr, '\\b' ~ regex_alternation(words) ~ '\\b', ' '),
            regex_alternation(symbols), ' '),
        '[0-9.,%()-]+', ' '), ' +', ' ') }})
{%- endmacro %}
