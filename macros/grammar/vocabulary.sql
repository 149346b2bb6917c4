{#- The grammar's vocabulary is data: the seeds under seeds/vocabulary. These macros read a seed
    when the calling node runs and return its rows, from which the grammar macros build constant
    SQL (regular expressions, case expressions). Nothing is joined at run time: a pattern joined in
    from a table is evaluated per row and is two orders of magnitude slower in DuckDB.

    At parse time (execute is false) the seed is only ref'd, which makes every node that uses the
    grammar depend on the seed, so `dbt build` loads the seeds first; the rows are then read from
    the seed's table by name (seeds live in the `raw` schema, see dbt_project.yml), because a unit
    test may not ref a node it is not given. -#}
{% macro vocabulary_rows(seed_name) -%}
    {%- if not execute -%}
        {%- do ref(seed_name) -%}
        {{ return([]) }}
    {%- endif -%}
    {#- read once per node: the grammar macros ask for the same seeds many times while one model compiles -#}
    {%- set cache = model.setdefault('_vocabulary_rows', {}) if model is defined and model is mapping else {} -%}
    {%- if seed_name in cache -%}{{ return(cache[seed_name]) }}{%- endif -%}
    {%- set relation = api.Relation.create(database=seed_database(), schema='raw', identifier=seed_name) -%}
    {#- the linter compiles models with no seeds loaded (.sqlfluff sets this var): an empty vocabulary -#}
    {%- if var('vocabulary_may_be_missing', false) and adapter.get_relation(relation.database, relation.schema, relation.identifier) is none -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set table = run_query('select * from ' ~ relation) -%}
    {%- set rows = [] -%}
    {%- for row in table.rows -%}
        {%- set values = {} -%}
        {%- for name in table.column_names -%}
            {%- do values.update({name: '' if row[name] is none else row[name]}) -%}
        {%- endfor -%}
        {%- do rows.append(values) -%}
    {%- endfor -%}
    {%- do cache.update({seed_name: rows}) -%}
    {{ return(rows) }}
{%- endmacro %}

{#- The database seeds are loaded into: the target's, or none where the engine has no databases
    (Spark), so a relation is named schema.table. -#}
{% macro seed_database() -%}
    {{ return(target.database if target.database is defined else none) }}
{%- endmacro %}

{#- The words of `rows` (key `word`, or `key`) whose `word_class` is `word_class`, longest first:
    the order an alternation needs so that "more than" is tried before "more". -#}
{% macro vocabulary_words(rows, word_class=none, key='word') -%}
    {%- set words = [] -%}
    {%- for row in rows if word_class is none or row['word_class'] == word_class -%}
        {%- if row[key] not in words -%}{%- do words.append(row[key]) -%}{%- endif -%}
    {%- endfor -%}
    {{ return(sort_longest_first(words)) }}
{%- endmacro %}

{% macro sort_longest_first(words) -%}
    {%- set keyed = [] -%}
    {%- for word in words -%}{%- do keyed.append((1000 - word | length, word)) -%}{%- endfor -%}
    {%- set ordered = [] -%}
    {%- for pair in keyed | sort -%}{%- do ordered.append(pair[1]) -%}{%- endfor -%}
    {{ return(ordered) }}
{%- endmacro %}

{#- `text` with every character a regular expression gives a meaning escaped, for RE2 (DuckDB)
    and Java (Spark) alike. -#}
{% macro regex_escape(text) -%}
    {{ return(modules.re.sub(regex_special_character(), '\\\\\\g<0>', text)) }}
{%- endmacro %}

{#- A class of the characters regex_escape escapes: one re.sub per text (a Jinja loop over its
    characters, a macro call per word, took about 15% of the CPU time of check's compile). -#}
{% macro regex_special_character() -%}
    {{ return('[' ~ modules.re.escape('\\.^$*+?()[]{}|-/') ~ ']') }}
{%- endmacro %}

{#- An alternation (a|b|c) of `words`, escaped, longest first; a class that matches nothing when
    the list is empty, as it is at parse time. -#}
{% macro regex_alternation(words) -%}
    {%- set escaped = [] -%}
    {#- regex_escape's re.sub inline: one macro call per alternation rather than one per word -#}
    {%- set special = regex_special_character() -%}
    {%- for word in sort_longest_first(words) -%}
        {%- do escaped.append(modules.re.sub(special, '\\\\\\g<0>', word)) -%}
    {%- endfor -%}
    {{ return('(?:' ~ (escaped | join('|') if escaped else '[^\\s\\S]') ~ ')') }}
{%- endmacro %}

{#- A SQL string literal of `text`, for the values of generated case expressions. -#}
{% macro sql_text(text) -%}
    {{ return(adapter.dispatch('sql_text')(text)) }}
{%- endmacro %}

{% macro default__sql_text(text) -%}
    {{ return("'" ~ (text | string | replace("'", "''")) ~ "'") }}
{%- endmacro %}

{% macro spark__sql_text(text) -%}
    {{ return(spark_string_literal(text | string)) }}
{%- endmacro %}
