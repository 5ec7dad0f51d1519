"""How the database is opened: the engine (with SQLite's durability pragmas) and the
unit of work. Where it lives (the URL, the data folder) is `pos.db.location`.

One user action = one `unit_of_work()` = one Session and one transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

# Where the data lives has its own module (no SQLAlchemy); kept importable from here.
from pos.db.location import APP_NAME, ENV_URL, data_dir, normalise_url, resolve_url  # noqa: F401

SQLITE_BUSY_TIMEOUT_MS = 10_000
READ_ONLY_OPTION = "tickbox_read_only"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str, **kwargs) -> Engine:
    """An engine for the URL. SQLite gets WAL, foreign keys, ``synchronous=FULL`` (a
    completed sale survives power loss) and a busy timeout; its transactions begin
    IMMEDIATE so two terminals on one file queue up instead of failing mid-sale."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Take transaction control away from the sqlite3 module: we emit BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
        # 64 MiB of page cache: big imports and reports stay in memory, not in the WAL.
        cursor.execute("PRAGMA cache_size = -65536")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        # Reads begin DEFERRED (no lock until needed); writes take the lock up front.
        if connection.get_execution_options().get(READ_ONLY_OPTION):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


class Database:
    """The opened database: an engine and its session factory. Created once at start."""

    def __init__(self, url: str, *, echo: bool = False):
        self.url = normalise_url(url)
        self.engine = make_engine(self.url, echo=echo)
        self._sessions = session_factory(self.engine)
        self._read_engine = self.engine.execution_options(**{READ_ONLY_OPTION: True})
        self._read_sessions = session_factory(self._read_engine)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: commits when the block ends, rolls back on any exception."""
        with self._sessions() as session:
            with session.begin():
                yield session

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """One transaction on a Core connection, for hot paths where a Session costs more
        than the work: commits when the block ends, rolls back on any exception."""
        with self.engine.begin() as connection:
            yield connection

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only look: a consistent snapshot that takes no write lock."""
        with self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A read-only Core connection, for hot lookups where a Session is overhead."""
        with self._read_engine.connect() as connection:
            try:
                yield connection
            finally:
                connection.rollback()

    def dispose(self) -> None:
        self.engine.dispose()
