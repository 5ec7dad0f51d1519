"""How a store's link to head office is doing, read from the store's own database only
(the till's sync indicator polls it, so it is cheap: a row, two counts on the outbox and
a lookup per till by its unique key; head office is never asked here).

`pos sync status` prints it, with head office's side of the same store when head office
answers (pos.hq.status.store_at_hq).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from pos.db.engine import Database
from pos.db.models import Sale, Store, SyncOutbox, SyncState, Terminal
from pos.kernel.messages import Message


@dataclass(frozen=True, slots=True)
class TillSent:
    terminal: str
    last_receipt: str  # '' when the till has sealed none
    at: datetime | None


@dataclass(frozen=True, slots=True)
class StoreSyncStatus:
    joined: bool
    store_code: str
    hq_display: str
    documents_waiting: int  # journal entries (sealed documents) not yet at head office
    rows_waiting: int  # every row change waiting (a document writes several)
    last_ok_at: datetime | None
    last_attempt_at: datetime | None
    unreachable_since: datetime | None
    last_error: Message | None
    master_version: int
    sent_seq: int  # the last journal entry head office confirmed
    terminals: tuple[TillSent, ...] = ()

    @property
    def synced(self) -> bool:
        return self.joined and self.rows_waiting == 0 and self.unreachable_since is None


NOT_JOINED = StoreSyncStatus(False, "", "", 0, 0, None, None, None, None, 0, 0)


def message_from_json(stored: str | None) -> Message | None:
    """A message kept as text ({"id": ..., "params": {...}}, nested alike), as
    pos.sync.push keeps sync_state.last_error; text that is not one is shown as it is."""
    if not stored:
        return None
    try:
        found = _message(json.loads(stored))
    except ValueError:
        return Message(stored)
    return found if isinstance(found, Message) else Message(str(found))


def _message(value):
    if isinstance(value, dict) and "id" in value and set(value) <= {"id", "params"}:
        params = value.get("params") or {}
        return Message(str(value["id"]), {k: _message(v) for k, v in params.items()})
    return value


def store_status(store_db: Database, *, terminals: bool = True) -> StoreSyncStatus:
    """The store's side of its link: NOT_JOINED when this database is no chain store."""
    with store_db.read_connection() as conn:
        state = conn.execute(select(SyncState).where(SyncState.id == 1)).first()
        if state is None or state.role != "store" or not state.store_code:
            return NOT_JOINED
        rows = conn.execute(select(func.count()).select_from(SyncOutbox)).scalar() or 0
        documents = (conn.execute(select(func.count()).select_from(SyncOutbox)
                                  .where(SyncOutbox.tbl == "journal_entries")).scalar() or 0
                     ) if rows else 0
        tills = tuple(_tills(conn, state.store_code)) if terminals else ()
    return StoreSyncStatus(
        True, state.store_code, state.hq_display or "", int(documents), int(rows),
        state.last_ok_at, state.last_attempt_at, state.unreachable_since,
        message_from_json(state.last_error), int(state.master_version or 0),
        int(state.sent_seq or 0), tills)


def _tills(conn, code: str):
    """Each till of the store with its last receipt (by the unique key terminal+sequence)."""
    found = conn.execute(select(Terminal.id, Terminal.code).join(Store)
                         .where(func.upper(Store.code) == code.upper())
                         .order_by(Terminal.code)).all()
    for terminal_id, terminal in found:
        last = conn.execute(select(Sale.receipt_no, Sale.completed_at)
                            .where(Sale.terminal_id == terminal_id)
                            .order_by(Sale.sequence.desc()).limit(1)).first()
        yield TillSent(terminal, last.receipt_no if last else "",
                       last.completed_at if last else None)
