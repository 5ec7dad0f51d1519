"""A database whose disk is full, for real: SQLite refuses to grow the file past its
size (PRAGMA max_page_count after a VACUUM, so no free page is left: SQLITE_FULL, as on
a full disk); PostgreSQL's server answers a write to the table with SQLSTATE 53100
disk_full, the code it gives when it cannot extend a file."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

import os

from sqlalchemy import event
from sqlalchemy.pool import Pool

from pos.db.engine import Database, is_sqlite


@contextmanager
def disk_full(db: Database, *, table: str):
    """While the block runs, nothing more fits in the database: on SQLite no new page
    (whatever the table), on PostgreSQL no new row in `table`. Every connection to it
    made meanwhile, in this process, sees the full disk (the `pos` command's too)."""
    if is_sqlite(db.engine):
        with _sqlite_full(db):
            yield
    else:
        with _postgres_full(db, table):
            yield


@contextmanager
def _sqlite_full(db: Database):
    db.dispose()
    path = db.engine.url.database
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("VACUUM")  # no free pages left to fill
    pages = raw.execute("PRAGMA page_count").fetchone()[0]
    raw.close()

    def limit(dbapi_connection, _record):
        if not isinstance(dbapi_connection, sqlite3.Connection):
            return
        files = [row[2] for row in dbapi_connection.execute("PRAGMA database_list")]
        if any(f and os.path.samefile(f, path) for f in files):
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(Pool, "connect", limit)
    try:
        yield
    finally:
        event.remove(Pool, "connect", limit)
        db.dispose()  # connections made from now on may grow the file again


@contextmanager
def _postgres_full(db: Database, table: str):
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE OR REPLACE FUNCTION tickbox_test_disk_full() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space "
            "left on device' USING ERRCODE = 'disk_full'; END $$")
        connection.exec_driver_sql(
            f"CREATE TRIGGER tickbox_test_disk_full BEFORE INSERT OR UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION tickbox_test_disk_full()")
    try:
        yield
    finally:
        with db.engine.begin() as connection:
            connection.exec_driver_sql(f"DROP TRIGGER tickbox_test_disk_full ON {table}")
