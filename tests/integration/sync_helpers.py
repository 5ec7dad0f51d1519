"""Fixtures' helpers for the chain's tests (issue 21), for every part to reuse.

- `hq_database(pg_server)`: a fresh head-office database (a copy of the migrated, empty
  `tickbox_template`) on the test session's PostgreSQL server; drop it with `.test_drop()`.
- `joined_store(store_db, hq_db, code)`: the least a `pos store join` does, until
  pos.sync.join exists: head office gets the store's replica schema and an `hq_streams`
  row holding the store's first journal hash; the store gets the capture triggers on
  every replicated table, its history snapshotted into the outbox and its `sync_state`
  row (role 'store'). Returns the chain_first hash.
- `deliver_to(hq_db)`: the deliver function a push takes (head office's apply_batch).
"""

from __future__ import annotations

import itertools
import os
from functools import partial

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import HqStream, JournalEntry, SyncState
from pos.hq.receive import apply_batch
from pos.hq.replica import ensure_replica
from pos.kernel.clock import utcnow
from pos.sync import capture

_names = itertools.count()


def hq_database(pg_server, template: str = "tickbox_template") -> Database:
    name = f"tickbox_hq_{os.getpid()}_{next(_names)}"
    pg_server.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    database = Database(pg_server.url(name))
    database.test_drop = lambda: pg_server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    return database


def chain_first(store_db: Database) -> str:
    """The hash of the store's journal entry #1 ('' when it has none yet)."""
    with store_db.read_connection() as conn:
        return conn.execute(select(JournalEntry.hash).where(JournalEntry.seq == 1)).scalar() \
            or ""


def joined_store(store_db: Database, hq_db: Database, code: str) -> str:
    first = chain_first(store_db)
    with hq_db.write_connection() as conn:
        ensure_replica(conn, code)
        conn.execute(HqStream.__table__.insert().values(store_code=code, chain_first=first,
                                                        joined_at=utcnow()))
    names = [t.name for t in capture.replicated_tables()]
    with store_db.write_connection() as conn:
        capture.install(conn, names)
        capture.snapshot(conn, names)
        conn.execute(SyncState.__table__.insert().values(
            id=1, role="store", store_code=code, hq_display="test head office",
            chain_first=first, joined_at=utcnow()))
    return first


def deliver_to(hq_db: Database):
    return partial(apply_batch, hq_db)
