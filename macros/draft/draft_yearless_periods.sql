{#- Periods a text writes with no year, which the draft's period guess (int_document_draft_periods)
    writes with the year the published date gives them, in a form the period grammar reads. The words
    are rows of seeds/vocabulary/vocabulary_period_words.csv. -#}

{#- The day of the week of the DATE `date_expr`, Monday 1 to Sunday 7. -#}
{% macro draft_iso_day_of_week(date_expr) -%}
    {{ return(adapter.dispatch('draft_iso_day_of_week')(date_expr)) }}
{%- endmacro %}

{% macro default__draft_iso_day_of_week(date_expr) -%}
    isodow({{ date_expr }})
{%- endmacro %}

{% macro spark__draft_iso_day_of_week(date_expr) -%}
    ((dayofweek({{ date_expr }}) + 5) % 7 + 1)
{%- endmacro %}

{#- The last day of the month `month_expr` (1 to 12) of the year `year_expr`, written as a date is
    ("30 September 2025"): a stock at the end of a month or of a part of a year. -#}
{% macro draft_month_end_text(year_expr, month_expr) -%}
    {{ draft_date_text('last_day(' ~ make_date_from_parts(year_expr, month_expr, 1) ~ ')') }}
{%- endmacro %}

{#- The DATE `date_expr` written as the curated rows write a date ("20 November 2025"): the day of a
    time of day ("by 1015 GMT"), the published date. -#}
{% macro draft_date_text(date_expr) -%}
    {%- set month_names = [] -%}
    {%- set named = [] -%}
    {%- for row in vocabulary_rows('vocabulary_period_words') if row['word_class'] == 'month' and (row['number_value'] | int) not in named -%}
        {%- do named.append(row['number_value'] | int) -%}
        {%- do month_names.append((row['number_value'], sql_text(row['word'] | capitalize))) -%}
    {%- endfor -%}
    cast(extract(day from {{ date_expr }}) as string) || ' '
        || {{ lookup_case('cast(extract(month from ' ~ date_expr ~ ') as string)', month_names) }} || ' '
        || cast(extract(year from {{ date_expr }}) as string)
{%- endmacro %}

{#- The regular expressions of the periods written with no year (lowercase), by shape: a day of the
    week ("on Thursday"), the whole year ("for the full year", "full-year"), the end of a month or of
    a part of a year ("at the end of June", "the end of the quarter"), a day and month ("as of 30
    June", "June 30"), months counted to a month ("the six months to 30 June") and parts counted from
    the start of the year, with "the year" written ("the first nine months of the year") or not ("the
    first nine months", "the first three quarters": counted_parts). -#}
{% macro draft_yearless_period_patterns() -%}
    {%- set words = vocabulary_rows('vocabulary_period_words') -%}
    {%- set months = '(' ~ regex_alternation(vocabulary_words(words, 'month')) ~ ')[.]?' -%}
    {%- set day = '([0-9]{1,2})(?:st|nd|rd|th)?' -%}
    {#- "the end of June", or a verb of a stock reached at a month's end: "ended September with 318 restaurants" -#}
    {%- set end_prefix = '(?:' ~ regex_alternation(vocabulary_words(words, 'year_end_prefix') + vocabulary_words(words, 'month_end_verb')) ~ ')' -%}
    {%- set cardinal = regex_alternation(vocabulary_words(vocabulary_rows('vocabulary_value_words'), 'number')) -%}
    {%- set connector = '(?:' ~ regex_alternation(vocabulary_words(words, 'year_to_connector')) ~ ')' -%}
    {#- parts counted from a start: "first nine months", "first three quarters"; before months counted to a
        month, an ordinal changes nothing ("the first six months to 30 June": months_to, before counted_parts
        in draft_yearless_period_pattern) -#}
    {%- set counted = '((?:' ~ regex_alternation(vocabulary_words(words, 'ordinal')) ~ ') +(' ~ cardinal ~ '|[0-9]{1,2}) +('
        ~ regex_alternation(vocabulary_words(words, 'parts_of_year')) ~ '))' -%}
    {%- set patterns = {
        'weekday': '(' ~ regex_alternation(vocabulary_words(words, 'weekday')) ~ ')',
        'full_year': '(' ~ regex_alternation(vocabulary_words(words, 'full_year_no_year')) ~ ')',
        'parts_of_the_year': counted ~ ' +of +(?:' ~ regex_alternation(vocabulary_words(words, 'yearless_year')) ~ ')',
        'counted_parts': counted,
        'months_to': '(?:(?:' ~ regex_alternation(vocabulary_words(words, 'ordinal')) ~ ') +)?(' ~ cardinal ~ '|[0-9]{1,2}) +(?:' ~ regex_alternation(vocabulary_words(words, 'parts_of_year'))
            ~ ') +' ~ connector ~ ' +(?:' ~ day ~ ' +(?:of +)?' ~ months ~ '|' ~ months ~ '(?: +' ~ day ~ ')?)',
        'months_span': months ~ '[ -]+(?:(?:' ~ regex_alternation(vocabulary_words(words, 'span_connector')) ~ ')[ -]+)?' ~ months
            ~ '(?: +(' ~ regex_alternation(vocabulary_words(words, 'part_of_year')) ~ '))?',
        'month_end': end_prefix ~ ' +' ~ months,
        'part_end': end_prefix ~ ' +(?:the +)?(' ~ regex_alternation(vocabulary_words(words, 'part_of_year')) ~ ')',
        'day_month': day ~ ' +(?:of +)?' ~ months,
        'month_day': months ~ ' +' ~ day,
        'month_alone': months,
    } -%}
    {{ return(patterns) }}
{%- endmacro %}

{#- The alternation of draft_yearless_period_patterns(), for text_matches: after the periods with a
    year, so that "30 June 2025" is read whole. -#}
{% macro draft_yearless_period_pattern() -%}
    {%- set patterns = draft_yearless_period_patterns() -%}
    {%- set order = ['weekday', 'full_year', 'parts_of_the_year', 'months_to', 'counted_parts', 'months_span', 'month_end', 'part_end', 'day_month', 'month_day', 'month_alone'] -%}
    {%- set alternatives = [] -%}
    {%- for name in order %}{% do alternatives.append('(?:' ~ patterns[name] ~ ')') %}{% endfor -%}
    {{ return(alternatives | join('|')) }}
{%- endmacro %}

{#- A select over `relation` (source_id, paragraph_number, match_start, match_text, source_text: the
    paragraph, published_date, lead_entity_id) of the periods written with no year, each with the
    period the draft writes for it (period_text), whether it is a day of the week (is_weekday) and
    whether that day is the day of a statement (is_statement_day: a statement_verb before it in its
    clause with no number between, "said in a stock exchange filing on Thursday", or right after it):
    - a day of the week: the latest such day on or before the published date ("24 July 2025");
    - the full year: the fiscal year of the source's lead entity (curated_fiscal_years) that ended
      last by publication, or the current one when its sentence has a forecast word
      (vocabulary_context_words: "expects revenue of ... for the full year"), as "full-year 2025";
    - a word for "as of publication" ("now") in a sentence with a forecast word ("now expects
      revenue of ..."): guidance, for the current fiscal year ("full year 2025");
    - the end of a month: the latest such month end by publication ("end of June 2025"); the end of a
      part of a year: the latest end of such a part of the entity's fiscal year by then;
    - a day and month: the latest such day by publication ("30 June 2025");
    - months counted to a month, of an entity that keeps a calendar year: a quarter or half that ends
      that month ("H1 2025"), else the months from the start of the year ("first 9 months of 2025");
      of one whose fiscal year ends in another month, the part of its fiscal year that ends that
      month ("Q2 FY2026"); else twelve months: the year to that month ("year to June 2025");
    - parts counted from the start of the year ("the first nine months of the year"): of the latest
      year in which they ended by publication ("first nine months of 2025"); with no year written
      ("the first nine months", not followed by a counted_from_word: "of trading"), the same for an
      entity that keeps a calendar year and none for another, with counted_phrase ("first nine
      months") and fiscal_end_month, from which draft_counted_period_text writes them with the year of
      the document's leading period. -#}
{% macro draft_yearless_periods(relation) -%}
    {%- set words = vocabulary_rows('vocabulary_period_words') -%}
    {%- set patterns = draft_yearless_period_patterns() -%}
    {%- set month_pairs = [] -%}
    {%- set month_names = [] -%}
    {%- set named = [] -%}
    {%- for row in words if row['word_class'] == 'month' -%}
        {%- do month_pairs.append((row['word'], row['number_value'] | int)) -%}
        {%- if (row['number_value'] | int) not in named -%}
            {%- do named.append(row['number_value'] | int) -%}
            {%- do month_names.append((row['number_value'], sql_text(row['word'] | capitalize))) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set weekday_pairs = [] -%}
    {%- for row in words if row['word_class'] == 'weekday' -%}{%- do weekday_pairs.append((row['word'], row['number_value'] | int)) -%}{%- endfor -%}
    {%- set part_pairs = [] -%}
    {%- for row in words if row['word_class'] == 'part_of_year' -%}{%- do part_pairs.append((row['word'], row['number_value'] | int)) -%}{%- endfor -%}
    {%- set parts_pairs = [] -%}
    {%- for row in words if row['word_class'] == 'parts_of_year' -%}{%- do parts_pairs.append((row['word'], row['number_value'] | int)) -%}{%- endfor -%}
    {%- set letters = [] -%}
    {%- for row in words if row['word_class'] == 'part_letter' -%}{%- do letters.append((row['number_value'], sql_text(row['word'] | upper))) -%}{%- endfor -%}
    {%- set count_pairs = [] -%}
    {%- for row in vocabulary_rows('vocabulary_value_words') if row['word_class'] == 'number' -%}
        {%- do count_pairs.append((row['word'], row['number_value'] | int)) -%}
    {%- endfor -%}
    {#- the first word of a class as the seed lists it: "year", "to" -#}
    {%- set first_words = {} -%}
    {%- for row in words if row['word_class'] in ['year_to_noun', 'year_to_connector'] -%}
        {%- do first_words.setdefault(row['word_class'], sql_text(row['word'])) -%}
    {%- endfor -%}
    {#- the first word of a class as the seed lists it: "full year", "FY" -#}
    {%- set full_year_word = sql_text(((words | selectattr('word_class', 'equalto', 'full_year_no_year') | map(attribute='word') | list) or [''])[0]) -%}
    {%- set fiscal_prefix = sql_text(((words | selectattr('word_class', 'equalto', 'fiscal_year_prefix') | map(attribute='word') | list) or [''])[0] | upper) -%}
    {%- set year_noun = first_words.get('year_to_noun', "''") -%}
    {%- set year_connector = first_words.get('year_to_connector', "''") -%}
    {%- set forecast = regex_alternation(vocabulary_words(vocabulary_rows('vocabulary_context_words'), 'forecast')) -%}
    {%- set statement_verbs = regex_alternation(vocabulary_words(words, 'statement_verb')) -%}
    {%- set text = 'lower(match_text)' -%}
    {#- parts counted from the start of the year, "of the year" written or not: one pattern reads both shapes'
        parts (the phrase, its count and its parts), so that the long count words are written once -#}
    {%- set counted_any = '^' ~ patterns['counted_parts'] ~ '(?:' ~ patterns['parts_of_the_year'][patterns['counted_parts'] | length:] ~ ')?$' -%}
    {%- set month_of = lookup_case('month_word', month_pairs) -%}
    {%- set day_of = 'cast(nullif(day_text, \'\') as integer)' -%}
    {#- a date's day, month and year: "24 July 2025" -#}
    {%- set date_text %}cast(extract(day from resolved_date) as string) || ' '
            || {{ lookup_case('cast(extract(month from resolved_date) as string)', month_names) }} || ' '
            || cast(extract(year from resolved_date) as string){% endset -%}
    select
        source_id,
        paragraph_number,
        match_start,
        lead_entity_id,
        shape = 'weekday' as is_weekday,
        -- a day of the week of a statement ("said in a filing on Thursday", "Kelana on Thursday said"):
        -- a statement_verb before it in its clause, with no number between, or right after it
        shape = 'weekday' and (
            {{ regex_matches('lower(substring(source_text, 1, match_start - 1))',
                '(?:^|[^a-z])' ~ statement_verbs ~ '(?: +[^ ,;:.!?0-9]+)* +$') }}
            or {{ regex_matches('lower(substring(source_text, match_start + ' ~ dbt.length('match_text') ~ '))',
                '^ +' ~ statement_verbs ~ '(?:[^a-z]|$)') }}
        ) as is_statement_day,
        case shape
            when 'weekday' then {{ date_text }}
            when 'as_of_publication' then {{ full_year_word }} || ' ' || cast(
                published_year + case when published_month > fiscal_end_month then 1 else 0 end
                - case when fiscal_end_month <> 12 then named_for_start else 0 end as string)
            when 'full_year' then match_text || ' ' || cast(
                published_year + case when published_month > fiscal_end_month then 1 else 0 end
                - case when is_forecast then 0 else 1 end
                - case when fiscal_end_month <> 12 then named_for_start else 0 end as string)
            when 'month_end' then {{ draft_month_end_text('published_year - case when month_number >= published_month then 1 else 0 end', 'month_number') }}
            when 'part_end' then {{ draft_month_end_text('cast(floor((part_end_index - 1) / 12) as integer)',
                'part_end_index - 12 * cast(floor((part_end_index - 1) / 12) as integer)') }}
            when 'day_month' then match_text || ' ' || cast(published_year - case when month_number * 100 + day_number > published_month * 100 + published_day then 1 else 0 end as string)
            when 'month_day' then match_text || ' ' || cast(published_year - case when month_number * 100 + day_number > published_month * 100 + published_day then 1 else 0 end as string)
            when 'month_alone' then {{ lookup_case('cast(month_number as string)', month_names) }} || ' ' || cast(to_year as string)
            when 'parts_of_the_year' then {{ regex_group(text, counted_any, 1) }} || ' of '
                || cast(published_year - case when count_number * parts_months > published_month - 1 then 1 else 0 end as string)
            -- with no year written, of a calendar year: the same, until the document's leading period gives the
            -- year (draft_counted_period_text)
            when 'counted_parts' then case when fiscal_end_month = 12 then counted_phrase || ' of '
                || cast(published_year - case when count_number * parts_months > published_month - 1 then 1 else 0 end as string) end
            when 'months_to' then case
                when fiscal_end_month = 12 and {{ lookup_case('cast(count_number as string)', letters) }} is not null
                    and mod(month_number, count_number) = 0
                    then {{ lookup_case('cast(count_number as string)', letters) }} || cast(cast(month_number / count_number as integer) as string) || ' ' || cast(to_year as string)
                when fiscal_end_month = 12 and count_number = month_number
                    then 'first ' || cast(count_number as string) || ' months of ' || cast(to_year as string)
                -- of a fiscal year that ends in another month: the part of it that ends that month ("Q2 FY2026")
                when fiscal_end_month <> 12 and {{ lookup_case('cast(count_number as string)', letters) }} is not null
                    and mod(month_number - fiscal_end_month + 12, count_number) = 0
                    then {{ lookup_case('cast(count_number as string)', letters) }}
                        || cast(cast((mod(month_number - fiscal_end_month + 11, 12) + 1) / count_number as integer) as string) || ' '
                        || {{ fiscal_prefix }} || cast(to_year + case when month_number > fiscal_end_month then 1 else 0 end - named_for_start as string)
                when count_number = 12
                    then {{ year_noun }} || ' ' || {{ year_connector }} || ' ' || {{ lookup_case('cast(month_number as string)', month_names) }} || ' ' || cast(to_year as string)
            end
        end as period_text,
        -- parts counted from the start of a year with no year written ("first nine months") and the calendar
        -- they count on, which draft_counted_period_text reads
        counted_phrase,
        fiscal_end_month
    from (
        select
            *,
            case when shape = 'counted_parts' then {{ text }} end as counted_phrase,
            -- the latest day of the week written on or before the published date
            cast({{ dbt.dateadd('day', '0 - cast((' ~ draft_iso_day_of_week('published_date') ~ ' - weekday_number + 7) % 7 as integer)', 'published_date') }} as date) as resolved_date,
            -- the month (counted from year 0) the latest part of the entity's fiscal year ended in before the published month
            published_year * 12 + published_month - 1 - cast((published_year * 12 + published_month - 1 - fiscal_end_month) % part_months as integer) as part_end_index,
            published_year - case when month_number >= published_month then 1 else 0 end as to_year
        from (
            select
                *,
                cast(extract(year from published_date) as integer) as published_year,
                cast(extract(month from published_date) as integer) as published_month,
                cast(extract(day from published_date) as integer) as published_day,
                {{ draft_fiscal_calendar('lead_entity_id') | indent(16) }},
                cast({{ lookup_case(regex_group(text, '^' ~ patterns['weekday'] ~ '$', 1), weekday_pairs) }} as integer) as weekday_number,
                cast({{ lookup_case(regex_group(text, '^' ~ patterns['part_end'] ~ '$', 1), part_pairs) }} as integer) as part_months,
                cast(coalesce({{ lookup_case('count_text', count_pairs) }}, cast(nullif(count_text, '') as integer)) as integer) as count_number,
                cast({{ lookup_case(regex_group(text, counted_any, 3), parts_pairs) }} as integer) as parts_months,
                cast({{ month_of }} as integer) as month_number,
                cast({{ day_of }} as integer) as day_number,
                {{ regex_matches('lower(substring(source_text, 1, match_start - 1))', '(?:^|[^a-z])(?:' ~ forecast ~ ')(?:[^a-z](?:[^.!?]|[.][0-9])*)?$') }}
                or {{ regex_matches('lower(substring(source_text, match_start))', '^(?:[^.!?]|[.][0-9])*[^a-z](?:' ~ forecast ~ ')(?:[^a-z]|$)') }} as is_forecast
            from (
                select
                    *,
                    coalesce(
                        nullif({{ regex_group(text, '^' ~ patterns['months_to'] ~ '$', 3) }}, ''),
                        nullif({{ regex_group(text, '^' ~ patterns['months_to'] ~ '$', 4) }}, ''),
                        nullif({{ regex_group(text, '^' ~ patterns['months_span'] ~ '$', 2) }}, ''),
                        nullif({{ regex_group(text, '^' ~ patterns['month_end'] ~ '$', 1) }}, ''),
                        nullif({{ regex_group(text, '^' ~ patterns['day_month'] ~ '$', 2) }}, ''),
                        nullif({{ regex_group(text, '^' ~ patterns['month_day'] ~ '$', 1) }}, ''),
                        nullif({{ regex_group(text, '^' ~ patterns['month_alone'] ~ '$', 1) }}, '')
                    ) as month_word,
                    coalesce(
                        nullif({{ regex_group(text, '^' ~ patterns['months_to'] ~ '$', 2) }}, ''),
                        nullif({{ regex_group(text, '^' ~ patterns['months_to'] ~ '$', 5) }}, ''),
                        nullif({{ regex_group(text, '^' ~ patterns['day_month'] ~ '$', 1) }}, ''),
                        nullif({{ regex_group(text, '^' ~ patterns['month_day'] ~ '$', 2) }}, ''),
                        ''
                    ) as day_text,
                    coalesce(
                        nullif({{ regex_group(text, '^' ~ patterns['months_to'] ~ '$', 1) }}, ''),
                        {#- the months of a span, the first and last counted: "July-September" is three #}
                        cast(mod({{ lookup_case(regex_group(text, '^' ~ patterns['months_span'] ~ '$', 2), month_pairs) }}
                            - {{ lookup_case(regex_group(text, '^' ~ patterns['months_span'] ~ '$', 1), month_pairs) }} + 12, 12) + 1 as string),
                        {{ regex_group(text, counted_any, 2) }}
                    ) as count_text,
                    case
                        {#- a part of a year by its months ("the July-to-September quarter") is read as months to its last month #}
                        {%- for name in ['weekday', 'full_year', 'parts_of_the_year', 'counted_parts', 'months_to', 'months_span', 'month_end', 'part_end', 'day_month', 'month_day', 'month_alone'] %}
                        when {{ regex_matches(text, '^' ~ patterns[name] ~ '$') }} then '{{ 'months_to' if name == 'months_span' else name }}'
                        {%- endfor %}
                        when {{ regex_matches(text, '^(?:(?:' ~ regex_alternation(vocabulary_words(words, 'lead_word')) ~ ') +)*(?:' ~ regex_alternation(vocabulary_words(words, 'as_of_publication')) ~ ')$') }} then 'as_of_publication'
                    end as shape
                from {{ relation }}
            ) as shaped
            where shape is not null
        ) as read_parts
    ) as resolved
    -- "now" and its like are as of publication unless a forecast word is in their sentence
    where (shape <> 'as_of_publication' or is_forecast)
        -- a month alone is a period after a word that leads one ("in September"), not "may" the verb
        and (shape <> 'month_alone' or {{ regex_matches('lower(substring(source_text, 1, match_start - 1))',
            '(?:^|[^a-z])(?:' ~ regex_alternation(vocabulary_words(words, 'month_alone_lead')) ~ ') +$') }})
        -- parts counted with no year are counted from another start with a counted_from_word after them
        -- ("the first six months of trading", "its first three months as chief executive")
        and (shape <> 'counted_parts' or not {{ regex_matches('lower(substring(source_text, match_start + ' ~ dbt.length('match_text') ~ '))',
            '^ +(?:' ~ regex_alternation(vocabulary_words(words, 'counted_from_word')) ~ ')(?:[^a-z]|$)') }})
{%- endmacro %}

{#- The period the draft writes for parts counted from the start of a year with no year written ("For
    the first nine months, net profit ...", "the first three quarters"), over the columns of
    draft_yearless_periods (`phrase_expr`: counted_phrase, `fiscal_end_month_expr`: fiscal_end_month of
    the entity they are resolved for): of an entity that keeps a calendar year, they are of the year of
    the period the document reports, its leading period `leading_text_expr` ("Q3 2025": "first nine
    months of 2025"), when the document's lead entity `lead_entity_expr` (if given: the entity is
    another) keeps a calendar year too. NULL when the leading period writes no year in digits (the
    published date gives the year: draft_yearless_periods), and for an entity whose fiscal year ends in
    another month (the period grammar writes no months counted from the start of a fiscal year). -#}
{% macro draft_counted_period_text(phrase_expr, fiscal_end_month_expr, leading_text_expr, lead_entity_expr=none) -%}
    (
        case when {{ fiscal_end_month_expr }} = 12
            {%- if lead_entity_expr is not none %} and {{ period_fiscal_calendar(lead_entity_expr)['end_month'] }} = 12{% endif %}
            then {{ phrase_expr }} || ' of ' || nullif({{ regex_group(leading_text_expr, '([0-9]{4})', 1) }}, {{ sql_text('') }})
        end
    )
{%- endmacro %}

{#- A select over `periods` (int_document_draft_periods' period_texts: source_id, paragraph_number,
    match_start, period_form, period_text, is_weekday, is_other_calendar, and counted_phrase and
    fiscal_end_month of draft_yearless_periods) and `leading` (source_id, period_text: the document's
    leading period, draft_leading_periods) of the same columns up to is_other_calendar, with parts
    counted from the start of a year with no year written ("For the first nine months, net profit ...")
    of the year of the period the document reports (draft_counted_period_text): the period a number
    takes. -#}
{% macro draft_reported_periods(periods, leading) -%}
    select
        source_id,
        paragraph_number,
        match_start,
        period_form,
        coalesce(counted_period_text, period_text) as period_text,
        is_weekday,
        is_other_calendar and counted_period_text is null as is_other_calendar
    from (
        select
            {{ periods }}.*,
            {{ draft_counted_period_text(periods ~ '.counted_phrase', periods ~ '.fiscal_end_month', leading ~ '.period_text') }}
                as counted_period_text
        from {{ periods }}
        left join {{ leading }}
            on {{ periods }}.source_id = {{ leading }}.source_id
    ) as counted
{%- endmacro %}

{#- The regular expressions of a part of a year written with no year: an ordinal and a part ("the
    second quarter", "first-half": `ordinal`), and a lead word and a part or an adjective ("in the
    quarter", "quarterly": `latest`, the latest part that ended by publication). -#}
{% macro draft_no_year_part_patterns() -%}
    {%- set words = vocabulary_rows('vocabulary_period_words') -%}
    {%- set part_nouns = regex_alternation(vocabulary_words(words, 'part_of_year')) -%}
    {{ return({
        'ordinal': '(' ~ regex_alternation(vocabulary_words(words, 'ordinal')) ~ ')[ -]+(' ~ part_nouns ~ ')',
        'latest': '(?:(?:' ~ regex_alternation(vocabulary_words(words, 'latest_part_lead')) ~ ') +(' ~ part_nouns
            ~ ')|(' ~ regex_alternation(vocabulary_words(words, 'part_adjective')) ~ '))'}) }}
{%- endmacro %}

{#- The periods with no year that the draft writes only as resolved, anchored: a part of a year
    (draft_no_year_part_patterns), a month alone and parts counted with no year (counted_parts). One
    that no rule resolves ("may" the verb, "the first six months of trading") is no period. -#}
{% macro draft_unwritten_period_pattern() -%}
    {%- set parts = draft_no_year_part_patterns() -%}
    {%- set patterns = draft_yearless_period_patterns() -%}
    {{ return('^(?:' ~ parts['ordinal'] ~ '|' ~ parts['latest'] ~ '|' ~ patterns['month_alone'] ~ '|' ~ patterns['counted_parts'] ~ ')$') }}
{%- endmacro %}

{#- Every period a text writes, for text_matches: those the period grammar reads (period_mention_pattern),
    then a part of a year and the periods written with no year, after the periods with a year so that
    "the first half of 2025" is read whole. -#}
{% macro text_period_pattern() -%}
    {{ return(period_mention_pattern() ~ '|' ~ undated_period_pattern()) }}
{%- endmacro %}

{#- The periods written with no year alone, as one alternation for text_matches: a part of a year
    (draft_no_year_part_patterns), then the other periods with no year (draft_yearless_period_pattern). -#}
{% macro undated_period_pattern() -%}
    {%- set parts = draft_no_year_part_patterns() -%}
    {{ return(parts['ordinal'] ~ '|' ~ parts['latest'] ~ '|' ~ draft_yearless_period_pattern()) }}
{%- endmacro %}

{#- A length of time counted by a number, for text_matches: a number (in words or digits) before a
    duration_noun ("nearly three weeks", "less than 18 months"), or joined by a hyphen to a
    duration_adjective ("nine-month profit", "their biggest one-day gain"). -#}
{% macro duration_pattern() -%}
    {%- set words = vocabulary_rows('vocabulary_period_words') -%}
    {%- set number = '(?:' ~ regex_alternation(vocabulary_words(vocabulary_rows('vocabulary_value_words'), 'number')) ~ '|[0-9]+)' -%}
    {{ return(number ~ ' +(?:' ~ regex_alternation(vocabulary_words(words, 'duration_noun')) ~ ')|'
        ~ number ~ '-(?:' ~ regex_alternation(vocabulary_words(words, 'duration_adjective')) ~ ')') }}
{%- endmacro %}
