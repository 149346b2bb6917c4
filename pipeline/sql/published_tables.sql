-- The tables of the reader schemas in the file being published (a copy of the last published
-- file): their DDL, compared with the state's before their rows are brought up to date.
select
    schema_name,
    table_name,
    sql as create_statement,
from duckdb_tables()
where database_name = current_database()
    and schema_name in ({{ schemas }})
order by schema_name, table_name
