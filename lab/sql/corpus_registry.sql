-- The generated corpus's registry (lab/corpus.py fills alias_rows first): its aliases in the columns
-- of seeds/curated/curated_entity_aliases.csv, and the lookups lab/sql/corpus_figures.sql joins.
create table corpus_aliases as
select
    alias,
    entity_id,
    note,
from alias_rows
order by entity_id, alias_number;

create table company_alias as
select
    cast(substr(entity_id, length('corpus_cloud_') + 1) as integer) as company,
    alias_number,
    alias,
from alias_rows
where entity_id like 'corpus_cloud_%';

create table market_alias as
select
    cast(substr(entity_id, length('corpus_market_') + 1) as integer) as market,
    alias_number,
    alias,
from alias_rows
where entity_id like 'corpus_market_%';
