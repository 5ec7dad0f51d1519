"""Returns, voids, manager approval, PIN lockout and the audit trail, at service level:
every refusal leaves the database as it was."""


import pytest
from sqlalchemy import bindparam, select, text

from pos.aftersale import find, returns, voids
from pos.aftersale.returns import ReturnItem
from pos.db.models import Product, ServiceCard, StoreStock
from pos.kernel.enums import CardState
from pos.kernel.errors import UserError
from pos.ledger import audit, verify
from pos.people import approvals, customers, staff
from pos.selling import cards, checkout, completion, sheet
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import (
    NOTEBOOK, db_state, item_id, new_cart, staff_id, tier_id,
)

# The on-hand at the till's store (S01) of a product by barcode.
_ON_HAND = select(StoreStock.on_hand).join(Product, Product.id == StoreStock.product_id).where(
    Product.barcode == bindparam("code"))


def notebook_sale(db):
    """Notebook (serial) + bag + gold card + 2 phone cases (loose: not on the notebook's
    sheet), paid cash; returns the sale."""
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    sheet.mark_item(db, cart, main_line_id=unit.line_id,
                    item_id=item_id(db, cart, unit.line_id, "bag"), outcome="sold")
    customer = customers.create_customer(db, phone="13800138000", name="Chen Jie")
    checkout.set_customer(db, cart, customer_id=customer.id)
    cards.add_card(db, cart, main_line_id=unit.line_id,
                   tier_id=tier_id(db, cart, unit.line_id, "gold"))
    checkout.set_serial(db, cart, line_id=unit.line_id, serial="SN-RET-1")
    checkout.add_product(db, cart, code="PHN-CASE-TPU", quantity=2)
    due = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", due + 5000)])


def notebook_sale_again(db):
    """A second customer's notebook sale, so the phone finds only it."""
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    customer = customers.create_customer(db, phone="13900000009", name="Zhou")
    checkout.set_customer(db, cart, customer_id=customer.id)
    cards.decline_card(cart, main_line_id=unit.line_id)
    checkout.set_serial(db, cart, line_id=unit.line_id, serial="SN-RET-2")
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", unit.total)])


def manager_approval(db, action, ref, amount=None):
    return approvals.approve(db, action=action, ref=ref, requested_by=staff_id(db, "cashier"),
                             manager_id=staff_id(db, "manager"), pin="9999", amount=amount)


def refused(db, action, match):
    before = db_state(db)
    with pytest.raises(UserError, match=match):
        action()
    assert db_state(db) == before


def test_a_cashier_cannot_refund_without_a_manager(demo_db):
    sale = notebook_sale(demo_db)
    refused(demo_db, lambda: returns.refund(
        demo_db, receipt_no=sale.receipt_no, staff_id=staff_id(demo_db, "cashier"),
        items=[ReturnItem(4, 1)], tenders=[TenderInput("cash", 3990)]),
        "A manager must approve this")


def test_an_approval_is_single_use_and_bound_to_its_record(demo_db):
    db = demo_db
    sale = notebook_sale(db)
    cashier = staff_id(db, "cashier")
    approval = manager_approval(db, "refund", sale.receipt_no, 3990)
    done = returns.refund(db, receipt_no=sale.receipt_no, staff_id=cashier,
                          items=[ReturnItem(4, 1)], tenders=[TenderInput("cash", 3990)],
                          approval_id=approval)
    assert done.total == -3990 and done.original == sale.receipt_no
    refused(db, lambda: returns.refund(
        db, receipt_no=sale.receipt_no, staff_id=cashier, items=[ReturnItem(4, 1)],
        tenders=[TenderInput("cash", 3990)], approval_id=approval), "already used")
    other = manager_approval(db, "void", sale.receipt_no)
    refused(db, lambda: returns.refund(
        db, receipt_no=sale.receipt_no, staff_id=cashier, items=[ReturnItem(4, 1)],
        tenders=[TenderInput("cash", 3990)], approval_id=other), "given for something else")
    events = audit.list_audit(db)
    approval_event = next(e for e in events if e.action == "approval")
    assert approval_event.details["approved_by"] == staff_id(db, "manager")
    refund_event = next(e for e in events if e.action == "refund")
    assert refund_event.staff_name == "Li Na" and refund_event.details["approved_by"] == staff_id(db, "manager")


def test_a_manager_pin_is_checked_and_a_cashier_cannot_approve(demo_db):
    sale = notebook_sale(demo_db)
    with pytest.raises(UserError, match="Wrong PIN"):
        approvals.approve(demo_db, action="refund", ref=sale.receipt_no, amount=3990,
                          requested_by=staff_id(demo_db, "cashier"),
                          manager_id=staff_id(demo_db, "manager"), pin="1234")
    with pytest.raises(UserError, match="may not approve"):
        approvals.approve(demo_db, action="refund", ref=sale.receipt_no, amount=3990,
                          requested_by=staff_id(demo_db, "cashier"),
                          manager_id=staff_id(demo_db, "cashier"), pin="1111")


def test_refunds_never_exceed_what_was_sold_or_paid(demo_db):
    db = demo_db
    sale = notebook_sale(db)
    manager = staff_id(db, "manager")
    refused(db, lambda: returns.refund(
        db, receipt_no=sale.receipt_no, staff_id=manager, items=[ReturnItem(4, 3)],
        tenders=[TenderInput("cash", 10000)]), "Only 2 of")
    refused(db, lambda: returns.refund(
        db, receipt_no=sale.receipt_no, staff_id=manager, items=[ReturnItem(4, 1)],
        tenders=[TenderInput("cash", 5000)]), "add up to exactly")
    refused(db, lambda: returns.refund(
        db, receipt_no=sale.receipt_no, staff_id=manager, items=[ReturnItem(4, 1)],
        tenders=[TenderInput("alipay", 3990)]), "in cash or by the way it was paid")
    first = returns.refund(db, receipt_no=sale.receipt_no, staff_id=manager,
                           items=[ReturnItem(4, 1)], tenders=[TenderInput("cash", 3990)])
    second = returns.refund(db, receipt_no=sale.receipt_no, staff_id=manager,
                            items=[ReturnItem(4, 1)], tenders=[TenderInput("cash", 3990)])
    assert first.total + second.total == -7980  # the two halves add up to the line
    refused(db, lambda: returns.refund(
        db, receipt_no=sale.receipt_no, staff_id=manager, items=[ReturnItem(4, 1)],
        tenders=[TenderInput("cash", 3990)]), "already come back")


def test_a_return_of_something_never_sold_is_refused(demo_db):
    sale = notebook_sale(demo_db)
    manager = staff_id(demo_db, "manager")
    refused(demo_db, lambda: returns.refund(
        demo_db, receipt_no=sale.receipt_no, staff_id=manager, items=[ReturnItem(99, 1)],
        tenders=[TenderInput("cash", 100)]), "Line 99 is not on receipt")
    refused(demo_db, lambda: returns.refund(
        demo_db, receipt_no="T01-999999", staff_id=manager, items=[ReturnItem(1, 1)],
        tenders=[TenderInput("cash", 100)]), "No sale has the receipt number")


def test_returning_a_unit_asks_about_its_attachments_then_takes_them_back(demo_db):
    db = demo_db
    sale = notebook_sale(db)
    manager = staff_id(db, "manager")
    refused(db, lambda: returns.refund(
        db, receipt_no=sale.receipt_no, staff_id=manager, items=[ReturnItem(1, 1)],
        tenders=[TenderInput("cash", 649900)]), "do they come back too")
    with db.read() as session:
        stock_before = session.scalar(_ON_HAND, {"code": NOTEBOOK})
    unit_bag_card = 649900 + 39900 + 39900
    done = returns.refund(db, receipt_no=sale.receipt_no, staff_id=manager,
                          items=[ReturnItem(1, 1)], with_attached=True,
                          tenders=[TenderInput("cash", unit_bag_card)])
    assert done.total == -unit_bag_card and len(done.cancelled_cards) == 1
    with db.read() as session:
        card = session.scalar(select(ServiceCard).where(ServiceCard.card_no == done.cancelled_cards[0]))
        assert card.state is CardState.CANCELLED
        assert session.scalar(_ON_HAND, {"code": NOTEBOOK}) == stock_before + 1
    assert returns.returnable(db, receipt_no=sale.receipt_no) == {1: 0, 2: 0, 3: 0, 4: 2}
    # the serial may be sold again now that the unit is back
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    checkout.set_serial(db, cart, line_id=unit.line_id, serial="SN-RET-1")
    assert verify.verify(db).ok


def test_a_void_is_a_new_document_needing_a_manager_and_only_in_the_shift(demo_db):
    from pos.day import shifts

    db = demo_db
    earlier = notebook_sale(db)
    shifts.close_shift(db, terminal="T01", staff_id=staff_id(db, "manager"), counts={})
    refused(db, lambda: voids.void_sale(
        db, receipt_no=earlier.receipt_no, staff_id=staff_id(db, "manager")),
        "only sales of the current shift can be voided")
    cart_sale = notebook_sale_again(db)
    cashier = staff_id(db, "cashier")
    refused(db, lambda: voids.void_sale(db, receipt_no=cart_sale.receipt_no, staff_id=cashier),
            "A manager must approve this")
    sale = cart_sale
    approval = manager_approval(db, "void", sale.receipt_no)
    void = voids.void_sale(db, receipt_no=sale.receipt_no, staff_id=cashier,
                           approval_id=approval, reason="customer changed mind")
    assert void.total == -sale.total and void.receipt_no == "T01-000003"
    refused(db, lambda: voids.void_sale(db, receipt_no=sale.receipt_no,
                                        staff_id=staff_id(db, "manager")),
            "already has a return or a void")
    assert returns.returnable(db, receipt_no=sale.receipt_no) == {1: 0}
    kinds = {s.receipt_no: s.kind for s in find.find_sales(db, query="13900000009")}
    assert kinds == {sale.receipt_no: "sale", void.receipt_no: "void"}
    result = verify.verify(db)
    assert result.ok, result.problem


def test_find_a_sale_by_receipt_phone_or_serial(demo_db):
    sale = notebook_sale(demo_db)
    for query in (sale.receipt_no, sale.receipt_no.lower(), "138-0013-8000", "sn-ret-1"):
        assert [s.receipt_no for s in find.find_sales(demo_db, query=query)] == [sale.receipt_no]
    assert find.find_sales(demo_db, query="NO-SUCH-SERIAL") == []


def test_five_wrong_pins_lock_the_login_with_a_growing_delay(demo_db):
    cashier = staff_id(demo_db, "cashier")
    for _ in range(5):
        with pytest.raises(UserError, match="Wrong PIN"):
            staff.verify_pin(demo_db, staff_id=cashier, pin="0000")
    with pytest.raises(UserError, match="locked for"):
        staff.verify_pin(demo_db, staff_id=cashier, pin="1111")  # even the right PIN waits
    with demo_db.unit_of_work() as session:
        session.execute(text("UPDATE staff SET locked_until = NULL WHERE id = :id"), {"id": cashier})
    with pytest.raises(UserError, match="Wrong PIN"):
        staff.verify_pin(demo_db, staff_id=cashier, pin="0000")  # the sixth miss
    with demo_db.read() as session:
        from pos.db.models import Staff
        member = session.get(Staff, cashier)
        assert member.failed_pins == 6 and member.locked_until is not None
    failed = [e for e in audit.list_audit(demo_db) if e.action == "failed_login"]
    assert len(failed) == 6


def test_a_tampered_audit_event_breaks_the_journal(demo_db):
    sale = notebook_sale(demo_db)
    voids.void_sale(demo_db, receipt_no=sale.receipt_no, staff_id=staff_id(demo_db, "manager"))
    assert verify.verify(demo_db).ok
    with demo_db.unit_of_work() as session:
        session.execute(text("UPDATE audit_events SET ref = 'nothing to see' WHERE action = 'void'"))
    result = verify.verify(demo_db)
    assert not result.ok and "the audit event was altered" in result.problem


def test_opening_the_drawer_without_a_sale_is_a_managers_right_and_audited(demo_db, capsys):
    from pos.cli import main
    from pos.printjobs import print_queue

    refused(demo_db, lambda: print_queue.open_drawer(
        demo_db, terminal="T01", staff_id=staff_id(demo_db, "cashier"), reason="change"),
        "A manager must approve this")
    job = print_queue.open_drawer(demo_db, terminal="T01", staff_id=staff_id(demo_db, "manager"),
                                  reason="change for the float")
    assert job.kind == "drawer" and job.open_drawer
    print_queue.set_printer_config(demo_db, terminal="T01", paper_mm=58)
    assert main([f"--db={demo_db.url}", "audit"]) == 0
    out = capsys.readouterr().out
    assert "open_drawer" in out and "Zhang Wei" in out and "settings_change" in out
    assert verify.verify(demo_db).ok
