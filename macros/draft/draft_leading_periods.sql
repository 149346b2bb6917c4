{#- The parts of a year written with no year, resolved on the fiscal calendar of the source's lead
    entity, and the document's leading period, for the draft's period guess
    (int_document_draft_periods). The words are rows of seeds/vocabulary/vocabulary_period_words.csv. -#}

{#- A select over `relation` (source_id, paragraph_number, match_start, match_text, published_date,
    lead_entity_id, period_form: NULL for a period with no year) of the parts of a year written with
    no year ("the second quarter", "first-half": an ordinal and a part; "in the quarter", "quarterly": the latest
    part), each with the period the draft writes for it (period_text): the latest such part of the
    fiscal year of the source's lead entity (curated_fiscal_years; a calendar year when not listed)
    that ended on or before the published date, written as a part letter, its number and the year
    ("Q2 2025"), or of a fiscal year that does not end in December, the fiscal year as the entity
    names it ("Q2 FY2026"). Months are counted from year 0 (year * 12 + month) so that a part's end
    and its fiscal year's end are found by arithmetic. -#}
{% macro draft_no_year_parts(relation) -%}
    {%- set words = vocabulary_rows('vocabulary_period_words') -%}
    {%- set ordinals = regex_alternation(vocabulary_words(words, 'ordinal')) -%}
    {%- set part_nouns = regex_alternation(vocabulary_words(words, 'part_of_year')) -%}
    {%- set no_year_ordinal = '(' ~ ordinals ~ ')[ -]+(' ~ part_nouns ~ ')' -%}
    {%- set no_year_latest = '(?:(?:' ~ regex_alternation(vocabulary_words(words, 'latest_part_lead')) ~ ') +(' ~ part_nouns ~ ')|(' ~ regex_alternation(vocabulary_words(words, 'part_adjective')) ~ '))' -%}
    {%- set pair_rows = {} -%}
    {%- for word_class in ['ordinal', 'part_of_year', 'part_adjective'] -%}
        {%- set pairs = [] -%}
        {%- for row in words if row['word_class'] == word_class and row['number_value'] != '' -%}
            {%- do pairs.append((row['word'], row['number_value'] | int)) -%}
        {%- endfor -%}
        {%- do pair_rows.update({word_class: pairs}) -%}
    {%- endfor -%}
    {%- set letters = [] -%}
    {%- for row in words if row['word_class'] == 'part_letter' -%}{%- do letters.append((row['number_value'], sql_text(row['word'] | upper))) -%}{%- endfor -%}
    {%- set fiscal_prefix = ((words | selectattr('word_class', 'equalto', 'fiscal_year_prefix') | map(attribute='word') | list) or [''])[0] -%}
    select
        source_id,
        paragraph_number,
        match_start,
        lead_entity_id,
        {{ lookup_case('cast(part_months as string)', letters) }}
        || cast(part_number as string) || ' '
        || case when fiscal_end_month = 12 then '' else {{ sql_text(fiscal_prefix | upper) }} end
        -- the year the part's fiscal year ends in (12 - part_number * part_months months after the part)
        || cast(cast(floor((part_end_index + 12 - part_number * part_months - 1) / 12) as integer)
            - case when fiscal_end_month = 12 then 0 else named_for_start end as string) as period_text
    from (
        select
            *,
            -- the part's number: written, else counted from the fiscal year's first month to the latest part's end
            coalesce(ordinal_number, cast((cast((latest_end_index - fiscal_end_month - 1) % 12 as integer) + 1) / part_months as integer)) as part_number,
            coalesce(
                last_end_index - cast((last_end_index - fiscal_end_month - ordinal_number * part_months) % 12 as integer),
                latest_end_index
            ) as part_end_index
        from (
            select
                *,
                last_end_index - cast((last_end_index - fiscal_end_month) % part_months as integer) as latest_end_index
            from (
                select
                    *,
                    -- the last month that ended on or before the published date
                    cast(extract(year from published_date) as integer) * 12 + cast(extract(month from published_date) as integer)
                    - case when published_date = last_day(published_date) then 0 else 1 end as last_end_index,
                    cast({{ lookup_case(regex_group('lower(match_text)', '^' ~ no_year_ordinal ~ '$', 1), pair_rows['ordinal']) }} as integer) as ordinal_number,
                    cast(coalesce(
                        {{ lookup_case(regex_group('lower(match_text)', '^' ~ no_year_ordinal ~ '$', 2), pair_rows['part_of_year']) }},
                        {{ lookup_case(regex_group('lower(match_text)', '^' ~ no_year_latest ~ '$', 1), pair_rows['part_of_year']) }},
                        {{ lookup_case(regex_group('lower(match_text)', '^' ~ no_year_latest ~ '$', 2), pair_rows['part_adjective']) }}
                    ) as integer) as part_months,
                    {{ draft_fiscal_calendar('lead_entity_id') | indent(20) }}
                from {{ relation }}
                where period_form is null
            ) as read_parts
            where part_months is not null
        ) as latest
    ) as parts
{%- endmacro %}

{#- A select over `relation` (source_id, paragraph_number, match_start, period_text: the period the
    draft writes for a period match, its year resolved; text_before: its paragraph's text before it,
    lowercased) of each source's leading period (period_text): the first period it writes that is a
    year or a part of one (a fiscal year, a part, the months from the start of a year), with no year
    written or with one ("third-quarter profit", "the first half of 2025"), that is not a period
    compared with: one written after a comparison word (vocabulary_period_words: "against 4.6% in
    the first half of 2024", "compared with the first half of 2024"), a number and lead words
    between. -#}
{% macro draft_leading_periods(relation) -%}
    {%- set words = vocabulary_rows('vocabulary_period_words') -%}
    {%- set leads = regex_alternation(vocabulary_words(words, 'lead_word')) -%}
    {%- set comparisons = regex_alternation(vocabulary_words(words, 'comparison_word')) -%}
    {%- set reporting_forms = [] -%}
    {%- for form in period_grammar()['forms'] if form['kind'] in ('fiscal_year', 'part', 'year_to_date') -%}
        {%- do reporting_forms.append(sql_text(form['form'])) -%}
    {%- endfor -%}
    select
        source_id,
        period_text
    from (
        select
            source_id,
            period_text,
            row_number() over (partition by source_id order by paragraph_number, match_start) as period_rank
        from (
            select
                *,
                {{ period_form() }}
            from (
                select
                    *,
                    {{ period_core('lower(period_text)') }}
                from {{ relation }}
                where period_text is not null
                    and not {{ regex_matches('text_before',
                        '(?:^|[^a-z])(?:' ~ comparisons ~ ')(?: +[^ ;]*[0-9][^ ;]*(?: +[a-z]+){0,3})? +(?:(?:' ~ leads ~ ') +)*$') }}
            ) as cores
        ) as forms
        where period_form in ({{ reporting_forms | join(', ') }})
    ) as ranked
    where period_rank = 1
{%- endmacro %}
