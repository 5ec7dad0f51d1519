"""A manager's approval is for one kind of action, one record and, when the action moves
money, one amount; it is used once and lapses (issue 12: an approval to open the drawer
was accepted for a 50,000.00 paid-out)."""

from datetime import timedelta

import pytest
from sqlalchemy import update

from pos.aftersale import returns
from pos.aftersale.returns import ReturnItem
from pos.db.models import Approval
from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError
from pos.people import approvals, permissions
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import db_state, new_cart, staff_id


def approve(db, action, ref, amount=None):
    return approvals.approve(db, action=action, ref=ref, amount=amount,
                             requested_by=staff_id(db, "cashier"),
                             manager_id=staff_id(db, "manager"), pin="9999")


def authorise(db, **values):
    with db.write_connection() as conn:
        return permissions.authorise(conn, staff_id=staff_id(db, "cashier"), **values)


def kits_sale(db, quantity=2):
    cart = new_cart(db)
    kits = checkout.add_product(db, cart, code="PRO-CLN-PC", quantity=quantity)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", kits.total)])


def test_an_approval_to_open_the_drawer_is_not_one_to_pay_cash_out(demo_db):
    drawer = approve(demo_db, "open_drawer", "T01")
    with pytest.raises(UserError, match="given for something else"):
        authorise(demo_db, action="paid_out", ref="T01", amount=5_000_000, approval_id=drawer)
    assert authorise(demo_db, action="open_drawer", ref="T01", approval_id=drawer).approved_by


def test_a_paid_out_approval_is_for_its_amount_only(demo_db):
    small = approve(demo_db, "paid_out", "T01", 10_000)
    with pytest.raises(UserError, match="for another amount"):
        authorise(demo_db, action="paid_out", ref="T01", amount=5_000_000, approval_id=small)
    with pytest.raises(UserError, match="given for something else"):
        authorise(demo_db, action="paid_in", ref="T01", amount=10_000, approval_id=small)
    assert authorise(demo_db, action="paid_out", ref="T01", amount=10_000,
                     approval_id=small).approved_by == staff_id(demo_db, "manager")


def test_a_refund_approval_is_for_the_amount_the_manager_saw(demo_db):
    sale = kits_sale(demo_db)
    one_kit = returns.quote_refund(demo_db, receipt_no=sale.receipt_no, items=[ReturnItem(1, 1)])
    approval = approve(demo_db, "refund", sale.receipt_no, one_kit)
    before = db_state(demo_db)
    with pytest.raises(UserError, match="for another amount"):
        returns.refund(demo_db, receipt_no=sale.receipt_no, staff_id=staff_id(demo_db, "cashier"),
                       items=[ReturnItem(1, 2)], tenders=[TenderInput("cash", 2 * one_kit)],
                       approval_id=approval)
    assert db_state(demo_db) == before
    done = returns.refund(demo_db, receipt_no=sale.receipt_no,
                          staff_id=staff_id(demo_db, "cashier"), items=[ReturnItem(1, 1)],
                          tenders=[TenderInput("cash", one_kit)], approval_id=approval)
    assert done.total == -one_kit


def test_a_discount_approval_is_for_that_discount_not_a_larger_one(demo_db):
    cart = new_cart(demo_db)
    kits = checkout.add_product(demo_db, cart, code="PRO-CLN-PC", quantity=4)
    approval = approve(demo_db, "discount_beyond_limit", checkout.line_ref(cart, kits.line_id),
                       kits.gross // 5)
    with pytest.raises(UserError, match="for another amount"):
        checkout.discount_line(demo_db, cart, line_id=kits.line_id, amount=kits.gross,
                               approval_id=approval)
    assert kits.discount == 0
    checkout.discount_line(demo_db, cart, line_id=kits.line_id, amount=kits.gross // 5,
                           approval_id=approval)
    assert kits.discount == kits.gross // 5


def test_a_price_override_approval_is_for_that_price(demo_db):
    cart = new_cart(demo_db)
    kit = checkout.add_product(demo_db, cart, code="PRO-CLN-PC")
    approval = approve(demo_db, "price_override", checkout.line_ref(cart, kit.line_id), 2990)
    with pytest.raises(UserError, match="for another amount"):
        checkout.override_price(demo_db, cart, line_id=kit.line_id, price=1, reason="friend",
                                approval_id=approval)
    checkout.override_price(demo_db, cart, line_id=kit.line_id, price=2990, reason="dented box",
                            approval_id=approval)
    assert kit.unit_price == 2990


def test_an_approval_lapses_after_fifteen_minutes(demo_db):
    approval = approve(demo_db, "void", "T01-000001")
    with demo_db.unit_of_work() as session:
        session.execute(update(Approval).where(Approval.id == approval).values(
            created_at=utcnow() - timedelta(minutes=permissions.APPROVAL_MINUTES + 1)))
    with pytest.raises(UserError, match="more than 15 minutes ago"):
        authorise(demo_db, action="void", ref="T01-000001", approval_id=approval)


def test_actions_that_move_money_are_approved_with_an_amount_and_the_others_without():
    assert permissions.approval_ref("refund", "T01-000001", 3990) == "T01-000001|3990"
    assert permissions.approval_ref("void", "T01-000001") == "T01-000001"
    with pytest.raises(ValueError):
        permissions.approval_ref("paid_out", "T01")
    with pytest.raises(ValueError):
        permissions.approval_ref("open_drawer", "T01", 100)
    long = permissions.approval_ref("staff_admin", "x" * 200)
    assert len(long) <= permissions.REF_MAX and long == permissions.approval_ref(
        "staff_admin", "x" * 200)
