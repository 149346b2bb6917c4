{#- The subject and direction guesses of each draft number (int_document_draft_sentences), for
    python -m pipeline draft (tag:draft), one row per number:
    - subject: the nearest alias (int_entity_aliases) before the number, else after it (an alias the
      document also writes with a lowercase first letter, a common noun, only where written with its
      capitals; not one written inside a longer alias), one of an entity type of
      vocabulary_context_words subject_entity_type (a market) first when no comma or
      semicolon lies between it and the number (it is the subject of the number's clause), after
      ordinary aliases when one does before the number, never when one does after it (it is named
      in another clause); one of a source_entity_type (a publisher) last;
    - pronoun: the nearest pronoun of vocabulary_context_words before the number; it names the
      source's lead entity, and is the subject when it is nearer than any alias before the number,
      unless that alias is before it in its clause (the pronoun stands for it) or of a
      subject_entity_type in the number's clause;
    - subject_entity_type: the type of the alias's entity, else of the source's lead entity (a
      sentence that names no one, "The company now expects revenue of ...", is about it);
    - direction: the nearest direction word (vocabulary_direction_words) before the number, else one
      written right after it ("a 6.1% drop in net profit");
    - item alias: the nearest alias of an entity type that a mart needing an item takes (a price
      cut's company), for int_document_draft_metrics.
    - period: a period written with no year, which int_document_draft_periods resolves on the lead
      entity's fiscal calendar, resolved again on the subject's when the subject is another entity
      (a calendar-year rival's "July-to-September quarter": Q3 of its year).
    A model of the draft's chain: it passes on the columns of int_document_draft_periods, with the
    lead entity's name. -#}

with

sentences as (
    select * from {{ ref('int_document_draft_periods') }}
),

entities as (
    select * from {{ ref('int_entities') }}
),

aliases as (
    select * from {{ ref('int_entity_aliases') }}
),

direction_words as (
    select * from {{ ref('vocabulary_direction_words') }}
),

context_words as (
    select * from {{ ref('vocabulary_context_words') }}
),

marts as (
    select * from {{ ref('stg_curated__marts') }}
),

-- an alias with a capital first letter that the document also writes with a lowercase one is a
-- common noun there ("Gold", the gold price, beside "gold production"; "Mainland Chinese visitors",
-- a market, beside "demand from mainland Chinese visitors"): it names its entity only where written
-- with its capitals, as a proper noun always is; aliases are otherwise matched in any case
common_noun_aliases as (
    select distinct
        paragraphs.source_id,
        aliases.alias
    from (
        select distinct
            source_id,
            paragraph_text
        from sentences
    ) as paragraphs
    inner join aliases
        on substring(aliases.alias, 1, 1) <> lower(substring(aliases.alias, 1, 1))
            and {{ dbt.position('lower(substring(aliases.alias, 1, 1)) || substring(aliases.alias, 2)', 'paragraphs.paragraph_text') }} > 0
),

alias_candidates as (
    {{ draft_alias_candidates('sentences', 'aliases', 'common_noun_aliases') | indent(4) }}
),

-- an alias written inside a longer one at the same place is a word of that name, not a name of its
-- own: "Coffee" (a market) in "Velden Coffee said ...", "Gold" in "Bokamoso Gold's interim
-- earnings" (distances count from the number to the alias's near end, on either side)
{%- set inside_longer %}
    {%- for side in ['before', 'after'] %}
    max(case
        when longer.{{ side }}_distance <= shorter.{{ side }}_distance
            and shorter.{{ side }}_distance + {{ dbt.length('shorter.alias') }}
            <= longer.{{ side }}_distance + {{ dbt.length('longer.alias') }}
            then 1 else 0
    end) as inside_{{ side }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endset %}
aliases_inside_longer as (
    select
        shorter.source_id,
        shorter.paragraph_number,
        shorter.mention_start,
        shorter.alias,
        {{ inside_longer | indent(4) }}
    from alias_candidates as shorter
    inner join alias_candidates as longer
        on {{ draft_same_mention('shorter', 'longer') }}
            and {{ dbt.length('longer.alias') }} > {{ dbt.length('shorter.alias') }}
    group by shorter.source_id, shorter.paragraph_number, shorter.mention_start, shorter.alias
),

outermost_alias_candidates as (
    select
        alias_candidates.source_id,
        alias_candidates.mention_start,
        alias_candidates.paragraph_number,
        alias_candidates.alias,
        alias_candidates.entity_id,
        case when aliases_inside_longer.inside_before = 1 then null else alias_candidates.before_distance end
            as before_distance,
        case when aliases_inside_longer.inside_after = 1 then null else alias_candidates.after_distance end
            as after_distance
    from alias_candidates
    left join aliases_inside_longer
        on {{ draft_same_mention('alias_candidates', 'aliases_inside_longer') }}
            and alias_candidates.alias = aliases_inside_longer.alias
),

-- the entity types whose alias in a number's sentence is its subject before any other alias or
-- pronoun (vocabulary_context_words subject_entity_type: a market's size and growth are written with
-- its name, "evaluations of 15 mainstream mega models in China", "it may now cost up to 500 million
-- yuan to train a new mega model")
subject_types as (
    select word as entity_type
    from context_words
    where word_class = 'subject_entity_type'
),

-- a market is the subject of the number's clause only when no comma or semicolon lies between its
-- alias and the number ("Steel demand in the region is expected to shrink 1.5%"); named in another
-- clause before the number ("The group, the country's third-largest operator, said that net profit
-- rose 12%") it is the subject only when no other alias is named: it ranks after an ordinary alias,
-- and a pronoun nearer the number is the subject before it; named in a clause after the number
-- ("... rose 18%, helped by demand from the region's visitors") it is no subject
{%- set clause_gap_before = 'substring(reverse(sentences.text_before), 1, outermost_alias_candidates.before_distance - 1)' %}
{%- set clause_gap_after = 'substring(sentences.text_after, 1, outermost_alias_candidates.after_distance - 1)' %}
-- the entity types whose alias names where a figure comes from, not what it is about
-- (vocabulary_context_words source_entity_type: "according to data from IDC"): the subject only
-- when no other alias is named
source_types as (
    select word as entity_type
    from context_words
    where word_class = 'source_entity_type'
),

alias_in_sentence as (
    select
        outermost_alias_candidates.*,
        subject_types.entity_type is not null as is_subject_type,
        source_types.entity_type is not null as is_source_type,
        subject_types.entity_type is not null
        and (
            not coalesce({{ regex_matches(clause_gap_before, '[,;]') }}, true)
            or not coalesce({{ regex_matches(clause_gap_after, '[,;]') }}, true)
        ) as is_clause_subject_type
    from outermost_alias_candidates
    inner join sentences
        on {{ draft_same_mention('outermost_alias_candidates', 'sentences') }}
    left join entities
        on outermost_alias_candidates.entity_id = entities.entity_id
    left join subject_types
        on entities.entity_type = subject_types.entity_type
    left join source_types
        on entities.entity_type = source_types.entity_type
    where (outermost_alias_candidates.before_distance is not null or outermost_alias_candidates.after_distance is not null)
        and not (
            subject_types.entity_type is not null
            and outermost_alias_candidates.before_distance is null
            and coalesce({{ regex_matches(clause_gap_after, '[,;]') }}, false)
        )
),

subject_guess as (
    {{ draft_first_per_mention('alias_in_sentence', 'case when is_clause_subject_type then 0 when is_source_type then 3 when is_subject_type then 2 else 1 end, '
        ~ draft_nearest_alias_order()) | indent(4) }}
),

-- the entity types a mart that needs an item (a price cut: whose prices, of what) takes, and the
-- nearest alias of one of them: int_document_draft_metrics makes it the subject of a metric of such
-- a mart, the subject guessed first becoming its item
item_mart_types as (
    {{ split_to_rows('(select * from marts where needs_item) as item_marts', 'mart', 'entity_types', ';') | indent(4) }}
),

item_alias_in_sentence as (
    select alias_in_sentence.*
    from alias_in_sentence
    inner join entities
        on alias_in_sentence.entity_id = entities.entity_id
    where entities.entity_type in (select item_mart_types.value from item_mart_types)
),

item_alias_guess as (
    {{ draft_first_per_mention('item_alias_in_sentence', draft_nearest_alias_order()) | indent(4) }}
),

pronoun_candidates as (
    select
        sentences.source_id,
        sentences.paragraph_number,
        sentences.mention_start,
        context_words.word as pronoun,
        {{ dbt.position("reverse(' ' || context_words.word || ' ')", "reverse(' ' || sentences.text_before)") }} as pronoun_distance
    from sentences
    inner join context_words
        on context_words.word_class = 'pronoun'
            and {{ dbt.position("' ' || context_words.word || ' '", "' ' || sentences.text_before") }} > 0
),

pronoun_guess as (
    {{ draft_first_per_mention('pronoun_candidates', 'pronoun_distance') | indent(4) }}
),

direction_candidates as (
    select
        sentences.source_id,
        sentences.paragraph_number,
        sentences.mention_start,
        direction_words.word as direction_word,
        {{ dbt.position("reverse(' ' || direction_words.word || ' ')", "reverse(' ' || sentences.text_before)") }}
            as direction_distance
    from sentences
    inner join direction_words
        on {{ dbt.position("' ' || direction_words.word || ' '", "' ' || sentences.text_before") }} > 0
    -- a direction word written right after the number, as a noun ("reported a 6.1% drop in first-half
    -- net profit", "a 9% rise in ..."), is its direction when none is before it
    union all
    select
        sentences.source_id,
        sentences.paragraph_number,
        sentences.mention_start,
        direction_words.word as direction_word,
        {{ dbt.length('sentences.text_before') }} + 2 as direction_distance
    from sentences
    inner join direction_words
        on {{ dbt.position("' ' || direction_words.word || ' '", "' ' || ltrim(sentences.text_after) || ' '") }} = 1
),

direction_guess as (
    {{ draft_first_per_mention('direction_candidates', 'direction_distance, ' ~ dbt.length('direction_word') ~ ' desc') | indent(4) }}
),

-- a pronoun written after the alias guessed, with no comma or semicolon between them, stands for
-- that alias ("Rival Vuelaire said last week that its second-quarter passenger numbers fell 3%"), not
-- for the lead entity; after a comma it is the lead entity again ("Vuelaire's fares rose 2%, while
-- its own rose 4%", "Unlike Vuelaire, the airline ...")
{%- set pronoun_after_alias_in_clause -%}
    subject_guess.before_distance > pronoun_guess.pronoun_distance
    and not {{ regex_matches(
        'substring(reverse(sentences.text_before), pronoun_guess.pronoun_distance, '
        ~ 'subject_guess.before_distance - pronoun_guess.pronoun_distance)', '[,;]') }}
{%- endset %}
{%- set pronoun_is_subject %}coalesce(
            pronoun_guess.pronoun is not null
            and sentences.lead_entity_id is not null
            and (subject_guess.before_distance is null or pronoun_guess.pronoun_distance < subject_guess.before_distance)
            and not coalesce({{ pronoun_after_alias_in_clause }}, false)
            and not coalesce(subject_guess.is_clause_subject_type, false),
            false
        ){% endset %}
final as (
    select
        -- keys
        sentences.source_id,
        sentences.paragraph_number,
        sentences.mention_start,

        -- attributes: those of the sentence and its period guess (int_document_draft_periods), and the guesses
        sentences.mention_end,
        sentences.mention_as_written,
        sentences.mention_kind,
        sentences.paragraph_text,
        sentences.sentence_start,
        sentences.sentence_end,
        sentences.quote,
        sentences.text_before,
        sentences.text_after,
        sentences.value_unit,
        sentences.value_as_written,
        sentences.published_date,
        sentences.lead_entity_id,
        sentences.leading_period_text,
        sentences.period_text,
        sentences.period_match_start,
        sentences.period_match_text,
        sentences.period_match_form,
        lead_entities.entity_name as lead_entity_name,
        subject_guess.alias as subject_alias,
        subject_guess.entity_id as subject_entity_id,
        pronoun_guess.pronoun,
        {{ pronoun_is_subject }} as pronoun_is_subject,
        subject_entities.entity_type as subject_entity_type,
        coalesce(subject_guess.is_subject_type, false) as subject_is_subject_type,
        direction_guess.direction_word,
        item_alias_guess.alias as item_alias,
        item_alias_guess.entity_id as item_entity_id,
        item_entities.entity_type as item_entity_type
    from sentences
    left join entities as lead_entities
        on sentences.lead_entity_id = lead_entities.entity_id
    left join item_alias_guess
        on {{ draft_same_mention('sentences', 'item_alias_guess') }}
    left join entities as item_entities
        on item_alias_guess.entity_id = item_entities.entity_id
    left join subject_guess
        on {{ draft_same_mention('sentences', 'subject_guess') }}
    left join pronoun_guess
        on {{ draft_same_mention('sentences', 'pronoun_guess') }}
    left join direction_guess
        on {{ draft_same_mention('sentences', 'direction_guess') }}
    left join entities as subject_entities
        on coalesce(subject_guess.entity_id, sentences.lead_entity_id) = subject_entities.entity_id
)

select * from final
