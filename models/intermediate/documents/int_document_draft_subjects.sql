{#- The subject and direction guesses of each draft number (int_document_draft_sentences), for
    python -m pipeline draft (tag:draft), one row per number:
    - subject: the nearest alias (int_entity_aliases) before the number, else after it;
    - pronoun: the nearest pronoun of vocabulary_context_words before the number; it names the
      source's lead entity, and is the subject when it is nearer than any alias before the number;
    - subject_entity_type: the type of the alias's entity, else of the source's lead entity (a
      sentence that names no one, "The company now expects revenue of ...", is about it);
    - direction: the nearest direction word (vocabulary_direction_words) before the number. -#}

with

sentences as (
    select * from {{ ref('int_document_draft_sentences') }}
),

sources as (
    select * from {{ ref('int_sources') }}
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

alias_candidates as (
    {{ draft_alias_candidates('sentences', 'aliases') | indent(4) }}
),

alias_in_sentence as (
    select *
    from alias_candidates
    where before_distance is not null or after_distance is not null
),

subject_guess as (
    {{ draft_first_per_mention('alias_in_sentence', draft_nearest_alias_order()) | indent(4) }}
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
),

direction_guess as (
    {{ draft_first_per_mention('direction_candidates', 'direction_distance, ' ~ dbt.length('direction_word') ~ ' desc') | indent(4) }}
),

final as (
    select
        -- keys
        sentences.source_id,
        sentences.paragraph_number,
        sentences.mention_start,

        -- attributes
        subject_guess.alias as subject_alias,
        subject_guess.entity_id as subject_entity_id,
        pronoun_guess.pronoun,
        coalesce(
            pronoun_guess.pronoun is not null
            and sources.lead_entity_id is not null
            and (subject_guess.before_distance is null or pronoun_guess.pronoun_distance < subject_guess.before_distance),
            false
        ) as pronoun_is_subject,
        subject_entities.entity_type as subject_entity_type,
        direction_guess.direction_word
    from sentences
    inner join sources
        on sentences.source_id = sources.source_id
    left join subject_guess
        on {{ draft_same_mention('sentences', 'subject_guess') }}
    left join pronoun_guess
        on {{ draft_same_mention('sentences', 'pronoun_guess') }}
    left join direction_guess
        on {{ draft_same_mention('sentences', 'direction_guess') }}
    left join entities as subject_entities
        on coalesce(subject_guess.entity_id, sources.lead_entity_id) = subject_entities.entity_id
)

select * from final
