"""The till respects stock per store (issue 18, points 3 and 4): the on-hand it shows is
its own store's (scan, search, a unit's sheet, kept through park and resume); a serial
held at another store, in transit or (strict) never received is refused at the till, and
a manager's override brings it here by a sealed ADJUST document, audited; a sold unit is
never overridden."""

import json
import uuid
from datetime import date

import pytest
from sqlalchemy import func, insert, select, update

from pos.catalog.products import find_by_code, search_products
from pos.db.models import (
    Approval, AuditEvent, ParkedCart, Product, SerialUnit, StockDocument as DocRow, StockMove,
    Store, StoreStock, Terminal,
)
from pos.kernel.clock import utcnow
from pos.kernel.enums import Bucket, StockDocKind, StockReason, UnitState
from pos.kernel.errors import UserError
from pos.kernel.messages import render
from pos.ledger import verify
from pos.ledger.stock_documents import StockDocument, StockLine, stock_doc_number
from pos.ledger.stock_tables import next_store_number, write_stock_document
from pos.people import approvals
from pos.selling import checkout, completion, parking, sheet
from pos.selling.cart import TenderInput
from pos.selling.unit_view import sheet_and_tiers
from pos.stock.overrides import ACTION, bring_serial_here, override_ref
from pos.store.settings import set_setting
from tests.integration.checkout_helpers import (
    NOTEBOOK, db_state, frozen, new_cart, restock, staff_id,
)

NOTEBOOK_SKU = "NB-LEN-XXPRO14"
KIT = "PRO-CLN-PC"  # a cleaning kit: an accessory sold by quantity


# --- helpers --------------------------------------------------------------------------

def add_store(db, code="S02", till="T09") -> int:
    """A second store with a till of its own (until `pos store add` exists)."""
    with db.write_connection() as conn:
        store_id = conn.execute(insert(Store).values(code=code, name=f"Store {code}")
                                .returning(Store.id)).scalar_one()
        conn.execute(insert(Terminal).values(code=till, store_id=store_id, name=till))
    return store_id


def ids(db, sku):
    with db.read() as session:
        return session.scalar(select(Product.id).where(Product.sku == sku))


def store_id(db, code):
    with db.read() as session:
        return session.scalar(select(Store.id).where(Store.code == code))


def post(db, store, kind, lines, *, other=None, reason=None):
    """A stock document of `kind` at `store`: lines (store code, sku, bucket, qty,
    serial); the way a unit is received or sent in these tests."""
    with db.write_connection() as conn:
        here = conn.execute(select(Store.id).where(Store.code == store)).scalar_one()
        stores = dict(conn.execute(select(Store.code, Store.id)).all())
        products = dict(conn.execute(select(Product.sku, Product.id)).all())
        number = stock_doc_number(store, kind, next_store_number(conn, here, kind))
        write_stock_document(conn, StockDocument(
            kind=kind, doc_no=number, store_id=here, business_date=date.today(),
            posted_at=utcnow(), request_id=str(uuid.uuid4()),
            lines=tuple(StockLine(position, stores[code], products[sku], bucket, qty, serial,
                                  reason=reason)
                        for position, (code, sku, bucket, qty, serial) in enumerate(lines, 1)),
            other_store_id=stores[other] if other else None, reason=reason))
    return number


def receive_unit(db, store, serial, sku=NOTEBOOK_SKU):
    return post(db, store, StockDocKind.RECEIPT,
                [(store, sku, Bucket.ON_HAND, 1, serial)], reason=StockReason.SUPPLIER)


def send_unit(db, source, target, serial, sku=NOTEBOOK_SKU):
    return post(db, source, StockDocKind.TRANSFER_OUT,
                [(source, sku, Bucket.ON_HAND, -1, serial),
                 (target, sku, Bucket.TRANSIT, 1, serial)], other=target,
                reason=StockReason.TRANSFER)


def on_hand(db, store, sku):
    with db.read() as session:
        return session.scalar(select(StoreStock.on_hand).join(
            Store, Store.id == StoreStock.store_id).join(
            Product, Product.id == StoreStock.product_id)
            .where(Store.code == store, Product.sku == sku)) or 0


def in_transit(db, store, sku):
    with db.read() as session:
        return session.scalar(select(StoreStock.in_transit).join(
            Store, Store.id == StoreStock.store_id).join(
            Product, Product.id == StoreStock.product_id)
            .where(Store.code == store, Product.sku == sku)) or 0


def unit(db, serial):
    with db.read() as session:
        row = session.execute(select(SerialUnit.state, Store.code).outerjoin(
            Store, Store.id == SerialUnit.store_id).where(SerialUnit.serial == serial)).first()
    return (UnitState(row[0]), row[1]) if row else None


def approve(db, serial, sku=NOTEBOOK_SKU, requested_by=None):
    return approvals.approve(db, action=ACTION, ref=override_ref(ids(db, sku), serial),
                             requested_by=requested_by or staff_id(db, "cashier"),
                             manager_id=staff_id(db, "manager"), pin="9999")


def setting(db, key, value):
    with db.unit_of_work() as session:
        set_setting(session, key, value)


def pay(db, cart):
    return completion.complete_sale(
        db, cart, tenders=[TenderInput("cash", sum(line.total for line in cart.billable_lines()))])


def stock_docs(db):
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(DocRow))


# --- this store's on-hand, everywhere the till shows stock ------------------------------

def test_the_till_shows_its_own_stores_on_hand(demo_db):
    db = demo_db
    s02 = add_store(db)
    restock(db, {KIT: 7, NOTEBOOK_SKU: 5})
    restock(db, {KIT: 2, NOTEBOOK_SKU: 1}, store="S02")

    here = new_cart(db, terminal="T01")
    there = new_cart(db, terminal="T09")
    assert here.store_id == store_id(db, "S01") and there.store_id == s02
    kit_here = checkout.add_product(db, here, code=KIT)
    kit_there = checkout.add_product(db, there, code=KIT)
    assert (kit_here.stock, kit_there.stock) == (7, 2)
    found = {p.sku: p.stock for p in search_products(db, "cleaning", store_id=s02)}
    assert found[KIT] == 2
    assert find_by_code(db, KIT, store_id=store_id(db, "S01")).stock == 7

    # A unit's sheet lists its products with this store's on-hand (one statement).
    restock(db, {"BAG-NB-156": 9})
    restock(db, {"BAG-NB-156": 3}, store="S02")
    unit_line = checkout.add_product(db, there, code=NOTEBOOK)
    assert unit_line.stock == 1
    rows, _offers = sheet_and_tiers(db, there, main_line_id=unit_line.line_id)
    assert rows == sheet.sheet_rows(db, there, main_line_id=unit_line.line_id)
    bags = [c for row in rows for c in row.candidates if c.sku == "BAG-NB-156"]
    assert bags and {c.stock for c in bags} == {3}
    here_unit = checkout.add_product(db, here, code=NOTEBOOK)
    rows_here, _ = sheet_and_tiers(db, here, main_line_id=here_unit.line_id)
    assert {c.stock for row in rows_here for c in row.candidates if c.sku == "BAG-NB-156"} == {9}
    bag_item = next(row for row in rows if any(c.sku == "BAG-NB-156" for c in row.candidates)
                    and row.pack_price is None)
    sheet.mark_item(db, there, main_line_id=unit_line.line_id, item_id=bag_item.item_id,
                    outcome="sold", product_id=ids(db, "BAG-NB-156"))
    bag_line = next(line for line in there.lines if line.sku == "BAG-NB-156")
    assert bag_line.stock == 3

    # Three kits at S02, which holds two: the till warns (short_of_stock), S01 would not.
    checkout.set_quantity(there, line_id=kit_there.line_id, quantity=3)
    from pos.selling.cart import short_of_stock
    assert short_of_stock(there) == {kit_there.line_id: 2}
    checkout.set_quantity(here, line_id=kit_here.line_id, quantity=3)
    assert short_of_stock(here) == {}

    # Parked and resumed, the cart keeps its store.
    parking.park_cart(db, there)
    resumed = parking.resume_cart(db, cart_uuid=there.uuid, staff_id=there.staff_id)
    assert resumed.store_id == s02


def test_a_cart_parked_without_its_store_gets_its_tills_store_back(demo_db):
    db = demo_db
    s02 = add_store(db)
    cart = new_cart(db, terminal="T09")
    checkout.add_product(db, cart, code=KIT)
    parking.park_cart(db, cart)
    with db.write_connection() as conn:  # as a cart parked before carts kept their store
        text = conn.execute(select(ParkedCart.cart_json)
                            .where(ParkedCart.cart_uuid == cart.uuid)).scalar_one()
        data = json.loads(text)
        del data["store_id"]
        conn.execute(update(ParkedCart).where(ParkedCart.cart_uuid == cart.uuid)
                     .values(cart_json=json.dumps(data)))
    resumed = parking.resume_cart(db, cart_uuid=cart.uuid, staff_id=cart.staff_id)
    assert resumed.store_id == s02


def test_a_parked_cart_with_a_store_that_is_not_a_number_is_damaged(demo_db):
    cart = new_cart(demo_db)
    data = cart.to_json_dict()
    data["store_id"] = "S01"
    with pytest.raises(UserError) as refusal:
        type(cart).from_json_dict(data)
    assert refusal.value.message_id == "park.damaged"


def test_a_sale_takes_the_stock_of_its_tills_store(demo_db):
    db = demo_db
    add_store(db)
    restock(db, {KIT: 1})
    restock(db, {KIT: 4}, store="S02")
    cart = new_cart(db, terminal="T09")
    line = checkout.add_product(db, cart, code=KIT)
    checkout.set_quantity(cart, line_id=line.line_id, quantity=3)
    pay(db, cart)
    assert (on_hand(db, "S01", KIT), on_hand(db, "S02", KIT)) == (1, 1)
    cart = new_cart(db, terminal="T09")
    line = checkout.add_product(db, cart, code=KIT)
    checkout.set_quantity(cart, line_id=line.line_id, quantity=2)
    before = db_state(db)
    with pytest.raises(UserError) as refusal:
        pay(db, cart)
    assert refusal.value.message_id == "stock.short"
    assert db_state(db) == before
    assert verify.verify(db).ok


# --- serials at the till ----------------------------------------------------------------

def notebook_cart(db, terminal="T01", role="cashier"):
    cart = new_cart(db, role=role, terminal=terminal)
    return cart, checkout.add_product(db, cart, code=NOTEBOOK)


def refused_serial(db, cart, line, serial, message_id):
    cart_before, db_before = frozen(cart), db_state(db)
    with pytest.raises(UserError) as refusal:
        checkout.set_serial(db, cart, line_id=line.line_id, serial=serial)
    assert refusal.value.message_id == message_id
    assert cart == cart_before and db_state(db) == db_before
    return refusal.value


def test_a_serial_held_elsewhere_is_refused_naming_where_it_is(demo_db):
    db = demo_db
    add_store(db)
    receive_unit(db, "S02", "PF-AT-S02")
    receive_unit(db, "S02", "PF-GOING")
    send_unit(db, "S02", "S01", "PF-GOING")  # in transit to S01: not here yet
    receive_unit(db, "S01", "PF-TO-S02")
    send_unit(db, "S01", "S02", "PF-TO-S02")
    cart, line = notebook_cart(db)

    refusal = refused_serial(db, cart, line, "pf-at-s02", "stock.serial_at_store")
    assert refusal.params == {"serial": "PF-AT-S02", "store": "S02"}
    assert "S02" in render(refusal)
    refusal = refused_serial(db, cart, line, "PF-GOING", "stock.serial_in_transit")
    assert refusal.params["store"] == "S01"
    refusal = refused_serial(db, cart, line, "PF-TO-S02", "stock.serial_in_transit")
    assert refusal.params["store"] == "S02"

    # A serial sold is refused as sold, and never overridden.
    sold_cart, sold_line = notebook_cart(db)
    checkout.set_serial(db, sold_cart, line_id=sold_line.line_id, serial="PF-SOLD")
    restock(db, {NOTEBOOK_SKU: 5})
    pay(db, sold_cart)
    refused_serial(db, cart, line, "PF-SOLD", "serial.sold")
    with pytest.raises(UserError) as refusal:
        bring_serial_here(db, terminal="T01", product_id=line.product_id, serial="PF-SOLD",
                          approval_id=None, staff_id=staff_id(db, "manager"))
    assert refusal.value.message_id == "serial.sold"

    # Strict: a serial never received is refused too; lenient sells it as scanned.
    checkout.set_serial(db, cart, line_id=line.line_id, serial="PF-NEVER-SEEN")
    setting(db, "serial_stock", "strict")
    refusal = refused_serial(db, cart, line, "PF-NEVER-SEEN-2", "stock.serial_not_received")
    assert refusal.params["name"] == line.name
    before = db_state(db)  # set before the store turned strict: completion refuses it
    with pytest.raises(UserError) as refusal:
        pay(db, cart)
    assert refusal.value.message_id == "stock.serial_not_received"
    assert db_state(db) == before
    setting(db, "serial_stock", "lenient")
    assert pay(db, cart).receipt_no.startswith("T01-")
    assert verify.verify(db).ok


def test_a_manager_override_brings_a_unit_from_another_store(demo_db):
    db = demo_db
    add_store(db)
    receive_unit(db, "S02", "PF-AT-S02")
    assert (on_hand(db, "S01", NOTEBOOK_SKU), on_hand(db, "S02", NOTEBOOK_SKU)) == (
        on_hand(db, "S01", NOTEBOOK_SKU), 1)
    s01_before = on_hand(db, "S01", NOTEBOOK_SKU)
    cart, line = notebook_cart(db)
    refused_serial(db, cart, line, "PF-AT-S02", "stock.serial_at_store")

    # A cashier needs a manager's approval: without one nothing is posted.
    docs = stock_docs(db)
    with pytest.raises(UserError) as refusal:
        checkout.override_serial(db, cart, line_id=line.line_id, serial="PF-AT-S02",
                                 approval_id=None, request_id=str(uuid.uuid4()))
    assert refusal.value.message_id == "permission.manager_must_approve"
    assert stock_docs(db) == docs and line.serial is None
    other = approve(db, "PF-OTHER")  # an approval for another unit is not this one's
    with pytest.raises(UserError) as refusal:
        checkout.override_serial(db, cart, line_id=line.line_id, serial="PF-AT-S02",
                                 approval_id=other, request_id=str(uuid.uuid4()))
    assert refusal.value.message_id == "approval.other_action"
    assert stock_docs(db) == docs

    approval = approve(db, "PF-AT-S02")
    request = str(uuid.uuid4())
    shown = line.stock
    number = checkout.override_serial(db, cart, line_id=line.line_id, serial="pf-at-s02",
                                      approval_id=approval, request_id=request)
    assert number == "S01-AD-000001" and line.serial == "PF-AT-S02"
    assert line.stock == shown + 1 == on_hand(db, "S01", NOTEBOOK_SKU)
    assert unit(db, "PF-AT-S02") == (UnitState.IN_STOCK, "S01")
    assert on_hand(db, "S02", NOTEBOOK_SKU) == 0
    assert on_hand(db, "S01", NOTEBOOK_SKU) == s01_before + 1
    with db.read() as session:
        doc = session.execute(select(DocRow).where(DocRow.doc_no == number)).scalar_one()
        assert (doc.kind, doc.reason) == (StockDocKind.ADJUST, StockReason.TILL_OVERRIDE)
        assert doc.other_store_id == store_id(db, "S02")
        moves = session.execute(select(StockMove.store_id, StockMove.bucket, StockMove.qty,
                                       StockMove.serial).where(StockMove.doc_id == doc.id)
                                .order_by(StockMove.position)).all()
        assert [tuple(m) for m in moves] == [
            (store_id(db, "S02"), Bucket.ON_HAND, -1, "PF-AT-S02"),
            (store_id(db, "S01"), Bucket.ON_HAND, 1, "PF-AT-S02")]
        assert session.get(Approval, approval).used_at is not None
        event = session.execute(select(AuditEvent).where(AuditEvent.action == ACTION)).scalar_one()
        details = json.loads(event.details_json)
        assert event.ref == number and details["approval"] == approval
        assert details["approved_by"] == staff_id(db, "manager")
    # The same request again posts nothing new; the approval is used up for another.
    again = bring_serial_here(db, terminal="T01", product_id=line.product_id,
                              serial="PF-AT-S02", approval_id=approval,
                              staff_id=staff_id(db, "cashier"), request_id=request)
    assert again.replayed and again.doc_no == number
    assert stock_docs(db) == docs + 1
    sale = pay(db, cart)
    assert unit(db, "PF-AT-S02") == (UnitState.SOLD, "S01")
    assert on_hand(db, "S01", NOTEBOOK_SKU) == s01_before
    assert sale.receipt_no.startswith("T01-")
    assert verify.verify(db).ok


def test_a_manager_override_takes_a_unit_out_of_transit(demo_db):
    db = demo_db
    add_store(db)
    receive_unit(db, "S02", "PF-GOING")
    send_unit(db, "S02", "S01", "PF-GOING")
    assert in_transit(db, "S01", NOTEBOOK_SKU) == 1
    before = on_hand(db, "S01", NOTEBOOK_SKU)
    cart, line = notebook_cart(db, role="manager")  # a manager needs no approval
    refused_serial(db, cart, line, "PF-GOING", "stock.serial_in_transit")
    number = checkout.override_serial(db, cart, line_id=line.line_id, serial="PF-GOING",
                                      approval_id=None, request_id=str(uuid.uuid4()))
    assert line.serial == "PF-GOING"
    assert in_transit(db, "S01", NOTEBOOK_SKU) == 0
    assert on_hand(db, "S01", NOTEBOOK_SKU) == before + 1
    assert unit(db, "PF-GOING") == (UnitState.IN_STOCK, "S01")
    with db.read() as session:
        buckets = session.execute(select(StockMove.bucket, StockMove.qty).join(
            DocRow, DocRow.id == StockMove.doc_id).where(DocRow.doc_no == number)
            .order_by(StockMove.position)).all()
    assert [tuple(b) for b in buckets] == [(Bucket.TRANSIT, -1), (Bucket.ON_HAND, 1)]
    pay(db, cart)
    assert verify.verify(db).ok


def test_strict_a_manager_override_records_a_unit_never_received_as_found(demo_db):
    db = demo_db
    setting(db, "serial_stock", "strict")
    before = on_hand(db, "S01", NOTEBOOK_SKU)
    cart, line = notebook_cart(db)
    refused_serial(db, cart, line, "PF-FOUND", "stock.serial_not_received")
    number = checkout.override_serial(db, cart, line_id=line.line_id, serial="PF-FOUND",
                                      approval_id=approve(db, "PF-FOUND"),
                                      request_id=str(uuid.uuid4()))
    assert unit(db, "PF-FOUND") == (UnitState.IN_STOCK, "S01")
    assert on_hand(db, "S01", NOTEBOOK_SKU) == before + 1
    with db.read() as session:
        reasons = session.execute(select(StockMove.reason, StockMove.qty).join(
            DocRow, DocRow.id == StockMove.doc_id).where(DocRow.doc_no == number)).all()
    assert [tuple(r) for r in reasons] == [(StockReason.FOUND, 1)]
    # Already here: nothing to override, and the approval is not used up by asking.
    approval = approve(db, "PF-FOUND")
    with pytest.raises(UserError) as refusal:
        bring_serial_here(db, terminal="T01", product_id=line.product_id, serial="PF-FOUND",
                          approval_id=approval, staff_id=staff_id(db, "cashier"))
    assert refusal.value.message_id == "stock.serial_already_here"
    with db.read() as session:
        assert session.get(Approval, approval).used_at is None
    pay(db, cart)
    assert verify.verify(db).ok


def test_a_unit_written_off_is_not_brought_back_by_a_till(demo_db):
    db = demo_db
    receive_unit(db, "S01", "PF-BROKEN")
    post(db, "S01", StockDocKind.WRITE_OFF, [("S01", NOTEBOOK_SKU, Bucket.ON_HAND, -1,
                                              "PF-BROKEN")], reason=StockReason.DAMAGED)
    cart, line = notebook_cart(db)
    refusal = refused_serial(db, cart, line, "PF-BROKEN", "stock.serial_unavailable")
    assert "written off" in render(refusal)
    docs = stock_docs(db)
    with pytest.raises(UserError) as refusal:
        bring_serial_here(db, terminal="T01", product_id=line.product_id, serial="PF-BROKEN",
                          approval_id=None, staff_id=staff_id(db, "manager"))
    assert refusal.value.message_id == "stock.serial_unavailable"
    assert "written off" in render(refusal.value)
    assert stock_docs(db) == docs
    assert verify.verify(db).ok
