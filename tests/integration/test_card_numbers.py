"""No full card number is ever stored, whatever separates its digits, and free text is
checked the same way on SQLite and PostgreSQL (NUL bytes and over-long text used to be
stored on one and crash the other) (issue 12, "card numbers never stored")."""

import json

import pytest
from sqlalchemy import select, text

from pos.aftersale import returns, voids
from pos.aftersale.exchange import refund_without_receipt
from pos.aftersale.returns import ReturnItem
from pos.db.models import AuditEvent, Payment
from pos.kernel.errors import UserError
from pos.ledger import audit
from pos.people import customers
from pos.printjobs import print_queue
from pos.selling import checkout, completion, parking
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import db_state, new_cart, staff_id

CARD = "4111111111111111"  # a test Visa number (passes Luhn)
TYPED = [
    "4111.1111.1111.1111", "4111/1111/1111/1111", "4111_1111_1111_1111",
    "4111\u30001111\u30001111\u30001111", "ref 4111 1111 1111 1111", "６２２２０２００１２３４５６７８",
]


def kit_cart(db):
    cart = new_cart(db)
    kit = checkout.add_product(db, cart, code="PRO-CLN-PC")
    return cart, kit


def stored_text(db) -> str:
    """Every payment and audit event as stored."""
    with db.read() as session:
        payments = session.execute(select(Payment.reference, Payment.card_last4)).all()
        details = session.scalars(select(AuditEvent.details_json)).all()
    return json.dumps([list(map(str, p)) for p in payments]) + " ".join(details)


@pytest.mark.parametrize("reference", TYPED)
def test_a_card_number_typed_as_a_payment_reference_is_refused_whatever_its_separators(
        demo_db, reference):
    cart, kit = kit_cart(demo_db)
    before = db_state(demo_db)
    with pytest.raises(UserError, match="Never type a card number"):
        completion.complete_sale(demo_db, cart, tenders=[
            TenderInput("bank_card", kit.total, reference=reference, card_last4="1111")])
    assert db_state(demo_db) == before


@pytest.mark.parametrize("last4", [CARD, "１１１１", "111", "11a1"])
def test_a_last_4_is_four_ascii_digits(demo_db, last4):
    cart, kit = kit_cart(demo_db)
    with pytest.raises(UserError, match="4 digits"):
        completion.complete_sale(demo_db, cart, tenders=[
            TenderInput("bank_card", kit.total, reference="R1", card_last4=last4)])


def test_a_refund_keeps_no_card_number_in_its_tenders_or_its_reason(demo_db):
    cart, kit = kit_cart(demo_db)
    sale = completion.complete_sale(demo_db, cart, tenders=[
        TenderInput("bank_card", kit.total, reference="T9", card_last4="1111")])
    manager = staff_id(demo_db, "manager")
    for tender in (TenderInput("bank_card", kit.total, reference="4111-1111.1111_1111"),
                   TenderInput("bank_card", kit.total, card_last4=CARD)):
        before = db_state(demo_db)
        with pytest.raises(UserError):
            returns.refund(demo_db, receipt_no=sale.receipt_no, staff_id=manager,
                           items=[ReturnItem(1, 1)], tenders=[tender])
        assert db_state(demo_db) == before
    returns.refund(demo_db, receipt_no=sale.receipt_no, staff_id=manager,
                   items=[ReturnItem(1, 1)], reason=f"card {CARD} charged twice",
                   tenders=[TenderInput("bank_card", kit.total, reference="T10",
                                        card_last4="1111")])
    stored = stored_text(demo_db)
    assert CARD not in stored and "**** 1111" in stored
    refund_event = audit.list_audit(demo_db, action="refund")[0]
    assert refund_event.details["reason"] == "card **** 1111 charged twice"


def test_reasons_labels_and_names_are_masked_before_they_are_stored(demo_db):
    manager = staff_id(demo_db, "manager")
    cart, kit = kit_cart(demo_db)
    cart.staff_id = manager
    checkout.override_price(demo_db, cart, line_id=kit.line_id, price=2990,
                            reason="matched card 4111.1111.1111.1111's offer")
    parking.park_cart(demo_db, cart, label=f"for {CARD}")
    sale_cart, sale_kit = kit_cart(demo_db)
    sale = completion.complete_sale(demo_db, sale_cart, tenders=[TenderInput("cash", sale_kit.total)])
    voids.void_sale(demo_db, receipt_no=sale.receipt_no, staff_id=manager,
                    reason=f"paid twice on {CARD}")
    refund_without_receipt(demo_db, code="PRO-CLN-PC", quantity=1, staff_id=manager,
                           terminal="T01", tenders=[TenderInput("cash", 3990)],
                           reason=f"receipt lost, card {CARD}")
    print_queue.open_drawer(demo_db, terminal="T01", staff_id=manager,
                            reason=f"change for card {CARD}")
    customer = customers.create_customer(demo_db, phone="13900000777", name=f"Wu {CARD}",
                                         kind="business", company=f"Wu Ltd {CARD}")
    with demo_db.read() as session:
        kept = " ".join(map(str, [
            *session.execute(text("SELECT label, cart_json FROM parked_carts")).one(),
            *session.execute(text("SELECT name, company FROM customers WHERE id = :id"),
                             {"id": customer.id}).one()]))
    everything = kept + stored_text(demo_db)
    assert CARD not in everything and everything.count("**** 1111") >= 6


@pytest.mark.parametrize("bad", ["a\x00b", "x" * 201])
def test_nul_and_over_long_text_are_refused_the_same_on_both_databases(demo_db, bad):
    manager = staff_id(demo_db, "manager")
    cart, kit = kit_cart(demo_db)
    sale = completion.complete_sale(demo_db, cart, tenders=[TenderInput("cash", kit.total)])
    manager_cart, manager_kit = kit_cart(demo_db)
    manager_cart.staff_id = manager
    before = db_state(demo_db)
    attempts = [
        lambda: returns.refund(demo_db, receipt_no=sale.receipt_no, staff_id=manager,
                               items=[ReturnItem(1, 1)], tenders=[TenderInput("cash", kit.total)],
                               reason=bad),
        lambda: voids.void_sale(demo_db, receipt_no=sale.receipt_no, staff_id=manager, reason=bad),
        lambda: voids.void_sale(demo_db, receipt_no=bad[:40], staff_id=manager),
        lambda: customers.create_customer(demo_db, phone="13900000888", name=bad),
        lambda: checkout.override_price(demo_db, manager_cart, line_id=manager_kit.line_id,
                                        price=1, reason=bad),
        lambda: print_queue.open_drawer(demo_db, terminal="T01", staff_id=manager, reason=bad),
        lambda: parking.park_cart(demo_db, cart, label=bad),
        lambda: completion.complete_sale(demo_db, kit_cart(demo_db)[0], tenders=[
            TenderInput("voucher", kit.total, reference=bad)]),
        lambda: checkout.add_product(demo_db, new_cart(demo_db), code=bad[:70]),
    ]
    for attempt in attempts:
        with pytest.raises(UserError):
            attempt()
    assert db_state(demo_db) == before


def test_a_serial_that_is_not_one_is_refused_without_repeating_control_characters(demo_db):
    cart = new_cart(demo_db)
    unit = checkout.add_product(demo_db, cart, code="6923150020022")
    with pytest.raises(UserError) as refused:
        checkout.set_serial(demo_db, cart, line_id=unit.line_id, serial="PF3\x1b[2J" + "X" * 500)
    assert "\x1b" not in str(refused.value) and len(str(refused.value)) < 200
    assert unit.serial is None
