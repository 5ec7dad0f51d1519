"""Adversarial tests of quotes (issue 19 point 2): a cashier trying to sell more than was
quoted at the quoted price, to chain a quote into a new one at old prices, to sell it to
another customer or after its date; odd text and dates. Each refusal changes nothing;
every flow ends with the journal verified. On SQLite and PostgreSQL."""

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from pos.accounts import quotes
from pos.db.models import AuditEvent, JournalEntry, Product, Quote, QuoteLine, Sale
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people import customers
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import new_cart, staff_id

BAG, CLEANER = "BAG-NB-156", "PRO-CLN-PC"
TODAY = date.today()


def business(db, phone="13700000001", company="Acme Ltd"):
    return customers.create_customer(db, phone=phone, name="Buyer", kind="business",
                                     company=company)


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
    return error.value


def cash(db, cart, business_date=None):
    due = sum(line.total for line in cart.billable_lines())
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)],
                                    business_date=business_date)


def repriced_quote(db, buyer):
    """A quote for one bag (and three cleaners) whose catalog price then goes up."""
    quote = save(db, quote_cart(db, buyer.id))
    bag_price = quote.lines[0].unit_price
    with db.write_connection() as conn:
        conn.execute(update(Product).where(Product.sku.in_([BAG, CLEANER])).values(
            price=Product.price + 5000))
    return quote, bag_price


def test_the_quoted_price_is_for_the_quoted_quantity_only(demo_db):
    db = demo_db
    buyer = business(db)
    quote, _ = repriced_quote(db, buyer)
    cashier = staff_id(db, "cashier")
    opened = quotes.open_quote(db, quote_no=quote.quote_no, staff_id=cashier, terminal="T01")
    cleaner = opened.lines[1]
    assert cleaner.quantity == 3
    checkout.set_quantity(opened, line_id=cleaner.line_id, quantity=30)  # 27 more at the old price
    error = refused(db, lambda: cash(db, opened), "quote.over_quantity")
    assert (error.params["quote"], error.params["quantity"]) == (quote.quote_no, 3)
    checkout.add_product(db, opened, code=CLEANER)  # a scan adds to the quoted line
    assert cleaner.quantity == 31
    refused(db, lambda: cash(db, opened), "quote.over_quantity")
    checkout.set_quantity(opened, line_id=cleaner.line_id, quantity=2)  # fewer is fine
    sale = cash(db, opened)
    assert sale.total == quote.total - cleaner.unit_price
    assert quotes.quote_view(db, quote_no=quote.quote_no).state == "converted"
    assert verify(db).ok


def test_an_opened_quote_is_not_saved_again_as_a_new_quote_at_its_old_prices(demo_db):
    db = demo_db
    buyer = business(db)
    quote, _ = repriced_quote(db, buyer)
    opened = quotes.open_quote(db, quote_no=quote.quote_no, staff_id=staff_id(db, "cashier"),
                               terminal="T01")
    # re-quoting the opened cart would give the old prices a new validity (and again...)
    refused(db, lambda: save(db, opened, valid_until=TODAY + timedelta(days=60)),
            "sale.price_not_current")
    assert verify(db).ok


def test_an_opened_quote_sold_to_another_customer_or_none_is_refused(demo_db):
    db = demo_db
    buyer, other = business(db), business(db, "13700000002", "Other Co")
    quote = save(db, quote_cart(db, buyer.id))
    opened = quotes.open_quote(db, quote_no=quote.quote_no, staff_id=staff_id(db, "cashier"),
                               terminal="T01")
    checkout.set_customer(db, opened, customer_id=other.id)
    refused(db, lambda: cash(db, opened), "quote.other_customer")
    checkout.set_customer(db, opened, customer_id=None)
    refused(db, lambda: cash(db, opened), "quote.other_customer")
    checkout.set_customer(db, opened, customer_id=buyer.id)
    opened.lines[0].unit_price -= 100  # a price edited by hand
    refused(db, lambda: cash(db, opened), "sale.price_not_current")
    opened.lines[0].unit_price += 100
    extra = checkout.add_product(db, opened, code="BAG-NB-14")  # at the catalog's price
    sale = cash(db, opened)
    assert sale.total == quote.total + extra.unit_price
    assert verify(db).ok


def test_a_quote_beyond_the_sellers_discount_is_not_saved(demo_db):
    db = demo_db
    buyer = business(db)
    cart = quote_cart(db, buyer.id, "manager")
    checkout.discount_line(db, cart, line_id=cart.lines[0].line_id, percent_bp=3000)
    cart.staff_id = staff_id(db, "cashier")  # the cashier saves a discount never approved
    cart.lines[0].discount_event = None
    refused(db, lambda: save(db, cart), "sale.discount_not_approved")
    cart = quote_cart(db, buyer.id)
    cart.lines[0].unit_price = 1  # a price typed, no override
    refused(db, lambda: save(db, cart), "sale.price_not_current")


@pytest.mark.parametrize("valid_until, message_id", [
    (TODAY - timedelta(days=1), "quote.valid_until_past"),
    (TODAY + timedelta(days=91), "quote.valid_too_long"),
    (date(9999, 12, 31), "quote.valid_too_long"),
])
def test_quote_dates_out_of_range_are_refused(demo_db, valid_until, message_id):
    db = demo_db
    cart = quote_cart(db, business(db).id)
    refused(db, lambda: save(db, cart, valid_until=valid_until), message_id)


@pytest.mark.parametrize("note, message_id", [
    ("x" * 10_000, "text.too_long"),
    ("bell\x07", "text.control_characters"),
    ("\x00", "text.control_characters"),
    ("Deliver \u202eyadnoM", "text.control_characters"),  # printed reversed
])
def test_bad_notes_are_refused(demo_db, note, message_id):
    db = demo_db
    cart = quote_cart(db, business(db).id)
    refused(db, lambda: save(db, cart, note=note), message_id)


def test_a_consumer_or_a_company_of_blanks_gets_no_quote(demo_db):
    db = demo_db
    consumer = customers.create_customer(db, phone="13700000009", name="Li", kind="consumer",
                                         company="Li Trading")
    refused(db, lambda: save(db, quote_cart(db, consumer.id)), "quote.needs_company")
    refused(db, lambda: save(db, quote_cart(db, None)), "quote.needs_company")


def test_a_product_deactivated_after_the_quote_is_not_sold(demo_db):
    db = demo_db
    buyer = business(db)
    quote = save(db, quote_cart(db, buyer.id))
    with db.write_connection() as conn:
        conn.execute(update(Product).where(Product.sku == BAG).values(active=False))
    opened = quotes.open_quote(db, quote_no=quote.quote_no, staff_id=staff_id(db, "cashier"),
                               terminal="T01")
    before = state(db)
    with pytest.raises(UserError):
        cash(db, opened)
    assert state(db) == before
    assert quotes.quote_view(db, quote_no=quote.quote_no).state == "accepted"
    assert verify(db).ok


def test_an_unknown_or_garbage_quote_number(demo_db):
    db = demo_db
    cashier = staff_id(db, "cashier")
    for number in ("", None, "S01-QT-999999", "x" * 10_000, "S01-QT-\x00"):
        error = refused(db, lambda number=number: quotes.open_quote(db, quote_no=number, staff_id=cashier,
                                                      terminal="T01"), "quote.unknown")
        assert len(str(error.params["quote"])) <= 40


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_the_pdf_prints_a_200_character_company_whole_and_stays_on_its_pages(locale):
    import dataclasses
    import io

    from pypdf import PdfReader

    from pos.people.customers import InvoiceDetails
    from printing.quote_pdf import SCALE, quote_pdf
    from tests.printing.test_quote_pdf import STORE, line, quote

    company = ("深圳市前海深港合作区某某某电子科技与信息系统集成服务有限公司" * 7)[:200]
    address = ("上海市徐汇区漕溪北路1号 Room 5, " * 8)[:300]
    lines = tuple(line(i, f"SKU-{i}", f"Item {i} 长名字" * (1 + i % 3), 1, 10_000)
                  for i in range(1, 60))
    long = dataclasses.replace(quote(lines), invoice=InvoiceDetails(
        company, "91310000MA1FL8XQ3X", address, "021-5555 0000", "工商银行上海徐汇支行" * 10,
        "6222021234567890128"))
    store = dataclasses.replace(STORE, name="Tickbox 电子 " * 20)
    reader = PdfReader(io.BytesIO(quote_pdf(long, locale=locale, store=store)))
    first = reader.pages[0].extract_text()
    assert company in first.replace("\n", "")  # whole, not cut with an ellipsis
    assert address.replace(" ", "") in first.replace("\n", "").replace(" ", "")
    for number, page in enumerate(reader.pages, start=1):
        low = []

        def visit(text, cm, tm, font, size, low=low):
            if text.strip() and tm[5] < SCALE.margin + 20:
                low.append(text)
        page.extract_text(visitor_text=visit)
        assert "SKU" not in "".join(low) and "Item" not in "".join(low), (number, low)
    shown = "".join(page.extract_text() for page in reader.pages)
    assert all(f"SKU-{i}\n" in shown or f"SKU-{i} " in shown for i in range(1, 60))


def test_the_quote_report_refuses_a_backwards_period_and_an_unknown_store(demo_db):
    from pos.accounts.quote_report import quote_report

    db = demo_db
    for kwargs, message_id in (
            ({"start": TODAY, "end": TODAY - timedelta(days=1)}, "report.period_backwards"),
            ({"start": TODAY, "end": TODAY, "store": "S99"}, "store.unknown")):
        refused(db, lambda kwargs=kwargs: quote_report(db, **kwargs), message_id)


def test_the_quote_report_counts_a_quote_on_the_stores_day_not_utcs(demo_db, monkeypatch):
    import time as clock
    from datetime import UTC, datetime

    from pos.accounts.quote_report import quote_report

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    clock.tzset()
    try:
        db = demo_db
        quote = save(db, quote_cart(db, business(db).id))
        early = datetime(2026, 12, 2, 23, 30, tzinfo=UTC)  # 07:30 on 3 December in Shanghai
        with db.write_connection() as conn:
            conn.execute(update(Quote).where(Quote.quote_no == quote.quote_no).values(
                created_at=early))
        assert quote_report(db, start=date(2026, 12, 3), end=date(2026, 12, 3)).total.issued == 1
        assert quote_report(db, start=date(2026, 12, 2), end=date(2026, 12, 2)).total.issued == 0
    finally:
        monkeypatch.delenv("TZ")
        clock.tzset()


def test_a_quote_is_saved_only_by_an_active_staff_member(demo_db):
    from pos.db.models import Staff

    db = demo_db
    cart = quote_cart(db, business(db).id)
    before = state(db)
    for who in (999_999,):
        with pytest.raises(UserError):
            save(db, cart, staff_id=who)
    cashier = staff_id(db, "cashier")
    with db.write_connection() as conn:
        conn.execute(update(Staff).where(Staff.id == cashier).values(active=False))
    with pytest.raises(UserError):
        save(db, cart, staff_id=cashier)
    assert state(db) == before


def test_another_carts_approval_does_not_sell_an_expired_quote(demo_db):
    """A parked cart edited (a line pointing at another cart's approved quote_prices
    event) does not sell its own quote after its date without an approval of its own."""
    from pos.people import approvals

    db = demo_db
    buyer = business(db)
    cashier, manager = staff_id(db, "cashier"), staff_id(db, "manager")
    later = TODAY + timedelta(days=1)
    first = save(db, quote_cart(db, buyer.id), valid_until=TODAY)
    approval = approvals.approve(db, action="quote_after_expiry", ref=f"quote:{first.quote_no}",
                                 amount=first.total, requested_by=cashier, manager_id=manager,
                                 pin="9999")
    approved = quotes.open_quote(db, quote_no=first.quote_no, staff_id=cashier, terminal="T01",
                                 approval_id=approval, today=later)
    second = save(db, quote_cart(db, buyer.id), valid_until=TODAY)
    opened = quotes.open_quote(db, quote_no=second.quote_no, staff_id=cashier, terminal="T01")
    extra = checkout.add_product(db, opened, code="BAG-NB-14")
    extra.price_event = approved.lines[0].price_event  # the other cart's approved event
    refused(db, lambda: cash(db, opened, business_date=later), "quote.expired")
    assert verify(db).ok


def test_a_sale_of_none_of_the_quotes_lines_does_not_convert_it(demo_db):
    """Opening one's own quote and selling a cable would count it converted, at the
    quote's value, in the quote report."""
    db = demo_db
    buyer = business(db)
    quote = save(db, quote_cart(db, buyer.id))
    opened = quotes.open_quote(db, quote_no=quote.quote_no, staff_id=staff_id(db, "cashier"),
                               terminal="T01")
    quoted_lines = list(opened.lines)
    opened.lines = []
    checkout.add_product(db, opened, code="BAG-NB-14")
    refused(db, lambda: cash(db, opened), "quote.none_of_its_lines")
    opened.lines = quoted_lines[:1] + opened.lines  # one of its lines: it converts
    sale = cash(db, opened)
    assert quotes.quote_view(db, quote_no=quote.quote_no).converted_receipt == sale.receipt_no
    assert verify(db).ok


def test_a_validity_extended_in_the_database_file_does_not_sell_after_the_date(demo_db):
    db = demo_db
    quote = save(db, quote_cart(db, business(db).id), valid_until=TODAY)
    opened = quotes.open_quote(db, quote_no=quote.quote_no, staff_id=staff_id(db, "cashier"),
                               terminal="T01")
    with db.write_connection() as conn:  # after it was opened (its prices sealed)
        conn.execute(update(Quote).where(Quote.quote_no == quote.quote_no).values(
            valid_until=TODAY + timedelta(days=30)))
    refused(db, lambda: cash(db, opened, business_date=TODAY + timedelta(days=1)),
            "quote.expired")


def test_lists_by_an_unknown_or_garbage_store_are_refused(demo_db):
    from pos.accounts import preorders

    db = demo_db
    for store in ("S99", "S01\x00", "x" * 1_000):
        for action in (quotes.list_quotes, preorders.arrivals, preorders.list_preorders):
            with pytest.raises(UserError) as error:
                action(db, store=store)
            assert error.value.message_id == "store.unknown"
    assert quotes.list_quotes(db, store="S01") == []
