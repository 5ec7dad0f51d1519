"""Fixtures' helpers for the chain's tests (issue 21), for every part to reuse.

- `hq_database(pg_server)`: a fresh head-office database (a copy of the migrated, empty
  `tickbox_template`) on the test session's PostgreSQL server; drop it with `.test_drop()`.
- `joined_store(store_db, hq_db, code)`: the least a `pos store join` does, until
  pos.sync.join exists: head office gets the store's replica schema and an `hq_streams`
  row holding the store's first journal hash; the store gets the capture triggers on
  every replicated table, its history snapshotted into the outbox and its `sync_state`
  row (role 'store'). Returns the chain_first hash.
- `deliver_to(hq_db)`: the deliver function a push takes (head office's apply_batch).
- `hq_db`: a fixture of a fresh head office (import it into a test module to use it).
- looking at both ends: `sell` (a notebook with a serial, paid cash), `journal` (seq,
  hash of a store's journal or head office's copy), `count`, `same_rows` (head office's
  copy equals the store's, table by table), `stream`, `alerts`, `state` (sync_state).
"""

from __future__ import annotations

import itertools
import os
from functools import partial

import pytest
from sqlalchemy import select, text

from pos.db.engine import Database
from pos.db.models import HqAlert, HqStream, JournalEntry, SyncState
from pos.hq.receive import apply_batch
from pos.hq.replica import ensure_replica, replica_table
from pos.kernel.clock import utcnow
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from pos.sync import capture
from tests.integration.checkout_helpers import NOTEBOOK, new_cart

_names = itertools.count()


def hq_database(pg_server, template: str = "tickbox_template") -> Database:
    name = f"tickbox_hq_{os.getpid()}_{next(_names)}"
    pg_server.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    database = Database(pg_server.url(name))
    database.test_drop = lambda: pg_server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    return database


@pytest.fixture
def hq_db(pg_server):
    database = hq_database(pg_server)
    yield database
    database.dispose()
    database.test_drop()


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


def sell(db, serial: str):
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    checkout.set_serial(db, cart, line_id=unit.line_id, serial=serial)
    total = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", total)])


def journal(db, code: str | None = None) -> list[tuple[int, str]]:
    """(seq, hash) of every journal entry: the store's own, or head office's copy."""
    name = f"store_{code.lower()}.journal_entries" if code else "journal_entries"
    with db.read_connection() as conn:
        return [tuple(r) for r in conn.execute(text(f"SELECT seq, hash FROM {name} ORDER BY seq"))]


def count(db, table: str) -> int:
    with db.read_connection() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def same_rows(store_db, hq_db, code: str) -> None:
    """Every replicated table at head office holds exactly the store's rows."""
    for source in capture.replicated_tables():
        copy = replica_table(code, source.name)
        keys = [c.name for c in source.primary_key.columns]
        with store_db.read_connection() as conn:
            mine = [dict(r) for r in conn.execute(select(source).order_by(
                *[source.c[k] for k in keys])).mappings()]
        with hq_db.read_connection() as conn:
            theirs = [dict(r) for r in conn.execute(select(copy).order_by(
                *[copy.c[k] for k in keys])).mappings()]
        assert theirs == mine, source.name


def stream(hq_db, code: str):
    with hq_db.read_connection() as conn:
        return conn.execute(select(HqStream.__table__).where(
            HqStream.store_code == code)).first()


def alerts(hq_db, kind: str | None = None) -> list:
    table = HqAlert.__table__
    query = select(table).order_by(table.c.id)
    if kind:
        query = query.where(table.c.kind == kind)
    with hq_db.read_connection() as conn:
        return list(conn.execute(query))


def state(store_db):
    with store_db.read_connection() as conn:
        return conn.execute(select(SyncState.__table__)).first()


def newcomer_pulled(store_db: Database, name: str, role: str) -> int:
    """A person head office added, pulled to a store that joined (sync_state only): the
    store's id of them, who has no PIN yet."""
    from sqlalchemy import text

    from pos.sync.master_keys import MasterBatch
    from pos.sync.pull import pull_once

    with store_db.write_connection() as conn:
        conn.execute(text("INSERT INTO sync_state (id, role, store_code, hq_display, "
                          "chain_first, master_version, sent_seq, last_error) "
                          "VALUES (1, 'store', 'S01', 'hq', '', 0, 0, '')"))
    row = {"name": name, "role": role, "active": True, "_key": [name], "_ref": {}}
    batch = MasterBatch(version=1, hq_version=1, rows={"staff": [row]})
    assert pull_once(store_db, fetch=lambda since, limit: batch).inserted == 1
    with store_db.read_connection() as conn:
        return conn.execute(text("SELECT id FROM staff WHERE name = :n"), {"n": name}).scalar()
