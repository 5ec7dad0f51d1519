"""`pos quote …`, `pos invoices …` and `pos customer set`: each command, and each
refusal exiting with 1 and changing nothing (SQLite; the services are tested on both
databases in test_quotes.py and test_invoice_requests.py)."""

import csv
import io
import uuid

import pytest
from sqlalchemy import select

from pos.accounts import quotes
from pos.cli import main
from pos.db.models import Customer
from pos.people import customers
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import new_cart


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("POS_LOCALE", "en")


def pos(db, *words) -> int:
    return main([f"--db={db.url}", "--terminal=T01", *words])


def details(db, phone):
    with db.read() as session:
        c = session.scalar(select(Customer).where(Customer.phone == phone))
        return (c.company, c.tax_id, c.invoice_address, c.bank_name, c.bank_account)


def test_the_quote_and_invoice_commands(sqlite_demo_db, tmp_path, capsys):
    db = sqlite_demo_db
    buyer = customers.create_customer(db, phone="13700000001", name="Buyer", kind="business",
                                      company="Acme Ltd")
    assert pos(db, "customer", "set", "137-0000-0001", "--tax-id", "91310000ma1fl8xq3x",
               "--address", "1 Nanjing Rd", "--bank", "ICBC",
               "--account", "4111 1111 1111 1111", "--owner", "Zhang Wei") == 0
    assert details(db, "13700000001") == ("Acme Ltd", "91310000MA1FL8XQ3X", "1 Nanjing Rd",
                                          "ICBC", "4111111111111111")
    before = details(db, "13700000001")
    assert pos(db, "customer", "set", "13700000001", "--tax-id", "123") == 1
    assert pos(db, "customer", "set", "13700000001", "--account", "12-34") == 1
    assert pos(db, "customer", "set", "13999999999", "--bank", "X") == 1
    assert details(db, "13700000001") == before
    assert "customer.bad_tax_id" not in capsys.readouterr().err  # said in words
    assert pos(db, "customer", "13700000001") == 0  # the history still shows

    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    checkout.set_customer(db, cart, customer_id=buyer.id)
    quote = quotes.save_quote(db, cart, staff_id=cart.staff_id, request_id=str(uuid.uuid4()))
    capsys.readouterr()
    assert pos(db, "quote", "list", "--state", "open") == 0
    assert quote.quote_no in capsys.readouterr().out
    pdf = tmp_path / "q.pdf"
    assert pos(db, "quote", "show", quote.quote_no, "--pdf", str(pdf)) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pos(db, "quote", "show", "S01-QT-999999") == 1
    report = tmp_path / "r.csv"
    assert pos(db, "quote", "report", "--from", "2000-01-01", "--to", "2100-01-01",
               "--csv", str(report)) == 0
    assert report.read_bytes().decode("utf-8-sig").splitlines()[-1].startswith("total,1,")

    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    checkout.set_customer(db, cart, customer_id=buyer.id)
    sale = completion.complete_sale(db, cart, tenders=[TenderInput("cash", cart.lines[0].total)])
    assert pos(db, "invoices", "request", sale.receipt_no, "--staff", "Li Na") == 0
    assert pos(db, "invoices", "request", sale.receipt_no, "--staff", "Li Na") == 1  # again
    out = tmp_path / "i.csv"
    assert pos(db, "invoices", "export", "--from", "2000-01-01", "--to", "2100-01-01",
               "--csv", str(out)) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert [r["receipt"] for r in rows] == [sale.receipt_no]
    assert rows[0]["bank_account"] == "4111111111111111"
    assert pos(db, "quote", "cancel", quote.quote_no, "--staff", "Zhang Wei") == 0
    assert pos(db, "quote", "cancel", quote.quote_no, "--staff", "Zhang Wei") == 1
