"""Quotes (issue 19, point 2): saved for a business customer at prices the store allows,
numbered per store and sealed; opened as a cart at the quoted prices while valid (a
manager's approval after), converted once by the sale; each refusal changes nothing.
On SQLite and PostgreSQL, each ending with the journal verified."""

import json
import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from pos.accounts import quotes
from pos.db.models import (
    AuditEvent,
    JournalEntry,
    Lead,
    Product,
    Quote,
    QuoteLine,
    Sale,
)
from pos.kernel.clock import utcnow
from pos.kernel.enums import QuoteState
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people import approvals, customers
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import new_cart, staff_id

BAG, CLEANER = "BAG-NB-156", "PRO-CLN-PC"
TODAY = date.today()


def business(db, phone="13700000001"):
    return customers.create_customer(db, phone=phone, name="Buyer", kind="business",
                                     company="Acme Ltd")


def quote_cart(db, customer_id, role="cashier"):
    cart = new_cart(db, role)
    checkout.add_product(db, cart, code=BAG)
    checkout.add_product(db, cart, code=CLEANER, quantity=3)
    checkout.set_customer(db, cart, customer_id=customer_id)
    return cart


def save(db, cart, **kwargs):
    kwargs.setdefault("staff_id", cart.staff_id)
    return quotes.save_quote(db, cart, request_id=kwargs.pop("request_id", str(uuid.uuid4())),
                             **kwargs)


def state(db) -> tuple:
    with db.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(model))
                     for model in (Quote, QuoteLine, Sale, AuditEvent, JournalEntry))


def refused(db, action, message_id):
    before = state(db)
    with pytest.raises(UserError) as error:
        action()
    assert error.value.message_id == message_id
    assert state(db) == before  # nothing changed


def cash(db, cart, business_date=None):
    due = sum(line.total for line in cart.billable_lines())
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)],
                                    business_date=business_date)


def test_a_quote_is_saved_numbered_sealed_and_moves_its_lead(demo_db):
    db = demo_db
    buyer = business(db)
    with db.write_connection() as conn:
        lead = conn.execute(Lead.__table__.insert().values(
            store_id=1, kind="smb", contact_name="Buyer", phone="13700000001",
            customer_id=buyer.id, state="open", created_by=staff_id(db, "cashier"),
            created_at=utcnow(), updated_at=utcnow()).returning(Lead.id)).scalar_one()
    cart = quote_cart(db, buyer.id)
    request = str(uuid.uuid4())
    quote = save(db, cart, request_id=request, note="10 bags next month?")
    assert quote.quote_no == "S01-QT-000001" and quote.state == "open"
    assert quote.valid_until == TODAY + timedelta(days=15)  # the store's quote_valid_days
    assert [(l.sku, l.quantity, l.unit_price) for l in quote.lines] == [
        (l.sku, l.quantity, l.unit_price) for l in cart.lines]
    assert quote.total == sum(l.total for l in cart.lines) and quote.vat_total > 0
    assert quote.customer.company == "Acme Ltd" and quote.lead_id == lead
    again = save(db, cart, request_id=request)  # the same request: the same quote
    assert again.quote_no == quote.quote_no and again.replayed
    assert save(db, cart).quote_no == "S01-QT-000002"
    with db.read() as session:
        assert session.scalar(select(Lead.state).where(Lead.id == lead)).value == "quoted"
        sealed = json.loads(session.scalar(select(AuditEvent.details_json).where(
            AuditEvent.action == "quote_issued").order_by(AuditEvent.id)))
    assert sealed["quote"] == "S01-QT-000001" and sealed["total"] == quote.total
    assert [line[7] for line in sealed["lines"]] == [BAG, CLEANER]  # the skus
    listed = quotes.list_quotes(db, store="S01")
    assert [q.quote_no for q in listed] == ["S01-QT-000002", "S01-QT-000001"]
    assert listed[0].customer == "Acme Ltd"
    assert quotes.list_quotes(db, state="converted") == []
    assert verify(db).ok


def test_refusals_change_nothing(demo_db):
    db = demo_db
    buyer = business(db)
    consumer = customers.create_customer(db, phone="13900000002", name="Wu", company="Wu Co")
    cart = quote_cart(db, consumer.id)
    refused(db, lambda: save(db, cart), "quote.needs_company")  # a consumer, even with one
    empty = new_cart(db)
    empty.customer_id = buyer.id
    refused(db, lambda: save(db, empty), "quote.empty")
    no_one = quote_cart(db, buyer.id)
    no_one.customer_id = None
    refused(db, lambda: save(db, no_one), "quote.needs_company")
    cart = quote_cart(db, buyer.id)
    refused(db, lambda: save(db, cart, valid_until=TODAY - timedelta(days=1)),
            "quote.valid_until_past")
    refused(db, lambda: save(db, cart, valid_until=TODAY + timedelta(days=91)),
            "quote.valid_too_long")
    refused(db, lambda: save(db, cart, customer_id="13000000000"), "customer.unknown")
    cart.lines[0].unit_price -= 100  # not a price the store allows
    refused(db, lambda: save(db, cart), "sale.price_not_current")
    refused(db, lambda: quotes.open_quote(db, quote_no="S01-QT-000099", staff_id=cart.staff_id,
                                          terminal="T01"), "quote.unknown")
    assert save(db, quote_cart(db, buyer.id),
                valid_until=TODAY + timedelta(days=90)).quote_no == "S01-QT-000001"
    assert verify(db).ok


def test_opened_while_valid_it_sells_at_the_quoted_prices_once(demo_db):
    db = demo_db
    buyer = business(db)
    manager = staff_id(db, "manager")
    cart = quote_cart(db, buyer.id, "manager")
    bag = cart.lines[0]
    checkout.discount_line(db, cart, line_id=bag.line_id, percent_bp=2500)  # beyond a cashier's
    quote = save(db, cart)
    with db.write_connection() as conn:  # the catalog's price goes up after the quote
        conn.execute(update(Product).where(Product.sku == BAG).values(price=bag.unit_price + 5000))
    cashier = staff_id(db, "cashier")
    opened = quotes.open_quote(db, quote_no=quote.quote_no.lower(), staff_id=cashier,
                               terminal="T01")
    assert opened.customer_id == buyer.id and opened.quote_id is not None
    assert [(l.sku, l.unit_price, l.discount) for l in opened.lines] == [
        (l.sku, l.unit_price, l.discount) for l in quote.lines]
    assert quotes.quote_view(db, quote_no=quote.quote_no).state == "accepted"
    second = quotes.open_quote(db, quote_no=quote.quote_no, staff_id=cashier, terminal="T01")
    sale = cash(db, opened)
    assert sale.total == quote.total
    view = quotes.quote_view(db, quote_no=quote.quote_no)
    assert view.state == "converted" and view.converted_receipt == sale.receipt_no
    refused(db, lambda: cash(db, second), "quote.already_converted")  # the other cart
    refused(db, lambda: quotes.open_quote(db, quote_no=quote.quote_no, staff_id=cashier,
                                          terminal="T01"), "quote.already_converted")
    refused(db, lambda: quotes.cancel_quote(db, quote_no=quote.quote_no, staff_id=manager),
            "quote.already_converted")
    assert quotes.list_quotes(db, state="converted")[0].converted_receipt == sale.receipt_no
    assert verify(db).ok


def test_a_cart_that_drops_its_quote_loses_the_quoted_prices(demo_db):
    db = demo_db
    buyer = business(db)
    cart = quote_cart(db, buyer.id, "manager")
    checkout.discount_line(db, cart, line_id=cart.lines[0].line_id, percent_bp=2500)
    quote = save(db, cart)
    opened = quotes.open_quote(db, quote_no=quote.quote_no, staff_id=staff_id(db, "cashier"),
                               terminal="T01")
    opened.quote_id = None  # sold without converting the quote: refused
    refused(db, lambda: cash(db, opened), "sale.discount_not_approved")
    assert verify(db).ok


def test_an_expired_quote_needs_a_managers_approval(demo_db):
    db = demo_db
    buyer = business(db)
    cashier, manager = staff_id(db, "cashier"), staff_id(db, "manager")
    quote = save(db, quote_cart(db, buyer.id), valid_until=TODAY)
    later = TODAY + timedelta(days=1)
    assert quotes.quote_view(db, quote_no=quote.quote_no, today=later).state == "expired"
    assert [q.quote_no for q in quotes.list_quotes(db, state="expired", today=later)] == [
        quote.quote_no]
    refused(db, lambda: quotes.open_quote(db, quote_no=quote.quote_no, staff_id=cashier,
                                          terminal="T01", today=later), "quote.expired")
    # opened while valid, sold after its date without an approval: refused
    opened = quotes.open_quote(db, quote_no=quote.quote_no, staff_id=cashier, terminal="T01")
    refused(db, lambda: cash(db, opened, business_date=later), "quote.expired")
    wrong = approvals.approve(db, action="quote_after_expiry", ref=f"quote:{quote.quote_no}",
                              amount=quote.total - 1, requested_by=cashier, manager_id=manager,
                              pin="9999")
    refused(db, lambda: quotes.open_quote(db, quote_no=quote.quote_no, staff_id=cashier,
                                          terminal="T01", approval_id=wrong, today=later),
            "approval.other_amount")
    approval = approvals.approve(db, action="quote_after_expiry",
                                 ref=f"quote:{quote.quote_no}", amount=quote.total,
                                 requested_by=cashier, manager_id=manager, pin="9999")
    approved = quotes.open_quote(db, quote_no=quote.quote_no, staff_id=cashier, terminal="T01",
                                 approval_id=approval, today=later)
    sale = cash(db, approved, business_date=later)
    assert sale.total == quote.total
    assert quotes.quote_view(db, quote_no=quote.quote_no).state == "converted"
    assert verify(db).ok


def test_an_altered_or_cancelled_quote_is_not_opened(demo_db):
    db = demo_db
    buyer = business(db)
    cashier, manager = staff_id(db, "cashier"), staff_id(db, "manager")
    altered = save(db, quote_cart(db, buyer.id))
    with db.write_connection() as conn:
        conn.execute(update(QuoteLine).where(QuoteLine.position == 1).values(unit_price=1))
    refused(db, lambda: quotes.open_quote(db, quote_no=altered.quote_no, staff_id=cashier,
                                          terminal="T01"), "quote.altered")
    cancelled = save(db, quote_cart(db, buyer.id))
    opened = quotes.open_quote(db, quote_no=cancelled.quote_no, staff_id=cashier, terminal="T01")
    assert quotes.cancel_quote(db, quote_no=cancelled.quote_no,
                               staff_id=manager).state == "cancelled"
    refused(db, lambda: quotes.open_quote(db, quote_no=cancelled.quote_no, staff_id=cashier,
                                          terminal="T01"), "quote.cancelled")
    refused(db, lambda: cash(db, opened), "quote.cancelled")
    with db.read() as session:
        assert session.scalar(select(Quote.state).where(
            Quote.quote_no == cancelled.quote_no)) is QuoteState.CANCELLED


def test_the_quote_report_counts_issued_converted_expired_open_and_cancelled(demo_db):
    from pos.accounts.quote_report import quote_report, quote_report_csv

    db = demo_db
    buyer = business(db)
    cashier, manager = staff_id(db, "cashier"), staff_id(db, "manager")
    sold = save(db, quote_cart(db, buyer.id))  # the cashier's: sold
    cash(db, quotes.open_quote(db, quote_no=sold.quote_no, staff_id=cashier, terminal="T01"))
    save(db, quote_cart(db, buyer.id), valid_until=TODAY)  # expires tomorrow
    kept = save(db, quote_cart(db, buyer.id, "manager"))  # the manager's: open
    dropped = save(db, quote_cart(db, buyer.id, "manager"))
    quotes.cancel_quote(db, quote_no=dropped.quote_no, staff_id=manager)
    report = quote_report(db, start=TODAY, end=TODAY, today=TODAY + timedelta(days=1))
    [li, zhang] = report.people
    assert (li.issued, li.converted, li.converted_value, li.expired, li.open, li.cancelled) == (
        2, 1, sold.total, 1, 0, 0)
    assert li.rate_bp == 5000 and li.issued_value == sold.total * 2
    assert (zhang.issued, zhang.converted, zhang.open, zhang.cancelled) == (2, 0, 1, 1)
    assert report.total.issued == 4 and report.total.issued_value == sold.total + kept.total * 3
    with pytest.raises(UserError) as unknown:  # not an empty report: no such store
        quote_report(db, start=TODAY, end=TODAY, store="S02")
    assert unknown.value.message_id == "store.unknown"
    assert quote_report(db, start=TODAY - timedelta(days=3),
                        end=TODAY - timedelta(days=1)).total.issued == 0
    text = quote_report_csv(report).decode("utf-8-sig")
    assert text.splitlines()[-1].startswith("total,4,") and "50%" in text
    assert verify(db).ok


def test_an_opened_quote_parks_and_resumes_and_stays_its_customers(demo_db):
    from pos.selling import parking

    db = demo_db
    buyer, other = business(db), business(db, phone="13700000002")
    cashier = staff_id(db, "cashier")
    quote = save(db, quote_cart(db, buyer.id, "manager"))
    opened = quotes.open_quote(db, quote_no=quote.quote_no, staff_id=cashier, terminal="T01")
    opened.invoice_requested = True
    parking.park_cart(db, opened, label="Acme quote")
    back = parking.resume_cart(db, cart_uuid=opened.uuid, staff_id=cashier)
    assert (back.quote_id, back.invoice_requested) == (opened.quote_id, True)
    assert [l.price_event for l in back.lines] == [l.price_event for l in opened.lines]
    back.invoice_requested = False
    checkout.set_customer(db, back, customer_id=other.id)
    refused(db, lambda: cash(db, back), "quote.other_customer")
    checkout.set_customer(db, back, customer_id=buyer.id)
    assert cash(db, back).total == quote.total
    assert verify(db).ok


@pytest.mark.postgres
def test_four_tills_selling_one_quote_at_once_sell_it_once(pg_demo_db):
    import threading

    db = pg_demo_db
    buyer = business(db)
    quote = save(db, quote_cart(db, buyer.id))
    carts = [quotes.open_quote(db, quote_no=quote.quote_no, staff_id=staff_id(db, "cashier"),
                               terminal=f"T0{i % 3 + 1}") for i in range(4)]
    before = state(db)
    barrier, said = threading.Barrier(len(carts)), []

    def sell(cart):
        barrier.wait()
        try:
            said.append(("OK", cash(db, cart).receipt_no))
        except UserError as refusal:
            said.append(("REFUSED", refusal.message_id))

    threads = [threading.Thread(target=sell, args=(cart,)) for cart in carts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(word for word, _ in said) == ["OK", "REFUSED", "REFUSED", "REFUSED"], said
    assert {detail for word, detail in said if word == "REFUSED"} == {"quote.already_converted"}
    receipt = next(detail for word, detail in said if word == "OK")
    assert quotes.quote_view(db, quote_no=quote.quote_no).converted_receipt == receipt
    assert state(db)[2] == before[2] + 1  # one sale
    assert verify(db).ok
