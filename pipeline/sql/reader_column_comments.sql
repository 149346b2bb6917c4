-- The description of every column of the tables readers use, in the build's state.
select
    schema_name,
    table_name,
    column_name,
    comment as column_comment,
from duckdb_columns()
where database_name = 'state'
    and schema_name in ({{ schemas }})
    and comment is not null
order by schema_name, table_name, column_index
