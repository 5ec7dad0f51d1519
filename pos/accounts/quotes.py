"""Quotes (报价单): a cart saved for a business customer, valid until a date.

- `save_quote` checks the cart as a sale would (pos.selling.pricing), so a quote holds
  only prices the store allows; it is numbered per store (S01-QT-000001), its lines and
  prices sealed as a `quote_issued` event, and a lead it answers moves to quoted.
- `open_quote` turns it back into a cart: its lines must be those sealed (else
  quote.altered); after its date a manager approves (money action quote_after_expiry,
  the amount being its total). It seals a `quote_prices` event naming the new cart and
  each line, which completion accepts for the line's price and discount while the cart
  carries the quote; the quote is then accepted, and the sale converts it, once.
- An open or accepted quote past its date shows as expired (nothing is written for it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select, update

from pos.accounts.accounts import resolve_customer, store_for
from pos.accounts.preorder_views import store_id_of
from pos.accounts.records import CustomerRef
from pos.db.engine import Database
from pos.db.models import (
    AuditEvent, Category, Customer, Lead, Product, Quote, QuoteLine, Sale, Staff, Store,
)
from pos.kernel.clock import utcnow
from pos.kernel.enums import CustomerKind, LeadState, LineKind, Outcome, QuoteState
from pos.kernel.errors import UserError
from pos.kernel.text import printable
from pos.kernel.vat import VatLine, vat_by_rate
from pos.ledger import audit
from pos.ledger.stock_tables import next_store_number
from pos.people.customers import InvoiceDetails, detail_text, invoice_details
from pos.people.permissions import authorise, may
from pos.selling.cart import Cart, CartLine, new_line_id, outcome_key, totals
from pos.selling.pricing import check_cart
from pos.selling.quoted import QUOTE_PRICES
from pos.store.account_setting import QUOTE_DAYS
from pos.store.settings import get_setting

NOTE_MAX = 200
QUOTES, LINES = Quote.__table__, QuoteLine.__table__
# What a quote line is, in the order sealed in quote_issued and kept in quote_lines.
LINE_FIELDS = ("position", "parent", "kind", "product_id", "tier_id", "sheet_item_id",
               "pack_code", "sku", "name", "quantity", "list_price", "unit_price", "discount",
               "line_total", "vat_rate_bp")


@dataclass(frozen=True)
class QuoteLineView:
    position: int
    parent: int | None
    kind: LineKind
    product_id: int | None
    tier_id: int | None
    sheet_item_id: int | None
    pack_code: str | None
    sku: str
    name: str
    quantity: int
    list_price: int
    unit_price: int
    discount: int
    line_total: int
    vat_rate_bp: int


@dataclass(frozen=True)
class QuoteSummary:
    quote_no: str
    state: str  # a QuoteState value, or "expired" (open or accepted, past its date)
    customer: str  # the company, else the name
    total: int
    valid_until: date
    created_at: datetime
    staff_name: str
    converted_receipt: str | None


@dataclass(frozen=True)
class QuoteView:
    quote_no: str
    state: str  # as QuoteSummary.state
    stored_state: QuoteState
    store_code: str
    customer: CustomerRef
    invoice: InvoiceDetails  # the customer's details now (printed on the quote)
    staff_name: str
    created_at: datetime
    valid_until: date
    total: int
    discount_total: int
    vat_total: int
    vat: tuple[VatLine, ...]
    lines: tuple[QuoteLineView, ...]
    note: str
    lead_id: int | None
    converted_receipt: str | None
    replayed: bool = False  # save_quote found it saved by the same request id

    @property
    def gross(self) -> int:
        return self.total + self.discount_total


def shown_state(state: QuoteState | str, valid_until: date, today: date) -> str:
    state = QuoteState(state)
    if state in (QuoteState.OPEN, QuoteState.ACCEPTED) and valid_until < today:
        return "expired"
    return state.value


def save_quote(db: Database, cart: Cart, *, customer_id: int | None = None,
               valid_until: date | None = None, staff_id: int, note: str = "",
               request_id: str, lead_id: int | None = None,
               today: date | None = None) -> QuoteView:
    """Save the cart as a quote for a business customer (the cart's, unless given). The
    same request id again returns the quote already saved."""
    today = today or date.today()
    note = detail_text(note, max_length=NOTE_MAX, field="field.notes")  # printed: no bidi
    with db.write_connection() as conn:
        done = conn.execute(select(QUOTES.c.quote_no).where(
            QUOTES.c.request_id == request_id)).scalar()
        if done is not None:
            return _view(conn, done, today, replayed=True)
        if not cart.billable_lines() or cart.original_sale_id is not None:
            raise UserError("quote.empty")
        who = customer_id if customer_id is not None else cart.customer_id
        if who is None:
            raise UserError("quote.needs_company", customer="—")
        ref = resolve_customer(conn, who)
        if ref.kind is not CustomerKind.BUSINESS or not ref.company:
            raise UserError("quote.needs_company", customer=ref.label)
        if valid_until is None:
            valid_until = today + timedelta(days=get_setting(conn, "quote_valid_days"))
        if valid_until < today:
            raise UserError("quote.valid_until_past", date=valid_until)
        if valid_until > today + timedelta(days=QUOTE_DAYS[1]):
            raise UserError("quote.valid_too_long", days=QUOTE_DAYS[1])
        checked = check_cart(conn, _as_seller(cart, staff_id)).cart
        lines = _quote_lines(checked)
        figures = totals(checked.billable_lines())
        lead = _lead(conn, lead_id, ref.id)
        store_id = checked.store_id or store_for(conn, checked.terminal)
        store_code = conn.execute(select(Store.code).where(Store.id == store_id)).scalar_one()
        number = next_store_number(conn, store_id, "quote")
        quote_no = f"{store_code}-QT-{number:06d}"
        event_id = audit.record(conn, staff_id=staff_id, action="quote_issued",
                                ref=f"quote:{quote_no}", details=_sealed(
                                    quote_no, ref.id, valid_until, figures.total,
                                    figures.discount, figures.vat_total, lines))
        quote_id = conn.execute(QUOTES.insert().values(
            quote_no=quote_no, store_id=store_id, customer_id=ref.id, lead_id=lead,
            staff_id=staff_id, created_at=utcnow(), valid_until=valid_until,
            state=QuoteState.OPEN.value, total=figures.total,
            discount_total=figures.discount, vat_total=figures.vat_total,
            issue_event_id=event_id, note=note, request_id=request_id,
        ).returning(QUOTES.c.id)).scalar_one()
        conn.execute(LINES.insert(), [{"quote_id": quote_id, **line} for line in lines])
        if lead is not None:
            conn.execute(update(Lead).where(Lead.id == lead, Lead.state == LeadState.OPEN.value)
                         .values(state=LeadState.QUOTED.value, updated_at=utcnow()))
        return _view(conn, quote_no, today)


def _as_seller(cart: Cart, staff_id: int) -> Cart:
    """The cart as this seller would sell it now: a quote's prices it was opened at do not
    count (saving an opened quote again would give its old prices a new validity)."""
    mine = cart.copy()
    mine.staff_id, mine.quote_id = staff_id, None
    return mine


def _quote_lines(cart: Cart) -> list[dict]:
    billable = cart.billable_lines()
    position = {line.line_id: index for index, line in enumerate(billable, start=1)}
    return [{"position": position[l.line_id], "parent": position.get(l.parent_line_id),
             "kind": l.kind.value, "product_id": l.product_id, "tier_id": l.tier_id,
             "sheet_item_id": l.sheet_item_id, "pack_code": l.pack_code, "sku": l.sku,
             "name": l.name, "quantity": l.quantity, "list_price": l.list_price,
             "unit_price": l.unit_price, "discount": l.discount, "line_total": l.total,
             "vat_rate_bp": l.vat_rate_bp} for l in billable]


def _sealed(quote_no: str, customer_id: int, valid_until: date, total: int, discount: int,
            vat: int, lines: list[dict]) -> dict:
    return {"quote": quote_no, "customer": customer_id, "valid_until": valid_until.isoformat(),
            "total": total, "discount_total": discount, "vat_total": vat,
            "lines": [[line[name] for name in LINE_FIELDS] for line in lines]}


def _lead(conn, lead_id: int | None, customer_id: int) -> int | None:
    """The lead this quote answers: the one given, else the customer's newest open one."""
    if lead_id is not None:
        found = conn.execute(select(Lead.id).where(Lead.id == lead_id)).scalar()
        if found is None:
            raise UserError("lead.unknown", lead=str(lead_id))
        return found
    return conn.execute(select(Lead.id).where(
        Lead.customer_id == customer_id, Lead.state == LeadState.OPEN.value)
        .order_by(Lead.id.desc()).limit(1)).scalar()


def list_quotes(db: Database, *, store: str | None = None, state: str | None = None,
                customer=None, today: date | None = None) -> list[QuoteSummary]:
    """The quotes, newest first; `state` may be "expired" (open or accepted, past date)."""
    today = today or date.today()
    with db.read_connection() as conn:
        query = (select(QUOTES.c.quote_no, QUOTES.c.state, QUOTES.c.total,
                        QUOTES.c.valid_until, QUOTES.c.created_at, Staff.name,
                        Sale.receipt_no, Customer.company, Customer.name.label("customer"))
                 .join(Staff, Staff.id == QUOTES.c.staff_id)
                 .join(Customer, Customer.id == QUOTES.c.customer_id)
                 .outerjoin(Sale, Sale.id == QUOTES.c.converted_sale_id)
                 .order_by(QUOTES.c.id.desc()))
        if store:
            query = query.where(QUOTES.c.store_id == store_id_of(conn, store))  # store.unknown
        if customer is not None:
            query = query.where(QUOTES.c.customer_id == resolve_customer(conn, customer).id)
        if state == "expired":
            query = query.where(QUOTES.c.state.in_(["open", "accepted"]),
                                QUOTES.c.valid_until < today)
        elif state:
            query = query.where(QUOTES.c.state == QuoteState(state).value)
        rows = conn.execute(query).all()
    return [QuoteSummary(r.quote_no, shown_state(r.state, r.valid_until, today),
                         r.company or r.customer, int(r.total), r.valid_until, r.created_at,
                         r.name, r.receipt_no) for r in rows]


def quote_view(db: Database, *, quote_no: str, today: date | None = None) -> QuoteView:
    with db.read_connection() as conn:
        return _view(conn, quote_no, today or date.today())


def _row(conn, quote_no: str, *, lock: bool = False):
    number = str(quote_no or "").strip().upper()
    row = None
    if len(number) <= 24 and number.isprintable():  # else no quote's (PostgreSQL refuses NUL)
        query = select(QUOTES).where(QUOTES.c.quote_no == number)
        row = conn.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise UserError("quote.unknown", quote=printable(str(quote_no or ""))[:40])
    return row


def _lines(conn, quote_id: int) -> tuple[QuoteLineView, ...]:
    rows = conn.execute(select(*(LINES.c[name] for name in LINE_FIELDS)).where(
        LINES.c.quote_id == quote_id).order_by(LINES.c.position)).all()
    return tuple(QuoteLineView(*row[:2], LineKind(row[2]), *row[3:10],
                               *(int(value) for value in row[10:14]), row[14]) for row in rows)


def _view(conn, quote_no: str, today: date, *, replayed: bool = False) -> QuoteView:
    q = _row(conn, quote_no)
    lines = _lines(conn, q.id)
    staff_name = conn.execute(select(Staff.name).where(Staff.id == q.staff_id)).scalar_one()
    store_code = conn.execute(select(Store.code).where(Store.id == q.store_id)).scalar_one()
    receipt = conn.execute(select(Sale.receipt_no).where(
        Sale.id == q.converted_sale_id)).scalar() if q.converted_sale_id else None
    vat = vat_by_rate((line.vat_rate_bp, line.line_total) for line in lines)
    return QuoteView(q.quote_no, shown_state(q.state, q.valid_until, today), QuoteState(q.state),
                     store_code, resolve_customer(conn, q.customer_id),
                     invoice_details(conn, q.customer_id), staff_name, q.created_at,
                     q.valid_until, int(q.total), int(q.discount_total), int(q.vat_total),
                     vat, lines, q.note, q.lead_id, receipt, replayed)


def _refuse_closed(conn, q) -> None:
    if q.state == QuoteState.CANCELLED.value:
        raise UserError("quote.cancelled", quote=q.quote_no)
    if q.state == QuoteState.CONVERTED.value:
        receipt = conn.execute(select(Sale.receipt_no).where(
            Sale.id == q.converted_sale_id)).scalar()
        raise UserError("quote.already_converted", quote=q.quote_no, receipt=receipt or "")


def cancel_quote(db: Database, *, quote_no: str, staff_id: int,
                 today: date | None = None) -> QuoteView:
    """The customer declined: an open or accepted quote is cancelled (it cannot be sold)."""
    with db.write_connection() as conn:
        q = _row(conn, quote_no, lock=True)
        _refuse_closed(conn, q)
        if conn.execute(select(Staff.id).where(Staff.id == staff_id,
                                               Staff.active.is_(True))).scalar() is None:
            raise UserError("permission.log_in_first")
        conn.execute(update(Quote).where(
            Quote.id == q.id, Quote.state.in_([QuoteState.OPEN.value, QuoteState.ACCEPTED.value]))
            .values(state=QuoteState.CANCELLED.value, cancelled_at=utcnow()))
        return _view(conn, q.quote_no, today or date.today())


def open_quote(db: Database, *, quote_no: str, staff_id: int, terminal: str,
               approval_id: int | None = None, today: date | None = None) -> Cart:
    """The quote as a cart at this till, at its quoted prices (see the module docstring).
    Opening it again (the till closed) gives a new cart; it is still sold once."""
    today = today or date.today()
    with db.write_connection() as conn:
        q = _row(conn, quote_no, lock=True)
        _refuse_closed(conn, q)
        if conn.execute(select(Staff.id).where(Staff.id == staff_id,
                                               Staff.active.is_(True))).scalar() is None:
            raise UserError("sale.log_in_to_start")
        store_id = store_for(conn, terminal)
        lines = _lines(conn, q.id)
        _check_issued(conn, q, lines)
        approved_by = None
        if q.valid_until < today:
            if approval_id is None and not _may_expired(conn, staff_id):
                raise UserError("quote.expired", quote=q.quote_no, valid_until=q.valid_until)
            auth = authorise(conn, action="quote_after_expiry", ref=f"quote:{q.quote_no}",
                             staff_id=staff_id, approval_id=approval_id, amount=int(q.total))
            approved_by = auth.approved_by or staff_id
        customer = resolve_customer(conn, q.customer_id)
        cart = Cart.new(staff_id=staff_id, terminal=terminal, store_id=store_id)
        cart.customer_id, cart.customer_kind, cart.quote_id = customer.id, customer.kind, q.id
        cart.lines = _cart_lines(conn, lines)
        by_position = {line.position: cart_line for line, cart_line in zip(lines, cart.lines)}
        for line, cart_line in zip(lines, cart.lines):
            if line.parent is not None:
                cart_line.parent_line_id = by_position[line.parent].line_id
                if line.sheet_item_id is not None:
                    cart.outcomes[outcome_key(cart_line.parent_line_id, line.sheet_item_id)] = \
                        Outcome.SOLD
        event_id = audit.record(conn, staff_id=staff_id, action=QUOTE_PRICES,
                                ref=f"quote:{q.quote_no}", details={
                                    "cart": cart.uuid, "quote": q.quote_no, "quote_id": q.id,
                                    "valid_until": q.valid_until.isoformat(),
                                    "approved_by": approved_by, "lines": {
                                        l.line_id: {"product": l.product_id, "tier": l.tier_id,
                                                    "price": l.unit_price,
                                                    "quantity": l.quantity,
                                                    "discount": l.discount, "gross": l.gross}
                                        for l in cart.lines}})
        for line in cart.lines:
            line.price_event = line.discount_event = event_id
        conn.execute(update(Quote).where(Quote.id == q.id).values(
            state=QuoteState.ACCEPTED.value, accepted_at=utcnow()))
    return cart


def _may_expired(conn, staff_id: int) -> bool:
    role = conn.execute(select(Staff.role).where(Staff.id == staff_id)).scalar()
    return role is not None and may(role.value, "quote_after_expiry")


def _check_issued(conn, q, lines: tuple[QuoteLineView, ...]) -> None:
    """The quote's rows are what its quote_issued event sealed (else quote.altered)."""
    text = conn.execute(select(AuditEvent.details_json).where(
        AuditEvent.id == q.issue_event_id, AuditEvent.action == "quote_issued")).scalar()
    stored = [{name: (getattr(line, name).value if name == "kind" else getattr(line, name))
               for name in LINE_FIELDS} for line in lines]
    expected = _sealed(q.quote_no, q.customer_id, q.valid_until, int(q.total),
                       int(q.discount_total), int(q.vat_total), stored)
    if text is None or json.loads(text) != expected:
        raise UserError("quote.altered", quote=q.quote_no)


def _cart_lines(conn, lines: tuple[QuoteLineView, ...]) -> list[CartLine]:
    """Cart lines at the quoted values; what the till needs of the catalog (cost, serial
    tracking, category, sheet) from the catalog now (completion checks it all again)."""
    ids = {line.product_id for line in lines if line.product_id is not None}
    products = {row.id: row for row in conn.execute(select(
        Product.id, Product.cost, Product.serial_tracked, Product.category_id,
        Category.sheet_template_id).join(Category, Category.id == Product.category_id)
        .where(Product.id.in_(ids)))} if ids else {}
    result = []
    for line in lines:
        product = products.get(line.product_id)
        main = line.kind is LineKind.MAIN_UNIT
        result.append(CartLine(
            line_id=new_line_id(), product_id=line.product_id, sku=line.sku, name=line.name,
            kind=line.kind, quantity=line.quantity, list_price=line.list_price,
            unit_price=line.unit_price, unit_cost=int(product.cost) if product else 0,
            vat_rate_bp=line.vat_rate_bp, discount=line.discount,
            serial_tracked=bool(product.serial_tracked) if product else False,
            sheet_item_id=line.sheet_item_id, pack_code=line.pack_code, tier_id=line.tier_id,
            sheet_template_id=product.sheet_template_id if product and main else None,
            category_id=product.category_id if product else None))
    return result
