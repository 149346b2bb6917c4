{#- Every match of `pattern` (lowercase words) in the text `text_expr` of each row of `relation`,
    left to right, not overlapping, each where it starts and ends at a word boundary (the character
    before and after it is not a letter or digit): the longest at each place the pattern allows.
    CTEs named `name` and `name`_lists, _exploded, _positioned; `name` holds one row per match: the columns `key_columns` of the row, match_index (from 1), match_start (the
    position of its first character in the text, from 1), match_text (as the text writes it) and
    source_text (the whole text).

    One evaluation finds the matches and what precedes each (the chunk), so a match's position is
    the sum of the lengths of the chunks before it plus its own prefix. The chunks must follow one
    another with nothing skipped: when no match starts at a word boundary in the rest of the text, the
    last chunk takes that rest whole (and finds nothing), so the regex engine never moves on to try a
    match that starts inside a word ("ten" of "often", "one" of "someone"), which would be found with
    no boundary before it and placed wrongly. -#}
{% macro text_matches(relation, key_columns, text_expr, pattern, name='matches') -%}
    {%- set chunk_pattern = '((?:.*?[^a-z0-9])??)(' ~ pattern ~ ')(?:[^a-z0-9]|$)|.+' -%}
    {%- set keys = key_columns | join(', ') -%}
{{ name }}_lists as (
    select
        {{ keys }},
        {{ text_expr }} as matched_text_source,
        {{ regex_extract_every('lower(' ~ text_expr ~ ')', chunk_pattern, 0) }} as chunks,
        {{ regex_extract_every('lower(' ~ text_expr ~ ')', chunk_pattern, 1) }} as prefixes,
        {{ regex_extract_every('lower(' ~ text_expr ~ ')', chunk_pattern, 2) }} as found
    from {{ relation }}
),

{{ name }}_exploded as (
    {{ explode_three_lists(name ~ '_lists', key_columns + ['matched_text_source'], 'chunks', 'prefixes', 'found') | indent(4) }}
),

{{ name }}_positioned as (
    select
        {{ keys }},
        matched_text_source,
        item_index as match_index,
        cast(coalesce(sum({{ dbt.length('chunk') }}) over (
            partition by {{ keys }} order by item_index rows between unbounded preceding and 1 preceding
        ), 0) + {{ dbt.length('prefix') }} + 1 as integer) as match_start,
        {{ dbt.length('found_text') }} as match_length
    from {{ name }}_exploded
),

{{ name }} as (
    select
        {{ keys }},
        match_index,
        match_start,
        substring(matched_text_source, match_start, match_length) as match_text,
        matched_text_source as source_text
    from {{ name }}_positioned
    -- the last chunk is the rest of the text when no match is left in it
    where match_length > 0
)
{%- endmacro %}

{#- Every match of `pattern` in `text_expr`, as a list of the text of group `group` (0: the whole match). -#}
{% macro regex_extract_every(text_expr, pattern, group) -%}
    {{ return(adapter.dispatch('regex_extract_every')(text_expr, pattern, group)) }}
{%- endmacro %}

{% macro default__regex_extract_every(text_expr, pattern, group) -%}
    regexp_extract_all({{ text_expr }}, {{ sql_text(pattern) }}, {{ group }})
{%- endmacro %}

{% macro spark__regex_extract_every(text_expr, pattern, group) -%}
    regexp_extract_all({{ text_expr }}, {{ spark_string_literal(pattern) }}, {{ group }})
{%- endmacro %}

{#- One row per position of three lists of one length in `relation`: the columns `columns`,
    item_index (from 1) and the items as chunk, prefix and found_text. -#}
{% macro explode_three_lists(relation, columns, first, second, third) -%}
    {{ return(adapter.dispatch('explode_three_lists')(relation, columns, first, second, third)) }}
{%- endmacro %}

{% macro default__explode_three_lists(relation, columns, first, second, third) -%}
    select
        {{ columns | join(', ') }},
        unnest({{ first }}) as chunk,
        unnest({{ second }}) as prefix,
        unnest({{ third }}) as found_text,
        unnest(range(1, len({{ first }}) + 1)) as item_index
    from {{ relation }}
{%- endmacro %}

{% macro spark__explode_three_lists(relation, columns, first, second, third) -%}
    select
        {{ columns | join(', ') }},
        item.{{ first }} as chunk,
        item.{{ second }} as prefix,
        item.{{ third }} as found_text,
        item_position + 1 as item_index
    from {{ relation }}
    lateral view posexplode(arrays_zip({{ first }}, {{ second }}, {{ third }})) exploded as item_position, item
{%- endmacro %}
