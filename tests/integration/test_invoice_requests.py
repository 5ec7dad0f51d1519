"""Invoice (fapiao) requests (issue 19, point 6): asked for at the sale (in its own
transaction) or later by receipt, with the customer's details as they were then, sealed
and exported once as CSV by VAT rate; each refusal changes nothing. SQLite and
PostgreSQL, each ending with the journal verified."""

import csv
import io
import json
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from pos.accounts import invoices
from pos.db.models import AuditEvent, InvoiceRequest, JournalEntry, Sale
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people import customers
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import new_cart, staff_id

TAX_ID = "91310000MA1FL8XQ3X"
TODAY = date.today()


def business(db, phone="13700000001", details=True):
    c = customers.create_customer(db, phone=phone, name="Buyer", kind="business",
                                  company="Acme Ltd")
    if details:
        customers.update_customer(db, customer_id=c.id, tax_id=TAX_ID,
                                  invoice_address="1 Nanjing Rd, Shanghai",
                                  invoice_phone="021-5555 0000", bank_name="ICBC Shanghai",
                                  bank_account="6222 0212 3456 7890 128")
    return c


def sell(db, customer_id=None, invoice=False, codes=("BAG-NB-156",)):
    cart = new_cart(db)
    for code in codes:
        checkout.add_product(db, cart, code=code)
    if customer_id is not None:
        checkout.set_customer(db, cart, customer_id=customer_id)
    cart.invoice_requested = invoice
    due = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)])


def state(db) -> tuple:
    with db.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(model))
                     for model in (Sale, InvoiceRequest, AuditEvent, JournalEntry))


def refused(db, action, message_id):
    before = state(db)
    with pytest.raises(UserError) as error:
        action()
    assert error.value.message_id == message_id
    assert state(db) == before
    return error.value


def test_an_invoice_asked_for_at_the_sale_keeps_the_details_then(demo_db):
    db = demo_db
    buyer = business(db)
    sale = sell(db, buyer.id, invoice=True)
    customers.update_customer(db, customer_id=buyer.id, company="Acme Group Ltd")  # later
    [request] = invoices.list_requests(db, receipt_no=sale.receipt_no)
    assert (request.company, request.tax_id, request.bank_account) == (
        "Acme Ltd", TAX_ID, "6222021234567890128")  # the account whole, never masked
    assert request.address == "1 Nanjing Rd, Shanghai" and request.total == sale.total
    with db.read() as session:
        event = json.loads(session.scalar(select(AuditEvent.details_json).where(
            AuditEvent.action == "invoice_requested")))
    assert event["receipt"] == sale.receipt_no and event["tax_id"] == TAX_ID
    assert event["company"] == "Acme Ltd" and event["bank_name"] == "ICBC Shanghai"
    refused(db, lambda: invoices.request_invoice(db, receipt_no=sale.receipt_no,
                                                 staff_id=staff_id(db, "cashier")),
            "invoice.already_requested")
    assert verify(db).ok


def test_a_sale_asking_without_the_details_is_not_made(demo_db):
    db = demo_db
    bare = business(db, details=False)
    error = refused(db, lambda: sell(db, bare.id, invoice=True), "invoice.needs_details")
    assert [m.id for m in error.params["missing"]] == ["invoice.field.tax_id"]
    refused(db, lambda: sell(db, None, invoice=True), "invoice.needs_details")
    assert verify(db).ok


def test_an_invoice_asked_for_later_by_receipt_and_its_refusals(demo_db):
    db = demo_db
    cashier = staff_id(db, "cashier")
    buyer, bare = business(db), business(db, phone="13700000002", details=False)
    plain = sell(db)  # no customer
    refused(db, lambda: invoices.request_invoice(db, receipt_no=plain.receipt_no,
                                                 staff_id=cashier), "invoice.not_a_sale")
    refused(db, lambda: invoices.request_invoice(db, receipt_no="T01-999999",
                                                 staff_id=cashier), "invoice.not_a_sale")
    theirs = sell(db, bare.id)
    refused(db, lambda: invoices.request_invoice(db, receipt_no=theirs.receipt_no,
                                                 staff_id=cashier), "invoice.needs_details")
    ours = sell(db, buyer.id)
    made = invoices.request_invoice(db, receipt_no=ours.receipt_no.lower(), staff_id=cashier)
    assert made.receipt_no == ours.receipt_no and made.exported_at is None
    assert verify(db).ok


def test_the_export_is_by_vat_rate_and_marks_what_it_exported(demo_db):
    db = demo_db
    buyer = business(db)
    first = sell(db, buyer.id, invoice=True, codes=("BAG-NB-156", "PRO-CLN-PC"))
    data = invoices.export_requests(db, start=TODAY, end=TODAY)
    assert data.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {r["receipt"] for r in rows} == {first.receipt_no}
    assert sum(int(r["amount"].replace(".", "")) for r in rows) == first.total
    assert all(r["tax_id"] == TAX_ID and r["bank_account"] == "6222021234567890128"
               for r in rows)
    assert all(int(r["vat"].replace(".", "")) + int(r["net"].replace(".", ""))
               == int(r["amount"].replace(".", "")) for r in rows)
    second = sell(db, buyer.id, invoice=True)
    rows = list(csv.DictReader(io.StringIO(
        invoices.export_requests(db, start=TODAY, end=TODAY).decode("utf-8-sig"))))
    assert {r["receipt"] for r in rows} == {second.receipt_no}  # only the new one
    everything = invoices.export_requests(db, start=TODAY, end=TODAY, unexported_only=False)
    assert first.receipt_no in everything.decode("utf-8-sig")
    assert invoices.export_requests(db, start=TODAY - timedelta(days=9),
                                    end=TODAY - timedelta(days=1),
                                    unexported_only=False).decode("utf-8-sig").count("\n") == 1
    assert verify(db).ok


def test_the_receipt_prints_the_details_only_when_an_invoice_was_asked_for(demo_db, tmp_path):
    from pypdf import PdfReader

    from pos.printjobs.print_queue import PrintRequest
    from printing.dispatch import run_due_jobs

    db = demo_db
    buyer = business(db)
    printed = {}
    for invoice in (True, False):
        cart = new_cart(db)
        checkout.add_product(db, cart, code="BAG-NB-156")
        checkout.set_customer(db, cart, customer_id=buyer.id)
        cart.invoice_requested = invoice
        sale = completion.complete_sale(
            db, cart, tenders=[TenderInput("wechat", cart.lines[0].total)],
            print_jobs=[PrintRequest("receipt", f"pdf://{tmp_path}", open_drawer=False)])
        assert [o.printed for o in run_due_jobs(db, terminal="T01")] == [True]
        text = PdfReader(tmp_path / f"{sale.receipt_no}.pdf").pages[0].extract_text()
        printed[invoice] = "".join(text.split())  # the preview's text comes a glyph a line
    assert "Invoicerequested" in printed[True] and TAX_ID in printed[True]
    assert "6222021234567890128" in printed[True] and "ICBCShanghai" in printed[True]
    assert "Invoicerequested" not in printed[False] and TAX_ID not in printed[False]
    assert verify(db).ok
