"""Statements compiled once per database dialect and run straight on the driver's
cursor: the sale's hot path.

SQLAlchemy's work around each statement (cache key, execution context, result wrapper)
costs 10-15 µs, several times what SQLite needs for the small indexed statements a sale
runs, and completing a sale runs about 25 of them. A `Prepared` statement is still
written in SQLAlchemy Core against the mapped tables and compiled by SQLAlchemy for the
connection's dialect; only its execution skips the machinery. Values pass through the
bind processors SQLAlchemy itself would apply (enums to their stored values, dates and
datetimes to SQLite's text), so the rows are the ones Core would write; the statement
runs on the DBAPI cursor inside the caller's SQLAlchemy transaction, and driver errors
come back as SQLAlchemy's exceptions (IntegrityError and so on).

Only fixed-shape statements belong here: no expanding IN lists, one row per execute (or
`many` without RETURNING; `counts` when each row's count matters).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Insert, bindparam
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import ClauseElement

_RUNNER_KEY = "tickbox_prepared_runner"


def insert(table, columns: Iterable[str], *, returning=()) -> Prepared:
    """INSERT of exactly these columns (every one must be given each time: nothing is
    filled in from Python-side defaults here)."""
    columns = tuple(columns)
    missing = [c.key for c in table.columns
               if c.default is not None and c.key not in columns]
    if missing:
        raise ValueError(f"{table.name}: give {', '.join(missing)} explicitly (Python-side "
                         "defaults are not applied to prepared inserts)")
    statement: Insert = table.insert().values({name: bindparam(name) for name in columns})
    if returning:
        statement = statement.returning(*returning)
    return Prepared(statement)


class Prepared:
    """A Core statement (or, for dialect-specific SQL such as ON CONFLICT, a function of
    the dialect's name that builds one), compiled on first use per dialect."""

    def __init__(self, statement: ClauseElement | Callable[[str], ClauseElement]):
        self._statement = statement
        self._compiled: dict[str, _Compiled] = {}

    def compiled(self, dialect: Dialect) -> _Compiled:
        found = self._compiled.get(dialect.name)
        if found is None:
            statement = self._statement
            if not isinstance(statement, ClauseElement):
                statement = statement(dialect.name)
            found = self._compiled[dialect.name] = _Compiled(statement, dialect)
        return found


class _Compiled:
    def __init__(self, statement: ClauseElement, dialect: Dialect):
        compiled = statement.compile(dialect=dialect)
        self.sql = compiled.string
        self.positional = compiled.positiontup is not None
        names = compiled.positiontup if self.positional else list(compiled.binds)
        binds = [compiled.binds[name] for name in names]
        self.names = tuple(names)
        # Whether each value comes with each execution (else it is written in the
        # statement itself), and the processors of the binds that have one, by place.
        self.given = tuple(bind.required for bind in binds)
        self.fixed = tuple(None if bind.required else bind.effective_value for bind in binds)
        self.all_given = all(self.given)
        self.processors = tuple(
            (index, process) for index, process in enumerate(
                bind.type.dialect_impl(dialect).bind_processor(dialect) for bind in binds)
            if process is not None)

    def parameters(self, values: Mapping[str, Any]):
        """The statement's parameters from `values`, processed as SQLAlchemy would. Runs
        for every row a sale writes (~45 times), so it does as little as it can."""
        if self.all_given:
            processed = [values[name] for name in self.names]
        else:
            processed = [values[name] if given else fixed
                         for name, given, fixed in zip(self.names, self.given, self.fixed)]
        for index, process in self.processors:
            processed[index] = process(processed[index])
        if self.positional:
            return tuple(processed)
        return dict(zip(self.names, processed))


class Runner:
    """Runs prepared statements on one connection's DBAPI cursor. Get it with `on(conn)`
    inside a transaction the caller's SQLAlchemy connection has begun."""

    def __init__(self, dialect: Dialect, dbapi_connection):
        self.dialect = dialect
        self.cursor = dbapi_connection.cursor()
        self._error = dialect.loaded_dbapi.Error

    def execute(self, prepared: Prepared, values: Mapping[str, Any] | None = None):
        compiled = prepared.compiled(self.dialect)
        parameters = compiled.parameters(values or {})
        try:
            self.cursor.execute(compiled.sql, parameters)
        except self._error as error:
            raise self._wrapped(compiled.sql, parameters, error) from error
        return self.cursor

    def first(self, prepared: Prepared, values: Mapping[str, Any] | None = None):
        return self.execute(prepared, values).fetchone()

    def scalar(self, prepared: Prepared, values: Mapping[str, Any] | None = None):
        row = self.execute(prepared, values).fetchone()
        return None if row is None else row[0]

    def all(self, prepared: Prepared, values: Mapping[str, Any] | None = None) -> list:
        return self.execute(prepared, values).fetchall()

    def many(self, prepared: Prepared, rows: list[Mapping[str, Any]]) -> None:
        """The same statement for each row (no RETURNING)."""
        if not rows:
            return
        compiled = prepared.compiled(self.dialect)
        parameters = [compiled.parameters(row) for row in rows]
        try:
            self.cursor.executemany(compiled.sql, parameters)
        except self._error as error:
            raise self._wrapped(compiled.sql, parameters, error) from error

    def counts(self, prepared: Prepared, rows: list[Mapping[str, Any]]) -> list[int]:
        """The same statement (an UPDATE or DELETE) for each row, and how many rows each
        one changed: in one round trip on PostgreSQL (psycopg's executemany keeps each
        statement's result), one execute per row on SQLite (in-process: no round trip)."""
        if not rows:
            return []
        compiled = prepared.compiled(self.dialect)
        parameters = [compiled.parameters(row) for row in rows]
        cursor, found = self.cursor, []
        try:
            if self.dialect.name == "postgresql":
                cursor.executemany(compiled.sql, parameters, returning=True)
                found.append(cursor.rowcount)
                while cursor.nextset():
                    found.append(cursor.rowcount)
            else:
                for values in parameters:
                    found.append(cursor.execute(compiled.sql, values).rowcount)
        except self._error as error:
            raise self._wrapped(compiled.sql, parameters, error) from error
        return found

    def _wrapped(self, sql, parameters, error) -> DBAPIError:
        return DBAPIError.instance(sql, parameters, error, self._error, dialect=self.dialect)


def on(conn: Connection) -> Runner:
    """The runner of this connection's DBAPI connection (made once, then reused). The
    connection's transaction begins here if it has not yet: statements on the cursor
    must never run outside it."""
    if not conn.in_transaction():
        conn.begin()
    runner = conn.info.get(_RUNNER_KEY)
    if runner is None:
        runner = conn.info[_RUNNER_KEY] = Runner(conn.dialect, conn.connection.dbapi_connection)
    return runner
