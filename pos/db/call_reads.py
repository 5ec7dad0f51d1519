"""One connection for the reads of one till call.

A scan reads the product, its category, the unit's sheet and tiers and the customer;
each service opens its own read (`Database.read`, `Database.read_connection`), and each
of those took a connection from the pool: on PostgreSQL a liveness ping, a BEGIN and a
ROLLBACK around every read, three round trips of overhead each time. `shared_reads(db)`
gives the call a stand-in for the Database whose reads all run on one connection taken
once:

- SQLite: one read transaction (BEGIN, deferred) for the call, so every read sees the same
  snapshot; it costs no round trip (the file is local).
- PostgreSQL: the connection runs in autocommit, so no BEGIN and no ROLLBACK go to the
  server at all. The reads lose nothing by it: under PostgreSQL's READ COMMITTED each
  statement of a transaction sees the data committed when it started anyway.

Writes are not shared: `unit_of_work` and `write_connection` are the Database's own (a
connection of their own, committed as before). Around a write the shared read
transaction ends, so the reads after it see what it wrote."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from pos.db.engine import Database


class SharedReads:
    """The Database for one call, its reads on one connection (see the module)."""

    def __init__(self, db: Database, connection: Connection):
        self._db, self._connection = db, connection

    def __getattr__(self, name):  # the engine, the url, ... are the Database's
        return getattr(self._db, name)

    @contextmanager
    def read(self) -> Iterator[Session]:
        # Joins the connection's transaction; closing the session leaves it open.
        if not self._connection.in_transaction():
            self._connection.begin()
        with Session(bind=self._connection, expire_on_commit=False,
                     join_transaction_mode="rollback_only") as session:
            yield session

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        yield self._connection

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        self._end_snapshot()
        with self._db.unit_of_work() as session:
            yield session
        self._end_snapshot()

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        self._end_snapshot()
        with self._db.write_connection() as connection:
            yield connection
        self._end_snapshot()

    def _end_snapshot(self) -> None:
        """The next read begins a new snapshot (SQLite), one that sees a write."""
        if self._connection.in_transaction():
            self._connection.rollback()


@contextmanager
def shared_reads(db: Database | SharedReads) -> Iterator[Database | SharedReads]:
    """`db` for one call, its reads on one connection (already shared: as it is)."""
    if isinstance(db, SharedReads):
        yield db
        return
    with db.read_connection() as connection:
        if connection.dialect.name == "postgresql":
            connection.execution_options(isolation_level="AUTOCOMMIT")
        yield SharedReads(db, connection)
