"""Corrections on account (issue 19, point 1): a refund or a void of a sale on account
gives the money back on account and is applied at once to the sale's invoice (an
ALLOCATE document; what the invoice no longer has open stays a credit); a write-off is a
manager's, with a reason, never more than is owed. SQLite and PostgreSQL, each ending
with a clean verify; every refusal changes nothing."""

import uuid

import pytest
from sqlalchemy import func, select

from pos.accounts.accounts import open_account
from pos.accounts.payments import take_payment
from pos.accounts.writeoffs import write_off
from pos.aftersale import returns, voids
from pos.aftersale.returns import ReturnItem
from pos.db.models import AccountAllocation, AccountDocument, AccountItem
from pos.kernel.enums import AccountDocKind, Tender
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people import approvals
from tests.integration.checkout_helpers import new_cart, staff_id
from tests.integration.test_account_ledger import balance, business
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput


def rid():
    return str(uuid.uuid4())


def snapshot(db):
    with db.read() as session:
        return (session.scalar(select(func.count()).select_from(AccountDocument)),
                session.scalar(select(func.count()).select_from(AccountAllocation)),
                tuple(session.scalars(select(AccountItem.open_amount).order_by(AccountItem.id))))


def two_bags_on_account(db, phone="13700000001"):
    buyer = business(db, phone)
    open_account(db, customer=buyer.id, staff_id=staff_id(db, "manager"), credit_limit=None)
    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    checkout.add_product(db, cart, code="BAG-NB-14")
    checkout.set_customer(db, cart, customer_id=buyer.id)
    due = sum(line.total for line in cart.lines)
    sale = completion.complete_sale(db, cart, tenders=[TenderInput("on_account", due)])
    return buyer, sale.receipt_no, due, cart.lines[0].total


def items(db, buyer):
    with db.read() as session:
        return [(i.kind.value, i.amount, i.open_amount) for i in session.scalars(
            select(AccountItem).where(AccountItem.customer_id == buyer.id).order_by(AccountItem.id))]


def test_a_refund_to_account_is_applied_to_its_invoice(demo_db):
    db = demo_db
    buyer, receipt, due, first_line = two_bags_on_account(db)
    refund = returns.refund(db, receipt_no=receipt, staff_id=staff_id(db, "manager"),
                            items=[ReturnItem(1, 1)], back_in=Tender.ON_ACCOUNT,
                            reason="wrong size", request_id=rid())
    assert refund.total == -first_line
    assert balance(db, buyer.id) == due - first_line
    assert items(db, buyer) == [("invoice", due, due - first_line),
                                ("sale_credit", -first_line, 0)]
    with db.read() as session:
        doc = session.scalars(select(AccountDocument)).one()
        assert (doc.kind, doc.amount, doc.doc_no) == (AccountDocKind.ALLOCATE, first_line,
                                                      "S01-AP-000001")
    assert verify(db).ok


def test_a_refund_after_the_invoice_was_paid_stays_a_credit(demo_db):
    db = demo_db
    buyer, receipt, due, first_line = two_bags_on_account(db)
    take_payment(db, customer=buyer.id, amount=due - 1000, tender="transfer",
                 staff_id=staff_id(db, "cashier"), request_id=rid())
    returns.refund(db, receipt_no=receipt, staff_id=staff_id(db, "manager"),
                   items=[ReturnItem(1, 1)], back_in=Tender.ON_ACCOUNT, reason="faulty",
                   request_id=rid())
    # 10.00 was open: that much is applied, the rest is the customer's credit
    assert items(db, buyer) == [("invoice", due, 0), ("payment", -(due - 1000), 0),
                                ("sale_credit", -first_line, -(first_line - 1000))]
    assert balance(db, buyer.id) == 1000 - first_line
    assert verify(db).ok


def test_a_void_to_account_settles_the_whole_invoice(demo_db):
    db = demo_db
    buyer, receipt, due, _ = two_bags_on_account(db)
    voids.void_sale(db, receipt_no=receipt, staff_id=staff_id(db, "manager"), reason="mistake",
                    request_id=rid())
    assert balance(db, buyer.id) == 0
    assert items(db, buyer) == [("invoice", due, 0), ("sale_credit", -due, 0)]
    assert verify(db).ok


def test_a_refund_of_an_account_sale_in_cash_leaves_the_invoice_open(demo_db):
    db = demo_db
    buyer, receipt, due, first_line = two_bags_on_account(db)
    with pytest.raises(UserError) as refused:  # the sale was not paid by card
        returns.refund(db, receipt_no=receipt, staff_id=staff_id(db, "manager"),
                       items=[ReturnItem(1, 1)], back_in=Tender.BANK_CARD, reason="x",
                       request_id=rid())
    assert refused.value.message_id == "refund.cash_or_original_way"
    assert snapshot(db)[0] == 0 and balance(db, buyer.id) == due
    assert verify(db).ok


def test_a_write_off_by_a_manager_with_a_reason(demo_db):
    db = demo_db
    buyer, receipt, due, _ = two_bags_on_account(db)
    done = write_off(db, customer=buyer.phone, amount=5000, reason="customer closed down",
                     staff_id=staff_id(db, "manager"), request_id=rid())
    assert done.doc_no == "S01-BD-000001" and done.balance == due - 5000
    assert done.applied == ((f"{receipt}/1", 5000),)
    with db.read() as session:
        doc = session.scalars(select(AccountDocument)).one()
        assert doc.reason == "customer closed down" and doc.approved_by is None
    assert verify(db).ok


def test_a_cashier_writes_off_only_with_an_approval_for_that_amount(demo_db):
    db = demo_db
    buyer, receipt, due, _ = two_bags_on_account(db)
    cashier = staff_id(db, "cashier")
    before = snapshot(db)
    with pytest.raises(UserError) as refused:
        write_off(db, customer=buyer.id, amount=5000, reason="bad debt", staff_id=cashier,
                  request_id=rid())
    assert refused.value.message_id == "permission.manager_must_approve"
    approval = approvals.approve(db, action="account_write_off", ref=f"customer:{buyer.id}",
                                 amount=4000, requested_by=cashier,
                                 manager_id=staff_id(db, "manager"), pin="9999")
    with pytest.raises(UserError) as refused:
        write_off(db, customer=buyer.id, amount=5000, reason="bad debt", staff_id=cashier,
                  approval_id=approval, request_id=rid())
    assert refused.value.message_id == "approval.other_amount"
    assert snapshot(db) == before
    done = write_off(db, customer=buyer.id, amount=4000, reason="bad debt", staff_id=cashier,
                     approval_id=approval, request_id=rid())
    with db.read() as session:
        doc = session.scalars(select(AccountDocument)).one()
        assert doc.approved_by == staff_id(db, "manager") and doc.staff_id == cashier
    assert done.balance == due - 4000
    assert verify(db).ok


@pytest.mark.parametrize("kw, message", [
    ({"reason": "  "}, "account.write_off_reason"),
    ({"amount": 10**9}, "account.write_off_over_open"),
    ({"amount": 0}, "account.payment_not_positive"),
    ({"invoices": ["T01-999999"]}, "account.invoice_unknown"),
])
def test_bad_write_offs_change_nothing(demo_db, kw, message):
    db, kw = demo_db, dict(kw)
    buyer, *_ = two_bags_on_account(db)
    before = snapshot(db)
    with pytest.raises(UserError) as refused:
        write_off(db, customer=buyer.id, amount=kw.pop("amount", 100),
                  reason=kw.pop("reason", "bad debt"), staff_id=staff_id(db, "manager"),
                  request_id=rid(), **kw)
    assert refused.value.message_id == message
    assert snapshot(db) == before
    assert verify(db).ok
