{#- Matching names as written to entities, written once for figures (subjects and items), claims
    (subjects) and the price-cut mart (items): a name matches the aliases of seeds/curated and
    landed files (int_entity_aliases) whose key equals its key. -#}

{#- The key a name is matched on: lower case, no surrounding spaces. -#}
{% macro alias_key(text_expr) -%}
    lower(trim({{ text_expr }}))
{%- endmacro %}

{#- A select of (match_key, entity_id), one row per entity the name in `text_column` of
    `relation` (a CTE or relation with a key column `key_column`) matches. A name may match no
    entity, one, or several ("CDN and cloud database product Reds" names two products). -#}
{% macro alias_matches(relation, key_column, text_column) -%}
    select distinct
        named.{{ key_column }} as match_key,
        aliases.entity_id
    from {{ relation }} as named
    inner join {{ ref('int_entity_aliases') }} as aliases
        on {{ alias_key('named.' ~ text_column) }} = aliases.alias_key
{%- endmacro %}

{#- One row per key of `relation`: how many entities its subject matches, and which when one.
    Resolving the subject then takes that entity, or, for a pronoun ("It", "The company") that is
    no alias, the source's lead entity (resolved_subject_entity, subject_resolution). -#}
{% macro subject_matches(relation, key_column, subject_column) -%}
    select
        match_key,
        count(*) as alias_match_count,
        min(entity_id) as alias_entity_id
    from ({{ alias_matches(relation, key_column, subject_column) | indent(4) }}) as matches
    group by match_key
{%- endmacro %}

{#- One row per alias key (match_key) of int_entity_aliases: how many entities it names, and which
    when one. A name matches the entities whose alias key equals its key, so a row joined on
    alias_key(name) = match_key gets what subject_matches gives it (for a key column that is unique),
    without grouping a million named rows: the aliases are few. -#}
{% macro alias_key_matches() -%}
    select
        alias_key as match_key,
        count(*) as alias_match_count,
        min(entity_id) as alias_entity_id
    from (select distinct
            aliases.alias_key,
            aliases.entity_id
        from {{ ref('int_entity_aliases') }} as aliases) as keyed
    group by alias_key
{%- endmacro %}

{#- How a subject was resolved: 'alias' (it names one entity), 'lead_entity' (a pronoun, read as
    the source's lead entity), NULL when it resolves to nothing or to several entities.
    `pronoun_expr`: a column already holding is_pronoun(subject_expr), if the caller computed it once
    (DuckDB evaluates each use of is_pronoun's list as a join of its own). -#}
{% macro subject_resolution(alias_match_count_expr, subject_expr, lead_entity_expr, pronoun_expr=none) -%}
    (
        case
            when coalesce({{ alias_match_count_expr }}, 0) = 1 then 'alias'
            when coalesce({{ alias_match_count_expr }}, 0) = 0 and {{ pronoun_expr or is_pronoun(subject_expr) }}
                and coalesce({{ lead_entity_expr }}, '') <> '' then 'lead_entity'
        end
    )
{%- endmacro %}

{#- The entity a subject resolves to, per subject_resolution. -#}
{% macro resolved_subject_entity(alias_match_count_expr, alias_entity_expr, subject_expr, lead_entity_expr,
                                 pronoun_expr=none) -%}
    (
        case {{ subject_resolution(alias_match_count_expr, subject_expr, lead_entity_expr, pronoun_expr) }}
            when 'alias' then {{ alias_entity_expr }}
            when 'lead_entity' then {{ lead_entity_expr }}
        end
    )
{%- endmacro %}
