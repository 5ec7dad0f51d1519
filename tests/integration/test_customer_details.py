"""A customer's invoice details and owner (issue 19, point 6): checked before anything
is kept (a tax id of 15 to 20 letters and digits, a bank account of 8 to 32 digits kept
whole, never masked as a card number), on SQLite and PostgreSQL."""

import pytest
from sqlalchemy import select

from pos.db.models import Customer
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people import customers
from tests.integration.checkout_helpers import staff_id

LUHN_VALID = "4111 1111 1111 1111"  # a card-shaped number: clean_text would mask it


def row(db, customer_id):
    with db.read() as session:
        c = session.get(Customer, customer_id)
        return (c.company, c.tax_id, c.invoice_address, c.invoice_phone, c.bank_name,
                c.bank_account, c.owner_id)


def test_invoice_details_are_kept_as_given_and_cleared_by_empty(demo_db):
    db = demo_db
    c = customers.create_customer(db, phone="13700000001", name="Buyer", kind="business",
                                  company="Acme Ltd")
    manager = staff_id(db, "manager")
    customers.update_customer(db, customer_id=c.id, tax_id=" 91310000ma1fl8xq3x ",
                              invoice_address="1 Nanjing Rd", invoice_phone="021-5555 0000",
                              bank_name="ICBC", bank_account=LUHN_VALID, owner_id=manager)
    assert row(db, c.id) == ("Acme Ltd", "91310000MA1FL8XQ3X", "1 Nanjing Rd", "021-5555 0000",
                             "ICBC", "4111111111111111", manager)
    customers.update_customer(db, customer_id=c.id, bank_name="", owner_id=None)
    assert row(db, c.id)[4:] == (None, "4111111111111111", None)  # the rest untouched
    with db.read_connection() as conn:
        details = customers.invoice_details(conn, c.id)
    assert details.missing() == [] and details.bank_account == "4111111111111111"
    assert verify(db).ok


@pytest.mark.parametrize("change, message_id", [
    ({"tax_id": "91310000MA1FL8"}, "customer.bad_tax_id"),  # 14
    ({"tax_id": "91310000MA1FL8XQ3X12345"}, "customer.bad_tax_id"),  # 23
    ({"tax_id": "91310000-MA1FL8XQ3"}, "customer.bad_tax_id"),
    ({"bank_account": "6222-02"}, "customer.bad_bank_account"),
    ({"bank_account": "6222 0212 3456 789O"}, "customer.bad_bank_account"),  # a letter O
    ({"bank_account": "1" * 33}, "customer.bad_bank_account"),
    ({"company": ""}, "customer.needs_company"),  # a business customer keeps one
    ({"owner_id": 999_999}, "customer.bad_owner"),
    ({"invoice_address": "x" * 301}, "text.too_long"),
])
def test_bad_details_are_refused_and_change_nothing(demo_db, change, message_id):
    db = demo_db
    c = customers.create_customer(db, phone="13700000001", name="Buyer", kind="business",
                                  company="Acme Ltd")
    customers.update_customer(db, customer_id=c.id, tax_id="91310000MA1FL8XQ3X",
                              bank_account="62220212345678901")
    before = row(db, c.id)
    with pytest.raises(UserError) as error:
        customers.update_customer(db, customer_id=c.id, bank_name="ICBC", **change)
    assert error.value.message_id == message_id
    assert row(db, c.id) == before


def test_an_unknown_customer_is_refused(demo_db):
    with pytest.raises(UserError) as error:
        customers.update_customer(demo_db, customer_id=999_999, company="X")
    assert error.value.message_id == "customer.unknown"
    with demo_db.read() as session:
        assert session.scalar(select(Customer.id).where(Customer.id == 999_999)) is None
