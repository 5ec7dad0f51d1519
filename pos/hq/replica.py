"""Head office keeps each store's rows in a schema of its own (`store_s01`): the same
tables as the store's database, with the same ids, so the store's own report code runs
on head office's copy and gives the store's figures (pos.hq.reports), and stores never
collide over ids. Replica tables have no foreign keys and no unique constraints besides
the primary key: rows arrive as the store's current state, a batch at a time, in any
order of tables, and they were checked where they were written. The indexes the reports
use are kept.

A store whose schema is newer than head office's adds the new tables, columns and indexes
here when head office is upgraded (`ensure_replica` adds what is missing).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy import Column, Connection, Index, MetaData, Table, UniqueConstraint, inspect
from sqlalchemy.engine import make_url

from pos.sync.capture import replicated_tables

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$")


def valid_code(code: str) -> bool:
    return bool(_CODE.match(code or ""))


def schema_name(code: str) -> str:
    """The schema holding a store's rows: `store_` and its code in lower case."""
    if not valid_code(code):
        raise ValueError(f"not a store code: {code!r}")
    return "store_" + code.lower().replace("-", "_")


@lru_cache(maxsize=512)
def replica_metadata(code: str) -> MetaData:
    schema = schema_name(code)
    md = MetaData()
    for source in replicated_tables():
        copy = Table(source.name, md, *[
            Column(c.name, c.type, primary_key=c.primary_key, nullable=not c.primary_key,
                   autoincrement=False) for c in source.columns], schema=schema)
        for index in source.indexes:
            columns = [c.name for c in index.columns]
            if columns and len(columns) == len(index.expressions):
                Index(index.name, *[copy.c[name] for name in columns])
        # a unique constraint's columns are looked up (a till's receipts by number): kept
        # as a plain index, since rows of one batch arrive in any order
        for constraint in source.constraints:
            if isinstance(constraint, UniqueConstraint) and constraint.name:
                Index(f"rx_{constraint.name}"[:63], *[copy.c[c.name] for c in constraint.columns])
    return md


def replica_table(code: str, name: str) -> Table:
    return replica_metadata(code).tables[f"{schema_name(code)}.{name}"]


def ensure_replica(conn: Connection, code: str) -> None:
    """Create the store's schema and tables at head office, and add the columns a newer
    version brought to tables already there. Idempotent."""
    schema = schema_name(code)
    conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    md = replica_metadata(code)
    md.create_all(conn, checkfirst=True)
    inspector = inspect(conn)
    for table in md.sorted_tables:
        have = {c["name"] for c in inspector.get_columns(table.name, schema=schema)}
        for column in table.columns:
            if column.name not in have:
                kind = column.type.compile(dialect=conn.dialect)
                conn.exec_driver_sql(
                    f'ALTER TABLE "{schema}"."{table.name}" ADD COLUMN "{column.name}" {kind}')
        indexed = {ix["name"] for ix in inspector.get_indexes(table.name, schema=schema)}
        for index in table.indexes:
            if index.name not in indexed:
                index.create(conn)


def view_url(url: str, code: str) -> str:
    """A URL of head office's database that sees one store's schema as its tables: the
    store's report code runs on it unchanged (only that schema is on the search path, so
    a table missing there is an error, never head office's own table)."""
    parsed = make_url(url)
    query = dict(parsed.query)
    query["options"] = f"-csearch_path={schema_name(code)}"
    return parsed.set(query=query).render_as_string(hide_password=False)
