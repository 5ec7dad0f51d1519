"""What can conflict between stores is flagged at head office as it arrives, never
dropped (pos.hq.conflicts): a serial sold at two stores, stock below zero, a store clock
far off head office's."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select, text

from pos.db.models import HqSerial, Product, Sale
from pos.hq import receive
from pos.hq.receive import apply_batch
from pos.hq.replica import replica_table
from pos.ledger.verify import verify
from pos.store import settings
from pos.sync.batch import read_batch
from pos.sync.push import push_all
from tests.integration.checkout_helpers import NOTEBOOK, restock
from tests.integration.sync_helpers import (  # noqa: F401 - hq_db is a fixture
    alerts, deliver_to, hq_db, joined_store, sell, stream,
)

pytestmark = pytest.mark.postgres


def test_a_store_clock_far_off_is_flagged_once_and_documents_keep_their_time(
        sqlite_demo_db, hq_db):
    store = sqlite_demo_db
    joined_store(store, hq_db, "S01")
    push_all(store, deliver=deliver_to(hq_db))
    sale = sell(store, "SKEW-1")
    apply = deliver_to(hq_db)

    def ahead(batch):  # the store's clock runs an hour ahead of head office's
        return apply(replace(batch, sent_at=batch.sent_at + timedelta(hours=1)))

    push_all(store, deliver=ahead, limit=5)
    assert stream(hq_db, "S01").batches > 2
    assert abs(stream(hq_db, "S01").clock_skew_s - 3600) <= 5
    (alert,) = alerts(hq_db, "clock_skew")
    assert alert.resolved_at is None and json.loads(alert.detail)["store"] == "S01"
    with store.read_connection() as conn:
        mine = conn.execute(select(Sale.completed_at).where(Sale.id == sale.sale_id)).scalar()
    copy = replica_table("S01", "sales")
    with hq_db.read_connection() as conn:
        theirs = conn.execute(select(copy.c.completed_at)
                              .where(copy.c.id == sale.sale_id)).scalar()
    assert theirs == mine and abs(stream(hq_db, "S01").last_document_at - mine) < timedelta(
        seconds=5)


def test_a_serial_sold_at_two_stores_is_flagged_once(sqlite_demo_db, pg_demo_db, hq_db):
    one, two = sqlite_demo_db, pg_demo_db
    joined_store(one, hq_db, "S01")
    joined_store(two, hq_db, "S02")
    sell(one, "TWICE-1")
    sell(two, "TWICE-1")
    push_all(one, deliver=deliver_to(hq_db))
    assert alerts(hq_db, "serial_twice") == []
    push_all(two, deliver=deliver_to(hq_db))
    (alert,) = alerts(hq_db, "serial_twice")
    assert json.loads(alert.detail) == {"serial": "TWICE-1", "stores": "S01, S02"}
    assert alert.store_code == "S02"
    with hq_db.read_connection() as conn:
        held = conn.execute(select(HqSerial.store_code, HqSerial.sale_ref)
                            .where(HqSerial.serial == "TWICE-1")
                            .order_by(HqSerial.store_code)).all()
    assert [s for s, _ in held] == ["S01", "S02"] and all(ref for _, ref in held)
    sell(one, "ONCE-1")  # more batches of both stores: no second alert
    push_all(one, deliver=deliver_to(hq_db))
    push_all(two, deliver=deliver_to(hq_db))
    assert len(alerts(hq_db, "serial_twice")) == 1
    assert verify(one).ok and verify(two).ok


def test_stock_below_zero_is_flagged_until_it_is_back(sqlite_demo_db, hq_db):
    store = sqlite_demo_db
    with store.unit_of_work() as session:
        settings.set_setting(session, "allow_negative_stock", True)
        sku = session.scalar(select(Product.sku).where(Product.barcode == NOTEBOOK))
    restock(store, {sku: 0})
    joined_store(store, hq_db, "S01")
    sell(store, "NEG-1")
    push_all(store, deliver=deliver_to(hq_db))
    (alert,) = alerts(hq_db, "stock_negative")
    detail = json.loads(alert.detail)
    assert (detail["sku"], detail["quantity"], detail["store"]) == (sku, -1, "S01")
    sell(store, "NEG-2")  # still below: the open alert stands for it
    push_all(store, deliver=deliver_to(hq_db))
    assert len(alerts(hq_db, "stock_negative")) == 1
    restock(store, {sku: 3})
    push_all(store, deliver=deliver_to(hq_db))
    (alert,) = alerts(hq_db, "stock_negative")
    assert alert.resolved_at is not None
    assert verify(store).ok


def test_one_serial_arriving_from_two_stores_at_once_is_flagged(sqlite_demo_db, pg_demo_db,
                                                                hq_db):
    one, two = sqlite_demo_db, pg_demo_db
    joined_store(one, hq_db, "S01")
    joined_store(two, hq_db, "S02")
    push_all(one, deliver=deliver_to(hq_db))
    push_all(two, deliver=deliver_to(hq_db))
    sell(one, "RACE-1")
    sell(two, "RACE-1")
    first, second = read_batch(one), read_batch(two)
    with hq_db.write_connection() as conn:  # store one's batch, applied, not yet committed
        receive._apply(conn, first)
        done = threading.Thread(target=apply_batch, args=(hq_db, second))
        done.start()
        while done.is_alive():  # store two's batch waits for it (on that serial) ...
            with hq_db.read_connection() as look:
                if look.execute(text("SELECT count(*) FROM pg_locks WHERE NOT granted "
                                     "AND locktype = 'advisory'")).scalar():
                    break
    done.join(30)  # ... and sees it once it is committed
    assert not done.is_alive()
    (alert,) = alerts(hq_db, "serial_twice")
    assert json.loads(alert.detail) == {"serial": "RACE-1", "stores": "S01, S02"}
