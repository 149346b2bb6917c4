{#- The words that signal each metric of the catalogue, for python -m pipeline draft (tag:draft),
    one row per word and metric, by role:
    - signal: the words of vocabulary_metric_words, and the catalogue's own words for every metric
      (its name, and its id read as words), and the phrases of vocabulary_metric_phrases of a group
      one phrase of which its name holds; a word of a metric that has a variant (a signed change or
      a multiple, of another unit kind, whose name begins with the metric's) also signals the variant:
      a signed change only after a direction word (needs_direction); a word that signals two
      metrics or more of one unit kind is generic (is_generic); a word that is the catalogue's name of
      a metric, of two words or more, is a long name (is_long_name);
    - name: each word of a metric's name (less the filler words of vocabulary_context_words), with
      the form that stands for it in a sentence (form_text) and the number of words of the name, and
      the number to count after a direction word (direction_name_word_count): for a signed change
      that is a variant of a metric, that of the metric's name, as the direction word stands for the
      words the change adds ("profit rises 9%" names "Net profit growth year on year" as well as "net
      profit rose" would), else its own; a word the change adds to that metric's name is a change word
      (is_change_word: "growth", "year"); and, for a signed change that is a variant of a metric, that
      metric's unit kind (varied_unit_kind: revenue growth varies an amount).
    A measure the catalogue holds twice under one name and unit kind (an article's own id beside the
    product's) is the id the vocabulary has no words for: the other's words signal it. -#}

with

catalogue as (
    select * from {{ ref('stg_curated__metrics') }}
),

worded_vocabulary as (
    select * from {{ ref('vocabulary_metric_words') }}
),

-- a measure the catalogue holds twice, under one name and unit kind (an article's own id beside the
-- product's: "headcount" beside "employee_count", both "Employees"): the one the vocabulary has no
-- words for is the id the article's rows chose, the other's words signal it, and the other is no guess
worded_metrics as (
    select distinct metric_id
    from worded_vocabulary
),

shadowed_metrics as (
    select
        worded.metric_id,
        min(own.metric_id) as own_metric_id
    from catalogue as worded
    inner join worded_metrics
        on worded.metric_id = worded_metrics.metric_id
    inner join catalogue as own
        on lower(worded.metric_name) = lower(own.metric_name)
            and worded.unit_kind = own.unit_kind
            and worded.metric_id <> own.metric_id
    left join worded_metrics as own_words
        on own.metric_id = own_words.metric_id
    where own_words.metric_id is null
    group by worded.metric_id
),

metrics as (
    select catalogue.*
    from catalogue
    left join shadowed_metrics
        on catalogue.metric_id = shadowed_metrics.metric_id
    where shadowed_metrics.metric_id is null
),

vocabulary_metric_words as (
    select
        worded_vocabulary.word,
        coalesce(shadowed_metrics.own_metric_id, worded_vocabulary.metric_id) as metric_id
    from worded_vocabulary
    left join shadowed_metrics
        on worded_vocabulary.metric_id = shadowed_metrics.metric_id
),

context_words as (
    select * from {{ ref('vocabulary_context_words') }}
),

metric_phrases as (
    select * from {{ ref('vocabulary_metric_phrases') }}
),

-- the signal words of each metric: those of vocabulary_metric_words, and the catalogue's own words for
-- every metric (its name, and its id read as words: 'net_profit' is "net profit"), so a metric added
-- to the catalogue is guessed without a vocabulary row
catalogue_metric_words as (
    select
        lower(metric_name) as word,
        metric_id
    from metrics
    union
    select
        replace(metric_id, '_', ' ') as word,
        metric_id
    from metrics
),

-- a metric whose name holds a phrase of vocabulary_metric_phrases, as whole words, is signalled by
-- every phrase of its group: "same-store sales" for "Like-for-like sales growth" (not "sell" for
-- "Average selling price")
phrase_metric_words as (
    select distinct
        lower(group_phrases.phrase) as word,
        metrics.metric_id
    from metric_phrases as named_phrases
    inner join metrics
        on {{ dbt.position("' ' || lower(named_phrases.phrase) || ' '", "' ' || " ~ regex_replace_all('lower(metrics.metric_name)', '[^a-z0-9&-]+', ' ') ~ " || ' '") }} > 0
    inner join metric_phrases as group_phrases
        on named_phrases.phrase_group = group_phrases.phrase_group
),

base_metric_words as (
    select
        lower(word) as word,
        metric_id
    from vocabulary_metric_words
    union
    select
        word,
        metric_id
    from phrase_metric_words
    union
    select
        word,
        metric_id
    from catalogue_metric_words
),

-- a metric's variants: the metrics whose name begins with its name and whose values are of another
-- unit kind, either a signed change ("Net profit" -> "Net profit growth year on year", a ratio;
-- "Operating margin" -> "Operating margin change", in percentage points) or a multiple ("Cloud
-- revenue" -> "Cloud revenue as a multiple of a year earlier"); per unit kind the nearest by name
-- length is the variant
change_variants as (
    select
        base_metric_id,
        variant_metric_id,
        is_signed_change
    from (
        select
            base.metric_id as base_metric_id,
            variant.metric_id as variant_metric_id,
            variant.is_signed_change,
            row_number() over (
                partition by base.metric_id, variant.unit_kind
                order by {{ dbt.length('variant.metric_name') }}, variant.metric_id
            ) as variant_rank
        from metrics as base
        inner join metrics as variant
            on (variant.is_signed_change or variant.unit_kind = 'multiple')
                and base.unit_kind <> variant.unit_kind
                and not base.is_signed_change
                and {{ dbt.position("lower(base.metric_name) || ' '", 'lower(variant.metric_name)') }} = 1
    ) as ranked
    where variant_rank = 1
),

-- a word of a metric that has a variant also signals the variant (the number's unit kind tells
-- which): a signed change when a direction word ("rose", "narrowed") comes before the number ("net
-- profit rose 12%" is net profit growth), a multiple with none ("cloud revenue ... nearly double")
metric_words as (
    select
        word,
        metric_id,
        false as needs_direction
    from base_metric_words
    union all
    select
        base_metric_words.word,
        change_variants.variant_metric_id as metric_id,
        change_variants.is_signed_change as needs_direction
    from base_metric_words
    inner join change_variants
        on base_metric_words.metric_id = change_variants.base_metric_id
),

-- the words of each metric's name, less the words that only join them (class metric_name_filler of
-- vocabulary_context_words: "of", "the"): "GPU rental share of revenue" is gpu, rental, share, revenue
metric_names as (
    select
        metric_id,
        trim({{ regex_replace_all('lower(metric_name)', '[^a-z0-9&]+', ' ') }}) as name_text
    from metrics
),

metric_name_word_rows as (
    {{ split_to_rows('metric_names', 'metric_id', 'name_text', ' ') | indent(4) }}
),

metric_name_words as (
    select distinct
        metric_name_word_rows.key as metric_id,
        metric_name_word_rows.value as word
    from metric_name_word_rows
    left join context_words
        on metric_name_word_rows.value = context_words.word
            and context_words.word_class = 'metric_name_filler'
    where metric_name_word_rows.value <> ''
        and context_words.word is null
),

metric_name_sizes as (
    select
        metric_id,
        count(*) as name_word_count
    from metric_name_words
    group by metric_id
),

-- the name size of the metric a signed change varies (its longest, when several names begin its own),
-- and its unit kind (NULL when the metrics it varies differ in it): revenue growth is a change of an
-- amount, not of a quantity
base_name_sizes as (
    select
        change_variants.variant_metric_id as metric_id,
        max(metric_name_sizes.name_word_count) as base_name_word_count,
        case when count(distinct base_metrics.unit_kind) = 1 then min(base_metrics.unit_kind) end as base_unit_kind
    from change_variants
    inner join metric_name_sizes
        on change_variants.base_metric_id = metric_name_sizes.metric_id
    inner join metrics as base_metrics
        on change_variants.base_metric_id = base_metrics.metric_id
    where change_variants.is_signed_change
    group by change_variants.variant_metric_id
),

-- what stands for a word of a name in a sentence: a word of eight letters or more by its first five
-- ("trains" for "training"; "company" is no form of "compound" nor "earned" of "earnings"), one of four
-- to seven by its first four ("open" for "opened"), a shorter one ("ai", "gpu") whole, and a word that
-- is a metric's whole name by that metric's signal words ("sales" for the "revenue" of "AI
-- networking revenue"), and a word that is a phrase of vocabulary_metric_phrases by each phrase of one
-- word of its group ("sell" for the "sold" of "Cement sold (tonnes)", "plants" for "Factories")
metric_name_word_forms as (
    select
        metric_id,
        word,
        case
            when {{ dbt.length('word') }} >= 8 then ' ' || substring(word, 1, 5)
            when {{ dbt.length('word') }} >= 4 then ' ' || substring(word, 1, 4)
            else ' ' || word || ' '
        end as form_text
    from metric_name_words
    union
    select
        metric_name_words.metric_id,
        metric_name_words.word,
        ' ' || trim({{ regex_replace_all('base_metric_words.word', '[^a-z0-9&]+', ' ') }}) || ' ' as form_text
    from metric_name_words
    inner join metrics as named_metrics
        on metric_name_words.word = lower(named_metrics.metric_name)
    inner join base_metric_words
        on named_metrics.metric_id = base_metric_words.metric_id
    union
    select
        metric_name_words.metric_id,
        metric_name_words.word,
        ' ' || lower(group_phrases.phrase) || ' ' as form_text
    from metric_name_words
    inner join metric_phrases as named_phrases
        on metric_name_words.word = lower(named_phrases.phrase)
    inner join metric_phrases as group_phrases
        on named_phrases.phrase_group = group_phrases.phrase_group
            and group_phrases.phrase not like '% %'
),

-- a signal word of two metrics or more of one unit kind ("year on year": revenue's growth and a
-- market's) names no metric of its own: it gives way to a metric named near the number ("operational
-- EBIT of 1.41 billion kroner, down 26% from a year earlier")
generic_word_units as (
    select metric_words.word
    from metric_words
    inner join metrics
        on metric_words.metric_id = metrics.metric_id
    group by metric_words.word, metrics.unit_kind
    having count(distinct metric_words.metric_id) > 1
),

generic_words as (
    select distinct word
    from generic_word_units
),

-- a signal word that is the catalogue's name of a metric, of two words or more ("net interest
-- income"): outside the number's clause it names the metric before a nearer one-word signal word
metric_name_phrases as (
    select distinct lower(metric_name) as word
    from metrics
    where metric_name like '% %'
),

-- the words of each signed change's name that are words of the name of a metric it varies: the
-- others ("growth", "year" of "Revenue growth year on year") are the words the change adds
variant_base_words as (
    select distinct
        change_variants.variant_metric_id as metric_id,
        metric_name_words.word
    from change_variants
    inner join metric_name_words
        on change_variants.base_metric_id = metric_name_words.metric_id
    where change_variants.is_signed_change
),

final as (
    select
        -- keys
        metric_words.metric_id,
        metric_words.word,
        'signal' as word_role,

        -- attributes
        metric_words.needs_direction,
        generic_words.word is not null as is_generic,
        metric_name_phrases.word is not null as is_long_name,
        false as is_change_word,
        cast(null as string) as form_text,
        cast(null as integer) as name_word_count,
        cast(null as integer) as direction_name_word_count,
        cast(null as string) as varied_unit_kind
    from metric_words
    left join generic_words
        on metric_words.word = generic_words.word
    left join metric_name_phrases
        on metric_words.word = metric_name_phrases.word
    union all
    select
        metric_name_word_forms.metric_id,
        metric_name_word_forms.word,
        'name' as word_role,
        false as needs_direction,
        false as is_generic,
        false as is_long_name,
        base_name_sizes.metric_id is not null and variant_base_words.word is null as is_change_word,
        metric_name_word_forms.form_text,
        metric_name_sizes.name_word_count,
        coalesce(base_name_sizes.base_name_word_count, metric_name_sizes.name_word_count) as direction_name_word_count,
        base_name_sizes.base_unit_kind as varied_unit_kind
    from metric_name_word_forms
    inner join metric_name_sizes
        on metric_name_word_forms.metric_id = metric_name_sizes.metric_id
    left join base_name_sizes
        on metric_name_word_forms.metric_id = base_name_sizes.metric_id
    left join variant_base_words
        on metric_name_word_forms.metric_id = variant_base_words.metric_id
            and metric_name_word_forms.word = variant_base_words.word
)

select * from final
