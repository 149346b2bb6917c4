{#- Parse figures as written (the columns of the article_figures seed plus `landed_file`, the file
    the row came from) into qualifier, number, scale word, currency, percent and a magnitude in base
    units. The same grammar serves the curated seeds and landed files.
    on_error='raise': a value that does not parse aborts the query, naming the figure and its file.
    on_error='reject': the row is kept with its magnitude NULL and the reason in rejection_reason. -#}
{% macro stage_figures(relation, on_error='raise') -%}
with

figures as (
    select * from {{ relation }}
),

texts as (
    select
        *,
        lower(trim(value_as_written)) as value_text,
        -- the range pattern needs " to ": most values skip it (a cheap test before a regex)
        case when lower(value_as_written) like '% to %'
            then {{ regex_group("lower(trim(value_as_written))", figure_range_pattern(), 1) }} else '' end
            as range_first_text,
        case when lower(value_as_written) like '% to %'
            then {{ regex_group("lower(trim(value_as_written))", figure_range_pattern(), 2) }} else '' end
            as range_second_text,
        coalesce(lower(trim(range_position)), '') as range_position_text
    from figures
),

parts as (
    select
        *,
        -- the alternative of a range this row states; the whole text for a single figure
        case
            when range_position_text = 'first' then range_first_text
            when range_position_text = 'second' then range_second_text
            else value_text
        end as part_text,
        -- the last alternative carries the unit for both ("200 million to 300 million yuan")
        case when range_second_text = '' then value_text else range_second_text end as last_part_text
    from texts
),

components as (
    select
        *,
        {{ value_component('part_text', 'qualifier') }} as qualifier_word,
        {{ value_component('part_text', 'number') }} as number_text,
        {{ value_component('part_text', 'currency_symbol') }} as own_currency_symbol,
        {{ value_component('part_text', 'currency_word') }} as own_currency_word,
        {{ value_component('part_text', 'percent_sign') }} as own_percent_sign,
        {{ value_component('part_text', 'scale_word') }} as own_scale_word,
        {{ value_component('part_text', 'per_unit') }} as own_per_unit,
        -- only the first end of a range inherits from the last part (below)
        case when range_position_text = 'first'
            then {{ value_component('last_part_text', 'currency_symbol') }} else '' end as last_currency_symbol,
        case when range_position_text = 'first'
            then {{ value_component('last_part_text', 'currency_word') }} else '' end as last_currency_word,
        case when range_position_text = 'first'
            then {{ value_component('last_part_text', 'percent_sign') }} else '' end as last_percent_sign,
        case when range_position_text = 'first'
            then {{ value_component('last_part_text', 'scale_word') }} else '' end as last_scale_word,
        case when range_position_text = 'first'
            then {{ value_component('last_part_text', 'per_unit') }} else '' end as last_per_unit,
        -- words the grammar does not know, to name them in the error (only for values that fail)
        case when {{ value_component('part_text', 'number') }} = ''
            then {{ value_unknown_words('part_text') }} else '' end as unknown_words
    from parts
),

inherited as (
    select
        *,
        case when range_position_text = 'first' and own_currency_symbol = '' and own_currency_word = ''
            then last_currency_symbol else own_currency_symbol end as currency_symbol,
        case when range_position_text = 'first' and own_currency_symbol = '' and own_currency_word = ''
            then last_currency_word else own_currency_word end as currency_word,
        case when range_position_text = 'first' and own_percent_sign = ''
            then last_percent_sign else own_percent_sign end as percent_sign,
        case when range_position_text = 'first' and own_scale_word = ''
            then last_scale_word else own_scale_word end as scale_word,
        case when range_position_text = 'first' and own_per_unit = ''
            then last_per_unit else own_per_unit end as per_unit
    from components
),

checked as (
    select
        *,
        {{ currency_code('currency_symbol', 'currency_word') }} as currency_code,
        case
            when range_position_text not in ('', 'first', 'second')
                then 'range_position must be empty, first or second, not ' || chr(39) || range_position || chr(39)
            when range_position_text <> '' and range_second_text = ''
                then 'range_position is set but the value states no range ("X to Y")'
            when range_position_text = '' and range_second_text <> ''
                then 'the value states a range: give one row per end, with range_position first and second'
            when number_text = '' and unknown_words <> ''
                then 'does not parse: unknown word(s) ' || chr(39) || unknown_words
                    || chr(39) || ' (not a number, qualifier, scale word or currency the grammar knows)'
            when number_text = ''
                then 'does not parse as [qualifier] [currency] number [%] [scale] [currency] [per unit]'
            when {{ currency_code('currency_symbol', 'currency_word') }} = 'conflict'
                then 'currency symbol and currency word disagree'
        end as parse_error
    from inherited
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
        {{ qualifier_kind('qualifier_word') }} as stated_qualifier,
        number_text,
        scale_word,
        percent_sign = '%' as is_percent,
        currency_code,
        per_unit,
        {{ direction_sign("coalesce(direction_as_written, '')") }} as direction_sign,

        -- measures: the stated magnitude in base units, before any sign
        case
            {%- if on_error == 'raise' %}
            when parse_error is not null then {{ raise_error(
                "'figure ' || figure_id || ' (' || landed_file || '): value ' || chr(39) || value_as_written || chr(39) || ' ' || parse_error"
            ) }}
            {%- else %}
            when parse_error is not null then null
            {%- endif %}
            else cast(
                {{ strict_cast("replace(number_text, ',', '')", 'decimal(18, 6)') }}
                * {{ unit_multiplier('scale_word', 'percent_sign') }}
                as double
            )
        end as magnitude,

        {{ last_digit_unit('number_text', 'scale_word', 'percent_sign') }} as last_digit_unit,

        -- provenance
        quote,
        landed_file,

        -- why the row cannot be used (landed rows only; a seed row with an error aborts the build)
        {% if on_error == 'raise' %}cast(null as string){% else %}'value ' || chr(39) || value_as_written || chr(39) || ' ' || parse_error{% endif %} as rejection_reason
    from checked
)

select * from final
{%- endmacro %}
