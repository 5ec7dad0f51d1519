"""How long a database call may take: connect, statement, lock wait, idle and keepalive
limits for every connection (kept free of SQLAlchemy; pos.db.engine applies them).

Two sets of defaults: the till's (`Timeouts.for_till()`, what the app opens the
database with), short enough that a cashier is told within seconds and never waits on a
dead link; and the `pos` command's (`Timeouts.for_batch()`, also any `Database` made
without saying), whose statements may run for minutes (an import, an export, a report
to file) but whose link is watched the same way. Environment variables change either
set, for the tills and the command alike; they are read when the database is opened,
since a connection's limits must be known before it connects:

| variable | what it limits | till | `pos` |
|---|---|---|---|
| POS_DB_CONNECT_TIMEOUT | connecting to a PostgreSQL server (whole seconds, at least 2) | 5 | 5 |
| POS_DB_STATEMENT_TIMEOUT | one statement on PostgreSQL, lock waits included | 5 | 300 |
| POS_DB_BUSY_TIMEOUT | waiting for another till's write lock on SQLite | 5 | 30 |
| POS_DB_IDLE_TIMEOUT | a PostgreSQL transaction left idle (a till gone mid-sale) | 30 | 120 |
| POS_DB_KEEPALIVE | silence before TCP keepalive probes (every third of it, 3 missed: dropped) | 10 | 10 |

On top of the server's statement limit, the client watches the link itself: a reply that
has not started to arrive `grace_s` (2 s) after the statement limit ends the connection
(a link that hangs without a reset, a server that froze), and the kernel drops a
connection whose sent data stays unacknowledged as long (libpq's tcp_user_timeout).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

ENV_CONNECT = "POS_DB_CONNECT_TIMEOUT"
ENV_STATEMENT = "POS_DB_STATEMENT_TIMEOUT"
ENV_BUSY = "POS_DB_BUSY_TIMEOUT"
ENV_IDLE = "POS_DB_IDLE_TIMEOUT"
ENV_KEEPALIVE = "POS_DB_KEEPALIVE"

# The longest any of them may be set to: a day.
MAX_S = 86_400
# A pooled connection is asked whether it is alive before it is used again (an empty
# statement, answered in milliseconds by a live server): this long without an answer
# and it is replaced, so a dead link costs a connect, not a whole statement limit.
PING_S = 1.0


@dataclass(frozen=True)
class Timeouts:
    connect_s: int = 5
    statement_s: float = 5
    busy_s: float = 5
    idle_s: float = 30
    keepalive_s: int = 10
    grace_s: float = 2

    @classmethod
    def for_till(cls, environ: Mapping[str, str] | None = None) -> Timeouts:
        return cls().from_environment(environ)

    @classmethod
    def for_batch(cls, environ: Mapping[str, str] | None = None) -> Timeouts:
        return cls(statement_s=300, busy_s=30, idle_s=120).from_environment(environ)

    def from_environment(self, environ: Mapping[str, str] | None = None) -> Timeouts:
        """These limits with the environment's settings over them; a setting that is not
        a number of seconds in range is refused (UserError db.bad_timeout)."""
        environ = os.environ if environ is None else environ
        changes = {}
        for variable, field, smallest, whole in (
                (ENV_CONNECT, "connect_s", 2, True), (ENV_STATEMENT, "statement_s", 1, False),
                (ENV_BUSY, "busy_s", 0.1, False), (ENV_IDLE, "idle_s", 1, False),
                (ENV_KEEPALIVE, "keepalive_s", 1, True)):
            raw = (environ.get(variable) or "").strip()
            if raw:
                changes[field] = _seconds(variable, raw, smallest, whole)
        return replace(self, **changes)

    @property
    def answer_s(self) -> float:
        """How long the client waits for a reply to start arriving before it gives the
        link up: the server's statement limit, then the grace."""
        return self.statement_s + self.grace_s

    def libpq(self) -> dict[str, object]:
        """The connection parameters (libpq's) these limits need; `options` sets the
        server's side of them for the session."""
        interval = max(1, self.keepalive_s // 3)
        server = {
            "statement_timeout": _ms(self.statement_s),
            "idle_in_transaction_session_timeout": _ms(self.idle_s),
            # The server's side of the link: a till that vanished mid-sale (its locks held)
            # is noticed by the server's own probes, not only by the idle limit.
            "tcp_keepalives_idle": self.keepalive_s,
            "tcp_keepalives_interval": interval,
            "tcp_keepalives_count": 3,
        }
        return {
            "connect_timeout": self.connect_s,
            "keepalives": 1,
            "keepalives_idle": self.keepalive_s,
            "keepalives_interval": interval,
            "keepalives_count": 3,
            "tcp_user_timeout": _ms(min(self.answer_s, 30)),
            "options": " ".join(f"-c {name}={value}" for name, value in server.items()),
        }


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))


def _seconds(variable: str, raw: str, smallest: float, whole: bool) -> float:
    from pos.kernel.errors import UserError

    try:
        value = int(raw) if whole else float(raw)
    except ValueError:
        value = None
    if value is None or not smallest <= value <= MAX_S:
        raise UserError("db.bad_timeout", variable=variable, value=raw,
                        min=smallest, max=MAX_S)
    return value
