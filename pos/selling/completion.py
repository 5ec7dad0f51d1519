"""Completing a cart: one transaction checks what the cart refers to, takes the next
gapless receipt number, finds the till's shift, numbers the service cards, builds the
sale as a document (pos.ledger.documents) and writes it: the sale, its lines, sheet
outcomes, service cards, payments, stock and serials, sealed in the journal, with its
print jobs. All or nothing; completing the same cart again returns the sale it made.
A sale is refused when it would take a product's stock below zero (unless the setting
allow_negative_stock says it may) or a serial is not an IMEI where one is needed
(pos.selling.serials); nothing is written then, no number taken.

This is the hot path of the till: a fixed set of statements, each compiled once and run
on the driver's cursor (`pos.db.prepared`), one indexed row at a time.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError

from pos.catalog.coverage import coverage_dates, unit_warranty
from pos.db import prepared
from pos.db.engine import Database
from pos.db.models import (
    AuditEvent, Category, Customer, CustomerAccount, Product, Quote, Sale, ServiceCard,
    ServiceTier, Setting, SheetItem, SheetSection, Terminal,
)
from pos.kernel.enums import (
    Audience, CoverageStart, CustomerKind, DocumentKind, LineKind, Outcome, OutcomeSubject, Tender,
)
from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError
from pos.kernel.messages import Message
from pos.ledger.documents import DocCard, DocLine, DocOutcome, DocPayment, SaleDocument
from pos.ledger.drawer import shift_for_sale
from pos.ledger.numbering import card_number, next_number, receipt_number
from pos.ledger.stock_tables import serial_refusal
from pos.ledger.tables import write_document
from pos.people.customers import record_invoice_request
from pos.printjobs.print_queue import PrintRequest, job_rows, printable_requests
from pos.selling.cart import (
    Cart, TenderCheck, TenderInput, Totals, check_tenders, payment_fields, totals,
)
from pos.selling.pricing import check_cart
from pos.selling.serials import check_new_serials
from pos.store.settings import DEFAULTS, get_setting

SALES, CARDS = Sale.__table__, ServiceCard.__table__
CUSTOMERS = Customer.__table__
SECTIONS, ITEMS = SheetSection.__table__, SheetItem.__table__

_TERMINAL = prepared.Prepared(
    select(Terminal.__table__.c.id, Terminal.__table__.c.store_id)
    .where(Terminal.__table__.c.code == bindparam("code")))
_CUSTOMER = prepared.Prepared(
    select(CUSTOMERS.c.name, CUSTOMERS.c.phone, CUSTOMERS.c.kind)
    .where(CUSTOMERS.c.id == bindparam("customer_id")))
_SHEET_ITEMS = prepared.Prepared(
    select(ITEMS.c.id, ITEMS.c.code, ITEMS.c.name)
    .join(SECTIONS, ITEMS.c.section_id == SECTIONS.c.id)
    .where(SECTIONS.c.template_id == bindparam("template_id"))
    .order_by(SECTIONS.c.position, ITEMS.c.position))
_EXISTING = prepared.Prepared(
    select(SALES.c.id, SALES.c.receipt_no, SALES.c.total, SALES.c.tendered, SALES.c.change_given)
    .where(SALES.c.cart_uuid == bindparam("uuid")))
_EXISTING_CARDS = prepared.Prepared(
    select(CARDS.c.card_no).where(CARDS.c.sale_id == bindparam("sale_id")).order_by(CARDS.c.card_no))
# What a card's dates need (pos.catalog.coverage): when its tier starts, the unit's
# maker's warranty, and (an add-on's card) the day the unit was sold.
_TIERS, _PRODUCTS, _CATEGORIES = (ServiceTier.__table__, Product.__table__,
                                   Category.__table__)
_TIER_STARTS = prepared.Prepared(
    select(_TIERS.c.starts).where(_TIERS.c.id == bindparam("tier_id")))
_WARRANTY = prepared.Prepared(
    select(_PRODUCTS.c.warranty_months, _CATEGORIES.c.warranty_months)
    .join(_CATEGORIES, _CATEGORIES.c.id == _PRODUCTS.c.category_id)
    .where(_PRODUCTS.c.id == bindparam("product_id")))
_SETTING = prepared.Prepared(select(Setting.__table__.c.value_json).where(
    Setting.__table__.c.key == bindparam("key")))
_SOLD_ON = prepared.Prepared(
    select(SALES.c.business_date).where(SALES.c.id == bindparam("sale_id")))


@dataclass(frozen=True)
class CompletedSale:
    sale_id: int
    receipt_no: str
    total: int
    tendered: int
    change: int
    card_numbers: tuple[str, ...]
    replayed: bool  # True when this cart had already completed (a double click, a retry)


@dataclass(frozen=True)
class _References:
    """What the cart refers to, looked up and checked inside the sale's transaction."""

    terminal_id: int
    customer_kind: CustomerKind | None
    tiers: dict[int, tuple[str, Audience, int | None]]  # id -> name, audience, term months
    sheet_items: dict[int, list[tuple[int, str, str]]]  # template id -> (id, code, name)
    # card line id -> when its cover starts, the unit's maker's warranty (months), the
    # day the unit was sold (None: today; an add-on's unit was sold earlier)
    coverage: dict[str, tuple[CoverageStart, int | None, date | None]]
    # the setting serial_stock is strict, as read for the cart's serials (None: not read)
    strict: bool | None = None
    store_id: int | None = None  # the till's store


def complete_sale(db: Database, cart: Cart, *, tenders: list[TenderInput],
                  business_date: date | None = None,
                  print_jobs: Sequence[PrintRequest] = ()) -> CompletedSale:
    """Complete the cart in one transaction. Completing the same cart again returns the
    sale it already made, so a double click or a retry after a timeout makes one sale.
    `print_jobs` are queued in the same transaction: a sale never lacks its receipt job."""
    today = business_date or date.today()
    try:
        with db.write_connection() as conn:
            done = _existing(conn, cart.uuid)
            if done is not None:
                return done
            return complete_in(conn, cart, tenders=tenders, today=today, print_jobs=print_jobs)
    except IntegrityError:
        with db.read_connection() as conn:
            done = _existing(conn, cart.uuid)
        if done is not None:  # another click of the same cart won the race
            return done
        raise UserError("sale.serial_race") from None


def complete_in(conn, cart: Cart, *, tenders: list[TenderInput], today: date,
                print_jobs: Sequence[PrintRequest] = ()) -> CompletedSale:
    """Check and write the sale inside the caller's transaction (an exchange writes its
    return and its new sale in one). Every price, discount and catalog value of the cart
    is checked again first (pos.selling.pricing): the sale is written from that checked
    copy, never from what the cart says."""
    if not cart.billable_lines():
        raise UserError("cart.empty")
    run = prepared.on(conn)
    priced = check_cart(conn, cart)
    cart = priced.cart
    cart_totals = totals(cart.billable_lines())
    checked = check_tenders(cart_totals.total, tenders)
    for line in cart.lines:
        if line.serial_tracked and not line.serial and line.existing_line_id is None:
            raise UserError("serial.missing", name=line.name)
    check_new_serials(conn, cart)  # an IMEI where the unit's category takes one
    refs = _references(conn, run, cart, priced.tiers)
    payments = _payments(conn, tenders, refs.customer_kind, today, cart.customer_id)

    # Numbers first (receipt, then cards), then the journal head (in write_document):
    # every sale takes its locks in this order, so concurrent terminals queue and never
    # deadlock.
    sequence = next_number(conn, refs.terminal_id, "receipt")
    shift_id = shift_for_sale(conn, refs.terminal_id, cart.staff_id)
    card_lines = [line for line in cart.lines if line.kind is LineKind.CARD]
    card_numbers = [card_number(cart.terminal, next_number(conn, refs.terminal_id, "card"))
                    for _ in card_lines]
    document = sale_document(cart, refs, receipt_number(cart.terminal, sequence), sequence,
                             shift_id, card_numbers, cart_totals, checked, payments, today)
    written = write_document(conn, document, print_jobs=job_rows(  # none that can never print
        refs.terminal_id, document.receipt_no, printable_requests(document, print_jobs)),
        negative_stock_allowed=lambda: _negative_stock_allowed(conn),
        strict_serials=lambda: refs.strict if refs.strict is not None else strict_serials(conn),
        store_id=refs.store_id,
        blocks_overdue=lambda: get_setting(conn, "account_block_overdue") is True)
    if cart.quote_id is not None or cart.invoice_requested:
        _quote_and_invoice(conn, cart, written.sale_id, document.receipt_no, today)
    return CompletedSale(written.sale_id, document.receipt_no, document.total,
                         checked.tendered, checked.change, tuple(card_numbers), replayed=False)


def _negative_stock_allowed(conn) -> bool:
    """Whether a sale may take a product's stock below zero (setting
    allow_negative_stock, false by default): asked only when one would."""
    return get_setting(conn, "allow_negative_stock") is True


def strict_serials(conn) -> bool:
    """Whether the store sells only serials it received into stock (setting
    serial_stock: strict), or also one it has never seen (lenient, the default). Read
    on every sale of a serial: a prepared statement, not get_setting's query built anew."""
    text = prepared.on(conn).scalar(_SETTING, {"key": "serial_stock"})
    return (json.loads(text) if text is not None else DEFAULTS["serial_stock"]) == "strict"


def _references(conn, run: prepared.Runner, cart: Cart,
                tiers: dict[int, tuple[str, Audience, int | None]]) -> _References:
    """The terminal, the customer, the serials and the card tiers, as they are now."""
    terminal = run.first(_TERMINAL, {"code": cart.terminal})
    if terminal is None:
        raise UserError("terminal.not_set_up", terminal=cart.terminal)
    terminal_id, store_id = terminal
    customer = None  # (name, phone, kind)
    if cart.customer_id is not None:
        customer = run.first(_CUSTOMER, {"customer_id": cart.customer_id})
        if customer is None:
            raise UserError("customer.gone")
    card_lines = [line for line in cart.lines if line.kind is LineKind.CARD]
    if card_lines and (customer is None or not customer[0] or not customer[1]):
        raise UserError("card.needs_named_customer")
    strict = None
    for line in cart.billable_lines():
        if line.serial and line.product_id is not None and line.quantity > 0:
            if strict is None:
                strict = strict_serials(conn)
            refusal = serial_refusal(conn, store_id=store_id,
                                     product_id=line.product_id, serial=line.serial,
                                     strict=strict)
            if refusal is not None:
                raise refusal
    customer_kind = CustomerKind(customer[2]) if customer else None
    coverage = {}
    for line in card_lines:
        name, audience, _ = tiers[line.tier_id]
        if audience is Audience.BUSINESS and customer_kind is not CustomerKind.BUSINESS:
            raise UserError("card.business_only", card=name)
        unit = cart.line(line.parent_line_id)
        starts = CoverageStart(run.scalar(_TIER_STARTS, {"tier_id": line.tier_id}))
        warranty = unit_warranty(*run.first(_WARRANTY, {"product_id": unit.product_id}))
        if starts is CoverageStart.WARRANTY_END and warranty is None:
            raise UserError("card.unit_warranty_unknown", card=name, name=unit.name)
        sold = (run.scalar(_SOLD_ON, {"sale_id": cart.original_sale_id})
                if unit.existing_line_id is not None else None)
        if isinstance(sold, str):  # SQLite's driver hands back the ISO text
            sold = date.fromisoformat(sold)
        coverage[line.line_id] = (starts, warranty, sold)
    sheet_items = {template_id: run.all(_SHEET_ITEMS, {"template_id": template_id})
                   for template_id in {m.sheet_template_id for m in cart.main_units()
                                       if m.sheet_template_id is not None}}
    return _References(terminal_id, customer_kind, tiers, sheet_items, coverage, strict,
                       store_id)


def sale_document(cart: Cart, refs: _References, receipt_no: str, sequence: int, shift_id: int,
                  card_numbers: list[str], cart_totals: Totals, checked: TenderCheck,
                  payments: list[DocPayment], today: date) -> SaleDocument:
    """The cart as the document it becomes. Lines this document sells get positions; an
    add-on's earlier unit keeps the id of its line on the earlier sale."""
    billable = cart.billable_lines()
    position = {line.line_id: index for index, line in enumerate(billable, start=1)}
    existing = {l.line_id: l.existing_line_id for l in cart.lines if l.existing_line_id}
    lines = tuple(DocLine(
        position=position[l.line_id], kind=l.kind, sku=l.sku, name=l.name,
        product_id=l.product_id, tier_id=l.tier_id, parent=position.get(l.parent_line_id),
        quantity=l.quantity, list_price=l.list_price, unit_price=l.unit_price,
        discount=l.discount, line_total=l.total, unit_cost=l.unit_cost,
        vat_rate_bp=l.vat_rate_bp, serial=l.serial, pack=l.pack_code,
        override_reason=l.override_reason, seller_id=cart.staff_id,
        parent_line=existing.get(l.parent_line_id), sheet_item_id=l.sheet_item_id)
        for l in billable)
    cards = []
    for number, line in zip(card_numbers, (l for l in cart.lines if l.kind is LineKind.CARD)):
        unit = cart.line(line.parent_line_id)
        # At the sale: from the day the card is sold; at the maker's warranty's end: from
        # the day its unit was sold (an installer's add-on sells the card later).
        starts, warranty, unit_sold = refs.coverage[line.line_id]
        counted_from = (unit_sold or today) if starts is CoverageStart.WARRANTY_END else today
        start, end = coverage_dates(counted_from, starts=starts, warranty_months=warranty,
                                    term_months=refs.tiers[line.tier_id][2])
        cards.append(DocCard(
            card_no=number, tier_id=line.tier_id, main=position.get(unit.line_id),
            customer_id=cart.customer_id, unit_serial=unit.serial, start_date=start,
            end_date=end, line=position[line.line_id], main_line=existing.get(unit.line_id)))
    return SaleDocument(
        kind=DocumentKind.ADDON if cart.original_sale_id else DocumentKind.SALE,
        receipt_no=receipt_no, cart_uuid=cart.uuid, terminal_id=refs.terminal_id,
        sequence=sequence, staff_id=cart.staff_id, customer_id=cart.customer_id,
        business_date=today, total=cart_totals.total, discount_total=cart_totals.discount,
        vat_total=cart_totals.vat_total, tendered=checked.tendered, change=checked.change,
        lines=lines, outcomes=tuple(_outcomes(cart, position, refs.sheet_items)),
        payments=tuple(payments),
        cards=tuple(cards), original_receipt=cart.original_receipt,
        original_sale_id=cart.original_sale_id, shift_id=shift_id)


def _outcomes(cart: Cart, position: dict[str, int],
              sheet_items: dict[int, list[tuple[int, str, str]]]) -> list[DocOutcome]:
    """Every sheet item of every main unit (unmarked = not offered), and its card. An
    add-on records only what was asked on site; the rest stands on the earlier sale."""
    rows = []
    for main in cart.main_units():
        on_site = main.existing_line_id is not None
        unit, unit_line = position.get(main.line_id), main.existing_line_id
        children = cart.children(main.line_id)
        sold_as: dict[int, int] = {}  # sheet item -> the position of the line sold for it
        for child in children:
            if child.sheet_item_id is not None:
                sold_as.setdefault(child.sheet_item_id, position[child.line_id])
        items = tuple(sheet_items.get(main.sheet_template_id, ()))
        asked = cart.marks(main.line_id)
        if not on_site:  # most items were not offered: those records are shared
            unasked = _not_offered(items, unit, unit_line)
        for item_id, item_code, item_name in items:
            state = asked.get(item_id, Outcome.NOT_OFFERED)
            if state is Outcome.NOT_OFFERED and item_id not in sold_as:
                if not on_site:
                    rows.append(unasked[item_id])
                continue
            rows.append(DocOutcome(unit, OutcomeSubject.SHEET_ITEM, item_code, state,
                                   sold_as.get(item_id), item_id, item_name, unit_line, on_site))
        cards = [c for c in children if c.kind is LineKind.CARD]
        state = (Outcome.SOLD if cards else Outcome.DECLINED if main.line_id in cart.cards_declined
                 else Outcome.NOT_OFFERED)
        if on_site and state is Outcome.NOT_OFFERED:
            continue
        rows.append(DocOutcome(unit, OutcomeSubject.SERVICE_CARD, "service-card", state,
                               position[cards[0].line_id] if cards else None, None,
                               "Service card", unit_line, on_site))
    return rows


@functools.lru_cache(maxsize=64)
def _not_offered(items: tuple[tuple[int, str, str], ...], unit: int | None,
                 unit_line: int | None) -> dict[int, DocOutcome]:
    """The "not offered" record of each item of a sheet, for a unit at this position:
    immutable, so every sale that leaves an item unasked shares the same record (a sale
    would otherwise build some twenty of them)."""
    return {item_id: DocOutcome(unit, OutcomeSubject.SHEET_ITEM, code, Outcome.NOT_OFFERED,
                                None, item_id, name, unit_line, False)
            for item_id, code, name in items}


def _payments(conn, tenders: list[TenderInput], customer_kind: CustomerKind | None,
              today: date, customer_id: int | None = None) -> list[DocPayment]:
    rows = []
    for position, tender_input in enumerate(tenders, start=1):
        tender = tender_input.tender
        reference, last4 = payment_fields(tender_input)
        if tender is Tender.VOUCHER and not reference:
            raise UserError("tender.voucher_code")
        due = None
        if tender is Tender.ON_ACCOUNT:
            if customer_kind is None:
                raise UserError("tender.account_needs_customer")
            most = get_setting(conn, "account_days")[customer_kind.value]
            term = conn.execute(select(CustomerAccount.term_days).where(
                CustomerAccount.customer_id == customer_id)).scalar()
            due = today + timedelta(days=most if term is None else min(term, most))
        if tender is Tender.DEPOSIT and (customer_kind is None or not reference):
            raise UserError("deposit.needs_customer")
        rows.append(DocPayment(position, tender, tender_input.amount, reference, last4, due))
    return rows


def _quote_and_invoice(conn, cart: Cart, sale_id: int, receipt_no: str, today: date) -> None:
    """In the sale's transaction (a refusal here undoes the sale): the quote opened as
    this cart is converted, once (quote.already_converted for a second sale), and not
    after its date unless a manager approved its prices when it was opened; a fapiao
    asked for at the sale is recorded with the customer's details as they are now."""
    if cart.quote_id is not None:
        q = conn.execute(select(Quote.__table__).where(Quote.id == cart.quote_id)).first()
        if q is None or q.customer_id != cart.customer_id:
            raise UserError("quote.other_customer", quote=q.quote_no if q else "")
        events = {l.price_event for l in cart.billable_lines() if l.price_event is not None}
        quoted = [details for details in (json.loads(text) for text in conn.execute(
            select(AuditEvent.details_json).where(AuditEvent.id.in_(events),
                                                  AuditEvent.action == "quote_prices"))
            .scalars()) if details.get("cart") == cart.uuid and details.get("quote_id") == q.id]
        if not quoted:  # a sale of none of its lines would count as converting it
            raise UserError("quote.none_of_its_lines", quote=q.quote_no)
        approved = any(details.get("approved_by") is not None for details in quoted)
        until = min(q.valid_until, *(date.fromisoformat(str(d["valid_until"])) for d in quoted))
        if until < today and not approved:  # the date sealed when opened (the row is editable)
            raise UserError("quote.expired", quote=q.quote_no, valid_until=until)
        if conn.execute(update(Quote).where(Quote.id == q.id, Quote.state == "accepted").values(
                state="converted", converted_sale_id=sale_id, converted_at=utcnow())).rowcount != 1:
            if q.state == "converted":
                raise UserError("quote.already_converted", quote=q.quote_no, receipt=conn.execute(
                    select(Sale.receipt_no).where(Sale.id == q.converted_sale_id)).scalar())
            raise UserError("quote.cancelled" if q.state == "cancelled" else "quote.not_opened",
                            quote=q.quote_no)
    if cart.invoice_requested:
        if cart.customer_id is None:
            raise UserError("invoice.needs_details", missing=[
                Message("invoice.field.company"), Message("invoice.field.tax_id")])
        record_invoice_request(conn, sale_id=sale_id, receipt_no=receipt_no,
                               customer_id=cart.customer_id, staff_id=cart.staff_id)


def completed_sale(conn, cart_uuid: str) -> CompletedSale | None:
    """The sale this cart already made, if it completed (replayed=True)."""
    return _existing(conn, cart_uuid)


def _existing(conn, cart_uuid: str) -> CompletedSale | None:
    run = prepared.on(conn)
    sale = run.first(_EXISTING, {"uuid": cart_uuid})
    if sale is None:
        return None
    sale_id, receipt_no, total, tendered, change = sale
    cards = tuple(row[0] for row in run.all(_EXISTING_CARDS, {"sale_id": sale_id}))
    return CompletedSale(sale_id, receipt_no, total, tendered, change, cards, replayed=True)
