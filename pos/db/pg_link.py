"""The PostgreSQL link's limits: the libpq parameters that carry pos.db.timeouts to
the client and the server, and the client's own watch on the link (`guard_postgres`), so
that a link that hangs without a reset ends a call instead of holding it for as long as
TCP retries."""

from __future__ import annotations

from sqlalchemy import URL, Connection, Engine, event

from pos.db import timeouts as limits
from pos.db.timeouts import Timeouts

# On a psycopg connection: how long to wait for a reply to start arriving (seconds; None:
# as long as it takes).
GUARD_ATTRIBUTE = "_tickbox_answer_s"


def postgres_parameters(url: URL, timeouts: Timeouts, given: dict) -> dict:
    """The connection's libpq parameters: the limits, under what the URL and the caller
    give (their `options` come after ours, so theirs win)."""
    parameters = dict(given)
    for name, value in timeouts.libpq().items():
        if name == "options":
            theirs = " ".join(str(part) for part in (url.query.get("options"),
                                                      given.get("options")) if part)
            parameters["options"] = f"{value} {theirs}".strip()
        elif name not in url.query:
            parameters.setdefault(name, value)
    return parameters


def guard_postgres(engine: Engine, timeouts: Timeouts) -> None:
    """The client's own watch on a PostgreSQL link. The server ends a statement past
    its limit, and keepalives drop a link that is gone; but a link that hangs (a router
    that drops packets, a server that froze) could still hold a call for as long as TCP
    retries. So every wait on the connection (a statement, a fetch, a commit) gives up
    when no reply has started `answer_s` after the request (the statement limit plus a
    grace): the connection is closed, the pool drops it (SQLAlchemy sees a disconnect),
    and the caller gets db.timeout. A pooled connection's liveness check waits only
    PING_S, so a dead link costs a connect, not a statement limit, before the refusal."""
    answer_s = timeouts.answer_s
    ping_s = min(limits.PING_S, answer_s)

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect, _record, cargs, cparams):
        connection = _guarded_connection_class().connect(*cargs, **cparams)
        setattr(connection, GUARD_ATTRIBUTE, answer_s)
        return connection

    @event.listens_for(engine, "checkin")
    def _checked_in(dbapi_connection, _record):
        if dbapi_connection is not None:  # the next wait is the pool's liveness check
            setattr(dbapi_connection, GUARD_ATTRIBUTE, ping_s)

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection, _record, _proxy):
        setattr(dbapi_connection, GUARD_ATTRIBUTE, answer_s)


_GUARDED = None


def _guarded_connection_class():
    """psycopg's Connection, giving up on a wait that gets no reply for too long (made on
    first use: psycopg loads only for PostgreSQL)."""
    global _GUARDED
    if _GUARDED is not None:
        return _GUARDED
    from time import monotonic

    import psycopg
    from psycopg.waiting import Ready

    class NoAnswer(psycopg.OperationalError):
        """No reply from the server within `answer_s`: the connection was closed."""

        def __init__(self, answer_s: float):
            super().__init__(f"no reply from the server within {answer_s:g} s "
                             "(the connection was closed)")
            self.answer_s = answer_s

    def watched(gen, answer_s: float):
        # psycopg's wait loop sends Ready.NONE every interval (0.1 s) while the socket has
        # nothing for it: time without anything ready is time without a reply.
        last = monotonic()
        try:
            state = next(gen)
            while True:
                ready = yield state
                now = monotonic()
                if ready != Ready.NONE:
                    last = now
                elif now - last > answer_s:
                    raise NoAnswer(answer_s)
                state = gen.send(ready)
        except StopIteration as stop:
            return stop.value

    class GuardedConnection(psycopg.Connection):
        gave_up = False

        def wait(self, gen, interval=0.1, timeout=None):
            answer_s = getattr(self, GUARD_ATTRIBUTE, None)
            if answer_s is None:
                return super().wait(gen, interval, timeout)
            try:
                return super().wait(watched(gen, answer_s), interval, timeout)
            except NoAnswer:
                # Halfway through the protocol: the connection cannot be used again.
                # Closed as broken, so the pool drops it rather than reuse it.
                self.gave_up = True
                self.pgconn.finish()
                raise

        def rollback(self):
            # Nothing to roll back here once the client gave up: the server ends the
            # transaction when the link closes. Raising "the connection is closed" would
            # put itself in the place of the refusal that says why (a statement run on the
            # driver's cursor, pos.db.prepared, fails outside SQLAlchemy's handling, and
            # its transaction rolls back next).
            if not self.gave_up:
                super().rollback()

    _GUARDED = GuardedConnection
    return GuardedConnection


def longer_limit(connection: Connection, seconds: int) -> None:
    """A statement limit of `seconds` (and the client's watch a little past it) for the
    rest of `connection`'s transaction: for reads long by nature on a till's connection
    (a report over weeks of a chain's sales), which the till's few seconds would cut off.
    A hung link still ends the call, once the longer limit has passed."""
    if connection.dialect.name != "postgresql":
        return
    connection.exec_driver_sql(f"SET LOCAL statement_timeout = {int(seconds) * 1000}")
    driver = connection.connection.driver_connection
    if getattr(driver, GUARD_ATTRIBUTE, None) is not None:
        setattr(driver, GUARD_ATTRIBUTE, float(seconds) + 2)


def lift_timeouts(connection: Connection) -> None:
    """No statement or idle limit, and no client watch, for the rest of `connection`'s
    transaction: for work that is long by nature (a schema migration building an index
    on a large table). Keepalives still drop a link that is gone."""
    if connection.dialect.name != "postgresql":
        return
    connection.exec_driver_sql("SET LOCAL statement_timeout = 0")
    connection.exec_driver_sql("SET LOCAL idle_in_transaction_session_timeout = 0")
    # Back to the limit at the next checkout (the pool's checkin sets the ping's).
    setattr(connection.connection.driver_connection, GUARD_ATTRIBUTE, None)
