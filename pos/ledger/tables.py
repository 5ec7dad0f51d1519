"""A document in the tables: written with everything that follows from it (the sale
row and its lines, stock moved, serials taken or released, sheet outcomes, service cards
issued or cancelled, payments, print jobs), sealed in the journal in the same
transaction; and read back as the same records (pos.ledger.documents) for `journal
verify` and for reprints.

Every completed document passes here, so the inserts are prepared (pos.db.prepared).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from sqlalchemy import bindparam, select

from pos.db import prepared
from pos.db.models import Payment, PrintJob, Sale, SaleLine, ServiceCard, SheetOutcome
from pos.kernel.clock import utcnow
from pos.kernel.enums import CardState, DocumentKind, LineKind, SaleState, Tender
from pos.kernel.errors import UserError
from pos.ledger import chain
from pos.ledger.documents import DocCard, DocLine, DocOutcome, DocPayment, SaleDocument
from pos.ledger.account_sales import post_sale_account
from pos.ledger.card_seals import register_own_units
from pos.ledger.stock_sales import TERMINAL_STORE, move_sale_stock

ACCOUNT_TENDERS = (Tender.ON_ACCOUNT, Tender.DEPOSIT)  # their payments move accounts too


@dataclass(frozen=True, slots=True)
class Written:
    sale_id: int
    line_ids: dict[int, int]  # position -> sale line id
    cancelled_cards: tuple[str, ...]  # cards a correction took back


SALES, LINES, OUTCOMES = Sale.__table__, SaleLine.__table__, SheetOutcome.__table__
CARDS, PAYMENTS = ServiceCard.__table__, Payment.__table__

_INSERT_SALE = prepared.insert(SALES, (
    "cart_uuid", "receipt_no", "terminal_id", "sequence", "staff_id", "customer_id", "state",
    "completed_at", "business_date", "total", "discount_total", "vat_total", "tendered",
    "change_given", "journal_hash", "kind", "original_sale_id", "shift_id"), returning=[SALES.c.id])
_INSERT_LINE = prepared.insert(LINES, (
    "sale_id", "position", "kind", "parent_line_id", "product_id", "tier_id", "sheet_item_id",
    "pack_code", "sku", "name", "quantity", "list_price", "unit_price", "discount", "line_total",
    "unit_cost", "vat_rate_bp", "serial", "override_reason", "seller_id", "original_line_id"),
    returning=[LINES.c.id])
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


def write_document(conn, document: SaleDocument, *, print_jobs: Iterable[dict] = (),
                   negative_stock_allowed: Callable[[], bool] = lambda: False,
                   strict_serials: Callable[[], bool] = lambda: False,
                   store_id: int | None = None,
                   blocks_overdue: Callable[[], bool] = lambda: False) -> Written:
    """Seal the document in the journal and write it with everything that follows from
    it, inside the caller's transaction: the sale row, its lines (units before what hangs
    under them), stock moved by each line's quantity, serials taken (sold) or released
    (taken back), sheet outcomes, service cards issued or cancelled (a card line taken
    back cancels its card), payments, and print-job rows (an outbox: the receipt job
    commits with the sale). The caller took the document's numbers and its shift first;
    the journal's head is locked last, so concurrent tills queue and never deadlock.

    A document that takes more of a product than is in stock is refused (a UserError,
    stock.short; the caller's transaction then rolls back, numbers included) unless
    `negative_stock_allowed()` says yes: it is asked only then (the store's setting
    allow_negative_stock, which the ledger, beneath the store's settings, does not
    read itself). A serial sold must be a unit in stock at the till's store; one the
    store has never seen is sold as it stands unless `strict_serials()` (the setting
    serial_stock) says the store sells only serials it received (pos.ledger.stock_tables).
    An on-account payment charges (or credits) the customer's account, within its limit
    and, when `blocks_overdue()` (the setting account_block_overdue), not while an
    invoice is overdue; a deposit payment spends its pre-order's deposit
    (pos.ledger.account_sales)."""
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
    move_sale_stock(run, document, line_ids, negative_stock_allowed=negative_stock_allowed,
                    strict_serials=strict_serials, store_id=store_id)
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
    register_own_units(conn, (c.card_no for c in document.cards), staff_id=document.staff_id,
                       at=document.completed_at)  # a business card's own unit is its first
    cancelled = tuple(run.scalar(_CANCEL_CARD, {"line_id": line.original_line})
                      for line in document.lines
                      if line.kind is LineKind.CARD and line.original_line is not None)
    run.many(_INSERT_PAYMENT, [{
        "sale_id": sale_id, "position": p.position, "tender": p.tender, "amount": p.amount,
        "reference": p.reference, "card_last4": p.card_last4, "due_date": p.due_date,
    } for p in document.payments])
    if any(p.tender in ACCOUNT_TENDERS for p in document.payments):
        if store_id is None:
            store_id = run.scalar(TERMINAL_STORE, {"terminal_id": document.terminal_id})
        post_sale_account(conn, document, sale_id, store_id, blocks_overdue=blocks_overdue)
    run.many(_INSERT_PRINT_JOB, list(print_jobs))
    return Written(sale_id, line_ids, tuple(card for card in cancelled if card))


@dataclass(frozen=True, slots=True)
class Stored:
    """A written document as read back, with the ids its rows have in the tables."""

    sale_id: int
    document: SaleDocument
    line_ids: dict[int, int]  # position -> sale line id


def load_document(conn, sale_id: int) -> SaleDocument:
    """A written document rebuilt from the tables, as it would be sealed now."""
    return load_stored(conn, sale_id).document


# The columns a document is rebuilt from, in the order stored_from_rows reads them (by
# position: verify rebuilds every document of the chain). Each starts with the sale.
LINE_ROW = tuple(LINES.c[name] for name in (
    "sale_id", "id", "position", "kind", "sku", "name", "product_id", "tier_id",
    "parent_line_id", "quantity", "list_price", "unit_price", "discount", "line_total",
    "unit_cost", "vat_rate_bp", "serial", "pack_code", "override_reason", "seller_id",
    "original_line_id", "sheet_item_id"))
OUTCOME_ROW = tuple(OUTCOMES.c[name] for name in (
    "sale_id", "main_line_id", "subject", "item_code", "outcome", "sold_line_id",
    "sheet_item_id", "item_name", "added_on_site"))
PAYMENT_ROW = tuple(PAYMENTS.c[name] for name in (
    "sale_id", "position", "tender", "amount", "reference", "card_last4", "due_date"))
CARD_ROW = tuple(CARDS.c[name] for name in (
    "sale_id", "card_no", "tier_id", "main_line_id", "customer_id", "unit_serial",
    "start_date", "end_date", "line_id"))


def load_stored(conn, sale_id: int) -> Stored:
    sale = conn.execute(select(SALES).where(SALES.c.id == sale_id)).one()
    original = None
    if sale.original_sale_id is not None:
        original = conn.execute(select(SALES.c.receipt_no).where(
            SALES.c.id == sale.original_sale_id)).scalar()
    return stored_from_rows(
        sale, original,
        conn.execute(select(*LINE_ROW).where(LINES.c.sale_id == sale_id)
                     .order_by(LINES.c.position)).all(),
        conn.execute(select(*OUTCOME_ROW).where(OUTCOMES.c.sale_id == sale_id)
                     .order_by(OUTCOMES.c.id)).all(),
        conn.execute(select(*PAYMENT_ROW).where(PAYMENTS.c.sale_id == sale_id)
                     .order_by(PAYMENTS.c.position)).all(),
        conn.execute(select(*CARD_ROW).where(CARDS.c.sale_id == sale_id)
                     .order_by(CARDS.c.card_no)).all())


def stored_from_rows(sale, original_receipt: str | None, rows, outcome_rows, payment_rows,
                     card_rows) -> Stored:
    """A document rebuilt from its rows as read from the tables: the sale, the receipt
    of the sale it corrects, its lines (LINE_ROW, by position), outcomes (OUTCOME_ROW, by
    id), payments (PAYMENT_ROW, by position) and cards (CARD_ROW, by number). `journal
    verify` reads these for thousands of documents at once (pos.ledger.batch);
    load_stored for one."""
    positions = {row[1]: row[2] for row in rows}  # line id -> position

    def own(line_id: int | None) -> int | None:
        """The position of a line of this document; a line of another one reads as -1,
        so a reference edited to point elsewhere never reads as if it were unset."""
        return None if line_id is None else positions.get(line_id, -1)
    lines = tuple(DocLine(
        position, kind, sku, name, product_id, tier_id, positions.get(parent), quantity,
        list_price, unit_price, discount, line_total, unit_cost, vat_rate_bp, serial, pack,
        override_reason, seller_id, original, parent if parent not in positions else None,
        sheet_item_id)
        for (_, _, position, kind, sku, name, product_id, tier_id, parent, quantity, list_price,
             unit_price, discount, line_total, unit_cost, vat_rate_bp, serial, pack,
             override_reason, seller_id, original, sheet_item_id) in rows)
    outcomes = tuple(DocOutcome(
        positions.get(main), subject, item_code, outcome, own(sold), sheet_item_id, item_name,
        main if main not in positions else None, added_on_site)
        for (_, main, subject, item_code, outcome, sold, sheet_item_id, item_name,
             added_on_site) in outcome_rows)
    payments = tuple(DocPayment(*row[1:]) for row in payment_rows)
    cards = tuple(DocCard(
        card_no, tier_id, positions.get(main), customer_id, unit_serial, start_date, end_date,
        own(line_id), main if main not in positions else None)
        for (_, card_no, tier_id, main, customer_id, unit_serial, start_date, end_date,
             line_id) in card_rows)
    return Stored(sale.id, SaleDocument(
        kind=sale.kind, receipt_no=sale.receipt_no, cart_uuid=sale.cart_uuid,
        terminal_id=sale.terminal_id, sequence=sale.sequence, staff_id=sale.staff_id,
        customer_id=sale.customer_id, business_date=sale.business_date, total=sale.total,
        discount_total=sale.discount_total, vat_total=sale.vat_total, tendered=sale.tendered,
        change=sale.change_given, lines=lines, outcomes=outcomes, payments=payments,
        cards=cards, original_receipt=original_receipt,
        original_sale_id=sale.original_sale_id, shift_id=sale.shift_id,
        completed_at=sale.completed_at),
        {row[2]: row[1] for row in rows})


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
