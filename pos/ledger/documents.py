"""The one document model for sales and corrections (add-ons, refunds, voids).

A document is built once as typed, frozen records; the same records are sealed in the
journal (`SaleDocument.payload`), inserted with everything that follows from them
(`write_document`: lines, sheet outcomes, service cards, payments, stock, serials), and
rebuilt from the tables (`load_document`) for `journal verify` and for reprints. A
correction is a document like a sale: negative lines that point at the lines they
correct and payments that go back.

The sealed payload keeps the exact shape documents have always been sealed with, so a
database written by an earlier version still verifies: `sheet_item_id`, item names, who
the unit of an add-on is and the shift are stored but were never sealed.

Every completed document passes here, so the inserts are prepared (pos.db.prepared).
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import bindparam, select

from pos.db import prepared
from pos.db.models import (
    Payment, PrintJob, Product, Sale, SaleLine, ServiceCard, SheetOutcome, SoldSerial,
)
from pos.kernel.clock import utcnow
from pos.kernel.enums import (
    CardState, DocumentKind, LineKind, Outcome, OutcomeSubject, SaleState, Tender,
)
from pos.kernel.errors import UserError
from pos.kernel.vat import vat_by_rate
from pos.ledger import chain

# The fields of a line as sealed, in the order they always were.
LINE_FIELDS = (
    "position", "kind", "sku", "name", "product_id", "tier_id", "parent", "quantity",
    "list_price", "unit_price", "discount", "line_total", "unit_cost", "vat_rate_bp", "serial",
    "pack", "override_reason", "seller_id",
)
_LINE_VALUES = operator.attrgetter(*LINE_FIELDS)
# original_line and parent_line are sealed only when set, so documents sealed before
# they existed still verify.


@dataclass(frozen=True, slots=True)
class DocLine:
    position: int
    kind: LineKind
    sku: str
    name: str
    product_id: int | None
    tier_id: int | None
    parent: int | None  # the position of the line it hangs under, in this document
    quantity: int  # negative on a correction
    list_price: int
    unit_price: int
    discount: int  # negative on a correction
    line_total: int  # negative on a correction
    unit_cost: int
    vat_rate_bp: int
    serial: str | None
    pack: str | None
    override_reason: str | None
    seller_id: int
    original_line: int | None = None  # a correction: the line it takes back
    parent_line: int | None = None  # an add-on: the earlier sale's unit it hangs under
    sheet_item_id: int | None = None  # sealed from version 2

    def sealed(self, version: int) -> dict:
        values = dict(zip(LINE_FIELDS, _LINE_VALUES(self)))  # enums are str: JSON writes them
        if self.original_line:
            values["original_line"] = self.original_line
        if self.parent_line:
            values["parent_line"] = self.parent_line
        if version >= 2:
            values["sheet_item"] = self.sheet_item_id
        return values


@dataclass(frozen=True, slots=True)
class DocOutcome:
    """How one sheet item, or the unit's service card, ended for one unit."""

    main: int | None  # the unit's position; None when the unit is an earlier sale's
    subject: OutcomeSubject
    item_code: str
    outcome: Outcome
    sold: int | None  # the position of the line it was sold as
    sheet_item_id: int | None = None  # not sealed, nor the rest
    item_name: str = ""
    main_line: int | None = None  # the earlier sale's unit (add-ons)
    added_on_site: bool = False

    def sealed(self, version: int) -> list:
        if version >= 2:  # every column it is stored with
            return [self.main, self.subject, self.item_code, self.outcome, self.sold,
                    self.sheet_item_id, self.item_name, self.main_line, self.added_on_site]
        return [self.main, self.subject, self.item_code, self.outcome, self.sold]


@dataclass(frozen=True, slots=True)
class DocPayment:
    position: int
    tender: Tender
    amount: int  # negative: money back
    reference: str | None = None
    card_last4: str | None = None
    due_date: date | None = None  # paid on account

    def sealed(self) -> list:
        return [self.position, self.tender, self.amount, self.reference,
                self.card_last4, self.due_date.isoformat() if self.due_date else None]


@dataclass(frozen=True, slots=True)
class DocCard:
    card_no: str
    tier_id: int
    main: int | None  # the covered unit's position; None when an earlier sale's
    customer_id: int | None
    unit_serial: str | None
    start_date: date
    end_date: date | None  # None: lifetime
    line: int  # the card line's position (not sealed, nor main_line)
    main_line: int | None = None

    def sealed(self, version: int) -> list:
        values = [self.card_no, self.tier_id, self.main, self.customer_id, self.unit_serial,
                  self.start_date.isoformat(), self.end_date.isoformat() if self.end_date else None]
        if version >= 2:
            values += [self.line, self.main_line]
        return values


@dataclass(frozen=True, slots=True)
class Totals:
    total: int
    discount_total: int
    vat_total: int


def totals_of(lines: Iterable[DocLine]) -> Totals:
    """A document's totals from its lines (VAT by pos.kernel.vat's rule)."""
    lines = list(lines)
    vat = vat_by_rate((line.vat_rate_bp, line.line_total) for line in lines)
    return Totals(sum(line.line_total for line in lines), sum(line.discount for line in lines),
                  sum(v.vat for v in vat))


@dataclass(frozen=True, slots=True)
class SaleDocument:
    kind: DocumentKind
    receipt_no: str
    cart_uuid: str
    terminal_id: int
    sequence: int
    staff_id: int
    customer_id: int | None
    business_date: date
    total: int
    discount_total: int
    vat_total: int
    tendered: int
    change: int
    lines: tuple[DocLine, ...]
    outcomes: tuple[DocOutcome, ...] = ()
    payments: tuple[DocPayment, ...] = ()
    cards: tuple[DocCard, ...] = ()
    original_receipt: str | None = None  # what a correction or an add-on refers to
    original_sale_id: int | None = None  # not sealed, nor what follows
    shift_id: int | None = None
    completed_at: datetime | None = None

    def payload(self, version: int = chain.VERSION) -> dict:
        """What the journal seals. From version 2 the time of completion is sealed too
        (the journal's own entry seals its time, type and reference)."""
        header = {
            "receipt_no": self.receipt_no, "cart_uuid": self.cart_uuid,
            "terminal_id": self.terminal_id, "sequence": self.sequence,
            "staff_id": self.staff_id, "customer_id": self.customer_id,
            "business_date": self.business_date.isoformat(), "total": self.total,
            "discount_total": self.discount_total, "vat_total": self.vat_total,
            "tendered": self.tendered, "change": self.change,
        }
        if self.kind is not DocumentKind.SALE:  # plain sales stay as they always were
            header |= {"kind": self.kind, "original": self.original_receipt}
        if version >= 2:
            header |= {"completed_at": chain.sealed_time(self.completed_at),
                       "shift": self.shift_id}
        return {
            **header,
            "lines": [line.sealed(version) for line in self.lines],
            "outcomes": sorted((o.sealed(version) for o in self.outcomes),
                               key=lambda row: (row[0] or 0, row[1], row[2])),
            "payments": sorted(p.sealed() for p in self.payments),
            "cards": sorted(c.sealed(version) for c in self.cards),
        }

    def line(self, position: int) -> DocLine:
        return next(line for line in self.lines if line.position == position)


@dataclass(frozen=True, slots=True)
class Written:
    sale_id: int
    line_ids: dict[int, int]  # position -> sale line id
    cancelled_cards: tuple[str, ...]  # cards a correction took back


# --- writing ------------------------------------------------------------------------

SALES, LINES, OUTCOMES = Sale.__table__, SaleLine.__table__, SheetOutcome.__table__
CARDS, PAYMENTS, SERIALS = ServiceCard.__table__, Payment.__table__, SoldSerial.__table__
PRODUCTS = Product.__table__

_INSERT_SALE = prepared.insert(SALES, (
    "cart_uuid", "receipt_no", "terminal_id", "sequence", "staff_id", "customer_id", "state",
    "completed_at", "business_date", "total", "discount_total", "vat_total", "tendered",
    "change_given", "journal_hash", "kind", "original_sale_id", "shift_id"), returning=[SALES.c.id])
_INSERT_LINE = prepared.insert(LINES, (
    "sale_id", "position", "kind", "parent_line_id", "product_id", "tier_id", "sheet_item_id",
    "pack_code", "sku", "name", "quantity", "list_price", "unit_price", "discount", "line_total",
    "unit_cost", "vat_rate_bp", "serial", "override_reason", "seller_id", "original_line_id"),
    returning=[LINES.c.id])
_INSERT_SERIAL = prepared.insert(SERIALS, ("product_id", "serial", "line_id"))
_RELEASE_SERIAL = prepared.Prepared(SERIALS.delete().where(SERIALS.c.line_id == bindparam("line_id")))
_MOVE_STOCK = prepared.Prepared(
    PRODUCTS.update().where(PRODUCTS.c.id == bindparam("pid"))
    .values(stock=PRODUCTS.c.stock - bindparam("qty")))
_INSERT_OUTCOME = prepared.insert(OUTCOMES, (
    "sale_id", "main_line_id", "subject", "sheet_item_id", "item_code", "item_name", "outcome",
    "sold_line_id", "added_on_site"))
_INSERT_CARD = prepared.insert(CARDS, (
    "card_no", "sale_id", "line_id", "main_line_id", "tier_id", "customer_id", "unit_serial",
    "start_date", "end_date", "state"))
_CANCEL_CARD = prepared.Prepared(
    CARDS.update().where(CARDS.c.line_id == bindparam("line_id"))
    .values(state=CardState.CANCELLED).returning(CARDS.c.card_no))
_INSERT_PAYMENT = prepared.insert(PAYMENTS, (
    "sale_id", "position", "tender", "amount", "reference", "card_last4", "due_date"))
_INSERT_PRINT_JOB = prepared.insert(PrintJob.__table__, (
    "terminal_id", "kind", "ref", "printer_uri", "reprint", "open_drawer", "options_json",
    "state", "attempts", "next_attempt_at", "last_error", "created_at", "printed_at"))


def write_document(conn, document: SaleDocument, *, print_jobs: Iterable[dict] = ()) -> Written:
    """Seal the document in the journal and write it with everything that follows from
    it, inside the caller's transaction: the sale row, its lines (units before what hangs
    under them), stock moved by each line's quantity, serials taken (sold) or released
    (taken back), sheet outcomes, service cards issued or cancelled (a card line taken
    back cancels its card), payments, and print-job rows (an outbox: the receipt job
    commits with the sale). The caller took the document's numbers and its shift first;
    the journal's head is locked last, so concurrent tills queue and never deadlock."""
    run = prepared.on(conn)
    if document.completed_at is None:
        document = replace(document, completed_at=utcnow())
    sealed = chain.append(conn, document.payload(), doc_type=document.kind.value,
                          doc_ref=document.receipt_no, at=document.completed_at)
    sale_id = run.scalar(_INSERT_SALE, dict(
        cart_uuid=document.cart_uuid, receipt_no=document.receipt_no,
        terminal_id=document.terminal_id, sequence=document.sequence,
        staff_id=document.staff_id, customer_id=document.customer_id,
        state=SaleState.COMPLETED, completed_at=document.completed_at,
        business_date=document.business_date, total=document.total,
        discount_total=document.discount_total, vat_total=document.vat_total,
        tendered=document.tendered, change_given=document.change, journal_hash=sealed.hash,
        kind=document.kind, original_sale_id=document.original_sale_id,
        shift_id=document.shift_id))
    line_ids: dict[int, int] = {}
    for line in sorted(document.lines, key=lambda l: l.parent is not None):  # units first
        line_ids[line.position] = run.scalar(_INSERT_LINE, {
            "sale_id": sale_id, "position": line.position, "kind": line.kind,
            "parent_line_id": line_ids[line.parent] if line.parent else line.parent_line,
            "product_id": line.product_id, "tier_id": line.tier_id,
            "sheet_item_id": line.sheet_item_id, "pack_code": line.pack, "sku": line.sku,
            "name": line.name, "quantity": line.quantity, "list_price": line.list_price,
            "unit_price": line.unit_price, "discount": line.discount,
            "line_total": line.line_total, "unit_cost": line.unit_cost,
            "vat_rate_bp": line.vat_rate_bp, "serial": line.serial,
            "override_reason": line.override_reason, "seller_id": line.seller_id,
            "original_line_id": line.original_line})
    _move_goods(run, document, line_ids)
    run.many(_INSERT_OUTCOME, [{
        "sale_id": sale_id,
        "main_line_id": line_ids[o.main] if o.main is not None else o.main_line,
        "subject": o.subject, "sheet_item_id": o.sheet_item_id, "item_code": o.item_code,
        "item_name": o.item_name, "outcome": o.outcome,
        "sold_line_id": line_ids[o.sold] if o.sold else None, "added_on_site": o.added_on_site,
    } for o in document.outcomes])
    run.many(_INSERT_CARD, [{
        "card_no": c.card_no, "sale_id": sale_id, "line_id": line_ids[c.line],
        "main_line_id": line_ids[c.main] if c.main is not None else c.main_line,
        "tier_id": c.tier_id, "customer_id": c.customer_id, "unit_serial": c.unit_serial,
        "start_date": c.start_date, "end_date": c.end_date, "state": CardState.ACTIVE,
    } for c in document.cards])
    cancelled = tuple(run.scalar(_CANCEL_CARD, {"line_id": line.original_line})
                      for line in document.lines
                      if line.kind is LineKind.CARD and line.original_line is not None)
    run.many(_INSERT_PAYMENT, [{
        "sale_id": sale_id, "position": p.position, "tender": p.tender, "amount": p.amount,
        "reference": p.reference, "card_last4": p.card_last4, "due_date": p.due_date,
    } for p in document.payments])
    run.many(_INSERT_PRINT_JOB, list(print_jobs))
    return Written(sale_id, line_ids, tuple(card for card in cancelled if card))


def _move_goods(run: prepared.Runner, document: SaleDocument, line_ids: dict[int, int]) -> None:
    """Stock follows every line's quantity; a sold serial is taken, a returned one is
    free to be sold again."""
    run.many(_INSERT_SERIAL, [
        {"product_id": line.product_id, "serial": line.serial, "line_id": line_ids[line.position]}
        for line in document.lines if line.serial and line.quantity > 0])
    run.many(_RELEASE_SERIAL, [
        {"line_id": line.original_line} for line in document.lines
        if line.serial and line.quantity < 0 and line.original_line is not None])
    run.many(_MOVE_STOCK, [{"pid": line.product_id, "qty": line.quantity}
                           for line in document.lines if line.product_id is not None])


# --- reading back -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Stored:
    """A written document as read back, with the ids its rows have in the tables."""

    sale_id: int
    document: SaleDocument
    line_ids: dict[int, int]  # position -> sale line id


def load_document(conn, sale_id: int) -> SaleDocument:
    """A written document rebuilt from the tables, as it would be sealed now."""
    return load_stored(conn, sale_id).document


def load_stored(conn, sale_id: int) -> Stored:
    sale = conn.execute(select(SALES).where(SALES.c.id == sale_id)).one()
    rows = conn.execute(select(LINES).where(LINES.c.sale_id == sale_id)
                        .order_by(LINES.c.position)).all()
    positions = {row.id: row.position for row in rows}
    lines = tuple(DocLine(
        position=l.position, kind=l.kind, sku=l.sku, name=l.name, product_id=l.product_id,
        tier_id=l.tier_id, parent=positions.get(l.parent_line_id), quantity=l.quantity,
        list_price=l.list_price, unit_price=l.unit_price, discount=l.discount,
        line_total=l.line_total, unit_cost=l.unit_cost, vat_rate_bp=l.vat_rate_bp,
        serial=l.serial, pack=l.pack_code, override_reason=l.override_reason,
        seller_id=l.seller_id, original_line=l.original_line_id,
        parent_line=l.parent_line_id if l.parent_line_id not in positions else None,
        sheet_item_id=l.sheet_item_id) for l in rows)
    outcomes = tuple(DocOutcome(
        positions.get(o.main_line_id), o.subject, o.item_code, o.outcome,
        positions.get(o.sold_line_id), o.sheet_item_id, o.item_name,
        o.main_line_id if o.main_line_id not in positions else None, o.added_on_site)
        for o in conn.execute(select(OUTCOMES).where(OUTCOMES.c.sale_id == sale_id)
                              .order_by(OUTCOMES.c.id)))
    payments = tuple(DocPayment(p.position, p.tender, p.amount, p.reference, p.card_last4,
                                p.due_date)
                     for p in conn.execute(select(PAYMENTS).where(PAYMENTS.c.sale_id == sale_id)
                                           .order_by(PAYMENTS.c.position)))
    cards = tuple(DocCard(
        c.card_no, c.tier_id, positions.get(c.main_line_id), c.customer_id, c.unit_serial,
        c.start_date, c.end_date, positions.get(c.line_id),
        c.main_line_id if c.main_line_id not in positions else None)
        for c in conn.execute(select(CARDS).where(CARDS.c.sale_id == sale_id)
                              .order_by(CARDS.c.card_no)))
    original = None
    if sale.original_sale_id is not None:
        original = conn.execute(select(SALES.c.receipt_no).where(
            SALES.c.id == sale.original_sale_id)).scalar()
    return Stored(sale_id, SaleDocument(
        kind=sale.kind, receipt_no=sale.receipt_no, cart_uuid=sale.cart_uuid,
        terminal_id=sale.terminal_id, sequence=sale.sequence, staff_id=sale.staff_id,
        customer_id=sale.customer_id, business_date=sale.business_date, total=sale.total,
        discount_total=sale.discount_total, vat_total=sale.vat_total, tendered=sale.tendered,
        change=sale.change_given, lines=lines, outcomes=outcomes, payments=payments,
        cards=cards, original_receipt=original, original_sale_id=sale.original_sale_id,
        shift_id=sale.shift_id, completed_at=sale.completed_at),
        {row.position: row.id for row in rows})


def sale_id_of(conn, receipt_no: str) -> int | None:
    return conn.execute(select(SALES.c.id).where(
        SALES.c.receipt_no == receipt_no.strip().upper())).scalar()


# What each kind of document is called in a message.
DOCUMENT_NAMES = {DocumentKind.SALE: "document.sale", DocumentKind.ADDON: "document.addon",
                  DocumentKind.REFUND: "document.refund", DocumentKind.VOID: "document.void"}


def original_sale(conn, receipt_no: str, *, for_addon: bool = False):
    """The sale (a row of the sales table) that a correction or an add-on refers to.
    Refunds, voids and add-ons refer only to sales, never to each other."""
    sale = conn.execute(select(SALES).where(
        SALES.c.receipt_no == receipt_no.strip().upper())).first()
    if sale is None:
        raise UserError("sale.no_receipt", receipt=receipt_no)
    if sale.kind is not DocumentKind.SALE:
        if for_addon:
            raise UserError("addon.not_a_sale", receipt=sale.receipt_no,
                            kind=DOCUMENT_NAMES[sale.kind])
        raise UserError("sale.not_a_sale", receipt=sale.receipt_no, kind=DOCUMENT_NAMES[sale.kind])
    return sale
