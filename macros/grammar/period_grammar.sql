{#- The grammar of a period as written (lowercased): its words are rows of
    seeds/vocabulary/vocabulary_period_words.csv (months, ordinals, parts of a year, relative years,
    words for "as of publication" and "before publication", lead words such as "in" or "by"); the
    shapes they combine in are the forms below. Each form is a constant regular expression over
    the period with its lead words removed, and names the capture group of each part it states:

        fiscal_year         2023, FY2024, fiscal 2024, FY25, last year, this year (a fiscal prefix makes the
                            year the entity's fiscal year: seeds/curated/curated_fiscal_years.csv; after
                            one, two digits name the year ending in them nearest the published date)
        year_to             the year to March 2025, the 12 months ended June 30, 2024 (a fiscal year
                            by its last month)
        part                third quarter of 2024, first half of 2023, Q3 2024, 3Q 2024, 2024 Q3, H1 2024,
                            Q3'24 (two digits after an apostrophe: the year nearest the published date);
                            of a fiscal year: the third quarter of fiscal 2025, Q3 FY2025, Q3 FY25,
                            fiscal Q3 2025, FY25 Q3, the third fiscal quarter of 2025, fiscal third
                            quarter 2025 (counted from the first month of the entity's fiscal year)
        year_to_date        first three quarters of 2024, first nine months of 2024
        month               March 2025, March this year
        date                April 12, 2024; 19 March 2025; 2025-03-19
        year_end            end of 2023
        month_end           end of December 2024 (a date: the month's last day)
        span                2018 to 2021, 2018-2021, between 2021 and 2023
        same_part           the same quarter of 2023, the same period last year (the part of the year is
                            that of the figure compared with)
        figure_relative     a year earlier, the previous year (the period of the figure compared with,
                            shifted by a year)
        as_of_publication   so far, now, currently
        before_publication  initially, previously, within a few years of its establishment

    A year may be written as a relative year ("last year"): against the source's published date,
    and in a same_part form against the figure compared with. -#}
{% macro period_grammar() -%}
    {%- set words = vocabulary_rows('vocabulary_period_words') -%}
    {%- set value_words = vocabulary_rows('vocabulary_value_words') -%}
    {%- set leads = vocabulary_words(words, 'lead_word') -%}
    {%- set lead_pattern = '^(?:' ~ regex_alternation(leads) ~ ' +)+' -%}
    {#- phrases are matched as written after their lead words go, so they are stored that way -#}
    {%- set stripped = {} -%}
    {%- for row in words -%}
        {%- set phrase = namespace(text=row['word']) -%}
        {%- for round in range(4) -%}
            {%- for lead in leads if phrase.text.startswith(lead ~ ' ') -%}
                {%- set phrase.text = phrase.text[lead | length + 1:] -%}
            {%- endfor -%}
        {%- endfor -%}
        {%- do stripped.setdefault(row['word_class'], []).append(phrase.text) -%}
        {%- do row.update({'phrase': phrase.text}) -%}
    {%- endfor -%}
    {%- set alt = {} -%}
    {%- for word_class, phrases in stripped.items() -%}
        {%- do alt.update({word_class: regex_alternation(phrases)}) -%}
    {%- endfor -%}
    {%- for word_class in ['month', 'ordinal', 'part_of_year', 'parts_of_year', 'part_letter', 'same_part',
                           'fiscal_year_prefix', 'year_end_prefix', 'span_connector', 'relative_year',
                           'figure_relative_year', 'as_of_publication', 'before_publication',
                           'before_publication_prefix', 'year_to_noun', 'year_to_connector'] if word_class not in alt -%}
        {%- do alt.update({word_class: regex_alternation([])}) -%}
    {%- endfor -%}
    {%- set cardinal = regex_alternation(vocabulary_words(value_words, 'number')) -%}
    {%- set year = '([0-9]{4}|' ~ alt['relative_year'] ~ ')' -%}
    {%- set any_year = '([0-9]{4}|' ~ alt['relative_year'] ~ '|' ~ alt['figure_relative_year'] ~ ')' -%}
    {%- set of = '(?: +of| +in|,)? +' -%}
    {%- set month = '(' ~ alt['month'] ~ ')[.]?' -%}
    {%- set day = '([0-9]{1,2})(?:st|nd|rd|th)?' -%}
    {#- a part of a fiscal year ("the third quarter of fiscal 2025", "Q3 FY2025"): a group of its own -#}
    {%- set fiscal = '(?:(' ~ alt['fiscal_year_prefix'] ~ ') *)?' -%}
    {#- a fiscal prefix that must be there, and a year it may write with two digits ("FY25", "FY'25") -#}
    {%- set prefix = '(' ~ alt['fiscal_year_prefix'] ~ ')' -%}
    {%- set short_year = ' *\\x27?([0-9]{2})' -%}
    {%- set letter_part = '(' ~ alt['part_letter'] ~ ') *([1-9])' -%}
    {%- set forms = [
        {'form': 'fiscal_year', 'kind': 'fiscal_year',
         'pattern': '^(?:(' ~ alt['fiscal_year_prefix'] ~ ') *)?' ~ year ~ '$', 'fiscal_prefix': 1, 'year': 2},
        {'form': 'fiscal_year_short_year', 'kind': 'fiscal_year',
         'pattern': '^' ~ prefix ~ short_year ~ '$', 'fiscal_prefix': 1, 'year': 2},
        {'form': 'year_to', 'kind': 'fiscal_year',
         'pattern': '^' ~ alt['year_to_noun'] ~ ' +' ~ alt['year_to_connector'] ~ ' +' ~ month ~ '(?: +' ~ day ~ ')?,? +([0-9]{4})$',
         'month': 1, 'year': 3},
        {'form': 'year_end', 'kind': 'year_end',
         'pattern': '^' ~ alt['year_end_prefix'] ~ ' +' ~ year ~ '$', 'year': 1},
        {'form': 'month_end', 'kind': 'month_end',
         'pattern': '^' ~ alt['year_end_prefix'] ~ ' +' ~ month ~ ',? +' ~ year ~ '$', 'month': 1, 'year': 2},
        {'form': 'month', 'kind': 'month',
         'pattern': '^' ~ month ~ ',? +' ~ year ~ '$', 'month': 1, 'year': 2},
        {'form': 'date_month_first', 'kind': 'date',
         'pattern': '^' ~ month ~ ' +' ~ day ~ ',? +([0-9]{4})$', 'month': 1, 'day': 2, 'year': 3},
        {'form': 'date_day_first', 'kind': 'date',
         'pattern': '^' ~ day ~ ' +(?:of +)?' ~ month ~ ',? +([0-9]{4})$', 'day': 1, 'month': 2, 'year': 3},
        {'form': 'date_iso', 'kind': 'date',
         'pattern': '^([0-9]{4})-([0-9]{2})-([0-9]{2})$', 'year': 1, 'month_digits': 2, 'day': 3},
        {'form': 'part_ordinal', 'kind': 'part',
         'pattern': '^(' ~ alt['ordinal'] ~ ') +(' ~ alt['part_of_year'] ~ ')' ~ of ~ fiscal ~ year ~ '$',
         'ordinal': 1, 'part_noun': 2, 'fiscal_prefix': 3, 'year': 4},
        {'form': 'part_letter_first', 'kind': 'part',
         'pattern': '^(' ~ alt['part_letter'] ~ ') *([1-9])(?: +of)?,? +' ~ fiscal ~ year ~ '$',
         'part_letter': 1, 'part_digit': 2, 'fiscal_prefix': 3, 'year': 4},
        {'form': 'part_digit_first', 'kind': 'part',
         'pattern': '^([1-9]) *(' ~ alt['part_letter'] ~ ')(?: +of)?,? *' ~ fiscal ~ year ~ '$',
         'part_digit': 1, 'part_letter': 2, 'fiscal_prefix': 3, 'year': 4},
        {'form': 'part_letter_first_short_year', 'kind': 'part',
         'pattern': '^' ~ letter_part ~ '(?: +of)?,? +' ~ prefix ~ short_year ~ '$',
         'part_letter': 1, 'part_digit': 2, 'fiscal_prefix': 3, 'year': 4},
        {'form': 'part_letter_first_apostrophe_year', 'kind': 'part',
         'pattern': '^' ~ letter_part ~ ' *\\x27([0-9]{2})$',
         'part_letter': 1, 'part_digit': 2, 'year': 3},
        {'form': 'part_ordinal_short_year', 'kind': 'part',
         'pattern': '^(' ~ alt['ordinal'] ~ ') +(' ~ alt['part_of_year'] ~ ')' ~ of ~ prefix ~ short_year ~ '$',
         'ordinal': 1, 'part_noun': 2, 'fiscal_prefix': 3, 'year': 4},
        {'form': 'part_fiscal_first', 'kind': 'part',
         'pattern': '^' ~ prefix ~ ' +' ~ letter_part ~ of ~ year ~ '$',
         'fiscal_prefix': 1, 'part_letter': 2, 'part_digit': 3, 'year': 4},
        {'form': 'part_fiscal_year_first', 'kind': 'part',
         'pattern': '^' ~ prefix ~ ' *\\x27?([0-9]{4}|[0-9]{2}) *' ~ letter_part ~ '$',
         'fiscal_prefix': 1, 'year': 2, 'part_letter': 3, 'part_digit': 4},
        {'form': 'part_ordinal_fiscal', 'kind': 'part',
         'pattern': '^(' ~ alt['ordinal'] ~ ') +' ~ prefix ~ ' +(' ~ alt['part_of_year'] ~ ')' ~ of ~ year ~ '$',
         'ordinal': 1, 'fiscal_prefix': 2, 'part_noun': 3, 'year': 4},
        {'form': 'part_fiscal_ordinal', 'kind': 'part',
         'pattern': '^' ~ prefix ~ ' +(' ~ alt['ordinal'] ~ ') +(' ~ alt['part_of_year'] ~ ')' ~ of ~ year ~ '$',
         'fiscal_prefix': 1, 'ordinal': 2, 'part_noun': 3, 'year': 4},
        {'form': 'part_year_first', 'kind': 'part',
         'pattern': '^([0-9]{4}) *(' ~ alt['part_letter'] ~ ') *([1-9])$',
         'year': 1, 'part_letter': 2, 'part_digit': 3},
        {'form': 'year_to_date', 'kind': 'year_to_date',
         'pattern': '^(?:' ~ alt['ordinal'] ~ ') +(' ~ cardinal ~ '|[0-9]+) +(' ~ alt['parts_of_year'] ~ ')' ~ of ~ year ~ '$',
         'count': 1, 'parts_noun': 2, 'year': 3},
        {'form': 'span', 'kind': 'span',
         'pattern': '^(?:from +)?([0-9]{4}) *' ~ alt['span_connector'] ~ ' *([0-9]{4})$', 'first_year': 1, 'year': 2},
        {'form': 'span_between', 'kind': 'span',
         'pattern': '^between +([0-9]{4}) +and +([0-9]{4})$', 'first_year': 1, 'year': 2},
        {'form': 'as_of_publication', 'kind': 'as_of_publication',
         'pattern': '^' ~ alt['as_of_publication'] ~ '$'},
        {'form': 'before_publication', 'kind': 'before_publication',
         'pattern': '^(?:' ~ alt['before_publication'] ~ '|' ~ alt['before_publication_prefix'] ~ ' +.+)$'},
        {'form': 'same_part', 'kind': 'same_part',
         'pattern': '^same +(' ~ alt['part_of_year'] ~ '|' ~ alt['same_part'] ~ ')(?:' ~ of ~ fiscal ~ any_year ~ ')?$',
         'same_noun': 1, 'fiscal_prefix': 2, 'year': 3},
        {'form': 'figure_relative', 'kind': 'figure_relative',
         'pattern': '^' ~ any_year ~ '$', 'year': 1},
    ] -%}
    {{ return({'words': words, 'lead_pattern': lead_pattern, 'forms': forms}) }}
{%- endmacro %}

{#- (phrase, SQL number) pairs of the period words of one class. -#}
{% macro period_word_pairs(grammar, word_class) -%}
    {%- set pairs = [] -%}
    {%- for row in grammar['words'] if row['word_class'] == word_class and row['number_value'] != '' -%}
        {%- do pairs.append((row['phrase'], row['number_value'] | int)) -%}
    {%- endfor -%}
    {{ return(pairs) }}
{%- endmacro %}

{#- For the forms that state `role`: a case expression giving that group's text ('' otherwise). -#}
{% macro period_role(grammar, role, core_expr, form_expr) -%}
    (
        case {{ form_expr }}
            {%- for form in grammar['forms'] if role in form %}
            when '{{ form['form'] }}' then {{ regex_group(core_expr, form['pattern'], form[role]) }}
            {%- endfor %}
            else ''
        end
    )
{%- endmacro %}

{#- Step one, a select-list over a relation with the period text (lowercased) in `text_expr`:
    the text without its lead words ("in", "by", "the"). -#}
{% macro period_core(text_expr) -%}
    {%- set grammar = period_grammar() -%}
    {{ regex_replace_all(text_expr, grammar['lead_pattern'], '') }} as period_core_text,
    {{ text_expr }} = '' as is_period_unstated
{%- endmacro %}

{#- Step two, over step one's columns: which form the period has; NULL when none, 'unstated'
    when nothing is written. -#}
{% macro period_form() -%}
    {%- set grammar = period_grammar() -%}
    case
        when is_period_unstated then 'unstated'
        {%- for form in grammar['forms'] %}
        when {{ regex_matches('period_core_text', form['pattern']) }} then '{{ form['form'] }}'
        {%- endfor %}
    end as period_form
{%- endmacro %}

{#- Step three, over step two's columns: the kind of period and its parts as numbers, with the
    year as written (digits or a relative year). -#}
{% macro period_part_values() -%}
    {%- set grammar = period_grammar() -%}
    {%- set core = 'period_core_text' -%}
    {%- set form = 'period_form' -%}
    {%- set part_months -%}
        coalesce(
            {{ lookup_case(period_role(grammar, 'part_noun', core, form), period_word_pairs(grammar, 'part_of_year')) }},
            {{ lookup_case(period_role(grammar, 'part_letter', core, form), period_word_pairs(grammar, 'part_letter')) }},
            {{ lookup_case(period_role(grammar, 'same_noun', core, form), period_word_pairs(grammar, 'part_of_year')) }}
        )
    {%- endset -%}
    case
        {%- for item in grammar['forms'] %}
        when period_form = '{{ item['form'] }}' then '{{ item['kind'] }}'
        {%- endfor %}
        when period_form = 'unstated' then 'unstated'
    end as period_kind,
    {{ period_role(grammar, 'year', core, form) }} as period_year_text,
    {{ period_role(grammar, 'first_year', core, form) }} as period_first_year_text,
    cast(coalesce(
        {{ lookup_case(period_role(grammar, 'ordinal', core, form), period_word_pairs(grammar, 'ordinal')) }},
        cast(nullif({{ period_role(grammar, 'part_digit', core, form) }}, '') as integer),
        {#- the number words alone (vocabulary_value_words): a period needs no currency form -#}
        cast(nullif({{ digits_or_word(period_role(grammar, 'count', core, form), {'words': vocabulary_rows('vocabulary_value_words')}) }}, '') as integer)
    ) as integer) as period_part_number,
    cast(coalesce(
        {{ part_months }},
        {{ lookup_case(period_role(grammar, 'parts_noun', core, form), period_word_pairs(grammar, 'parts_of_year')) }}
    ) as integer) as period_part_months,
    cast(coalesce(
        {{ lookup_case(period_role(grammar, 'month', core, form), period_word_pairs(grammar, 'month')) }},
        cast(nullif({{ period_role(grammar, 'month_digits', core, form) }}, '') as integer)
    ) as integer) as period_month_number,
    cast(nullif({{ period_role(grammar, 'day', core, form) }}, '') as integer) as period_day_number,
    -- a fiscal year written with a fiscal prefix ("fiscal 2024") or by its last month ("the year to
    -- March 2025"): the entity's own fiscal year (period_fiscal_year_fields), not the calendar year
    period_form = 'year_to' or {{ period_role(grammar, 'fiscal_prefix', core, form) }} <> '' as is_fiscal_year_written
{%- endmacro %}

{#- The fiscal year conventions of seeds/curated/curated_fiscal_years.csv for the entity
    `entity_expr`, as SQL case expressions (an entity not listed keeps the calendar year): a dict with
    end_month, the month its fiscal year ends in (12 when not listed), and named_for_start, a boolean:
    true when it names a fiscal year by the calendar year it starts in ("fiscal 2024" is April 2024 to
    March 2025). The one reading of the fiscal calendar: the published figures (period_fiscal_year_fields)
    and the draft's period guess (draft_fiscal_calendar) both resolve on it. -#}
{% macro period_fiscal_calendar(entity_expr) -%}
    {%- set months = [] -%}
    {%- set named_for_start = [] -%}
    {%- for row in vocabulary_rows('curated_fiscal_years') -%}
        {%- do months.append((row['entity_id'], row['fiscal_year_end_month'] | int)) -%}
        {%- do named_for_start.append((row['entity_id'], 'true' if row['fiscal_year_named_for'] == 'start' else 'false')) -%}
    {%- endfor -%}
    {{ return({'end_month': lookup_case(entity_expr, months, '12'),
               'named_for_start': lookup_case(entity_expr, named_for_start, 'false')}) }}
{%- endmacro %}

{#- The fiscal year conventions of `entity_expr` (period_fiscal_calendar) applied to a period as
    written. Returns
    select-list lines over columns of period_part_values and a resolved `year_expr`, giving
    fiscal_end_month, fiscal_end_year (the calendar year the fiscal year ends in) and
    fiscal_year_number (the year it is named by): for "the year to March 2025" the month and year
    written, named by the entity's convention when its fiscal year ends that month (else by the
    year it ends in); for "fiscal 2024" the entity's month, named 2024; for anything else 12 and
    the year written. -#}
{% macro period_fiscal_year_fields(entity_expr, year_expr, month_expr='period_month_number', form_expr='period_form', fiscal_expr='is_fiscal_year_written') -%}
    {%- set calendar = period_fiscal_calendar(entity_expr) -%}
    {%- set entity_month = calendar['end_month'] -%}
    {%- set entity_start = calendar['named_for_start'] -%}
    case
        when {{ form_expr }} = 'year_to' then {{ month_expr }}
        when {{ fiscal_expr }} then {{ entity_month }}
        else 12
    end as fiscal_end_month,
    case
        when {{ form_expr }} <> 'year_to' and {{ fiscal_expr }} and {{ entity_month }} <> 12 and {{ entity_start }}
            then {{ year_expr }} + 1
        else {{ year_expr }}
    end as fiscal_end_year,
    case
        -- "the year to March 2025" of an entity whose fiscal year ends in March and is named by its start: fiscal 2024
        when {{ form_expr }} = 'year_to' and {{ month_expr }} <> 12 and {{ month_expr }} = {{ entity_month }} and {{ entity_start }}
            then {{ year_expr }} - 1
        else {{ year_expr }}
    end as fiscal_year_number
{%- endmacro %}

{#- A year written as digits or as a relative year, as a number: a relative year counts from the
    year of `base_date_expr` ("last year" is one before), or from `base_year_expr` when given. NULL
    for a year relative to a compared figure when no base year is given. `offsets_of` names the
    word class whose offsets apply. -#}
{% macro period_year_number(year_text_expr, base_date_expr=none, base_year_expr=none, offsets_of=['relative_year']) -%}
    {%- set grammar = period_grammar() -%}
    {%- set pairs = [] -%}
    {%- for word_class in offsets_of -%}{%- do pairs.extend(period_word_pairs(grammar, word_class)) -%}{%- endfor -%}
    {%- set base = base_year_expr if base_year_expr is not none else 'cast(extract(year from ' ~ base_date_expr ~ ') as integer)' -%}
    (
        case
            when {{ year_text_expr }} = '' then null
            when {{ regex_matches(year_text_expr, '^[0-9]{4}$') }} then cast({{ year_text_expr }} as integer)
            {#- two digits ("FY25"): the year ending in them nearest the base year, 50 years either side -#}
            when {{ regex_matches(year_text_expr, '^[0-9]{2}$') }}
                then {{ base }} + (cast({{ year_text_expr }} as integer) - {{ base }} % 100 + 150) % 100 - 50
            else {{ base }} + {{ lookup_case(year_text_expr, pairs) }}
        end
    )
{%- endmacro %}

{#- Offset, in years, of a year written relative to a compared figure ("a year earlier": -1) or to
    publication; 0 for a year in digits or none. -#}
{% macro period_year_offset(year_text_expr) -%}
    {%- set grammar = period_grammar() -%}
    {%- set pairs = period_word_pairs(grammar, 'relative_year') + period_word_pairs(grammar, 'figure_relative_year') -%}
    coalesce({{ lookup_case(year_text_expr, pairs) }}, 0)
{%- endmacro %}

{#- True when a year as written counts from a compared figure ("a year earlier"). -#}
{% macro is_figure_relative_year(year_text_expr) -%}
    {%- set grammar = period_grammar() -%}
    {%- set phrases = [] -%}
    {%- for row in grammar['words'] if row['word_class'] == 'figure_relative_year' -%}{%- do phrases.append(sql_text(row['phrase'])) -%}{%- endfor -%}
    ({{ year_text_expr }} in ({{ phrases | join(', ') if phrases else "''" }}))
{%- endmacro %}

{#- Last step, over columns that hold the kind of period, its year (a number), first year (of a
    span), part number, part length in months, month and day (named by `columns`, a dict over the
    keys kind, year, first_year, part_number, part_months, month and day; by default the names
    period_part_values and period_ctes give them): the period as a type, dates, fiscal year and label. A period whose parts do not make one (a fifth quarter,
    a year that names no year, a year outside the window of years of the published date:
    is_year_in_window) gets a NULL period_type, which fails the figure. -#}
{% macro period_fields(published_date_expr, columns=none) -%}
    {%- set c = {'kind': 'period_kind', 'year': 'period_year', 'first_year': 'period_first_year_number',
                 'part_number': 'period_part_number', 'part_months': 'period_part_months',
                 'month': 'period_month_number', 'day': 'period_day_number', 'fiscal_end_month': '12',
                 'fiscal_end_year': none} -%}
    {%- do c.update(columns or {}) -%}
    {#- a fiscal year ending in month m (fiscal_end_month, 12 for a calendar year) of year y
        (fiscal_end_year, by default the year) runs from the month after m of the year before y to
        the end of m in y (period_fiscal_year_fields gives both per entity) -#}
    {%- set fy_end_month = c.fiscal_end_month -%}
    {%- set fy_end_year = c.fiscal_end_year or c.year -%}
    {%- set fy_start = make_date_from_parts(
        '' ~ fy_end_year ~ ' - case when ' ~ fy_end_month ~ ' = 12 then 0 else 1 end',
        'case when ' ~ fy_end_month ~ ' = 12 then 1 else ' ~ fy_end_month ~ ' + 1 end', 1) -%}
    {%- set fy_end = 'last_day(' ~ make_date_from_parts(fy_end_year, '' ~ fy_end_month ~ '', 1) ~ ')' -%}
    {#- a part of a fiscal year that does not end in December (fiscal_end_month is 12 for a calendar
        year and for a part written without a fiscal prefix): counted from the fiscal year's first
        month, so the third quarter of a fiscal 2025 that ends in March 2025 is October to December 2024 -#}
    {%- set is_fiscal_part = '(' ~ c.kind ~ ' = ' ~ sql_text('part') ~ ' and ' ~ fy_end_month ~ ' <> 12)' -%}
    {%- set fiscal_part_start = add_months_to_date(fy_start, '(' ~ c.part_number ~ ' - 1) * ' ~ c.part_months) -%}
    {%- set fiscal_part_end = 'last_day(' ~ add_months_to_date(fy_start, c.part_number ~ ' * ' ~ c.part_months ~ ' - 1') ~ ')' -%}
    case
        when {{ c.kind }} = 'unstated' then 'unstated'
        when {{ c.kind }} in ('as_of_publication', 'before_publication') then {{ c.kind }}
        when {{ c.year }} is null then null
        -- a year no four digits of the document can be ("7153" in a text of 2025: is_year_in_window)
        when not {{ is_year_in_window(c.year, published_date_expr) }} then null
        when {{ c.kind }} = 'span' and not {{ is_year_in_window(c.first_year, published_date_expr) }} then null
        when {{ c.kind }} = 'part' and {{ c.part_number }} between 1 and 12 / {{ c.part_months }}
            then case {{ c.part_months }} when 3 then 'quarter' when 6 then 'half_year' when 1 then 'month' end
        when {{ c.kind }} = 'year_to_date' and {{ c.part_number }} * {{ c.part_months }} between 1 and 12 then 'year_to_date'
        when {{ c.kind }} = 'span' and {{ c.first_year }} <= {{ c.year }} then 'span'
        when {{ c.kind }} in ('fiscal_year', 'year_end', 'date') then {{ c.kind }}
        when {{ c.kind }} = 'month_end' and {{ c.month }} is not null then 'date'
        when {{ c.kind }} = 'month' and {{ c.month }} is not null then 'month'
    end as period_type,
    case
        when {{ c.kind }} = 'span' then {{ c.first_year }}
        when {{ c.kind }} not in ('as_of_publication', 'before_publication', 'unstated') then {{ c.year }}
    end as period_first_year,
    case
        when {{ c.kind }} = 'as_of_publication' then cast(extract(year from {{ published_date_expr }}) as integer)
        when {{ c.kind }} not in ('before_publication', 'unstated') then {{ c.year }}
    end as fiscal_year,
    case
        when {{ c.kind }} = 'fiscal_year' then {{ fy_start }}
        when {{ c.kind }} = 'year_to_date' then {{ make_date_from_parts(c.year, 1, 1) }}
        when {{ c.kind }} = 'span' then {{ make_date_from_parts('' ~ c.first_year ~ '', 1, 1) }}
        when {{ is_fiscal_part }} and {{ c.part_number }} between 1 and 12 / {{ c.part_months }} then {{ fiscal_part_start }}
        when {{ c.kind }} = 'part' and {{ c.part_number }} between 1 and 12 / {{ c.part_months }}
            then {{ make_date_from_parts(c.year, '(' ~ c.part_number ~ ' - 1) * ' ~ c.part_months ~ ' + 1', 1) }}
        when {{ c.kind }} = 'month' then {{ make_date_from_parts(c.year, '' ~ c.month ~ '', 1) }}
        when {{ c.kind }} = 'date' then {{ make_date_from_parts(c.year, '' ~ c.month ~ '', '' ~ c.day ~ '') }}
        when {{ c.kind }} = 'year_end' then {{ make_date_from_parts(c.year, 12, 31) }}
        when {{ c.kind }} = 'month_end' then last_day({{ make_date_from_parts(c.year, '' ~ c.month ~ '', 1) }})
        when {{ c.kind }} = 'as_of_publication' then {{ published_date_expr }}
    end as period_start_date,
    case
        when {{ c.kind }} = 'fiscal_year' then {{ fy_end }}
        when {{ c.kind }} in ('span', 'year_end') then {{ make_date_from_parts(c.year, 12, 31) }}
        when {{ is_fiscal_part }} and {{ c.part_number }} between 1 and 12 / {{ c.part_months }} then {{ fiscal_part_end }}
        when {{ c.kind }} = 'part' and {{ c.part_number }} between 1 and 12 / {{ c.part_months }}
            then last_day({{ make_date_from_parts(c.year, '' ~ c.part_number ~ ' * ' ~ c.part_months ~ '', 1) }})
        when {{ c.kind }} = 'year_to_date' and {{ c.part_number }} * {{ c.part_months }} between 1 and 12
            then last_day({{ make_date_from_parts(c.year, '' ~ c.part_number ~ ' * ' ~ c.part_months ~ '', 1) }})
        when {{ c.kind }} in ('month', 'month_end') then last_day({{ make_date_from_parts(c.year, '' ~ c.month ~ '', 1) }})
        when {{ c.kind }} = 'date' then {{ make_date_from_parts(c.year, '' ~ c.month ~ '', '' ~ c.day ~ '') }}
        when {{ c.kind }} in ('as_of_publication', 'before_publication') then {{ published_date_expr }}
    end as period_end_date,
    case
        when {{ c.kind }} = 'fiscal_year' then 'FY' || cast({{ c.year }} as string)
        when {{ c.kind }} = 'span' then 'FY' || cast({{ c.first_year }} as string) || '-FY' || cast({{ c.year }} as string)
        when {{ is_fiscal_part }} and {{ c.part_months }} in (3, 6)
            then 'FY' || cast({{ c.year }} as string) || case {{ c.part_months }} when 3 then '-Q' else '-H' end || cast({{ c.part_number }} as string)
        when {{ c.kind }} = 'part' and {{ c.part_months }} = 3 then cast({{ c.year }} as string) || '-Q' || cast({{ c.part_number }} as string)
        when {{ c.kind }} = 'part' and {{ c.part_months }} = 6 then cast({{ c.year }} as string) || '-H' || cast({{ c.part_number }} as string)
        when {{ c.kind }} = 'part' and {{ c.part_months }} = 1 and {{ c.part_number }} between 1 and 12
            then substring(cast({{ make_date_from_parts(c.year, '' ~ c.part_number ~ '', 1) }} as string), 1, 7)
        when {{ c.kind }} = 'year_to_date'
            then cast({{ c.year }} as string) || '-' || cast({{ c.part_number }} * {{ c.part_months }} as string) || 'M'
        when {{ c.kind }} = 'month' then substring(cast({{ make_date_from_parts(c.year, '' ~ c.month ~ '', 1) }} as string), 1, 7)
        when {{ c.kind }} = 'date' then cast({{ make_date_from_parts(c.year, '' ~ c.month ~ '', '' ~ c.day ~ '') }} as string)
        when {{ c.kind }} = 'year_end' then cast({{ make_date_from_parts(c.year, 12, 31) }} as string)
        when {{ c.kind }} = 'month_end' then cast(last_day({{ make_date_from_parts(c.year, '' ~ c.month ~ '', 1) }}) as string)
        when {{ c.kind }} = 'as_of_publication' then 'as of ' || cast({{ published_date_expr }} as string)
        when {{ c.kind }} = 'before_publication' then 'before ' || cast({{ published_date_expr }} as string)
        when {{ c.kind }} = 'unstated' then 'unstated'
    end as period_label
{%- endmacro %}

{#- The CTEs that read a period as written: period_core (the text's parts), period_forms (which
    form of the grammar it is) and period_values (its part numbers and months), over `relation` (a
    CTE name) whose periods are written in `text_expr` (lowercased); `prefix` goes before each CTE's
    name where a model reads periods twice. The one place this chain is written: period_ctes below
    (claims, mentions), int_figures_normalised (figures) and the drafter call it. -#}
{% macro period_value_ctes(relation, text_expr, prefix='') -%}
{{ prefix }}period_core as (
    select
        *,
        {{ period_core(text_expr) }}
    from {{ relation }}
),

{{ prefix }}period_forms as (
    select
        *,
        {{ period_form() }}
    from {{ prefix }}period_core
),

{{ prefix }}period_values as (
    select
        *,
        {{ period_part_values() }}
    from {{ prefix }}period_forms
)
{%- endmacro %}

{#- The whole chain for a relation `relation` (a CTE name) whose periods are written in `text_expr`
    (lowercased) and count relative years from `published_date_expr`: CTEs named period_core,
    period_forms, period_values, period_years and `final_name`, which holds the relation's columns
    and the period's. For periods that need no compared figure (claims); figures resolve those in
    int_figures_normalised. With `entity_expr` (the column of the entity the period belongs to), a
    period written with a fiscal prefix ("fiscal 2024", "the third quarter of fiscal 2025") or by
    its last month is that entity's fiscal year or a part of it (seeds/curated/curated_fiscal_years.csv),
    as for figures; without it, a calendar one. -#}
{% macro period_ctes(relation, text_expr, published_date_expr, final_name='periods', entity_expr=none) -%}
{{ period_value_ctes(relation, text_expr) }},

period_years as (
    select
        *,
        {{ period_year_number('period_year_text', published_date_expr) }} as period_year,
        {{ period_year_number('period_first_year_text', published_date_expr) }} as period_first_year_number
    from period_values
),
{%- if entity_expr is none %}

{{ final_name }} as (
    select
        *,
        {{ period_fields(published_date_expr) }}
    from period_years
)
{%- else %}

period_fiscal_years as (
    select
        *,
        {{ period_fiscal_year_fields(entity_expr, 'period_year') | indent(8) }}
    from period_years
),

{{ final_name }} as (
    select
        *,
        {{ period_fields(published_date_expr, {
            'year': 'fiscal_year_number', 'fiscal_end_month': 'fiscal_end_month', 'fiscal_end_year': 'fiscal_end_year'}) | indent(8) }}
    from period_fiscal_years
)
{%- endif %}
{%- endmacro %}

{#- The period forms of period_grammar() unanchored and joined, to find the periods a text writes
    (text_matches): the forms that state a date or a part of a year first, so that at one place the
    most specific form wins ("April 12, 2024" before "2024"). A form that ends in free text (a
    prefix such as "within a few years of" followed by anything) is left out: unanchored it would
    take the rest of the text. -#}
{% macro period_mention_pattern() -%}
    {%- set grammar = period_grammar() -%}
    {%- set order = ['year_to', 'date_month_first', 'date_day_first', 'date_iso', 'year_to_date', 'part_ordinal',
                     'part_letter_first', 'part_digit_first', 'part_year_first', 'same_part', 'span',
                     'span_between', 'month_end', 'year_end', 'month', 'fiscal_year', 'figure_relative',
                     'as_of_publication', 'before_publication'] -%}
    {%- set alternatives = [] -%}
    {%- for name in order -%}
        {%- for form in grammar['forms'] if form['form'] == name -%}
            {%- set unanchored = form['pattern'][1:-1] -%}
            {%- if '.+' not in unanchored -%}{%- do alternatives.append('(?:' ~ unanchored ~ ')') -%}{%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set before = [] -%}
    {%- for row in grammar['words'] if row['word_class'] == 'before_publication' -%}{%- do before.append(row['phrase']) -%}{%- endfor -%}
    {%- do alternatives.append(regex_alternation(before)) -%}
    {{ return('(?:' ~ alternatives | join('|') ~ ')') }}
{%- endmacro %}

{#- True when the year `year_expr` (a number) is one a four-digit number may be in a document published on
    `published_date_expr`: within the window of vocabulary_period_words (class year_window, the offsets
    of its earliest and latest year from the published year, each with its reason). A four-digit number
    outside it ("trades under the code 7153" in 2025, "4200 staff") is no year. A bound the vocabulary
    does not give does not bound. -#}
{% macro is_year_in_window(year_expr, published_date_expr) -%}
    {%- set bounds = {} -%}
    {%- for row in vocabulary_rows('vocabulary_period_words') if row['word_class'] == 'year_window' and row['number_value'] != '' -%}
        {%- do bounds.update({row['word']: row['number_value'] | int}) -%}
    {%- endfor -%}
    {%- set published_year = 'cast(extract(year from ' ~ published_date_expr ~ ') as integer)' -%}
    (
        {{ year_expr }} >= {{ published_year ~ ' + (' ~ bounds['earliest'] ~ ')' if 'earliest' in bounds else year_expr }}
        and {{ year_expr }} <= {{ published_year ~ ' + (' ~ bounds['latest'] ~ ')' if 'latest' in bounds else year_expr }}
    )
{%- endmacro %}

{#- True when the text right after a four-digit number (`text_after_expr`, lowercased) starts with a time zone
    (vocabulary_period_words, class time_zone): the number is a time of day ("by 1015 GMT"), not a year. -#}
{% macro is_time_of_day(text_after_expr) -%}
    {%- set zones = vocabulary_words(vocabulary_rows('vocabulary_period_words'), 'time_zone') -%}
    {{ regex_matches(text_after_expr, '^ +(?:' ~ regex_alternation(zones) ~ ')(?:[^a-z]|$)') }}
{%- endmacro %}

{#- Over the rows of text_matches (match_text, match_start, source_text) of a period pattern, in a document
    published on `published_date_expr`: true when the period is one, false when a four-digit number it
    reads as a year is no year for the document (is_year_in_window: "the code 7153" of a text of 2025 is
    no period, and the number is a mention of its own), unless the number is a time of day ("by 1015 GMT":
    is_time_of_day), which the draft reads as of the published date. A period writes at most two years
    (a span: "2018-2021"), so its first and last four-digit numbers are all it has. -#}
{% macro is_period_match_in_window(published_date_expr) -%}
    {%- set year_pattern = '(?:^|[^0-9])([0-9]{4})(?:[^0-9]|$)' -%}
    {%- set first_year = 'cast(nullif(' ~ regex_group('match_text', year_pattern, 1) ~ ', ' ~ sql_text('') ~ ') as integer)' -%}
    {%- set last_year = 'cast(nullif(' ~ regex_group('match_text', '^.*' ~ year_pattern, 1) ~ ', ' ~ sql_text('') ~ ') as integer)' -%}
    (
        (
            coalesce({{ is_year_in_window(first_year, published_date_expr) }}, true)
            and coalesce({{ is_year_in_window(last_year, published_date_expr) }}, true)
        )
        or {{ is_time_of_day('lower(substring(source_text, match_start + ' ~ dbt.length('match_text') ~ '))') }}
    )
{%- endmacro %}
