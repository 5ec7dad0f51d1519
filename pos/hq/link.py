"""The link between a store and head office: what `pos store join` and `pos sync` run.

pos.sync (the store's side) never reaches into pos.hq; the composition is here. A sync
pushes everything the store's outbox holds, a batch at a time, each applied at head
office by pos.hq.receive.apply_batch, then pulls master data by version
(pos.hq.master.master_changes). It talks straight to head office's PostgreSQL (outbound
from the store). When head office cannot be reached, the store's `sync_state` says since
when (`unreachable_since`, kept until head office answers again) and the sync is refused
with sync.hq_unreachable: the store goes on selling and the documents wait in its outbox.

`sync_loop` is `pos sync --loop` (a service, packaging/tickbox-sync.service): a sync
every `interval` seconds while things go well; after a failure it waits 1 s, then 2, 4...
up to 60 s between tries, and never stops on an error (it logs it).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from functools import partial
from typing import Callable

from sqlalchemy import update

from pos.db.engine import Database, DatabaseUnavailable, describe
from pos.db.models import SyncState
from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError
from pos.sync import join as joining
from pos.sync.batch import error_json
from pos.sync.status import store_status

log = logging.getLogger("tickbox.sync")

INTERVAL_S = 10.0
FIRST_DELAY_S = 1.0
MAX_DELAY_S = 60.0


@dataclass(frozen=True, slots=True)
class SyncResult:
    batches: int
    documents: int  # journal entries head office did not hold before
    rows: int
    pulled: int  # master-data rows applied at the store
    master_version: int


def join(store_db: Database, *, hq_url: str, store_code: str) -> joining.JoinResult:
    """`pos store join`: pos.sync.join.join with head office's side of it."""
    from pos.hq.replica import ensure_replica

    return joining.join(store_db, hq_url, store_code, on_enrol=ensure_replica)


def _note(store_db: Database, **values) -> None:
    """The store's sync_state bookkeeping, in a transaction of its own (a failure to
    write it is logged, never hides the sync's own outcome)."""
    try:
        with store_db.write_connection() as conn:
            conn.execute(update(SyncState).where(SyncState.id == 1)
                         .values(last_attempt_at=utcnow(), **values))
    except UserError as exc:
        log.warning("sync state not written: %s", exc)


def _unreachable(store_db: Database, error: UserError) -> UserError:
    refusal = error if error.message_id == "sync.hq_unreachable" else \
        joining.unreachable(error)
    now = utcnow()
    try:
        with store_db.write_connection() as conn:
            conn.execute(update(SyncState).where(SyncState.id == 1).values(
                last_attempt_at=now, last_error=error_json(refusal)))
            conn.execute(update(SyncState).where(SyncState.id == 1,
                                                 SyncState.unreachable_since.is_(None))
                         .values(unreachable_since=now))
    except UserError as exc:
        log.warning("sync state not written: %s", exc)
    return refusal


def _is_hq_failure(error: UserError, hq_db: Database) -> bool:
    return (error.message_id == "sync.hq_unreachable"
            or (isinstance(error, DatabaseUnavailable)
                and error.params.get("where") == describe(hq_db.url)))


def sync_once(store_db: Database, hq_url: str | None = None, *,
              hq_db: Database | None = None) -> SyncResult:
    """Push every document waiting, then pull master data. `hq_url`: head office's
    address (default: the store's hq.url file); `hq_db`: an open head office to use
    (the loop keeps one)."""
    from pos.hq.master import master_changes
    from pos.hq.receive import apply_batch
    from pos.sync.pull import pull_all
    from pos.sync.push import pending, push_all

    if not store_status(store_db, terminals=False).joined:
        raise UserError("sync.not_joined")
    own = hq_db is None
    if own:
        hq_db = Database(joining.hq_address(hq_url or joining.hq_url()))
    try:
        try:
            deliver = partial(apply_batch, hq_db)
            pushed = push_all(store_db, deliver=deliver)
            pulled = pull_all(store_db, fetch=partial(master_changes, hq_db))
            if pending(store_db):  # what the pull changed here goes up too (the store's copy)
                pushed = pushed + push_all(store_db, deliver=deliver)
        except UserError as exc:
            if _is_hq_failure(exc, hq_db):
                refusal = _unreachable(store_db, exc)
                if refusal is exc:
                    raise
                raise refusal from exc
            if not isinstance(exc, DatabaseUnavailable):  # head office answered: refused
                _note(store_db, last_error=error_json(exc), unreachable_since=None)
            raise
        _note(store_db, last_ok_at=utcnow(), last_error="", unreachable_since=None)
    finally:
        if own:
            hq_db.dispose()
    return SyncResult(
        batches=pushed.batches,
        documents=pushed.new_entries, rows=pushed.rows, pulled=pulled.applied,
        master_version=store_status(store_db, terminals=False).master_version)


def sync_loop(store_db: Database, *, stop: Callable[[], bool],
              sleep: Callable[[float], None] = time.sleep, hq_url: str | None = None,
              interval: float = INTERVAL_S, first_delay: float = FIRST_DELAY_S,
              max_delay: float = MAX_DELAY_S,
              on_result: Callable[[SyncResult | UserError], None] | None = None) -> int:
    """Sync until `stop()` says so; returns how many syncs were tried. Every error is
    logged and retried after a back-off: 1 s, doubling to 60 s; a success resets it and
    the next sync comes after `interval` seconds."""
    delay = first_delay
    tries = 0
    hq_db, url = None, None
    try:
        while not stop():
            tries += 1
            try:
                wanted = joining.hq_address(hq_url or joining.hq_url())
                if wanted != url:
                    if hq_db is not None:
                        hq_db.dispose()
                    hq_db, url = Database(wanted), wanted
                result = sync_once(store_db, wanted, hq_db=hq_db)
            except UserError as exc:
                log.warning("sync failed (next try in %g s): %s", delay, exc)
                if on_result:
                    on_result(exc)
                wait, delay = delay, min(delay * 2, max_delay)
            except Exception:  # noqa: BLE001 - a service that syncs must outlive a bug
                log.exception("sync failed (next try in %g s)", delay)
                wait, delay = delay, min(delay * 2, max_delay)
            else:
                log.info("synced: %s", result)
                if on_result:
                    on_result(result)
                wait, delay = interval, first_delay
            if stop():
                break
            sleep(wait)
    finally:
        if hq_db is not None:
            hq_db.dispose()
    return tries
