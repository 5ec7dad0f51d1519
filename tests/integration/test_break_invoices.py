"""Adversarial tests of invoice (fapiao) requests and business details (issue 19 point 6):
details typed badly (tax ids, bank accounts, text with control or bidi characters, too
long), requests for what is not a sale to invoice (a refund, a void, a voided sale, no
customer, an unknown receipt), twice; an export whose company names would run as
formulas in the accounting system's spreadsheet (CSV injection) or break its columns.
Each refusal changes nothing; each flow ends with the journal verified."""

import csv
import io
import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from pos.accounts import invoices
from pos.aftersale import returns, voids
from pos.aftersale.returns import ReturnItem
from pos.db.models import AuditEvent, Customer, InvoiceRequest, JournalEntry, Sale
from pos.kernel.enums import Tender
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people import customers
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import new_cart, staff_id

TAX_ID = "91310000MA1FL8XQ3X"
TODAY = date.today()


def business(db, phone="13700000001", company="Acme Ltd", **details):
    c = customers.create_customer(db, phone=phone, name="Buyer", kind="business",
                                  company=company)
    customers.update_customer(db, customer_id=c.id, tax_id=details.pop("tax_id", TAX_ID),
                              **details)
    return c


def sell(db, customer_id=None, invoice=False):
    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    if customer_id is not None:
        checkout.set_customer(db, cart, customer_id=customer_id)
    cart.invoice_requested = invoice
    due = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)])


def state(db) -> tuple:
    with db.read() as session:
        counts = tuple(session.scalar(select(func.count()).select_from(model))
                       for model in (Sale, InvoiceRequest, AuditEvent, JournalEntry))
        details = tuple(session.execute(select(
            Customer.company, Customer.tax_id, Customer.invoice_address, Customer.invoice_phone,
            Customer.bank_name, Customer.bank_account).order_by(Customer.id)).all())
    return counts + (details,)


def refused(db, action, message_id):
    before = state(db)
    with pytest.raises(UserError) as error:
        action()
    assert error.value.message_id == message_id
    assert state(db) == before
    return error.value


@pytest.mark.parametrize("tax_id, kept", [
    ("91310000ma1fl8xq3x", TAX_ID),
    (" 9131 0000 MA1F L8XQ 3X ", TAX_ID),
    ("９１３１００００ＭＡ１ＦＬ８ＸＱ３Ｘ", TAX_ID),  # typed full-width
    ("123456789012345", "123456789012345"),  # 15: an older tax id
])
def test_tax_ids_typed_loosely_are_kept_clean(demo_db, tax_id, kept):
    db = demo_db
    c = business(db)
    customers.update_customer(db, customer_id=c.id, tax_id=tax_id)
    with db.read() as session:
        assert session.get(Customer, c.id).tax_id == kept


@pytest.mark.parametrize("field, value, message_id", [
    ("tax_id", "12345678901234", "customer.bad_tax_id"),  # 14
    ("tax_id", "1" * 21, "customer.bad_tax_id"),
    ("tax_id", "91310000MA1FL8XQ-X", "customer.bad_tax_id"),
    ("tax_id", "91310000MA1FL8XQ\x003X", "customer.bad_tax_id"),
    ("tax_id", "٩١٣١٠٠٠٠MA1FL8XQ3X", "customer.bad_tax_id"),  # Arabic-Indic digits
    ("bank_account", "6222 0212 3456 ABCD", "customer.bad_bank_account"),
    ("bank_account", "1234567", "customer.bad_bank_account"),
    ("bank_account", "1" * 33, "customer.bad_bank_account"),
    ("bank_account", "１２３４５６７８９", None),  # full-width digits are digits: kept
    ("bank_account", "١٢٣٤٥٦٧٨٩", "customer.bad_bank_account"),
    ("company", "", "customer.needs_company"),
    ("company", "x" * 10_000, "text.too_long"),
    ("company", "Acme\x1b[2J", "text.control_characters"),
    ("company", "Acme \u202eLtd", "text.control_characters"),  # right-to-left override
    ("company", "\u2066=1+1\u2069", "text.control_characters"),  # an isolate around a formula
    ("invoice_address", "a\nb", "text.control_characters"),
    ("invoice_address", "x" * 10_000, "text.too_long"),
    ("bank_name", "ICBC\u200f", "text.control_characters"),  # a right-to-left mark
    ("invoice_phone", "x" * 1_000, "text.too_long"),
])
def test_bad_business_details_are_refused_and_change_nothing(demo_db, field, value,
                                                             message_id):
    db = demo_db
    c = business(db)
    if message_id is None:
        customers.update_customer(db, customer_id=c.id, **{field: value})
        return
    refused(db, lambda: customers.update_customer(db, customer_id=c.id, **{field: value}),
            message_id)


def test_emoji_cjk_and_arabic_names_are_kept(demo_db):
    db = demo_db
    name = "深圳市某某科技有限公司 🚀 شركة"
    c = business(db, company=name, invoice_address="福田区 1号")
    sale = sell(db, c.id, invoice=True)
    assert invoices.list_requests(db, receipt_no=sale.receipt_no)[0].company == name
    assert verify(db).ok


def test_what_is_not_a_sale_to_invoice_is_refused(demo_db):
    db = demo_db
    buyer = business(db)
    manager = staff_id(db, "manager")
    nobody = sell(db)
    refused(db, lambda: invoices.request_invoice(db, receipt_no=nobody.receipt_no,
                                                 staff_id=manager), "invoice.not_a_sale")
    refused(db, lambda: sell(db, None, invoice=True), "invoice.needs_details")
    for receipt in ("T01-999999", "", "x" * 10_000, "T01-\x00"):
        refused(db, lambda receipt=receipt: invoices.request_invoice(
            db, receipt_no=receipt, staff_id=manager),
                "invoice.not_a_sale")
    sold = sell(db, buyer.id)
    back = returns.refund(db, receipt_no=sold.receipt_no, staff_id=manager,
                          items=[ReturnItem(1, 1)], back_in=Tender.CASH,
                          request_id=str(uuid.uuid4()))
    refused(db, lambda: invoices.request_invoice(db, receipt_no=back.receipt_no,
                                                 staff_id=manager), "invoice.not_a_sale")
    refused(db, lambda: invoices.request_invoice(db, receipt_no=sold.receipt_no,
                                                 staff_id=manager), "invoice.refunded")
    voided = sell(db, buyer.id)
    void = voids.void_sale(db, receipt_no=voided.receipt_no, staff_id=manager, reason="wrong",
                           request_id=str(uuid.uuid4()))
    refused(db, lambda: invoices.request_invoice(db, receipt_no=void.receipt_no,
                                                 staff_id=manager), "invoice.not_a_sale")
    # the sale that was voided: nothing left to invoice
    refused(db, lambda: invoices.request_invoice(db, receipt_no=voided.receipt_no,
                                                 staff_id=manager), "invoice.voided")
    twice = sell(db, buyer.id, invoice=True)
    refused(db, lambda: invoices.request_invoice(db, receipt_no=twice.receipt_no.lower(),
                                                 staff_id=manager), "invoice.already_requested")
    assert verify(db).ok


def test_a_voided_or_refunded_sale_leaves_the_export(demo_db):
    db = demo_db
    buyer = business(db)
    manager = staff_id(db, "manager")
    kept, voided = sell(db, buyer.id, invoice=True), sell(db, buyer.id, invoice=True)
    refunded = sell(db, buyer.id, invoice=True)
    voids.void_sale(db, receipt_no=voided.receipt_no, staff_id=manager, reason="wrong",
                    request_id=str(uuid.uuid4()))
    returns.refund(db, receipt_no=refunded.receipt_no, staff_id=manager,
                   items=[ReturnItem(1, 1)], back_in=Tender.CASH, request_id=str(uuid.uuid4()))
    rows = list(csv.DictReader(io.StringIO(
        invoices.export_requests(db, start=TODAY, end=TODAY).decode("utf-8-sig"))))
    assert {r["receipt"] for r in rows} == {kept.receipt_no}
    assert verify(db).ok


FORMULAS = ("=HYPERLINK(\"http://x\",\"y\")", "+86 21 5555", "-2+3", "@SUM(A1)",
            "=cmd|' /C calc'!A0")


def test_the_export_never_hands_a_spreadsheet_a_formula_nor_breaks_a_column(demo_db):
    db = demo_db
    made = []
    for n, text in enumerate(FORMULAS):
        c = business(db, phone=f"1370000010{n}", company=text, invoice_address=text,
                     invoice_phone=text, bank_name=text)
        made.append(sell(db, c.id, invoice=True))
    c = business(db, phone="13700000200", company='Acme, "the best"; Ltd',
                 invoice_address="Room 1, 2\" floor")
    made.append(sell(db, c.id, invoice=True))
    data = invoices.export_requests(db, start=TODAY, end=TODAY).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    header, body = rows[0], rows[1:]
    assert len(body) == len(made) and all(len(row) == len(header) for row in body)
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    by_receipt = {row[0]: dict(zip(header, row)) for row in body}
    assert by_receipt[made[0].receipt_no]["company"] == "'" + FORMULAS[0]
    assert by_receipt[made[-1].receipt_no]["company"] == 'Acme, "the best"; Ltd'
    assert verify(db).ok


def test_two_tills_asking_for_one_invoice_at_once_record_it_once(pg_demo_db):
    import threading

    db = pg_demo_db
    buyer = business(db)
    sale = sell(db, buyer.id)
    staff = [staff_id(db, "cashier"), staff_id(db, "manager")] * 2
    barrier, said = threading.Barrier(len(staff)), []

    def ask(who):
        barrier.wait()
        try:
            said.append(("OK", invoices.request_invoice(db, receipt_no=sale.receipt_no,
                                                        staff_id=who).receipt_no))
        except UserError as refusal:
            said.append(("REFUSED", refusal.message_id))

    threads = [threading.Thread(target=ask, args=(who,)) for who in staff]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(word for word, _ in said) == ["OK", "REFUSED", "REFUSED", "REFUSED"], said
    assert {detail for word, detail in said if word == "REFUSED"} == {
        "invoice.already_requested"}
    assert len(invoices.list_requests(db, receipt_no=sale.receipt_no)) == 1
    assert verify(db).ok


def test_an_export_of_a_backwards_period_is_refused(demo_db):
    db = demo_db
    sell(db, business(db).id, invoice=True)
    refused(db, lambda: invoices.export_requests(db, start=TODAY, end=date(2000, 1, 1)),
            "report.period_backwards")
    assert len(invoices.list_requests(db, unexported_only=True)) == 1


def test_an_export_whose_file_cannot_be_written_marks_nothing_exported(demo_db, capsys,
                                                                       tmp_path):
    """The disk is full or the folder is gone: the CLI says so (exit 1) and the requests
    stay unexported, so the next export still holds them."""
    from pos.cli import main

    db = demo_db
    buyer = business(db)
    sale = sell(db, buyer.id, invoice=True)
    url = "--db=" + db.engine.url.render_as_string(hide_password=False)
    day = TODAY.isoformat()
    before = state(db)
    code = main([url, "invoices", "export", "--from", day, "--to", day, "--csv",
                 str(tmp_path / "no-such-folder" / "fapiao.csv")])
    said = capsys.readouterr()
    assert code == 1 and "Traceback" not in said.out + said.err
    assert state(db) == before
    assert [r.receipt_no for r in invoices.list_requests(db, unexported_only=True)] == [
        sale.receipt_no]
    target = tmp_path / "fapiao.csv"
    assert main([url, "invoices", "export", "--from", day, "--to", day, "--csv",
                 str(target)]) == 0
    assert sale.receipt_no in target.read_bytes().decode("utf-8-sig")
    assert invoices.list_requests(db, unexported_only=True) == []


def test_pos_customer_set_changes_only_what_it_is_given(demo_db, capsys):
    """`pos customer set PHONE --company X` once wrote the word "set" as the invoice phone
    (the command's PHONE and --phone shared a name)."""
    from pos.cli import main

    db = demo_db
    c = business(db, invoice_phone="021-5555 0000", invoice_address="1 Nanjing Rd")
    url = "--db=" + db.engine.url.render_as_string(hide_password=False)
    assert main([url, "customer", "set", "13700000001", "--company", "Acme Holdings"]) == 0
    with db.read() as session:
        row = session.get(Customer, c.id)
        assert (row.company, row.invoice_phone, row.invoice_address, row.tax_id) == (
            "Acme Holdings", "021-5555 0000", "1 Nanjing Rd", TAX_ID)
    assert main([url, "customer", "set", "13700000001", "--phone", "021-6666 1111"]) == 0
    with db.read() as session:
        assert session.get(Customer, c.id).invoice_phone == "021-6666 1111"
    before = state(db)
    for words in (["--tax-id", "1234"], ["--account", "6222 ABCD"],
                  ["--company", "Acme\u202eLtd"], ["--company", ""]):
        capsys.readouterr()
        assert main([url, "customer", "set", "13700000001", *words]) == 1, words
        assert "Traceback" not in capsys.readouterr().err
    assert state(db) == before


def test_an_invoice_request_edited_in_the_database_file_is_not_exported(demo_db):
    """Someone changes the tax id kept on a request: the export refuses (the accounting
    system would issue the fapiao to another company) and marks nothing."""
    from sqlalchemy import update

    db = demo_db
    buyer = business(db)
    sale = sell(db, buyer.id, invoice=True)
    with db.write_connection() as conn:
        conn.execute(update(InvoiceRequest).values(tax_id="91440300MA5FAKE000"))
    error = refused(db, lambda: invoices.export_requests(db, start=TODAY, end=TODAY),
                    "invoice.altered")
    assert error.params["receipt"] == sale.receipt_no
    assert [r.receipt_no for r in invoices.list_requests(db, unexported_only=True)] == [
        sale.receipt_no]


def test_the_export_is_net_of_what_was_refunded_before_it(demo_db):
    """A bag and a cleaner sold; the cleaner (its own VAT line) comes back before the
    export: the accounting system gets the bag only, no fapiao for goods returned."""
    db = demo_db
    buyer = business(db)
    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    checkout.add_product(db, cart, code="PRO-CLN-PC", quantity=2)
    checkout.set_customer(db, cart, customer_id=buyer.id)
    cart.invoice_requested = True
    due = sum(line.total for line in cart.lines)
    sale = completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)])
    cleaner = cart.lines[1].total
    returns.refund(db, receipt_no=sale.receipt_no, staff_id=staff_id(db, "manager"),
                   items=[ReturnItem(2, 2)], back_in=Tender.CASH, request_id=str(uuid.uuid4()))
    rows = list(csv.DictReader(io.StringIO(
        invoices.export_requests(db, start=TODAY, end=TODAY).decode("utf-8-sig"))))
    amounts = sum(int(r["amount"].replace(".", "")) for r in rows)
    assert amounts == sale.total - cleaner
    assert all(int(r["amount"].replace(".", "")) > 0 for r in rows)
    assert verify(db).ok
