"""The account ledger beneath the services (issue 19): a sale on account becomes an
invoice item within the account's limit, a payment document settles invoices only while
they are open, and every account document is sealed and verifies; on SQLite and
PostgreSQL."""

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from pos.accounts.accounts import open_account, transfer_to_big_accounts
from pos.db.models import AccountItem, CustomerAccount
from pos.kernel.clock import utcnow
from pos.kernel.enums import AccountDocKind, Tender
from pos.kernel.errors import UserError
from pos.ledger.account_documents import (
    AccountDocument, Allocation, account_doc_number, allocate_oldest_first,
)
from pos.ledger.account_tables import (
    next_account_number, open_items, write_account_document,
)
from pos.ledger.verify import verify
from pos.people import customers
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import new_cart, staff_id

BAG = "BAG-NB-156"


def business(db, phone="13700000001"):
    return customers.create_customer(db, phone=phone, name="Acme buyer", kind="business",
                                     company="Acme Ltd")


def sell_on_account(db, customer_id, code=BAG, business_date=None):
    cart = new_cart(db)
    checkout.add_product(db, cart, code=code)
    checkout.set_customer(db, cart, customer_id=customer_id)
    due = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("on_account", due)],
                                    business_date=business_date), due


def balance(db, customer_id):
    with db.read() as session:
        return session.scalar(select(CustomerAccount.balance).where(
            CustomerAccount.customer_id == customer_id))


def test_a_sale_on_account_needs_an_account_and_stays_within_its_limit(demo_db):
    db = demo_db
    buyer = business(db)
    with pytest.raises(UserError) as refused:
        sell_on_account(db, buyer.id)
    assert refused.value.message_id == "account.none"
    open_account(db, customer=buyer.id, staff_id=staff_id(db, "manager"), credit_limit=50_000)
    sale, due = sell_on_account(db, buyer.id)
    assert balance(db, buyer.id) == due
    with db.read_connection() as conn:
        items = open_items(conn, buyer.id)
    assert [(i.ref, i.open_amount) for i in items] == [(f"{sale.receipt_no}/1", due)]
    assert items[0].due_date == date.today() + timedelta(days=30)
    with pytest.raises(UserError) as refused:  # a second bag goes over 500.00
        sell_on_account(db, buyer.id)
    assert refused.value.message_id == "account.over_limit"
    assert balance(db, buyer.id) == due  # nothing changed
    transfer_to_big_accounts(db, customer=buyer.id, staff_id=staff_id(db, "manager"),
                             note="overdue 45 days")
    assert verify(db).ok


def test_a_payment_settles_open_invoices_once_and_is_sealed(demo_db):
    db = demo_db
    buyer = business(db)
    open_account(db, customer=buyer.id, staff_id=staff_id(db, "manager"), credit_limit=None)
    first, due = sell_on_account(db, buyer.id)
    second, _ = sell_on_account(db, buyer.id)

    def post(amount, parts):
        with db.write_connection() as conn:
            number = account_doc_number("S01", AccountDocKind.PAYMENT, next_account_number(
                conn, 1, AccountDocKind.PAYMENT))
            allocations = tuple(Allocation(ref, number, part) for ref, part in parts)
            write_account_document(conn, AccountDocument(
                kind=AccountDocKind.PAYMENT, doc_no=number, store_id=1,
                customer_id=buyer.id, business_date=date.today(), posted_at=utcnow(),
                request_id=str(uuid.uuid4()), amount=amount, tender=Tender.BANK_TRANSFER,
                reference="BANK-1", allocations=allocations))
        return number

    with db.read_connection() as conn:
        items = open_items(conn, buyer.id)
    plan = allocate_oldest_first(items, due + 100)
    assert [(item.ref, part) for item, part in plan] == [
        (f"{first.receipt_no}/1", due), (f"{second.receipt_no}/1", 100)]
    number = post(due + 100, [(item.ref, part) for item, part in plan])
    assert number == "S01-RP-000001"
    assert balance(db, buyer.id) == due - 100
    with pytest.raises(UserError) as refused:  # the first invoice is settled already
        post(50, [(f"{first.receipt_no}/1", 50)])
    assert refused.value.message_id == "account.balance_changed"
    assert balance(db, buyer.id) == due - 100
    with db.read() as session:
        opens = session.scalars(select(AccountItem.open_amount).where(
            AccountItem.customer_id == buyer.id).order_by(AccountItem.id)).all()
    assert opens == [0, due - 100, 0]
    result = verify(db)
    assert result.ok, result.problem
