"""Stock levels (issue 18): what each store holds, reserved in parked carts and in
transit, low against a reorder point a manager sets (audited, not sealed as stock), a
product or a serial across every store; on SQLite and PostgreSQL."""

import json

from sqlalchemy import select

from pos.db.models import AuditEvent, Product, Store
from pos.selling import checkout, parking
from pos.stock import levels, receiving, transfers
from pos.stock.records import MoveInput
from tests.integration.checkout_helpers import new_cart
from tests.integration.stock_movement_helpers import (
    KIT, NOTEBOOK, NOTEBOOK_BARCODE, add_store, cashier, manager, on_hand, refused, rid,
    snapshot, verified,
)


def test_the_stores_of_the_chain(demo_db):
    db = demo_db
    add_store(db, "S02", "Second store")
    found = levels.stores(db)
    assert ("S02", "Second store") in found and found[0][0] == "S01"
    assert [code for code, _ in found] == sorted(code for code, _ in found)


def test_a_store_lists_what_it_holds_reserved_and_in_transit(demo_db):
    db = demo_db
    add_store(db, "S02")
    kits = on_hand(db, "S01", KIT)
    transfers.send_transfer(db, from_store="S01", to_store="S02", staff_id=cashier(db),
                            lines=[MoveInput(KIT, 3)], request_id=rid())
    cart = new_cart(db)  # at T01, store S01: 2 kits put aside for a customer
    checkout.add_product(db, cart, code=KIT, quantity=2)
    parking.park_cart(db, cart)
    rows = {row.sku: row for row in levels.list_stock(db, store="S01", limit=10_000)}
    assert {row.store for row in rows.values()} == {"S01"}
    kit = rows[KIT]
    assert (kit.on_hand, kit.reserved, kit.in_transit, kit.reorder_point) == (kits - 3, 2, 0, None)
    with db.read_connection() as conn:
        assert kit.cost == conn.execute(select(Product.cost).where(Product.sku == KIT)).scalar()
    [incoming] = levels.list_stock(db, store="S02")
    assert (incoming.sku, incoming.on_hand, incoming.reserved, incoming.in_transit) == (
        KIT, 0, 0, 3)
    every = levels.list_stock(db, limit=10_000)
    assert {row.store for row in every} == {"S01", "S02"}
    assert [(r.store, r.sku) for r in every] == sorted((r.store, r.sku) for r in every)
    assert len(levels.list_stock(db, store="S01", limit=3)) == 3
    refused(db, lambda: levels.list_stock(db, store="S99"), "store.unknown")


def test_search_and_low_stock(demo_db):
    db = demo_db
    found = levels.list_stock(db, store="S01", search="cleaning KIT")
    assert KIT in {row.sku for row in found}
    assert all("cleaning kit" in row.name.lower() for row in found)
    assert [row.sku for row in levels.list_stock(db, search=NOTEBOOK_BARCODE)] == [NOTEBOOK]
    assert levels.list_stock(db, search="100%_none") == []
    assert levels.list_stock(db, store="S01", low=True) == []
    held = on_hand(db, "S01", KIT)
    row = levels.set_reorder_point(db, store="S01", code=KIT, point=held, staff_id=manager(db))
    assert (row.sku, row.on_hand, row.reorder_point, row.low) == (KIT, held, held, True)
    levels.set_reorder_point(db, store="S01", code=NOTEBOOK_BARCODE,
                             point=on_hand(db, "S01", NOTEBOOK) - 1, staff_id=manager(db))
    assert [r.sku for r in levels.list_stock(db, store="S01", low=True)] == [KIT]
    receiving.receive(db, store="S01", staff_id=cashier(db), supplier="X", supplier_ref="1",
                      lines=[MoveInput(KIT, 1)], request_id=rid())
    assert levels.list_stock(db, store="S01", low=True) == []
    verified(db)


def test_a_reorder_point_is_set_by_a_manager_and_audited(demo_db):
    db = demo_db
    add_store(db, "S02")
    refused(db, lambda: levels.set_reorder_point(db, store="S01", code=KIT, point=5,
                                                 staff_id=cashier(db)), "stock.managers_only")
    for bad in (-1, "5", 2.5, True):
        refused(db, lambda bad=bad: levels.set_reorder_point(
            db, store="S01", code=KIT, point=bad, staff_id=manager(db)), "stock.reorder_invalid")
    refused(db, lambda: levels.set_reorder_point(db, store="S99", code=KIT, point=1,
                                                 staff_id=manager(db)), "store.unknown")
    refused(db, lambda: levels.set_reorder_point(db, store="S01", code="NO-SUCH", point=1,
                                                 staff_id=manager(db)), "stock.product_unknown")
    levels.set_reorder_point(db, store="S02", code=KIT, point=4, staff_id=manager(db))
    before = snapshot(db)
    levels.set_reorder_point(db, store="S02", code=KIT, point=4, staff_id=manager(db))
    assert snapshot(db) == before  # the same point again: nothing to record
    row = levels.set_reorder_point(db, store="S02", code=KIT, point=None, staff_id=manager(db))
    assert (row.store, row.on_hand, row.reorder_point) == ("S02", 0, None)
    with db.read_connection() as conn:
        events = conn.execute(select(AuditEvent.action, AuditEvent.ref, AuditEvent.staff_id,
                                     AuditEvent.details_json)
                              .where(AuditEvent.action == "reorder_point_set")
                              .order_by(AuditEvent.id)).all()
    assert [(e.ref, e.staff_id, json.loads(e.details_json)) for e in events] == [
        (f"S02/{KIT}", manager(db), {"store": "S02", "sku": KIT, "old": None, "new": 4}),
        (f"S02/{KIT}", manager(db), {"store": "S02", "sku": KIT, "old": 4, "new": None})]
    verified(db)  # a reorder point is planning: the stock still adds up


def test_a_product_or_a_serial_across_every_store(demo_db):
    db = demo_db
    add_store(db, "S02", "Second store")
    receiving.receive(db, store="S01", staff_id=cashier(db), supplier="Lenovo", supplier_ref="1",
                      request_id=rid(), lines=[MoveInput(NOTEBOOK, serial=s)
                                               for s in ("P2A-LK-1", "P2A-LK-2", "P2A-LK-3")])
    transfers.send_transfer(db, from_store="S01", to_store="S02", staff_id=cashier(db),
                            lines=[MoveInput(NOTEBOOK, serial="P2A-LK-2")], request_id=rid())
    levels.set_reorder_point(db, store="S02", code=NOTEBOOK, point=2, staff_id=manager(db))
    by_sku = levels.lookup(db, code=NOTEBOOK)
    assert (by_sku.sku, by_sku.serial_tracked) == (NOTEBOOK, True)
    with db.read_connection() as conn:
        codes = conn.execute(select(Store.code).order_by(Store.code)).scalars().all()
    assert [h.store for h in by_sku.stores] == codes  # every store, even one holding none
    s01 = next(h for h in by_sku.stores if h.store == "S01")
    s02 = next(h for h in by_sku.stores if h.store == "S02")
    assert s01.on_hand == on_hand(db, "S01", NOTEBOOK)
    assert {"P2A-LK-1", "P2A-LK-3"} <= set(s01.serials) and "P2A-LK-2" not in s01.serials
    assert (s02.store_name, s02.on_hand, s02.in_transit, s02.reorder_point, s02.serials) == (
        "Second store", 0, 1, 2, ())
    assert levels.lookup(db, code=NOTEBOOK_BARCODE) == by_sku
    assert levels.lookup(db, code=" p2a-lk-3 ") == by_sku  # a serial finds its product
    kit = levels.lookup(db, code=KIT)
    assert not kit.serial_tracked and all(h.serials == () for h in kit.stores)
    refused(db, lambda: levels.lookup(db, code="P2A-NOWHERE"), "stock.product_unknown")
    refused(db, lambda: levels.lookup(db, code="  "), "catalog.scan_or_type")


def test_on_hand_at_a_store(demo_db):
    db = demo_db
    add_store(db, "S02")
    with db.read_connection() as conn:
        ids = dict(conn.execute(select(Product.sku, Product.id).where(
            Product.sku.in_([KIT, NOTEBOOK]))).all())
        s01, s02 = (conn.execute(select(Store.id).where(Store.code == code)).scalar()
                    for code in ("S01", "S02"))
        here = levels.on_hand_at(conn, store_id=s01, product_ids=list(ids.values()))
        there = levels.on_hand_at(conn, store_id=s02, product_ids=[ids[KIT]])
    assert here == {ids[KIT]: on_hand(db, "S01", KIT), ids[NOTEBOOK]: on_hand(db, "S01", NOTEBOOK)}
    assert there == {ids[KIT]: 0}
