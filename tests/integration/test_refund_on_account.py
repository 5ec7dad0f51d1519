"""Money never goes back to a customer who did not pay it: a sale on account that is
still owed is refunded to the account, never in cash or to a card; once the customer
has paid its invoice, the money they paid may go back as money. SQLite and PostgreSQL."""

import uuid

import pytest

from pos.accounts.payments import take_payment
from pos.aftersale import returns
from pos.aftersale.returns import ReturnItem
from pos.kernel.enums import Tender
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from tests.integration.checkout_helpers import staff_id
from tests.integration.test_account_ledger import balance
from tests.integration.test_accounts_corrections import snapshot, two_bags_on_account


def rid():
    return str(uuid.uuid4())


def refund(db, receipt, back_in, position=1):
    return returns.refund(db, receipt_no=receipt, staff_id=staff_id(db, "manager"),
                          items=[ReturnItem(position, 1)], back_in=back_in,
                          reason="changed mind", request_id=rid())


def test_an_unpaid_sale_on_account_is_not_refunded_in_cash(demo_db):
    db = demo_db
    buyer, receipt, due, _ = two_bags_on_account(db)
    before = snapshot(db)
    with pytest.raises(UserError) as refused:
        refund(db, receipt, Tender.CASH)
    assert refused.value.message_id == "refund.back_to_account"
    assert snapshot(db) == before and balance(db, buyer.id) == due  # nothing changed
    refund(db, receipt, Tender.ON_ACCOUNT)  # back to the account is the way
    assert verify(db).ok


def test_what_the_customer_paid_may_go_back_as_money(demo_db):
    db = demo_db
    buyer, receipt, due, first_line = two_bags_on_account(db)
    take_payment(db, customer=buyer.id, amount=first_line, tender="transfer",
                 staff_id=staff_id(db, "cashier"), request_id=rid())
    refund(db, receipt, Tender.CASH)  # one bag's worth was paid: it may go back in cash
    with pytest.raises(UserError) as refused:  # the other bag's is still owed
        refund(db, receipt, Tender.CASH, position=2)
    assert refused.value.message_id == "refund.back_to_account"
    refund(db, receipt, Tender.ON_ACCOUNT, position=2)
    assert balance(db, buyer.id) == 0
    result = verify(db)
    assert result.ok, result.problem
