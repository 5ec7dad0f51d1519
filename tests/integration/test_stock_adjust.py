"""Adjustments, write-offs and repairs (issue 18): each a sealed document of the store
with a reason, adjustments and write-offs by a manager only, a unit's state following
its movements (written off, at repair, back in stock), every refusal changing nothing,
posted exactly once per request id; on SQLite and PostgreSQL."""

import pytest

from pos.kernel.enums import StockDocKind
from pos.kernel.messages import render
from pos.stock import adjustments, receiving, transfers
from pos.stock.records import MoveInput
from pos.store.settings import set_setting
from tests.integration.stock_movement_helpers import (
    KIT, NOTEBOOK, NOTEBOOK_BARCODE, add_store, cashier, manager, moves_of, on_hand, refused,
    rid, sell_serial, snapshot, unit, verified,
)


def stocked(db, *serials: str) -> None:
    receiving.receive(db, store="S01", staff_id=cashier(db), supplier="Lenovo China",
                      supplier_ref="DN-1", request_id=rid(),
                      lines=[MoveInput(KIT, 10)] + [MoveInput(NOTEBOOK, serial=s)
                                                    for s in serials])


def adjust(db, lines, reason="correction", **given):
    values = dict(store="S01", staff_id=manager(db), lines=lines, reason=reason,
                  request_id=rid())
    values.update(given)
    return adjustments.adjust(db, **values)


def write_off(db, lines, reason="damaged", **given):
    values = dict(store="S01", staff_id=manager(db), lines=lines, reason=reason,
                  request_id=rid())
    values.update(given)
    return adjustments.write_off(db, **values)


def test_an_adjustment_moves_quantities_up_and_down_with_its_reasons(demo_db):
    db = demo_db
    stocked(db, "P2A-AD-1")
    kits, notebooks = on_hand(db, "S01", KIT), on_hand(db, "S01", NOTEBOOK)
    posted = adjust(db, [MoveInput(KIT, 2, reason="found"), MoveInput(KIT, -3),
                         MoveInput(NOTEBOOK, -1, serial="P2A-AD-1", reason="lost"),
                         MoveInput(NOTEBOOK_BARCODE, 1, serial="p2a-ad-found", reason="found")],
                    note="shelf A3 recount")
    assert (posted.doc_no, posted.kind, posted.lines, posted.units) == (
        "S01-AD-000001", StockDocKind.ADJUST, 4, 7)
    assert [(m.sku, m.qty, m.serial, m.reason.value) for m in moves_of(db, posted.doc_no)] == [
        (KIT, 2, None, "found"), (KIT, -3, None, "correction"),
        (NOTEBOOK, -1, "P2A-AD-1", "lost"), (NOTEBOOK, 1, "P2A-AD-FOUND", "found")]
    assert on_hand(db, "S01", KIT) == kits - 1
    assert on_hand(db, "S01", NOTEBOOK) == notebooks
    assert unit(db, "P2A-AD-1") == ("written_off", "S01")
    assert unit(db, "P2A-AD-FOUND") == ("in_stock", "S01")
    sell_serial(db, NOTEBOOK_BARCODE, "P2A-AD-FOUND")  # a unit found sells like any
    verified(db)


def test_adjustments_and_write_offs_are_for_managers(demo_db):
    db = demo_db
    stocked(db)
    refusal = refused(db, lambda: adjust(db, [MoveInput(KIT, 1)], staff_id=cashier(db)),
                      "stock.managers_only")
    assert "adjust stock" in render(refusal)
    refused(db, lambda: write_off(db, [MoveInput(KIT, 1)], staff_id=cashier(db)),
            "stock.managers_only")
    refused(db, lambda: adjust(db, [MoveInput(KIT, 1)], staff_id=99999),
            "permission.log_in_first")
    assert adjust(db, [MoveInput(KIT, 1)], staff_id=manager(db)).doc_no == "S01-AD-000001"


@pytest.mark.parametrize("reason, message_id", [
    ("", "stock.reason_required"), (None, "stock.reason_required"),
    ("supplier", "stock.reason_invalid"), ("bogus", "stock.reason_invalid"),
    ("transit_short", "stock.reason_invalid")])
def test_an_adjustment_needs_a_reason_it_allows(demo_db, reason, message_id):
    db = demo_db
    stocked(db)
    refusal = refused(db, lambda: adjust(db, [MoveInput(KIT, 1)], reason=reason), message_id)
    if message_id == "stock.reason_invalid":
        assert refusal.params["allowed"] == ["found", "lost", "damaged", "correction"]
        assert "found, lost" in render(refusal).replace("、", ", ")
    refused(db, lambda: adjust(db, [MoveInput(KIT, 1, reason="supplier")], reason="found"),
            "stock.reason_invalid")


def test_adjustment_refusals_change_nothing(demo_db):
    db = demo_db
    stocked(db, "P2A-AR-1")
    add_store(db, "S02")
    refused(db, lambda: adjust(db, [MoveInput(KIT, 0)]), "stock.negative_quantity")
    refused(db, lambda: adjust(db, []), "stock.nothing_to_post")
    refused(db, lambda: adjust(db, [MoveInput("NO-SUCH", 1)]), "stock.product_unknown")
    refused(db, lambda: adjust(db, [MoveInput(KIT, 1)], store="S99"), "store.unknown")
    refused(db, lambda: adjust(db, [MoveInput(NOTEBOOK, 1)]), "stock.serial_needed")
    refused(db, lambda: adjust(db, [MoveInput(NOTEBOOK, 2, serial="P2A-AR-9")]),
            "stock.serial_count_mismatch")
    refused(db, lambda: adjust(db, [MoveInput(KIT, -1, serial="P2A-AR-9")]),
            "stock.serial_not_tracked")
    held = on_hand(db, "S01", KIT)
    refused(db, lambda: adjust(db, [MoveInput(KIT, -(held + 1))]), "stock.short_at_store")
    # a unit found must be out of every store's stock; a unit lost must be here
    refused(db, lambda: adjust(db, [MoveInput(NOTEBOOK, 1, serial="P2A-AR-1")], reason="found"),
            "stock.serial_received_twice")
    refused(db, lambda: adjust(db, [MoveInput(NOTEBOOK, -1, serial="P2A-AR-1")], store="S02"),
            "stock.serial_at_store")
    refused(db, lambda: adjust(db, [MoveInput(NOTEBOOK, -1, serial="P2A-AR-NEW")]),
            "stock.serial_unknown")
    receipt = sell_serial(db, NOTEBOOK_BARCODE, "P2A-AR-1")
    refusal = refused(db, lambda: adjust(db, [MoveInput(NOTEBOOK, 1, serial="P2A-AR-1")],
                                         reason="found"), "stock.serial_is_sold")
    assert refusal.params["receipt"] == receipt
    verified(db)


def test_negative_stock_allowed_lets_an_adjustment_go_below_zero(demo_db):
    db = demo_db
    stocked(db)
    with db.unit_of_work() as session:
        set_setting(session, "allow_negative_stock", True)
    held = on_hand(db, "S01", KIT)
    adjust(db, [MoveInput(KIT, -(held + 4))], reason="lost")
    assert on_hand(db, "S01", KIT) == -4
    verified(db)


def test_a_write_off_takes_units_out_for_good(demo_db):
    db = demo_db
    stocked(db, "P2A-WO-1", "P2A-WO-2")
    kits = on_hand(db, "S01", KIT)
    posted = write_off(db, [MoveInput(KIT, 2), MoveInput(NOTEBOOK, serial="P2A-WO-1")],
                       reason="demo_unit")
    assert (posted.doc_no, posted.kind, posted.units) == (
        "S01-WO-000001", StockDocKind.WRITE_OFF, 3)
    assert [(m.sku, m.qty, m.reason.value) for m in moves_of(db, posted.doc_no)] == [
        (KIT, -2, "demo_unit"), (NOTEBOOK, -1, "demo_unit")]
    assert on_hand(db, "S01", KIT) == kits - 2
    assert unit(db, "P2A-WO-1") == ("written_off", "S01")
    write_off(db, [MoveInput(NOTEBOOK, serial="P2A-WO-2")], reason="lost")
    refused(db, lambda: write_off(db, [MoveInput(NOTEBOOK, serial="P2A-WO-2")]),
            "stock.not_serial_state")  # written off already
    for reason, message_id in (("found", "stock.reason_invalid"),
                               ("correction", "stock.reason_invalid"),
                               ("", "stock.reason_required")):
        refused(db, lambda reason=reason: write_off(db, [MoveInput(KIT, 1)], reason=reason),
                message_id)
    refused(db, lambda: write_off(db, [MoveInput(KIT, -1)]), "stock.negative_quantity")
    refused(db, lambda: write_off(db, [MoveInput(KIT, kits)]), "stock.short_at_store")
    verified(db)


def test_a_unit_goes_for_repair_and_comes_back(demo_db):
    db = demo_db
    stocked(db, "P2A-RP-1")
    notebooks = on_hand(db, "S01", NOTEBOOK)
    out = adjustments.send_for_repair(db, store="S01", staff_id=cashier(db),
                                      serial="p2a-rp-1", request_id=rid(), note="screen")
    assert (out.kind, out.units) == (StockDocKind.ADJUST, 1)
    assert [(m.qty, m.reason.value) for m in moves_of(db, out.doc_no)] == [(-1, "repair_out")]
    assert unit(db, "P2A-RP-1") == ("repair", "S01")
    assert on_hand(db, "S01", NOTEBOOK) == notebooks - 1
    refused(db, lambda: adjustments.send_for_repair(
        db, store="S01", staff_id=cashier(db), serial="P2A-RP-1", request_id=rid()),
        "stock.not_serial_state")
    back = adjustments.back_from_repair(db, store="S01", staff_id=cashier(db),
                                        serial="P2A-RP-1", request_id=rid())
    assert [(m.qty, m.reason.value) for m in moves_of(db, back.doc_no)] == [(1, "repair_back")]
    assert unit(db, "P2A-RP-1") == ("in_stock", "S01")
    assert on_hand(db, "S01", NOTEBOOK) == notebooks
    refusal = refused(db, lambda: adjustments.back_from_repair(
        db, store="S01", staff_id=cashier(db), serial="P2A-RP-1", request_id=rid()),
        "stock.not_serial_state")
    assert refusal.params["needed"] == "stock.state.repair"
    verified(db)


def test_repair_refusals_change_nothing(demo_db):
    db = demo_db
    stocked(db, "P2A-RR-1")
    add_store(db, "S02")
    refused(db, lambda: adjustments.send_for_repair(
        db, store="S01", staff_id=cashier(db), serial="P2A-RR-NONE", request_id=rid()),
        "stock.serial_unknown")
    refused(db, lambda: adjustments.send_for_repair(
        db, store="S02", staff_id=cashier(db), serial="P2A-RR-1", request_id=rid()),
        "stock.serial_at_store")
    refused(db, lambda: adjustments.send_for_repair(
        db, store="S01", staff_id=99999, serial="P2A-RR-1", request_id=rid()),
        "permission.log_in_first")
    sent = transfers.send_transfer(db, from_store="S01", to_store="S02", staff_id=cashier(db),
                                   lines=[MoveInput(NOTEBOOK, serial="P2A-RR-1")],
                                   request_id=rid())
    refused(db, lambda: adjustments.send_for_repair(
        db, store="S02", staff_id=cashier(db), serial="P2A-RR-1", request_id=rid()),
        "stock.serial_in_transit")
    transfers.receive_transfer(db, transfer_no=sent.doc_no, staff_id=cashier(db),
                               request_id=rid())
    adjustments.send_for_repair(db, store="S02", staff_id=cashier(db), serial="P2A-RR-1",
                                request_id=rid())
    verified(db)


def test_each_posting_is_exactly_once(demo_db):
    db = demo_db
    stocked(db, "P2A-EO-1")
    for post in (lambda request: adjust(db, [MoveInput(KIT, -1)], request_id=request),
                 lambda request: write_off(db, [MoveInput(KIT, 1)], request_id=request),
                 lambda request: adjustments.send_for_repair(
                     db, store="S01", staff_id=cashier(db), serial="P2A-EO-1",
                     request_id=request),
                 lambda request: adjustments.back_from_repair(
                     db, store="S01", staff_id=cashier(db), serial="P2A-EO-1",
                     request_id=request)):
        request = rid()
        first = post(request)
        before = snapshot(db)
        again = post(request)
        assert again.replayed and not first.replayed
        assert (again.doc_no, again.kind, again.units) == (first.doc_no, first.kind, first.units)
        assert snapshot(db) == before
    verified(db)


def test_a_phone_is_found_by_its_imei_typed_in_groups(demo_db):
    from pos.kernel.imei import make_imei

    from tests.integration.stock_movement_helpers import PHONE

    db = demo_db
    add_store(db, "S02")
    imei = make_imei("35693803888001")
    grouped = f"{imei[:2]} {imei[2:8]}-{imei[8:14]} {imei[14]}"
    receiving.receive(db, store="S01", staff_id=cashier(db), supplier="Apple",
                      supplier_ref="DN-9", request_id=rid(), lines=[MoveInput(PHONE, serial=imei)])
    adjustments.send_for_repair(db, store="S01", staff_id=cashier(db), serial=grouped,
                                request_id=rid())
    assert unit(db, imei) == ("repair", "S01")
    adjustments.back_from_repair(db, store="S01", staff_id=cashier(db), serial=grouped,
                                 request_id=rid())
    sent = transfers.send_transfer(db, from_store="S01", to_store="S02", staff_id=cashier(db),
                                   lines=[MoveInput(PHONE, serial=grouped)], request_id=rid())
    transfers.receive_transfer(db, transfer_no=sent.doc_no, staff_id=cashier(db),
                               lines=[MoveInput(PHONE, serial=grouped)], request_id=rid())
    assert unit(db, imei) == ("in_stock", "S02")
    adjust(db, [MoveInput(PHONE, -1, serial=grouped)], store="S02", reason="lost")
    assert unit(db, imei) == ("written_off", "S02")
    verified(db)
