"""Selling on account (issue 19, point 1): only to a customer with an account, within
its limit (none by default for business, the store's setting for consumers) and term
(3 days consumers, 30 business, or the account's shorter term); refused while an
invoice is overdue or once the account is with the big-account team. Each refusal
names the reason and changes nothing. SQLite and PostgreSQL, ending with verify."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from pos.accounts.accounts import account_view, change_terms, open_account, transfer_to_big_accounts
from pos.db.models import AccountItem
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people import customers
from pos.store.settings import set_setting
from tests.integration.checkout_helpers import db_state, staff_id
from tests.integration.test_account_ledger import balance, business, sell_on_account

TODAY = date.today()


def consumer(db, phone="13900000011"):
    return customers.create_customer(db, phone=phone, name="Li Lei", kind="consumer")


def manager(db):
    return staff_id(db, "manager")


def refused(db, buyer, message, **kw):
    before = db_state(db)
    with pytest.raises(UserError) as caught:
        sell_on_account(db, buyer.id, **kw)
    assert caught.value.message_id == message
    assert db_state(db) == before
    return caught.value


def test_no_account_no_sale_on_account(demo_db):
    buyer = business(demo_db)
    refused(demo_db, buyer, "account.none")
    assert verify(demo_db).ok


def test_consumers_get_the_store_limit_and_business_none(demo_db):
    db = demo_db
    person = consumer(db)
    view = open_account(db, customer=person.phone, staff_id=manager(db))
    assert (view.credit_limit, view.term_days) == (200000, 3)  # the setting: 2,000.00
    firm = business(db)
    view = open_account(db, customer=firm.phone, staff_id=manager(db))
    assert (view.credit_limit, view.term_days, view.available) == (None, 30, None)
    for _ in range(5):  # 5 x 399.00 = 1,995.00: within 2,000.00
        sell_on_account(db, person.id)
    error = refused(db, person, "account.over_limit")
    assert error.params["limit"] == 200000 and error.params["balance"] == 5 * 39900
    assert balance(db, person.id) == 5 * 39900
    for _ in range(6):  # no limit for the business
        sell_on_account(db, firm.id)
    assert verify(db).ok


def test_the_term_sets_the_due_date(demo_db):
    db = demo_db
    person, firm = consumer(db), business(db)
    open_account(db, customer=person.id, staff_id=manager(db))
    open_account(db, customer=firm.id, staff_id=manager(db), term_days=14)
    with pytest.raises(UserError) as caught:
        change_terms(db, customer=firm.id, staff_id=manager(db), term_days=45)
    assert caught.value.message_id == "account.term_too_long"
    sell_on_account(db, person.id, business_date=TODAY)
    sell_on_account(db, firm.id, business_date=TODAY)
    with db.read() as session:
        dues = list(session.scalars(select(AccountItem.due_date).order_by(AccountItem.id)))
    assert dues == [TODAY + timedelta(days=3), TODAY + timedelta(days=14)]
    assert account_view(db, customer=firm.id).term_days == 14
    assert verify(db).ok


def test_an_overdue_invoice_stops_sales_on_account(demo_db):
    db = demo_db
    firm = business(db)
    open_account(db, customer=firm.id, staff_id=manager(db))
    sell_on_account(db, firm.id, business_date=TODAY - timedelta(days=31))  # due yesterday
    error = refused(db, firm, "account.overdue")
    assert (error.params["amount"], error.params["days"]) == (39900, 1)
    with db.unit_of_work() as session:  # the store may allow it
        set_setting(session, "account_block_overdue", False)
    sell_on_account(db, firm.id)
    view = account_view(db, customer=firm.id)
    assert (view.overdue, view.oldest_overdue_days, view.balance) == (39900, 1, 79800)
    assert verify(db).ok


def test_a_transferred_account_sells_no_more_on_account(demo_db):
    db = demo_db
    firm = business(db)
    open_account(db, customer=firm.id, staff_id=manager(db))
    sell_on_account(db, firm.id)
    with pytest.raises(UserError) as caught:  # a cashier may not
        transfer_to_big_accounts(db, customer=firm.id, staff_id=staff_id(db, "cashier"),
                                 note="x")
    assert caught.value.message_id == "permission.manager_must_approve"
    view = transfer_to_big_accounts(db, customer=firm.id, staff_id=manager(db), note="late")
    assert view.transfer_note == "late"
    refused(db, firm, "account.transferred")
    with pytest.raises(UserError) as caught:
        transfer_to_big_accounts(db, customer=firm.id, staff_id=manager(db), note="again")
    assert caught.value.message_id == "account.transferred"
    assert verify(db).ok


def test_opening_is_a_managers_and_once(demo_db):
    db = demo_db
    firm = business(db)
    with pytest.raises(UserError) as caught:
        open_account(db, customer=firm.id, staff_id=staff_id(db, "cashier"))
    assert caught.value.message_id == "permission.manager_must_approve"
    with pytest.raises(UserError) as caught:
        open_account(db, customer=firm.id, staff_id=manager(db), credit_limit=-1)
    assert caught.value.message_id == "account.limit_negative"
    open_account(db, customer=f"#{firm.id}", staff_id=manager(db), credit_limit=100000)
    with pytest.raises(UserError) as caught:
        open_account(db, customer=firm.id, staff_id=manager(db))
    assert caught.value.message_id == "account.exists"
    with pytest.raises(UserError) as caught:
        open_account(db, customer="nobody", staff_id=manager(db))
    assert caught.value.message_id == "customer.unknown"
    assert verify(db).ok
