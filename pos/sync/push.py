"""A store pushes its documents to head office, exactly once.

`push_once` reads a batch (pos.sync.batch), hands it to `deliver` (head office's
`apply_batch` bound to head office's database, given by pos.hq.link: this layer never
imports head office's), and only once head office has committed it deletes exactly the
outbox ids the batch covered (`forget_shipped`). A kill at any point leaves either:
- head office without the batch (it commits all of it or nothing) and the outbox whole:
  the next push sends it again; or
- head office with the batch and the outbox still holding it: the next push sends it
  again and head office skips the entries it holds (counted as duplicates).

`sync_state` keeps how the link is doing for the till's indicator and `pos sync status`:
the last attempt, the last success, since when head office cannot be reached (kept until
a push succeeds) and the last error (a message as JSON, pos.sync.batch.error_json).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError

from pos.db.engine import Database, DatabaseUnavailable, sqlite_path
from pos.db.models import SyncOutbox, SyncState
from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError
from pos.sync.batch import CHUNK, Batch, error_json, read_batch
from pos.sync.resend import resend_all

_OUTBOX = SyncOutbox.__table__
_STATE = SyncState.__table__
_PUSH_LOCK = 7_410_022  # the advisory lock one pusher of a PostgreSQL store holds
WAIT_S = 10.0  # for another push of the same store to end
# Failures that mean head office cannot be reached just now (nothing was applied there).
UNREACHABLE = (DatabaseUnavailable, OSError, OperationalError, InterfaceError,
               DisconnectionError)


@dataclass(frozen=True)
class PushResult:
    batches: int = 0
    rows: int = 0
    new_entries: int = 0
    duplicates: int = 0
    pending_after: int = 0  # outbox rows still waiting

    def __add__(self, other: PushResult) -> PushResult:
        return PushResult(self.batches + other.batches, self.rows + other.rows,
                          self.new_entries + other.new_entries,
                          self.duplicates + other.duplicates, other.pending_after)


def pending(store_db: Database) -> int:
    """How many outbox rows wait to be sent."""
    with store_db.read_connection() as conn:
        return conn.execute(select(func.count()).select_from(_OUTBOX)).scalar() or 0


def push_once(store_db: Database, *, deliver: Callable[[Batch], object],
              limit: int = 2000) -> PushResult:
    """Send the next batch; nothing to do when the outbox is empty. Head office that
    cannot be reached: sync.hq_unreachable (sync_state remembers since when). A refusal
    of head office (a stopped stream, a gap): recorded as the last error and raised.
    One push of a store at a time (sync.push_running after WAIT_S): two that overlap
    could apply an older state of a row over a newer one."""
    with sole_pusher(store_db):
        return _push(store_db, deliver, limit)


def _push(store_db: Database, deliver, limit: int) -> PushResult:
    batch = read_batch(store_db, limit=limit)
    if batch is None:
        return PushResult()
    try:
        applied = deliver(batch)
    except UNREACHABLE as failure:
        reason = failure.as_message() if isinstance(failure, UserError) else \
            (str(failure) or type(failure).__name__)
        refusal = UserError("sync.hq_unreachable", reason=reason)
        _record(store_db, error=refusal, unreachable=True)
        raise refusal from failure
    except UserError as refusal:
        _record(store_db, error=refusal)
        if refusal.message_id == "hq.chain_gap" and _lost_at_hq(store_db, refusal):
            resend_all(store_db)  # head office resumes the stream, then it all goes again
        raise
    left = forget_shipped(store_db, batch.outbox_ids, sent_seq=applied.last_seq)
    return PushResult(1, batch.row_count, applied.new_entries, applied.duplicates, left)


def _lost_at_hq(store_db: Database, gap: UserError) -> bool:
    """Head office holds less than it acknowledged (an older backup put back, a crash
    without synchronous commit): the rows it lost left this outbox long ago."""
    with store_db.read_connection() as conn:
        sent = conn.execute(select(_STATE.c.sent_seq).where(_STATE.c.role == "store")).scalar()
    return int(gap.params.get("last", 0) or 0) < int(sent or 0)


def push_all(store_db: Database, *, deliver: Callable[[Batch], object],
             limit: int = 2000) -> PushResult:
    """Push batches until the outbox is empty; the totals."""
    total = PushResult(pending_after=pending(store_db))
    while True:
        result = push_once(store_db, deliver=deliver, limit=limit)
        total = total + result
        if result.batches == 0 or result.pending_after == 0:
            return total


def forget_shipped(store_db: Database, ids, *, sent_seq: int | None = None) -> int:
    """Delete exactly these outbox ids (head office committed them) and note the success
    in sync_state, in one transaction; how many outbox rows are left."""
    ids = list(ids)
    now = utcnow()
    with store_db.write_connection() as conn:
        for start in range(0, len(ids), CHUNK):
            conn.execute(delete(_OUTBOX).where(_OUTBOX.c.id.in_(ids[start:start + CHUNK])))
        values = dict(last_attempt_at=now, last_ok_at=now, unreachable_since=None,
                      last_error="")
        if sent_seq is not None:
            values["sent_seq"] = sent_seq
        conn.execute(update(_STATE).where(_STATE.c.role == "store").values(**values))
        return conn.execute(select(func.count()).select_from(_OUTBOX)).scalar() or 0


def _record(store_db: Database, *, error: UserError, unreachable: bool = False) -> None:
    """A push that failed: when, why, and since when head office cannot be reached."""
    now = utcnow()
    values: dict = dict(last_attempt_at=now, last_error=error_json(error))
    try:
        with store_db.write_connection() as conn:
            if unreachable:  # kept from the first failure until a push succeeds
                since = conn.execute(select(_STATE.c.unreachable_since)
                                     .where(_STATE.c.role == "store")).scalar()
                values["unreachable_since"] = since or now
            conn.execute(update(_STATE).where(_STATE.c.role == "store").values(**values))
    except DatabaseUnavailable:  # the store's own database busy: the refusal still stands
        logging.getLogger(__name__).warning("sync state not written", exc_info=True)


@contextmanager
def sole_pusher(store_db: Database, *, wait_s: float | None = None) -> Iterator[None]:
    """Hold the store's push lock: a PostgreSQL session advisory lock, or for an SQLite
    store an exclusive transaction on a lock file beside it. The system lets go of
    either when the process ends, however it ends."""
    wait_s = WAIT_S if wait_s is None else wait_s
    if store_db.engine.dialect.name == "postgresql":
        with _advisory(store_db, wait_s):
            yield
        return
    path = sqlite_path(store_db.url)
    if path is None:  # in memory: one process only
        yield
        return
    lock = sqlite3.connect(str(path.with_name(path.name + ".sync-lock")), timeout=wait_s,
                           isolation_level=None)
    try:
        try:
            lock.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as busy:
            raise UserError("sync.push_running") from busy
        yield
    finally:
        lock.close()


@contextmanager
def _advisory(store_db: Database, wait_s: float) -> Iterator[None]:
    with store_db.engine.connect() as conn:
        deadline = time.monotonic() + wait_s
        while not conn.exec_driver_sql(f"SELECT pg_try_advisory_lock({_PUSH_LOCK})").scalar():
            conn.commit()
            if time.monotonic() >= deadline:
                raise UserError("sync.push_running")
            time.sleep(0.2)
        conn.commit()  # a session lock: no transaction is left open while it is held
        try:
            yield
        finally:
            try:
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({_PUSH_LOCK})")
                conn.commit()
            except Exception:  # noqa: BLE001 - the link is gone: so is the session's lock
                conn.invalidate()  # never back to the pool still holding it
