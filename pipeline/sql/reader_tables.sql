-- The tables readers use, in the build's state (attached as state): their DDL (with the NOT NULL
-- constraints of the marts' contracts) and their description, in dependency-free order.
select
    schema_name,
    table_name,
    sql as create_statement,
    comment as table_comment,
from duckdb_tables()
where database_name = 'state'
    and schema_name in ({{ schemas }})
order by schema_name, table_name
