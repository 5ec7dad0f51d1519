"""Exchanges in one step, and returns without a receipt."""

import pytest
from sqlalchemy import select

from pos.aftersale.exchange import exchange, refund_without_receipt
from pos.aftersale.returns import ReturnItem
from pos.db.models import Payment, Sale
from pos.kernel.enums import DocumentKind
from pos.kernel.errors import UserError
from pos.ledger import verify
from pos.people import approvals
from pos.selling import checkout
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import db_state, new_cart, staff_id
from tests.integration.test_corrections import notebook_sale


def test_an_exchange_returns_and_sells_in_one_step_paying_the_difference(demo_db):
    db = demo_db
    sale = notebook_sale(db)
    manager = staff_id(db, "manager")
    cart = new_cart(db, role="manager")
    checkout.add_product(db, cart, code="BAG-NB-156")  # 399.00 for two kits at 79.80
    done = exchange(db, receipt_no=sale.receipt_no, staff_id=manager,
                    items=[ReturnItem(4, 2)], cart=cart, tenders=[TenderInput("cash", 39900 - 7980)])
    assert done.difference == 39900 - 7980
    with db.read() as session:
        refund = session.scalar(select(Sale).where(Sale.receipt_no == done.refund.receipt_no))
        new = session.scalar(select(Sale).where(Sale.receipt_no == done.sale.receipt_no))
        assert refund.kind is DocumentKind.REFUND and new.kind is DocumentKind.SALE
        tenders = sorted((p.tender.value, p.amount) for p in session.scalars(
            select(Payment).where(Payment.sale_id.in_([refund.id, new.id]))))
    assert tenders == [("cash", 31920), ("exchange", -7980), ("exchange", 7980)]
    assert verify.verify(db).ok


def test_an_exchange_for_something_cheaper_gives_the_difference_back(demo_db):
    db = demo_db
    sale = notebook_sale(db)
    cart = new_cart(db, role="manager")
    checkout.add_product(db, cart, code="PRO-CLN-PC")  # 39.90 for the 399.00 bag
    done = exchange(db, receipt_no=sale.receipt_no, staff_id=staff_id(db, "manager"),
                    items=[ReturnItem(2, 1)], cart=cart, tenders=[TenderInput("cash", 39900 - 3990)])
    assert done.difference == -(39900 - 3990) and done.refund.total == -39900


def test_a_failed_exchange_changes_nothing(demo_db):
    db = demo_db
    sale = notebook_sale(db)
    cart = new_cart(db, role="manager")
    checkout.add_product(db, cart, code="BAG-NB-156")
    before = db_state(db)
    with pytest.raises(UserError, match="Not enough tendered"):
        exchange(db, receipt_no=sale.receipt_no, staff_id=staff_id(db, "manager"),
                 items=[ReturnItem(4, 2)], cart=cart, tenders=[TenderInput("cash", 100)])
    assert db_state(db) == before  # the return was rolled back with the sale


def test_a_return_without_a_receipt_needs_a_manager_and_a_reason(demo_db):
    db = demo_db
    cashier = staff_id(db, "cashier")
    before = db_state(db)
    with pytest.raises(UserError, match="A manager must approve"):
        refund_without_receipt(db, code="PRO-CLN-PC", quantity=1, staff_id=cashier, terminal="T01",
                               tenders=[TenderInput("cash", 3990)], reason="gift, no receipt")
    with pytest.raises(UserError, match="at most the current price"):
        refund_without_receipt(db, code="PRO-CLN-PC", quantity=1, staff_id=cashier, terminal="T01",
                               tenders=[TenderInput("cash", 9990)], reason="gift", unit_price=9990)
    assert db_state(db) == before
    approval = approvals.approve(db, action="no_receipt_return", ref="PRO-CLN-PC", amount=3990,
                                 requested_by=cashier, manager_id=staff_id(db, "manager"), pin="9999")
    done = refund_without_receipt(db, code="PRO-CLN-PC", quantity=1, staff_id=cashier,
                                  terminal="T01", tenders=[TenderInput("cash", 3990)],
                                  approval_id=approval, reason="gift, no receipt")
    assert done.total == -3990 and done.original is None
    assert db_state(db)[-1] == before[-1] + 1  # back in stock
    assert verify.verify(db).ok
