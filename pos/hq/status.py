"""What head office holds of each store (`pos hq status`, and head office's side of
`pos sync status`): per store the end of its chain as received, when its last document
was made (the store's own time) and received, the lag between them and now, whether its
stream runs, how many alerts wait; per till the last receipt head office holds (read from
the store's replica schema). And the alerts a manager must look at (`pos hq alerts`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, inspect, select, text

from pos.db.engine import Database
from pos.db.models import HqAlert, HqStream, Store
from pos.hq.replica import schema_name, valid_code
from pos.kernel.clock import utcnow
from pos.kernel.messages import Message
from pos.sync.status import message_from_json


@dataclass(frozen=True, slots=True)
class TillReceived:
    terminal: str
    last_receipt: str
    at: datetime | None


@dataclass(frozen=True, slots=True)
class StoreAtHq:
    code: str
    name: str
    joined: bool  # head office has its stream
    last_seq: int
    last_document_at: datetime | None  # the store's own time of its last document
    last_received_at: datetime | None
    lag_s: int | None  # now - last document's time (None: nothing received yet)
    state: str  # ok | stopped | '' (not joined)
    error: Message | None
    open_alerts: int
    terminals: tuple[TillReceived, ...] = ()


@dataclass(frozen=True, slots=True)
class AlertRow:
    id: int
    store_code: str
    kind: str
    text: Message  # hq.<kind> with the alert's values
    at: datetime
    resolved_at: datetime | None
    resolved_by: str


def _aware(when: datetime | None) -> datetime | None:
    if when is None or when.tzinfo is not None:
        return when
    from datetime import timezone

    return when.replace(tzinfo=timezone.utc)


def hq_status(hq_db: Database, *, terminals: bool = True, only: str | None = None
              ) -> list[StoreAtHq]:
    """Every store head office knows (its `stores` and any stream), by code; with `only`,
    that store's line alone."""
    now = utcnow()
    with hq_db.read_connection() as conn:
        names = dict(conn.execute(select(Store.code, Store.name)).all())
        streams = {row.store_code: row for row in conn.execute(select(HqStream))}
        alerts = dict(conn.execute(select(HqAlert.store_code, func.count())
                                   .where(HqAlert.resolved_at.is_(None))
                                   .group_by(HqAlert.store_code)).all())
        schemas = set(inspect(conn).get_schema_names()) if terminals else set()
        result = []
        for code in sorted(set(names) | set(streams)):
            if only is not None and code.upper() != only.upper():
                continue
            stream = streams.get(code)
            tills = ()
            if terminals and valid_code(code) and schema_name(code) in schemas:
                tills = tuple(_tills(conn, code))
            result.append(_store(code, names.get(code, ""), stream,
                                 int(alerts.get(code, 0)), tills, now))
    return result


def store_at_hq(hq_db: Database, code: str) -> StoreAtHq | None:
    """One store's line of hq_status (None when head office does not know it)."""
    found = hq_status(hq_db, only=code)
    return found[0] if found else None


def _store(code, name, stream, open_alerts, tills, now) -> StoreAtHq:
    if stream is None:
        return StoreAtHq(code, name, False, 0, None, None, None, "", None, open_alerts, tills)
    document_at = _aware(stream.last_document_at)
    lag = int((now - document_at).total_seconds()) if document_at else None
    return StoreAtHq(code, name, True, int(stream.last_seq or 0), document_at,
                     _aware(stream.last_received_at), lag, stream.state,
                     message_from_json(stream.error), open_alerts, tills)


def _tills(conn, code: str):
    """Per till of the store, the last receipt its replica holds (PostgreSQL: one pass)."""
    schema = schema_name(code)
    rows = conn.execute(text(
        f'SELECT DISTINCT ON (s.terminal_id) t.code, s.receipt_no, s.completed_at '
        f'FROM "{schema}".sales s JOIN "{schema}".terminals t ON t.id = s.terminal_id '
        f'JOIN "{schema}".stores st ON st.id = t.store_id WHERE upper(st.code) = :code '
        f'ORDER BY s.terminal_id, s.sequence DESC'), {"code": code.upper()}).all()
    for terminal, receipt, at in sorted(rows):
        yield TillReceived(terminal, receipt, _aware(at))


# An alert's kind -> its message (hq_alerts.detail holds the message's values).
ALERT_MESSAGES = {
    "chain_gap": "hq.chain_gap", "chain_broken": "hq.chain_broken",
    "serial_twice": "hq.serial_twice", "stock_negative": "hq.stock_negative",
    "clock_skew": "hq.clock_skew",
}


def alert_text(kind: str, detail: str) -> Message:
    """The alert as a message, with the values it was raised with."""
    try:
        params = json.loads(detail or "{}")
    except ValueError:
        params = {}
    if not isinstance(params, dict):
        params = {}
    return Message(ALERT_MESSAGES.get(kind, kind), {k: _value(v) for k, v in params.items()})


def _value(value):
    if isinstance(value, dict) and "id" in value and set(value) <= {"id", "params"}:
        return message_from_json(json.dumps(value))
    return value


def alerts(hq_db: Database, *, open_only: bool = True, store: str | None = None
           ) -> list[AlertRow]:
    """Head office's alerts, newest first: only the open ones unless `open_only` is
    False; only one store's with `store`."""
    query = select(HqAlert).order_by(HqAlert.id.desc())
    if open_only:
        query = query.where(HqAlert.resolved_at.is_(None))
    if store:
        query = query.where(func.upper(HqAlert.store_code) == store.upper())
    with hq_db.read_connection() as conn:
        return [AlertRow(row.id, row.store_code, row.kind, alert_text(row.kind, row.detail),
                         _aware(row.at), _aware(row.resolved_at), row.resolved_by)
                for row in conn.execute(query)]
