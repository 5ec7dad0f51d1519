"""Goods received from a supplier (issue 18): a sealed RECEIPT document of the store,
each serial a unit in stock there, every bad delivery refused whole and changing
nothing, posted exactly once per request id; on SQLite and PostgreSQL."""

import pytest
from sqlalchemy import event, select

from pos.db.models import SerialUnit, StockDocument
from pos.kernel.enums import StockDocKind
from pos.kernel.imei import make_imei
from pos.kernel.messages import render
from pos.stock import adjustments, receiving
from pos.stock.records import MoveInput
from tests.integration.stock_movement_helpers import (
    KIT, NOTEBOOK, NOTEBOOK_BARCODE, PHONE, cashier, documents, manager, moves_of, on_hand,
    refused, rid, sell_serial, snapshot, unit, verified,
)


def receive(db, lines, **given):
    values = dict(store="S01", staff_id=cashier(db), supplier="Lenovo China",
                  supplier_ref="DN-2026-0001", lines=lines, request_id=rid())
    values.update(given)
    return receiving.receive(db, **values)


def test_a_delivery_adds_stock_and_each_serial_becomes_a_unit_in_stock(demo_db):
    db = demo_db
    kits, notebooks = on_hand(db, "S01", KIT), on_hand(db, "S01", NOTEBOOK)
    posted = receive(db, [MoveInput(KIT, 5, unit_cost=1200),
                          MoveInput(NOTEBOOK_BARCODE, serial="p2a-rc-1"),
                          MoveInput(NOTEBOOK, serial="P2A-RC-2")],
                     note="first delivery of the week")
    assert posted.doc_no == "S01-GR-000001" and posted.kind is StockDocKind.RECEIPT
    assert (posted.store, posted.lines, posted.units, posted.replayed) == ("S01", 3, 7, False)
    assert posted.anchor
    assert on_hand(db, "S01", KIT) == kits + 5
    assert on_hand(db, "S01", NOTEBOOK) == notebooks + 2
    assert unit(db, "P2A-RC-1") == ("in_stock", "S01")  # kept in capitals, as the till does
    assert unit(db, "P2A-RC-2") == ("in_stock", "S01")
    moves = moves_of(db, posted.doc_no)
    assert [(m.code, m.sku, m.bucket.value, m.qty, m.serial, m.reason.value) for m in moves] == [
        ("S01", KIT, "on_hand", 5, None, "supplier"),
        ("S01", NOTEBOOK, "on_hand", 1, "P2A-RC-1", "supplier"),
        ("S01", NOTEBOOK, "on_hand", 1, "P2A-RC-2", "supplier")]
    assert moves[0].unit_cost == 1200
    assert moves[1].unit_cost == 604900  # the product's cost when the line gives none
    with db.read_connection() as conn:
        doc = conn.execute(select(StockDocument).where(
            StockDocument.doc_no == posted.doc_no)).one()
    assert (doc.supplier, doc.supplier_ref, doc.reason.value, doc.note) == (
        "Lenovo China", "DN-2026-0001", "supplier", "first delivery of the week")
    assert receive(db, [MoveInput(KIT, 1)]).doc_no == "S01-GR-000002"
    verified(db)


def test_a_phone_is_received_by_its_imei(demo_db):
    db = demo_db
    good = make_imei("35693803777001")
    receive(db, [MoveInput(PHONE, serial=f"{good[:4]} {good[4:]}")])
    assert unit(db, good) == ("in_stock", "S01")
    refused(db, lambda: receive(db, [MoveInput(PHONE, serial="P2A-NOT-AN-IMEI")]),
            "serial.not_imei")
    refused(db, lambda: receive(db, [MoveInput(NOTEBOOK, serial="A B")]), "serial.invalid")
    verified(db)


def test_the_same_request_posts_once(demo_db):
    db = demo_db
    request = rid()
    lines = [MoveInput(KIT, 3), MoveInput(NOTEBOOK, serial="P2A-ONCE-1")]
    first = receive(db, lines, request_id=request)
    before = snapshot(db)
    again = receive(db, lines, request_id=request)
    assert again.replayed and (again.doc_no, again.lines, again.units, again.anchor) == (
        first.doc_no, first.lines, first.units, first.anchor)
    assert snapshot(db) == before
    # the request id of a receipt is not one of another kind of document
    refused(db, lambda: adjustments.adjust(
        db, store="S01", staff_id=manager(db), lines=[MoveInput(KIT, 1)], reason="found",
        request_id=request), "stock.request_reused")
    verified(db)


def test_a_large_delivery_of_serials_is_looked_up_in_chunks(demo_db):
    """2,000 serials: the statements stay a few dozen (products and units read a chunk
    at a time by the service to check them, and again by the ledger under the journal's
    head to move them), not one per line."""
    db = demo_db
    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        posted = receive(db, [MoveInput(NOTEBOOK, serial=f"P2A-BULK-{n:05d}")
                              for n in range(2000)] + [MoveInput(KIT, 2)])
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert posted.lines == 2001 and posted.units == 2002
    unit_reads = [s for s in statements if "serial_units" in s and s.lstrip().upper().startswith(
        "SELECT")]
    assert 2 <= len(unit_reads) <= 2 * (2000 // 500 + 1)
    assert len(statements) < 60, len(statements)
    with db.read_connection() as conn:
        assert conn.execute(select(SerialUnit.id).where(
            SerialUnit.serial == "P2A-BULK-01999")).scalar() is not None
    verified(db)


@pytest.mark.parametrize("lines, message_id", [
    ([MoveInput(NOTEBOOK, 2, serial="P2A-X-1")], "stock.serial_count_mismatch"),
    ([MoveInput(NOTEBOOK, 1)], "stock.serial_needed"),
    ([MoveInput(NOTEBOOK, serial="P2A-X-1"), MoveInput(NOTEBOOK, serial="p2a-x-1")],
     "stock.serial_repeated"),
    ([MoveInput(KIT, 1, serial="P2A-X-2")], "stock.serial_not_tracked"),
    ([MoveInput("NO-SUCH-SKU", 1)], "stock.product_unknown"),
    ([MoveInput(KIT, 0)], "stock.negative_quantity"),
    ([MoveInput(KIT, -3)], "stock.negative_quantity"),
    ([MoveInput(KIT, 1, unit_cost=-5)], "stock.cost_invalid"),
])
def test_a_bad_line_refuses_the_whole_delivery(demo_db, lines, message_id):
    db = demo_db
    receive(db, [MoveInput(KIT, 1)])  # a document before: the refusal takes no number
    good = [MoveInput(KIT, 2), MoveInput(NOTEBOOK, serial="P2A-GOOD-1")]
    refused(db, lambda: receive(db, good + lines), message_id)
    assert receive(db, good).doc_no == "S01-GR-000002"


def test_the_supplier_and_its_delivery_note_are_required(demo_db):
    db = demo_db
    lines = [MoveInput(KIT, 1)]
    refused(db, lambda: receive(db, lines, supplier=""), "stock.supplier_required")
    refused(db, lambda: receive(db, lines, supplier_ref="  "), "stock.supplier_required")
    refused(db, lambda: receive(db, lines, store="S99"), "store.unknown")
    refused(db, lambda: receive(db, lines, staff_id=99999), "permission.log_in_first")
    refused(db, lambda: receive(db, []), "stock.nothing_to_post")
    assert documents(db) == 1  # the demo's opening stock only


def test_a_serial_is_received_once(demo_db):
    db = demo_db
    receive(db, [MoveInput(NOTEBOOK, serial="P2A-TWICE")])
    refusal = refused(db, lambda: receive(db, [MoveInput(KIT, 1),
                                               MoveInput(NOTEBOOK, serial="P2A-TWICE")]),
                      "stock.serial_received_twice")
    assert refusal.params["serial"] == "P2A-TWICE"
    assert "P2A-TWICE" in render(refusal)
    verified(db)


def test_a_sold_serial_is_not_received_as_new_stock(demo_db):
    db = demo_db
    receive(db, [MoveInput(NOTEBOOK, serial="P2A-SOLD")])
    receipt = sell_serial(db, NOTEBOOK_BARCODE, "P2A-SOLD")
    assert unit(db, "P2A-SOLD") == ("sold", "S01")
    refusal = refused(db, lambda: receive(db, [MoveInput(NOTEBOOK, serial="P2A-SOLD")]),
                      "stock.serial_is_sold")
    assert refusal.params == {"serial": "P2A-SOLD", "receipt": receipt}
    # a serial sold before it was ever received (lenient till) is refused the same way
    other = sell_serial(db, NOTEBOOK_BARCODE, "P2A-NEVER-IN")
    refusal = refused(db, lambda: receive(db, [MoveInput(NOTEBOOK, serial="P2A-NEVER-IN")]),
                      "stock.serial_is_sold")
    assert refusal.params["receipt"] == other
    verified(db)


def test_a_unit_written_off_may_be_received_again(demo_db):
    db = demo_db
    receive(db, [MoveInput(NOTEBOOK, serial="P2A-BACK")])
    adjustments.write_off(db, store="S01", staff_id=manager(db), reason="lost",
                          lines=[MoveInput(NOTEBOOK, serial="P2A-BACK")], request_id=rid())
    assert unit(db, "P2A-BACK") == ("written_off", "S01")
    receive(db, [MoveInput(NOTEBOOK, serial="P2A-BACK")], supplier_ref="DN-REPLACED")
    assert unit(db, "P2A-BACK") == ("in_stock", "S01")
    verified(db)


def test_a_received_unit_sells_at_the_till(demo_db):
    db = demo_db
    before = on_hand(db, "S01", NOTEBOOK)
    receive(db, [MoveInput(NOTEBOOK, serial="P2A-SELL")])
    sell_serial(db, NOTEBOOK_BARCODE, "P2A-SELL")
    assert unit(db, "P2A-SELL") == ("sold", "S01")
    assert on_hand(db, "S01", NOTEBOOK) == before
    verified(db)
