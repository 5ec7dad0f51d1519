"""Transfers between stores (issue 18): sent (out of the sender's on-hand, in transit
to the other store), received once at that store (a transfer received short shows the
difference, a serial that did not arrive is written off), every refusal changing
nothing, posted exactly once per request id; on SQLite and PostgreSQL."""

import threading

import pytest

from pos.kernel.enums import StockDocKind
from pos.kernel.errors import UserError
from pos.stock import adjustments, receiving, transfers
from pos.stock.records import MoveInput, Shortage
from pos.store.settings import set_setting
from tests.integration.stock_movement_helpers import (
    KIT, NOTEBOOK, NOTEBOOK_BARCODE, add_store, cashier, in_transit, manager, moves_of, on_hand,
    refused, rid, sell_serial, snapshot, unit, verified,
)


def stocked(db, *serials: str, kits: int = 10) -> None:
    """S01 receives kits and a notebook per serial; S02 exists."""
    add_store(db, "S02")
    receiving.receive(db, store="S01", staff_id=cashier(db), supplier="Lenovo China",
                      supplier_ref="DN-1", request_id=rid(),
                      lines=[MoveInput(KIT, kits)] + [MoveInput(NOTEBOOK, serial=s)
                                                      for s in serials])


def send(db, lines, **given):
    values = dict(from_store="S01", to_store="S02", staff_id=cashier(db), lines=lines,
                  request_id=rid())
    values.update(given)
    return transfers.send_transfer(db, **values)


def receive(db, transfer_no, lines=None, **given):
    values = dict(transfer_no=transfer_no, staff_id=cashier(db), lines=lines,
                  request_id=rid())
    values.update(given)
    return transfers.receive_transfer(db, **values)


def test_a_transfer_goes_in_transit_and_is_received_whole(demo_db):
    db = demo_db
    stocked(db, "P2A-TR-1", "P2A-TR-2")
    kits, notebooks = on_hand(db, "S01", KIT), on_hand(db, "S01", NOTEBOOK)
    sent = send(db, [MoveInput(KIT, 4), MoveInput(NOTEBOOK_BARCODE, serial="p2a-tr-1")],
                note="for the weekend")
    assert (sent.doc_no, sent.kind, sent.store, sent.lines, sent.units) == (
        "S01-TO-000001", StockDocKind.TRANSFER_OUT, "S01", 4, 5)
    assert [(m.code, m.bucket.value, m.qty, m.serial) for m in moves_of(db, sent.doc_no)] == [
        ("S01", "on_hand", -4, None), ("S02", "transit", 4, None),
        ("S01", "on_hand", -1, "P2A-TR-1"), ("S02", "transit", 1, "P2A-TR-1")]
    assert on_hand(db, "S01", KIT) == kits - 4 and in_transit(db, "S02", KIT) == 4
    assert on_hand(db, "S01", NOTEBOOK) == notebooks - 1
    assert unit(db, "P2A-TR-1") == ("in_transit", "S02")
    assert unit(db, "P2A-TR-2") == ("in_stock", "S01")

    [incoming] = transfers.open_transfers(db, store="S02")
    assert (incoming.doc_no, incoming.from_store, incoming.to_store, incoming.received_doc) == (
        sent.doc_no, "S01", "S02", None)
    assert [(line.sku, line.qty, line.serials) for line in incoming.lines] == [
        (KIT, 4, ()), (NOTEBOOK, 1, ("P2A-TR-1",))]
    assert transfers.open_transfers(db, store="S01") == []  # nothing comes to S01
    assert [t.doc_no for t in transfers.open_transfers(db, store="S01", incoming=False)] == [
        sent.doc_no]

    got = receive(db, sent.doc_no.lower(), store="S02")  # everything, as sent
    assert (got.doc_no, got.kind, got.store, got.units, got.shortages) == (
        "S02-TI-000001", StockDocKind.TRANSFER_IN, "S02", 5, ())
    assert on_hand(db, "S02", KIT) == 4 and in_transit(db, "S02", KIT) == 0
    assert on_hand(db, "S02", NOTEBOOK) == 1 and in_transit(db, "S02", NOTEBOOK) == 0
    assert unit(db, "P2A-TR-1") == ("in_stock", "S02")
    assert transfers.open_transfers(db, store="S02") == []
    assert transfers.transfer_view(db, transfer_no=sent.doc_no).received_doc == got.doc_no
    verified(db)


def test_a_transfer_received_short_shows_the_difference(demo_db):
    db = demo_db
    stocked(db, "P2A-SH-1", "P2A-SH-2", "P2A-SH-3")
    sent = send(db, [MoveInput(KIT, 5)] + [MoveInput(NOTEBOOK, serial=f"P2A-SH-{n}")
                                           for n in (1, 2, 3)])
    got = receive(db, sent.doc_no, [MoveInput(KIT, 3), MoveInput(NOTEBOOK, serial="P2A-SH-2")])
    assert set(got.shortages) == {
        Shortage(KIT, got.shortages[0].name, 5, 3),
        Shortage(NOTEBOOK, got.shortages[1].name, 3, 1, ("P2A-SH-1", "P2A-SH-3"))}
    assert got.units == 4
    short = [(m.sku, m.bucket.value, m.qty, m.serial, m.expected, m.counted)
             for m in moves_of(db, got.doc_no) if m.reason.value == "transit_short"]
    assert short == [(KIT, "transit", -2, None, 5, 3),
                     (NOTEBOOK, "transit", -1, "P2A-SH-1", 3, 1),
                     (NOTEBOOK, "transit", -1, "P2A-SH-3", 3, 1)]
    assert (on_hand(db, "S02", KIT), in_transit(db, "S02", KIT)) == (3, 0)
    assert (on_hand(db, "S02", NOTEBOOK), in_transit(db, "S02", NOTEBOOK)) == (1, 0)
    assert unit(db, "P2A-SH-2") == ("in_stock", "S02")
    assert unit(db, "P2A-SH-1") == ("written_off", "S02")  # did not arrive
    assert unit(db, "P2A-SH-3") == ("written_off", "S02")
    # the same request again answers the same document, with its difference
    request = rid()
    stocked(db)
    again_sent = send(db, [MoveInput(KIT, 2)])
    first = receive(db, again_sent.doc_no, [MoveInput(KIT, 1)], request_id=request)
    before = snapshot(db)
    replay = receive(db, again_sent.doc_no, [MoveInput(KIT, 1)], request_id=request)
    assert replay.replayed and replay.doc_no == first.doc_no
    assert replay.shortages == first.shortages == (Shortage(KIT, first.shortages[0].name, 2, 1),)
    assert snapshot(db) == before
    verified(db)


def test_nothing_arrived(demo_db):
    db = demo_db
    stocked(db, "P2A-NONE")
    sent = send(db, [MoveInput(NOTEBOOK, serial="P2A-NONE")])
    got = receive(db, sent.doc_no, [])
    assert got.units == 0 and got.shortages[0].serials_missing == ("P2A-NONE",)
    assert unit(db, "P2A-NONE") == ("written_off", "S02")
    assert in_transit(db, "S02", NOTEBOOK) == 0
    verified(db)


def test_sending_is_exactly_once(demo_db):
    db = demo_db
    stocked(db, "P2A-ONCE")
    request = rid()
    first = send(db, [MoveInput(KIT, 1), MoveInput(NOTEBOOK, serial="P2A-ONCE")],
                 request_id=request)
    before = snapshot(db)
    again = send(db, [MoveInput(KIT, 1), MoveInput(NOTEBOOK, serial="P2A-ONCE")],
                 request_id=request)
    assert again.replayed and again.doc_no == first.doc_no and again.units == first.units
    assert snapshot(db) == before
    verified(db)


def test_sending_refusals_change_nothing(demo_db):
    db = demo_db
    stocked(db, "P2A-R-1", kits=3)
    add_store(db, "S03", "Third store")
    refused(db, lambda: send(db, [MoveInput(KIT, 1)], to_store="S01"), "stock.same_store")
    refused(db, lambda: send(db, [MoveInput(KIT, 1)], to_store="S99"), "store.unknown")
    refused(db, lambda: send(db, [MoveInput(KIT, 1)], from_store="S99"), "store.unknown")
    held = on_hand(db, "S01", KIT)
    refusal = refused(db, lambda: send(db, [MoveInput(KIT, held), MoveInput(KIT, 1)]),
                      "stock.short_at_store")
    assert (refusal.params["stock"], refusal.params["asked"], refusal.params["store"]) == (
        held, held + 1, "S01")
    refused(db, lambda: send(db, [MoveInput(KIT, 0)]), "stock.negative_quantity")
    refused(db, lambda: send(db, []), "stock.nothing_to_post")
    refused(db, lambda: send(db, [MoveInput("NO-SUCH", 1)]), "stock.product_unknown")
    refused(db, lambda: send(db, [MoveInput(NOTEBOOK, 1)]), "stock.serial_needed")
    refused(db, lambda: send(db, [MoveInput(KIT, 1, serial="X-1")]), "stock.serial_not_tracked")
    refused(db, lambda: send(db, [MoveInput(NOTEBOOK, serial="P2A-R-1"),
                                  MoveInput(NOTEBOOK, serial="P2A-R-1")]), "stock.serial_repeated")
    refused(db, lambda: send(db, [MoveInput(NOTEBOOK, serial="P2A-NEVER")]),
            "stock.serial_unknown")
    refused(db, lambda: send(db, [MoveInput(KIT, 1)], staff_id=99999), "permission.log_in_first")
    # a unit at another store, in transit, sold
    sent = send(db, [MoveInput(NOTEBOOK, serial="P2A-R-1")])
    refusal = refused(db, lambda: send(db, [MoveInput(NOTEBOOK, serial="P2A-R-1")]),
                      "stock.serial_in_transit")
    assert refusal.params["store"] == "S02"
    receive(db, sent.doc_no)
    refusal = refused(db, lambda: send(db, [MoveInput(NOTEBOOK, serial="P2A-R-1")],
                                       to_store="S03"), "stock.serial_at_store")
    assert refusal.params["store"] == "S02"
    sell_serial(db, NOTEBOOK_BARCODE, "P2A-R-SOLD")
    refused(db, lambda: send(db, [MoveInput(NOTEBOOK, serial="P2A-R-SOLD")]),
            "serial.already_sold")
    verified(db)


def test_a_store_that_allows_negative_stock_may_send_more_than_it_holds(demo_db):
    db = demo_db
    stocked(db)
    with db.unit_of_work() as session:
        set_setting(session, "allow_negative_stock", True)
    held = on_hand(db, "S01", KIT)
    send(db, [MoveInput(KIT, held + 2)])
    assert on_hand(db, "S01", KIT) == -2 and in_transit(db, "S02", KIT) == held + 2
    verified(db)


def test_receiving_refusals_change_nothing(demo_db):
    db = demo_db
    stocked(db, "P2A-IN-1", "P2A-IN-2")
    add_store(db, "S03", "Third store")
    sent = send(db, [MoveInput(KIT, 2), MoveInput(NOTEBOOK, serial="P2A-IN-1")])
    refused(db, lambda: receive(db, "S01-TO-999999"), "stock.transfer_unknown")
    refused(db, lambda: receive(db, "S01-GR-000001"), "stock.transfer_unknown")  # a receipt
    refusal = refused(db, lambda: receive(db, sent.doc_no, store="S03"),
                      "stock.transfer_not_for_store")
    assert refusal.params == {"transfer": sent.doc_no, "store": "S02"}
    refused(db, lambda: receive(db, sent.doc_no, store="S99"), "store.unknown")
    refusal = refused(db, lambda: receive(db, sent.doc_no, [MoveInput(KIT, 3)]),
                      "stock.transfer_more_than_sent")
    assert (refusal.params["sent"], refusal.params["received"]) == (2, 3)
    refused(db, lambda: receive(db, sent.doc_no, [MoveInput(KIT, 1), MoveInput(KIT, 2)]),
            "stock.transfer_more_than_sent")
    refusal = refused(db, lambda: receive(db, sent.doc_no, [
        MoveInput(NOTEBOOK, serial="P2A-IN-2")]), "stock.transfer_serial_not_sent")
    assert refusal.params == {"serial": "P2A-IN-2", "transfer": sent.doc_no}
    refused(db, lambda: receive(db, sent.doc_no, [MoveInput(NOTEBOOK, serial="P2A-IN-1"),
                                                  MoveInput(NOTEBOOK, serial="P2A-IN-1")]),
            "stock.serial_repeated")
    refused(db, lambda: receive(db, sent.doc_no, [MoveInput(KIT, 0)]), "stock.negative_quantity")
    refused(db, lambda: receive(db, sent.doc_no, staff_id=99999), "permission.log_in_first")
    got = receive(db, sent.doc_no, store="S02")
    refusal = refused(db, lambda: receive(db, sent.doc_no), "stock.transfer_already_received")
    assert refusal.params == {"transfer": sent.doc_no, "doc": got.doc_no}
    verified(db)


def test_a_product_not_on_the_transfer_is_more_than_was_sent(demo_db):
    db = demo_db
    stocked(db, "P2A-NS-1")
    sent = send(db, [MoveInput(NOTEBOOK, serial="P2A-NS-1")])
    refusal = refused(db, lambda: receive(db, sent.doc_no, [MoveInput(KIT, 1)]),
                      "stock.transfer_more_than_sent")
    assert (refusal.params["sent"], refusal.params["received"]) == (0, 1)


@pytest.mark.parametrize("incoming", [True, False])
def test_open_transfers_of_every_store(demo_db, incoming):
    db = demo_db
    stocked(db)
    add_store(db, "S03", "Third store")
    first = send(db, [MoveInput(KIT, 1)])
    second = send(db, [MoveInput(KIT, 1)], to_store="S03")
    assert [t.doc_no for t in transfers.open_transfers(db, incoming=incoming)] == [
        first.doc_no, second.doc_no]
    assert [t.to_store for t in transfers.open_transfers(db, store="S03")] == ["S03"]
    refused(db, lambda: transfers.open_transfers(db, store="S99"), "store.unknown")
    refused(db, lambda: transfers.transfer_view(db, transfer_no="S01-TO-000099"),
            "stock.transfer_unknown")


def test_two_tills_receiving_one_transfer_at_once_receive_it_once(pg_demo_db):
    """PostgreSQL: four requests race to receive the same transfer; one receives it, the
    others are told it was received (not a database error), whichever check stops them."""
    db = pg_demo_db
    stocked(db, "P2A-RACE-1")
    sent = send(db, [MoveInput(KIT, 2), MoveInput(NOTEBOOK, serial="P2A-RACE-1")])
    barrier, outcomes = threading.Barrier(4), []

    def attempt():
        barrier.wait()
        try:
            outcomes.append(receive(db, sent.doc_no).doc_no)
        except UserError as refusal:
            outcomes.append(refusal.message_id)
        except Exception as error:  # noqa: BLE001 - the test names what went wrong
            outcomes.append(repr(error))

    threads = [threading.Thread(target=attempt) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["S02-TI-000001"] + ["stock.transfer_already_received"] * 3
    assert on_hand(db, "S02", KIT) == 2 and in_transit(db, "S02", KIT) == 0
    assert unit(db, "P2A-RACE-1") == ("in_stock", "S02")
    verified(db)


def test_four_requests_sending_the_last_units_at_once_send_them_once(pg_demo_db):
    """PostgreSQL: the last kits and one serial, sent by four requests at once: one
    sends them, the others are refused (short, or the unit already in transit)."""
    db = pg_demo_db
    stocked(db, "P2A-LAST-1")
    held = on_hand(db, "S01", KIT)  # S01 keeps 3 kits
    adjustments.adjust(db, store="S01", staff_id=manager(db), lines=[MoveInput(KIT, 3 - held)],
                       reason="correction", request_id=rid())
    barrier, outcomes = threading.Barrier(4), []

    def attempt(lines):
        barrier.wait()
        try:
            outcomes.append(send(db, lines).doc_no[:7])
        except UserError as refusal:
            outcomes.append(refusal.message_id)
        except Exception as error:  # noqa: BLE001 - the test names what went wrong
            outcomes.append(repr(error))

    for lines, refusal in (([MoveInput(KIT, 3)], "stock.short_at_store"),
                           ([MoveInput(NOTEBOOK, serial="P2A-LAST-1")],
                            "stock.serial_in_transit")):
        outcomes.clear()
        threads = [threading.Thread(target=attempt, args=(lines,)) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["S01-TO-"] + [refusal] * 3
    assert on_hand(db, "S01", KIT) == 0 and in_transit(db, "S02", KIT) == 3
    assert unit(db, "P2A-LAST-1") == ("in_transit", "S02")
    verified(db)
