"""How the database is opened: the engine (with SQLite's durability pragmas) and the
unit of work. Where it lives (the URL, the data folder) is `pos.db.location`.

One user action = one `unit_of_work()` = one Session and one transaction.

Every connection has limits (pos.db.timeouts): connecting, each statement, waiting for a
lock, a transaction left idle, TCP keepalives; and on PostgreSQL the client watches the
link itself, so a link that hangs without a reset ends the call within the statement
limit and a grace, and the pool replaces the connection (pos.db.pg_link).

When the database itself fails (a disk that is full, a read-only or damaged file, a
folder that does not exist, a server that does not answer), the failure becomes a
refusal here, in one place, and never a driver's traceback at the caller:
`DatabaseUnavailable` (nothing was changed; fix the cause and try again) or
`DatabaseDamaged` (stop and restore from a backup). Every statement SQLAlchemy runs
passes the engine's error hook; the statements of the hot path (pos.db.prepared) run on
the driver's cursor, so the unit of work and the connections translate them too.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, unquote

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

# Where the data lives has its own module (no SQLAlchemy); kept importable from here.
from pos.db.location import (  # noqa: F401
    APP_NAME, ENV_URL, data_dir, normalise_url, resolve_url, sqlite_path,
)
from pos.db.pg_link import (  # noqa: F401
    guard_postgres, lift_timeouts, longer_limit, postgres_parameters,
)
from pos.db.timeouts import Timeouts
from pos.kernel.errors import UserError

READ_ONLY_OPTION = "tickbox_read_only"
AFTER_COMMIT = "tickbox_after_commit"


class DatabaseUnavailable(UserError):
    """The database cannot be opened, reached or written just now (a missing folder, a
    server that does not answer, a read-only file, a full disk, another program holding
    it); nothing was changed. The `pos` command exits with 3."""


class DatabaseDamaged(UserError):
    """The database file is damaged (not a database, truncated, a page overwritten): stop
    selling and restore it from a backup (README: Restoring a damaged database). The
    `pos` command exits with 4."""


def describe(url: str | URL) -> str:
    """The database as people know it: an SQLite file's path, or a server's host, port
    and database (never the password)."""
    url = make_url(url) if isinstance(url, str) else url
    if url.get_backend_name() == "sqlite":  # a file: URI (read-only storage) is its path
        return unquote(url.database.removeprefix("file:")) if url.database else ":memory:"
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26
_SQLITE_IOERR_SHORT_READ = 522  # the file ends before a page it should hold: truncated


def database_refusal(error: BaseException, url: str | URL, *, connecting: bool = False,
                     timeouts: Timeouts | None = None) -> UserError | None:
    """The refusal a database failure means for the person using the till, or None when
    it is not a failure of the database itself (a constraint, a bug: left as it is).
    `error` is the driver's exception or SQLAlchemy's wrapper of it; `connecting` says
    that no connection was open yet; `timeouts`: the limits the connection had (for the
    seconds a refusal names)."""
    original = getattr(error, "orig", None) or error
    url = make_url(url) if isinstance(url, str) else url
    where = describe(url)
    timeouts = timeouts or Timeouts.for_batch()
    if isinstance(original, sqlite3.Error):
        return _sqlite_refusal(original, where, timeouts)
    if type(original).__module__.split(".")[0] == "psycopg" or hasattr(original, "answer_s"):
        return _postgres_refusal(original, where, connecting=connecting, timeouts=timeouts,
                                 connect_s=_url_connect_timeout(url) or timeouts.connect_s)
    return None


def _url_connect_timeout(url: URL) -> int | None:
    """The connect_timeout the URL itself gives, if it gives one."""
    try:
        return int(url.query["connect_timeout"])
    except (KeyError, TypeError, ValueError):
        return None


def _seconds(value: float) -> int | float:
    """Seconds as a message shows them: 5, not 5.0; 1.5 stays."""
    return int(value) if float(value).is_integer() else value


def _sqlite_refusal(error: sqlite3.Error, where: str, timeouts: Timeouts) -> UserError | None:
    extended = getattr(error, "sqlite_errorcode", None)
    if extended is None:
        return None
    code = extended & 0xFF
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or extended == _SQLITE_IOERR_SHORT_READ:
        return DatabaseDamaged("db.damaged", where=where, details=[str(error)])
    if code == _SQLITE_FULL:
        return DatabaseUnavailable("db.disk_full", where=where)
    if code == _SQLITE_READONLY:
        return DatabaseUnavailable("db.read_only", where=where)
    if code == _SQLITE_IOERR:
        return DatabaseUnavailable("db.io_error", where=where)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DatabaseUnavailable("db.busy", where=where, seconds=_seconds(timeouts.busy_s))
    if code == _SQLITE_CANTOPEN:
        folder = Path(where.removeprefix("file:")).parent
        if where != ":memory:" and not folder.is_dir():
            return DatabaseUnavailable("db.no_folder", where=where, folder=str(folder))
        return DatabaseUnavailable("db.cannot_open", where=where)
    return None


# PostgreSQL's SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html)
_PG_DAMAGED = {"XX001", "XX002"}                      # data_corrupted, index_corrupted
_PG_LOGIN = {"28000", "28P01"}                         # no such role, wrong password
# 57P01-57P05: shutting down, crashed, starting, the session's idle limit; 25P03: the
# transaction's idle limit (idle_in_transaction_session_timeout). The session is gone.
_PG_GONE = {"57P01", "57P02", "57P03", "57P04", "57P05", "25P03"}
# 57014: the statement limit (statement_timeout) or a cancel; 55P03: a lock not had in time.
_PG_TOO_LONG = {"57014", "55P03"}


def _postgres_refusal(error, where: str, *, connecting: bool, timeouts: Timeouts,
                      connect_s: int) -> UserError | None:
    answer_s = getattr(error, "answer_s", None)
    if answer_s is not None:  # the client gave up waiting (_guard_postgres)
        return DatabaseUnavailable("db.timeout", where=where, seconds=_seconds(answer_s))
    import psycopg  # loaded already: the error is one of its own

    state = getattr(error, "sqlstate", None)
    if state in _PG_TOO_LONG:
        return DatabaseUnavailable("db.timeout", where=where,
                                   seconds=_seconds(timeouts.statement_s))
    if state in _PG_DAMAGED:
        return DatabaseDamaged("db.damaged", where=where, details=[str(error).strip()])
    if state == "53100":
        return DatabaseUnavailable("db.disk_full", where=where)
    if state == "25006":
        return DatabaseUnavailable("db.read_only", where=where)
    if state == "58030":
        return DatabaseUnavailable("db.io_error", where=where)
    if state in ("53200", "53300"):
        return DatabaseUnavailable("db.server_busy", where=where)
    if state in _PG_LOGIN:
        return DatabaseUnavailable("db.login_refused", where=where)
    if state == "3D000":
        return DatabaseUnavailable("db.no_such_database", where=where)
    if state in _PG_GONE or (state or "").startswith("08") or (
            state is None and isinstance(error, psycopg.OperationalError)):
        text = str(error)
        if not connecting:
            return DatabaseUnavailable("db.connection_lost", where=where)
        if "timeout" in text or "timed out" in text:
            return DatabaseUnavailable("db.server_timeout", where=where, seconds=connect_s)
        if "refused" in text:
            return DatabaseUnavailable("db.server_refused", where=where)
        # libpq's own words (a host name that does not resolve, a route that is down...)
        reason = text.strip().splitlines()[-1] if text.strip() else type(error).__name__
        return DatabaseUnavailable("db.server_unreachable", where=where, reason=reason)
    return None


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str, *, timeouts: Timeouts | None = None, **kwargs) -> Engine:
    """An engine for the URL, with `timeouts` (default: Timeouts.for_batch()). SQLite gets
    WAL, foreign keys, ``synchronous=FULL`` (a completed sale survives power loss) and a
    busy timeout; its transactions begin IMMEDIATE so two terminals on one file queue up
    instead of failing mid-sale. PostgreSQL gets the connection limits as libpq
    parameters (those the URL gives itself win) and the client's own watch on the link."""
    url = normalise_url(url)
    timeouts = timeouts or Timeouts.for_batch()
    if url.startswith("sqlite"):
        engine = create_engine(_readable_where_read_only(url), **kwargs)
        _configure_sqlite(engine, timeouts)
    else:
        kwargs.setdefault("pool_pre_ping", True)
        kwargs["connect_args"] = postgres_parameters(make_url(url), timeouts,
                                                     kwargs.get("connect_args") or {})
        engine = create_engine(url, **kwargs)
        guard_postgres(engine, timeouts)
    _refuse_database_failures(engine, timeouts)
    return engine


def _readable_where_read_only(url: str) -> str:
    """A database file that neither it nor its folder may be written (a write-protected
    copy, read-only media) is opened read-only and immutable: SQLite could not make the
    shared-memory file its WAL mode needs, so it could not even be read otherwise.
    Reading it works; a write is refused as read-only (database_refusal)."""
    path = sqlite_path(url)
    if path is None or "?" in url or not path.exists() or os.access(path, os.W_OK) \
            or os.access(path.parent, os.W_OK) or path.with_name(path.name + "-wal").exists():
        return url
    return f"sqlite:///file:{quote(str(path))}?mode=ro&immutable=1&uri=true"


def _refuse_database_failures(engine: Engine, timeouts: Timeouts) -> None:
    """Every failure of the database that SQLAlchemy sees, connecting included, raised as
    the refusal it means (see database_refusal)."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context):
        if context.is_pre_ping:  # the pool is only asking; it reconnects by itself
            return
        refusal = database_refusal(context.original_exception, engine.url,
                                   connecting=context.connection is None, timeouts=timeouts)
        if refusal is not None:
            raise refusal


def _configure_sqlite(engine: Engine, timeouts: Timeouts) -> None:
    busy_ms = max(1, round(timeouts.busy_s * 1000))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Take transaction control away from the sqlite3 module: we emit BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # Another till's write lock is waited for this long, then db.busy.
        cursor.execute(f"PRAGMA busy_timeout = {busy_ms}")
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


def after_commit(connection: Connection, callback) -> None:
    """Run `callback()` once the transaction `connection` is in has committed; never if
    it rolls back. For a unit of work or a write connection of Database."""
    transaction = connection.get_transaction()
    pending = connection.info.get(AFTER_COMMIT)
    if pending is None or pending[0] is not transaction:  # left by one that rolled back
        pending = connection.info[AFTER_COMMIT] = (transaction, [])
    pending[1].append(callback)


def _committing(connection: Connection) -> list:
    """What waits for the commit of `connection`'s transaction, taken off it."""
    pending = connection.info.pop(AFTER_COMMIT, None)
    return pending[1] if pending and pending[0] is connection.get_transaction() else []


SESSION_CONNECTION = "tickbox_connection"


def session_factory(engine: Engine) -> sessionmaker[Session]:
    sessions = sessionmaker(bind=engine, expire_on_commit=False)

    @event.listens_for(sessions, "after_begin")
    def _remember_connection(session, _transaction, connection):
        # Which connection a unit of work wrote on, without opening one when it did not.
        session.info[SESSION_CONNECTION] = connection

    return sessions


class Database:
    """The opened database: an engine and its session factory. Created once at start.
    `timeouts`: the connections' limits (default: the `pos` command's,
    Timeouts.for_batch(); the app opens it with Timeouts.for_till())."""

    def __init__(self, url: str, *, echo: bool = False, timeouts: Timeouts | None = None):
        self.url = normalise_url(url)
        self.timeouts = timeouts or Timeouts.for_batch()
        self.engine = make_engine(self.url, echo=echo, timeouts=self.timeouts)
        self._sessions = session_factory(self.engine)
        self._read_engine = self.engine.execution_options(**{READ_ONLY_OPTION: True})
        self._read_sessions = session_factory(self._read_engine)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: commits when the block ends, rolls back on any exception."""
        with self._refusing_failures(), self._sessions() as session:
            with session.begin():
                yield session
                connection = session.info.pop(SESSION_CONNECTION, None)
                callbacks = _committing(connection) if connection is not None else []
            _run(callbacks)

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """One transaction on a Core connection, for hot paths where a Session costs more
        than the work: commits when the block ends, rolls back on any exception."""
        with self._refusing_failures(), self.engine.connect() as connection:
            with connection.begin():
                yield connection
                callbacks = _committing(connection)
            _run(callbacks)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only look: a consistent snapshot that takes no write lock."""
        with self._refusing_failures(), self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A read-only Core connection, for hot lookups where a Session is overhead."""
        with self._refusing_failures(), self._read_engine.connect() as connection:
            try:
                yield connection
            finally:
                connection.rollback()

    @contextmanager
    def _refusing_failures(self) -> Iterator[None]:
        """Statements run on the driver's cursor (pos.db.prepared) bypass the engine's
        error hook: their failures of the database become refusals here."""
        try:
            yield
        except DBAPIError as error:
            refusal = database_refusal(error, self.engine.url, timeouts=self.timeouts)
            if refusal is None:
                raise
            raise refusal from error

    def dispose(self) -> None:
        self.engine.dispose()


def _run(callbacks) -> None:
    """What waited for a commit. It must not undo it, so a failure is logged, not raised."""
    for callback in callbacks:
        try:
            callback()
        except Exception:  # noqa: BLE001 - the transaction has committed; keep it so
            logging.getLogger(__name__).exception("after a commit")
