"""A store pulls head office's master data (issue 21): the changes after the version it
holds, applied by natural key in one store transaction (pos.sync.master_apply), then the
new version noted in sync_state.master_version. Staff and settings are applied through
the store's sealed paths (pos.sync.people_apply) in the same transaction.

`fetch(since=, limit=)` returns a MasterBatch; the caller gives it (pos.hq.link passes
functools.partial(pos.hq.master.master_changes, hq_db)), since the store's side never
reaches into head office's code. Head office is asked outside the store's transaction,
so a slow line never holds the store's tills up.

Master data older than what the store holds (head office restored from an older copy)
is refused, naming both versions, and nothing is applied.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from pos.db.engine import Database
from pos.db.models import SyncState
from pos.kernel.errors import UserError
from pos.sync import prices
from pos.sync.master_apply import Applied, Applier
from pos.sync.master_keys import MasterBatch
from pos.sync.people_apply import apply_people

LIMIT = 5000


@dataclass(frozen=True)
class PullResult:
    version: int  # the master version the store holds now
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    deactivated: int = 0
    kept: int = 0
    batches: int = 0
    more: bool = False

    @property
    def applied(self) -> int:
        """Rows the pull changed at the store."""
        return self.inserted + self.updated + self.deleted + self.deactivated

    def plus(self, other: PullResult) -> PullResult:
        return PullResult(other.version, self.inserted + other.inserted,
                          self.updated + other.updated, self.deleted + other.deleted,
                          self.deactivated + other.deactivated, self.kept + other.kept,
                          self.batches + other.batches, other.more)


def held_version(store_db: Database) -> int:
    with store_db.read_connection() as conn:
        return _state(conn).master_version


def _state(conn, *, lock: bool = False):
    query = select(SyncState.role, SyncState.master_version).where(SyncState.id == 1)
    if lock and conn.dialect.name == "postgresql":
        query = query.with_for_update()
    state = conn.execute(query).first()
    if state is None or state.role != "store":
        raise UserError("sync.not_joined")
    return state


def check_version(batch: MasterBatch, held: int) -> None:
    offered = min(batch.version, batch.hq_version)
    if offered < held:
        raise UserError("sync.master_older", offered=offered, held=held)


def pull_once(store_db: Database, *, fetch, limit: int = LIMIT) -> PullResult:
    """Fetch one batch after the version the store holds and apply it."""
    since = held_version(store_db)
    batch = fetch(since=since, limit=limit)
    check_version(batch, since)
    with store_db.write_connection() as conn:
        held = _state(conn, lock=True).master_version
        if held != since:  # another pull applied a batch meanwhile: this one is stale
            return PullResult(version=held, more=True)
        done = Applier(conn)
        applied: Applied = done.apply(batch)
        people = apply_people(conn, batch)  # staff and settings, sealed at the store
        prices.note_kept(conn, done.kept_prices)
        if batch.version != held:
            conn.execute(update(SyncState).where(SyncState.id == 1)
                         .values(master_version=batch.version))
    return PullResult(version=batch.version, inserted=applied.inserted + people.inserted,
                      updated=applied.updated + people.updated, deleted=applied.deleted,
                      deactivated=applied.deactivated + people.deactivated,
                      kept=applied.kept, batches=1, more=batch.more)


def pull_all(store_db: Database, *, fetch, limit: int = LIMIT) -> PullResult:
    """Pull until head office has nothing newer."""
    total = PullResult(version=held_version(store_db))
    while True:
        before = total.version
        total = total.plus(pull_once(store_db, fetch=fetch, limit=limit))
        if not total.more or total.version == before:
            return total
