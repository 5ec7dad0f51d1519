"""Stock counts (issue 18, point 2): a count is scanned into a draft by anyone, posted by
a manager as one sealed COUNT document whose lines are counted − expected at posting;
a category count sets what was not scanned to zero, a shelf count covers only what was
scanned; serial-tracked products are counted by their serials. Every refusal changes
nothing, and the journal verifies after."""

import threading

import pytest
from sqlalchemy import func, select

from pos.db.models import StockMove
from pos.db.models import StockDocument as DocRow
from pos.kernel.enums import StockDocKind, StockReason
from pos.kernel.errors import UserError
from pos.kernel.messages import render
from pos.ledger import verify
from pos.stock import counts
from tests.integration.checkout_helpers import restock, staff_id
from tests.integration.stock_p2b_helpers import (
    add_store, on_hand, receive, scratch_rows, sell, send, stock_state, unit,
)

WHEEL, XBOX, BETOP, STICK = "GAM-WHL-G29", "GAM-PAD-XBOX", "GAM-PAD-BTP", "GAM-STK-3DPRO"
ROUTER = "NET-RT-AX3000T"
NOTEBOOK = "NB-LEN-XXPRO14"  # serial-tracked


def lines_of(db, doc_no):
    with db.read() as session:
        rows = session.execute(
            select(StockMove.product_id, StockMove.qty, StockMove.serial, StockMove.expected,
                   StockMove.counted, StockMove.reason, DocRow.kind, DocRow.scope,
                   DocRow.request_id)
            .join(DocRow, DocRow.id == StockMove.doc_id).where(DocRow.doc_no == doc_no)
            .order_by(StockMove.position)).all()
    return rows


def refused(db, action, message_id, **params):
    before, scratch = stock_state(db), scratch_rows(db)
    with pytest.raises(UserError) as refusal:
        action()
    assert refusal.value.message_id == message_id, str(refusal.value)
    for key, value in params.items():
        assert refusal.value.params[key] == value, key
    assert stock_state(db) == before and scratch_rows(db) == scratch
    return refusal.value


def test_a_category_count_posts_differences_both_ways_and_zeroes_what_was_not_found(demo_db):
    db = demo_db
    restock(db, {WHEEL: 4, XBOX: 15, BETOP: 25, STICK: 5})
    cashier, manager = staff_id(db, "cashier"), staff_id(db, "manager")
    draft = counts.start_count(db, store="S01", scope="category:GAMING", staff_id=cashier)
    line = counts.scan_into_count(db, draft_id=draft, code=WHEEL, qty=6)  # two more
    assert (line.expected, line.counted, line.difference) == (4, 6, 2)
    counts.scan_into_count(db, draft_id=draft, code=XBOX, qty=10)
    counts.scan_into_count(db, draft_id=draft, code=XBOX, qty=2)
    counts.scan_into_count(db, draft_id=draft, code=BETOP, qty=25)  # right
    counts.scan_into_count(db, draft_id=draft, code=BETOP, qty=1)
    counts.scan_into_count(db, draft_id=draft, code=BETOP, qty=-1)  # an over-scan taken back
    view = counts.count_view(db, draft_id=draft)
    assert (view.store, view.scope) == ("S01", "category:GAMING")
    found = {line.sku: (line.expected, line.counted) for line in view.lines}
    assert found == {WHEEL: (4, 6), XBOX: (15, 12), BETOP: (25, 25), STICK: (5, 0)}
    assert [v.draft_id for v in counts.open_counts(db, store="S01")] == [draft]

    posted = counts.post_count(db, draft_id=draft, staff_id=manager)
    assert posted.kind is StockDocKind.COUNT and posted.doc_no.startswith("S01-SC-")
    assert (posted.lines, posted.units) == (3, 2 + 3 + 5)
    rows = lines_of(db, posted.doc_no)
    got = [(r.qty, r.expected, r.counted, r.reason) for r in rows]
    assert got == [(-3, 15, 12, StockReason.COUNT_DIFFERENCE),  # by sku: XBOX, STK, WHL
                   (-5, 5, 0, StockReason.COUNT_DIFFERENCE),
                   (2, 4, 6, StockReason.COUNT_DIFFERENCE)]
    assert {(r.kind, r.scope, r.request_id) for r in rows} == {
        (StockDocKind.COUNT, "category:GAMING", draft)}
    assert [on_hand(db, "S01", sku) for sku in (WHEEL, XBOX, BETOP, STICK)] == [6, 12, 25, 0]
    assert scratch_rows(db) == (0, 0) and counts.open_counts(db) == []
    assert verify.verify(db).ok


def test_a_shelf_count_covers_only_what_was_scanned(demo_db):
    db = demo_db
    restock(db, {WHEEL: 4, XBOX: 15, ROUTER: 40})
    draft = counts.start_count(db, store="S01", scope=" shelf: A3 ", staff_id=staff_id(db, "cashier"))
    counts.scan_into_count(db, draft_id=draft, code=XBOX, qty=14)
    counts.scan_into_count(db, draft_id=draft, code=ROUTER, qty=41)  # any category on a shelf
    counts.scan_into_count(db, draft_id=draft, code=WHEEL)
    counts.scan_into_count(db, draft_id=draft, code=WHEEL, qty=-1)  # taken back: not counted
    view = counts.count_view(db, draft_id=draft)
    assert view.scope == "shelf:A3"
    assert {line.sku: line.difference for line in view.lines} == {XBOX: -1, ROUTER: 1}
    posted = counts.post_count(db, draft_id=draft, staff_id=staff_id(db, "manager"))
    assert posted.lines == 2
    assert (on_hand(db, "S01", XBOX), on_hand(db, "S01", ROUTER), on_hand(db, "S01", WHEEL)) \
        == (14, 41, 4)
    assert verify.verify(db).ok


def test_the_difference_is_taken_against_the_books_when_posted(demo_db):
    """A sale between the scan and the posting: the shelf held what was counted, so the
    count's line is counted − what the books say at posting."""
    db = demo_db
    restock(db, {ROUTER: 10})
    draft = counts.start_count(db, store="S01", scope="shelf:front", staff_id=staff_id(db, "cashier"))
    counts.scan_into_count(db, draft_id=draft, code=ROUTER, qty=8)
    sell(db, ROUTER)  # the books now say 9
    posted = counts.post_count(db, draft_id=draft, staff_id=staff_id(db, "manager"))
    assert [(r.qty, r.expected, r.counted) for r in lines_of(db, posted.doc_no)] == [(-1, 9, 8)]
    assert on_hand(db, "S01", ROUTER) == 8
    assert verify.verify(db).ok


def test_a_count_that_agrees_is_posted_as_a_fact_with_no_change(demo_db):
    db = demo_db
    restock(db, {ROUTER: 10})
    draft = counts.start_count(db, store="S01", scope="shelf:B1", staff_id=staff_id(db, "cashier"))
    counts.scan_into_count(db, draft_id=draft, code=ROUTER, qty=10)
    posted = counts.post_count(db, draft_id=draft, staff_id=staff_id(db, "manager"))
    assert [(r.qty, r.expected, r.counted) for r in lines_of(db, posted.doc_no)] == [(0, 10, 10)]
    assert posted.units == 0 and on_hand(db, "S01", ROUTER) == 10
    assert verify.verify(db).ok


def test_serial_tracked_products_are_counted_by_their_serials(demo_db):
    db = demo_db
    add_store(db, "S02")
    restock(db, {NOTEBOOK: 2})  # two units on the books with no serial known
    receive(db, "S01", NOTEBOOK, serials=("NB-1001", "NB-1002", "NB-1003"))
    receive(db, "S02", NOTEBOOK, serials=("NB-2001",))
    receive(db, "S01", NOTEBOOK, serials=("NB-3001",))
    send(db, "S01", "S02", NOTEBOOK, serials=("NB-3001",))  # in transit
    receipt = sell(db, NOTEBOOK, serial="NB-1003")
    assert on_hand(db, "S01", NOTEBOOK) == 4
    draft = counts.start_count(db, store="S01", scope="category:NOTEBOOK",
                               staff_id=staff_id(db, "cashier"))
    line = counts.scan_into_count(db, draft_id=draft, code="nb-1001")  # a known unit's serial
    assert (line.sku, line.counted, line.serials_missing) == (NOTEBOOK, 1, ("NB-1002",))
    counts.scan_into_count(db, draft_id=draft, code=NOTEBOOK, serial="NB-9999")  # unknown: found
    refused(db, lambda: counts.scan_into_count(db, draft_id=draft, code="NB-1001"),
            "stock.serial_repeated")
    refusal = refused(db, lambda: counts.scan_into_count(db, draft_id=draft, code="NB-1003"),
                      "stock.serial_is_sold", receipt=receipt)
    assert receipt in render(refusal)
    refused(db, lambda: counts.scan_into_count(db, draft_id=draft, code="NB-2001"),
            "stock.serial_at_store", store="S02")
    refused(db, lambda: counts.scan_into_count(db, draft_id=draft, code="NB-3001"),
            "stock.serial_in_transit")
    refused(db, lambda: counts.scan_into_count(db, draft_id=draft, code=NOTEBOOK),
            "stock.serial_needed")
    refused(db, lambda: counts.scan_into_count(db, draft_id=draft, code=ROUTER),
            "stock.count_other_category", category="NETWORK")
    view = next(line for line in counts.count_view(db, draft_id=draft).lines if line.sku == NOTEBOOK)
    assert (view.expected, view.counted) == (4, 2)
    assert (view.serials_missing, view.serials_extra) == (("NB-1002",), ("NB-9999",))

    posted = counts.post_count(db, draft_id=draft, staff_id=staff_id(db, "manager"))
    rows = [r for r in lines_of(db, posted.doc_no) if r.serial or r.qty]
    notebook = [(r.qty, r.serial, r.reason) for r in rows
                if r.serial or (r.expected, r.counted) == (2, 0)]
    assert notebook == [(-1, "NB-1002", StockReason.COUNT_DIFFERENCE),
                        (1, "NB-9999", StockReason.FOUND),
                        (-2, None, StockReason.COUNT_DIFFERENCE)]  # stock with no serial
    assert on_hand(db, "S01", NOTEBOOK) == 2
    assert unit(db, "NB-1002") == ("written_off", "S01")
    assert unit(db, "NB-9999") == ("in_stock", "S01")
    assert unit(db, "NB-1001") == ("in_stock", "S01")
    assert unit(db, "NB-2001") == ("in_stock", "S02")
    assert verify.verify(db).ok


def test_a_serial_sold_after_it_was_scanned_stops_the_posting(demo_db):
    db = demo_db
    add_store(db, "S02")
    receive(db, "S02", NOTEBOOK, serials=("NB-5001",))
    draft = counts.start_count(db, store="S01", scope="shelf:window", staff_id=staff_id(db, "cashier"))
    counts.scan_into_count(db, draft_id=draft, code=NOTEBOOK, serial="NB-5002")  # unknown yet
    receive(db, "S02", NOTEBOOK, serials=("NB-5002",))  # then received at S02
    refused(db, lambda: counts.post_count(db, draft_id=draft, staff_id=staff_id(db, "manager")),
            "stock.serial_at_store", serial="NB-5002", store="S02")
    assert counts.count_view(db, draft_id=draft).lines[0].serials_extra == ("NB-5002",)
    counts.scan_into_count(db, draft_id=draft, code="NB-5002", qty=-1)
    assert counts.count_view(db, draft_id=draft).lines == ()  # nothing counted on the shelf
    refused(db, lambda: counts.post_count(db, draft_id=draft, staff_id=staff_id(db, "manager")),
            "stock.nothing_to_post")
    assert verify.verify(db).ok


def test_a_count_is_posted_once_by_a_manager(demo_db):
    db = demo_db
    restock(db, {ROUTER: 10})
    cashier, manager = staff_id(db, "cashier"), staff_id(db, "manager")
    draft = counts.start_count(db, store="S01", scope="shelf:C", staff_id=cashier)
    counts.scan_into_count(db, draft_id=draft, code=ROUTER, qty=7)
    refused(db, lambda: counts.post_count(db, draft_id=draft, staff_id=cashier),
            "stock.count_managers_only")
    refused(db, lambda: counts.post_count(db, draft_id=draft, staff_id=staff_id(db, "installer")),
            "stock.count_managers_only")
    posted = counts.post_count(db, draft_id=draft, staff_id=manager)
    assert on_hand(db, "S01", ROUTER) == 7
    refusal = refused(db, lambda: counts.post_count(db, draft_id=draft, staff_id=manager),
                      "stock.count_already_posted", count=posted.doc_no)
    assert posted.doc_no in render(refusal)
    refused(db, lambda: counts.scan_into_count(db, draft_id=draft, code=ROUTER),
            "stock.count_already_posted")
    refused(db, lambda: counts.count_view(db, draft_id="no-such-count"), "stock.count_unknown")
    assert on_hand(db, "S01", ROUTER) == 7
    assert verify.verify(db).ok


def test_bad_starts_and_scans_are_refused_and_change_nothing(demo_db):
    db = demo_db
    cashier = staff_id(db, "cashier")
    start = counts.start_count
    refused(db, lambda: start(db, store="S01", scope="aisle:3", staff_id=cashier),
            "stock.scope_invalid")
    refused(db, lambda: start(db, store="S01", scope="shelf:", staff_id=cashier),
            "stock.scope_invalid")
    refused(db, lambda: start(db, store="S01", scope="category:NOPE", staff_id=cashier),
            "catalog.unknown_category")
    refused(db, lambda: start(db, store="S99", scope="shelf:A", staff_id=cashier), "store.unknown")
    refused(db, lambda: start(db, store="S01", scope="shelf:A", staff_id=-1),
            "permission.log_in_first")
    draft = start(db, store="S01", scope="category:network", staff_id=cashier)
    assert counts.count_view(db, draft_id=draft).scope == "category:NETWORK"
    scan = counts.scan_into_count
    refused(db, lambda: scan(db, draft_id=draft, code="NO-SUCH-THING"), "stock.product_unknown")
    refused(db, lambda: scan(db, draft_id=draft, code=ROUTER, qty=0), "stock.negative_quantity")
    refused(db, lambda: scan(db, draft_id=draft, code=ROUTER, qty=-1), "stock.negative_count")
    refused(db, lambda: scan(db, draft_id=draft, code=ROUTER, serial="X-100"),
            "stock.serial_not_tracked")
    refused(db, lambda: scan(db, draft_id=draft, code=XBOX), "stock.count_other_category")


def test_a_count_is_discarded_by_who_started_it_or_a_manager(demo_db):
    db = demo_db
    cashier, manager = staff_id(db, "cashier"), staff_id(db, "manager")
    installer = staff_id(db, "installer")
    mine = counts.start_count(db, store="S01", scope="shelf:D", staff_id=cashier)
    other = counts.start_count(db, store="S01", scope="shelf:E", staff_id=cashier)
    counts.scan_into_count(db, draft_id=mine, code=ROUTER, qty=3)
    assert len(counts.open_counts(db)) == 2
    refused(db, lambda: counts.discard_count(db, draft_id=mine, staff_id=installer),
            "stock.count_not_yours")
    counts.discard_count(db, draft_id=mine, staff_id=cashier)
    counts.discard_count(db, draft_id=other, staff_id=manager)
    assert scratch_rows(db) == (0, 0) and counts.open_counts(db) == []
    refused(db, lambda: counts.post_count(db, draft_id=mine, staff_id=manager),
            "stock.count_unknown")


def test_two_managers_posting_the_same_count_at_once_post_it_once(demo_db):
    db = demo_db
    restock(db, {ROUTER: 10})
    manager = staff_id(db, "manager")
    draft = counts.start_count(db, store="S01", scope="shelf:F", staff_id=manager)
    counts.scan_into_count(db, draft_id=draft, code=ROUTER, qty=6)
    start, outcomes = threading.Barrier(2), []

    def post():
        start.wait()
        try:
            outcomes.append(counts.post_count(db, draft_id=draft, staff_id=manager).doc_no)
        except UserError as refusal:
            outcomes.append(refusal.message_id)

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    posted = [o for o in outcomes if o.startswith("S01-SC-")]
    assert len(posted) == 1 and outcomes.count("stock.count_already_posted") == 1, outcomes
    assert on_hand(db, "S01", ROUTER) == 6
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(DocRow).where(
            DocRow.request_id == draft)) == 1
    assert verify.verify(db).ok
