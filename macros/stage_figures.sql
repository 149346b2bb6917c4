{#- Parse figures as written (the columns of the article_figures seed plus `landed_file`, the file
    the row came from) into qualifier, number, scale word, unit, currency forms and a magnitude in
    base units, per the grammar of value_grammar() (its words are the vocabulary seeds). The same
    grammar serves the curated seeds and landed files. Which currency a currency form means is
    decided with the source (its local currency), in int_figures_resolved.
    on_error='raise': a value that does not parse aborts the query, naming the figure and its file.
    on_error='reject': the row is kept with its magnitude NULL and the reason in rejection_reason. -#}
{% macro stage_figures(relation, on_error='raise') -%}
{%- set grammar = value_grammar() -%}
{%- set range_pattern = figure_range_pattern(grammar) -%}
{%- set connectors = range_connectors(grammar) -%}
{%- set signs = range_sign_connectors(grammar) -%}
with

figures as (
    select * from {{ relation }}
),

-- the grammar is matched once per distinct value as written and range position, not once per row
-- (many rows state the same text, "10%"): texts to checked parse these pairs, joined back in `parsed`
value_texts as (
    select distinct
        value_as_written,
        range_position
    from figures
),

texts as (
    select
        *,
        lower(trim(value_as_written)) as value_text,
        -- the range pattern needs a connector between spaces, or a sign ("-"): most values skip it
        -- (a cheap test before a regex)
        {%- set has_connector %}({% for connector in connectors %}lower(value_as_written) like {{ sql_text(('%' if connector in signs else '% ') ~ connector ~ (' %' if connector not in signs else '%')) }}{{ ' or ' if not loop.last }}{% endfor %}{{ 'false' if not connectors }}){% endset %}
        case when {{ has_connector }}
            then {{ range_end("lower(trim(value_as_written))", 1, range_pattern) }} else '' end as range_first_text,
        case when {{ has_connector }}
            then {{ range_end("lower(trim(value_as_written))", 2, range_pattern) }} else '' end as range_second_text,
        coalesce(lower(trim(range_position)), '') as range_position_text
    from value_texts
),

parts as (
    select
        *,
        -- the end of a range this row states; the whole text for a single figure
        case
            when range_position_text = 'first' then range_first_text
            when range_position_text = 'second' then range_second_text
            else value_text
        end as part_text,
        -- the last end carries the unit for both ("200 million to 300 million yuan")
        case when range_second_text = '' then value_text else range_second_text end as last_part_text
    from texts
),

matched as (
    select
        *,
        {{ regex_groups('part_text', grammar['pattern'], grammar['groups']) }} as own,
        -- only the first end of a range inherits from the last end (below)
        case when range_position_text = 'first'
            then {{ regex_groups('last_part_text', grammar['pattern'], grammar['groups']) }} end as last_end
    from parts
),

components as (
    select
        *,
        own.qualifier as qualifier_word,
        own.number as number_text,
        -- "(€0.3) billion" or "€(0.3) billion": one opening parenthesis, before or after the currency
        own.open_paren || own.open_paren_after_currency as open_paren,
        own.close_paren as close_paren,
        case
            when own.digits <> '' then 'digits'
            when own.fraction_numerator <> '' then 'fraction'
            when own.number_word <> '' and own.number_word_units <> '' then 'cardinal'
            when own.number_word <> '' then {{ number_word_kind('own.number_word', grammar) }}
            else ''
        end as number_kind,
        -- the number as digits over a divisor: "a fifth" is 1 over 5, "twenty-five" 25 over 1
        case
            when own.digits <> '' then own.digits
            when own.fraction_numerator <> '' then {{ digits_or_word('own.fraction_numerator', grammar) }}
            when own.number_word <> '' then cast(
                {{ number_word_value('own.number_word', grammar) }}
                + coalesce({{ number_word_value("nullif(own.number_word_units, '')", grammar, cardinals_only=true) }}, 0) as string)
        end as numerator_text,
        case
            when own.fraction_numerator <> '' then cast({{ digits_or_word('own.fraction_denominator', grammar) }} as integer)
            when own.number_word <> '' then {{ number_word_divisor('own.number_word', grammar) }}
            else 1
        end as number_divisor,
        case when own.currency_before = '' and own.currency_after = ''
            then coalesce(last_end.currency_before, '') else own.currency_before end as currency_before,
        case when own.currency_before = '' and own.currency_after = ''
            then coalesce(last_end.currency_after, '') else own.currency_after end as currency_after,
        case when own.unit_word = '' then coalesce(last_end.unit_word, '') else own.unit_word end as unit_word,
        case when own.scale_word = '' then coalesce(last_end.scale_word, '') else own.scale_word end as scale_word,
        case when own.per_unit = '' then coalesce(last_end.per_unit, '') else own.per_unit end as per_unit,
        -- words the grammar does not know, to name them in the error (only for values that fail)
        case when own.number = ''
            then {{ value_unknown_words('part_text', grammar) }} else '' end as unknown_words
    from matched
),

measured as (
    select
        *,
        {{ scale_exponent('scale_word', grammar) }} + {{ unit_word_exponent('unit_word', grammar) }}
            + {{ currency_form_exponent('currency_after', grammar) }} as exponent,
        case
            when currency_before <> '' or currency_after <> '' then 'currency'
            when unit_word <> '' then {{ unit_word_unit('unit_word', grammar) }}
            when number_kind = 'fraction' then 'ratio'
            when number_kind = 'multiple' then 'multiple'
            else 'count'
        end as value_unit,
        case when open_paren = '(' then -1 else 1 end as number_sign
    from components
),

checked as (
    select
        *,
        case
            -- an empty value is named as such (the grammar alone would find nothing to say about it)
            when coalesce(trim(value_as_written), '') = ''
                then 'is empty: write the number as its quote states it'
            when range_position_text not in ('', 'first', 'second')
                then 'range_position must be empty, first or second, not ' || chr(39) || range_position || chr(39)
            when range_position_text <> '' and range_second_text = ''
                then 'range_position is set but the value states no range ("X to Y")'
            when range_position_text = '' and range_second_text <> ''
                then 'the value states a range: give one row per end, with range_position first and second'
            when number_text = '' and unknown_words <> ''
                then 'does not parse: unknown word(s) ' || chr(39) || unknown_words
                    || chr(39) || ' (not a number, qualifier, scale word, unit or currency the grammar knows:'
                    || ' seeds/vocabulary)'
            when number_text = ''
                then 'does not parse as [qualifier] [(] [currency] [(] number [)] [scale] [unit] [currency] [per unit]'
            when (open_paren = '') <> (close_paren = '') or open_paren = '(('
                then 'does not parse: a parenthesis is not closed'
            when number_kind in ('fraction', 'multiple') and (scale_word <> '' or unit_word <> '' or value_unit = 'currency')
                then 'does not parse: a ' || number_kind || ' in words takes no scale word, unit or currency'
            when value_unit = 'currency' and unit_word <> ''
                then 'does not parse: a value in a currency cannot also be a ' || unit_word
        end as parse_error
    from measured
),

-- each text's parsed parts and measures
parsed_texts as (
    select
        value_as_written,
        range_position,
        range_position_text,
        qualifier_word,
        {{ qualifier_kind('qualifier_word', grammar) }} as stated_qualifier,
        number_text,
        number_kind,
        scale_word,
        unit_word,
        value_unit,
        currency_before,
        currency_after,
        per_unit,

        -- the stated number in base units, negative when written in parentheses, before any
        -- direction word's sign; the digits are scaled exactly (scaled_number)
        case when parse_error is null
            then number_sign * {{ scaled_number('numerator_text', 'exponent') }} / number_divisor
        end as parsed_magnitude,

        -- one unit of the last digit written, in base units (half of it is the rounding it allows)
        case
            when parse_error is not null then null
            when number_kind = 'digits' then power(10.0, -1 * case
                when {{ dbt.position("'.'", 'number_text') }} > 0
                    then {{ dbt.length('number_text') }} - {{ dbt.position("'.'", 'number_text') }}
                else 0
            end) * cast('1e' || cast(exponent as string) as double)
            when number_kind = 'fraction' then 0.01
            else cast('1e' || cast(exponent as string) as double)
        end as last_digit_unit,

        parse_error
    from checked
),

-- each row with its text's parse (a null value or range position pairs with the null's parse)
parsed as (
    select
        figures.*,
        parsed_texts.range_position_text,
        parsed_texts.qualifier_word,
        parsed_texts.stated_qualifier,
        parsed_texts.number_text,
        parsed_texts.number_kind,
        parsed_texts.scale_word,
        parsed_texts.unit_word,
        parsed_texts.value_unit,
        parsed_texts.currency_before,
        parsed_texts.currency_after,
        parsed_texts.per_unit,
        parsed_texts.parsed_magnitude,
        parsed_texts.last_digit_unit,
        parsed_texts.parse_error
    from figures
    left join parsed_texts
        on figures.value_as_written is not distinct from parsed_texts.value_as_written
        and figures.range_position is not distinct from parsed_texts.range_position
),

final as (
    select
        -- keys
        figure_id,
        source_id,
        metric_id,

        -- attributes as written
        paragraph_number,
        subject_as_written,
        coalesce(item_as_written, '') as item_as_written,
        metric_as_written,
        coalesce(period_as_written, '') as period_as_written,
        value_as_written,
        range_position_text as range_position,
        coalesce(direction_as_written, '') as direction_as_written,

        -- parsed parts
        qualifier_word,
        stated_qualifier,
        number_text,
        number_kind,
        scale_word,
        unit_word,
        value_unit,
        currency_before,
        currency_after,
        per_unit,
        {{ direction_sign("coalesce(direction_as_written, '')") }} as direction_sign,

        -- measures (parsed_texts)
        {%- if on_error == 'raise' %}
        case
            when parse_error is not null then {{ raise_error(
                "'figure ' || figure_id || ' (' || landed_file || '): value ' || chr(39) || coalesce(value_as_written, '') || chr(39) || ' ' || parse_error"
            ) }}
            else parsed_magnitude
        end as magnitude,
        {%- else %}
        parsed_magnitude as magnitude,
        {%- endif %}
        last_digit_unit,

        -- provenance
        quote,
        landed_file,

        -- why the row cannot be used (landed rows only; a seed row with an error aborts the build)
        {% if on_error == 'raise' %}cast(null as string){% else %}'value ' || chr(39) || coalesce(value_as_written, '') || chr(39) || ' ' || parse_error{% endif %} as rejection_reason
    from parsed
)

select * from final
{%- endmacro %}
