"""A correction (a refund or a void) as a document: negative lines that point at the lines
they take back, the money going back, the same gapless numbering and journal chain as
sales (pos.ledger.documents writes it: stock and serials go back, refunded service
cards are cancelled), and an audit event naming who did it and who approved.

Exactly once, like a sale: the caller names each attempt with a `request_id` (the till
makes one per action and sends it again on a retry); the correction keeps it as its
document's `cart_uuid`, which is unique, and the same request again returns the
correction it made instead of refunding twice (`exactly_once`)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from pos.db.engine import Database
from pos.db.models import Payment, Sale, SaleLine, ServiceCard, Terminal
from pos.kernel.enums import DocumentKind, Tender
from pos.kernel.errors import UserError
from pos.kernel.money import round_half_up, to_decimal_string
from pos.kernel.text import clean_text
from pos.ledger import audit
from pos.ledger.documents import DocLine, DocPayment, SaleDocument, totals_of
from pos.ledger.drawer import shift_for_sale
from pos.ledger.numbering import next_number, receipt_number
from pos.ledger.tables import write_document
from pos.people.permissions import Authorised
from pos.selling.cart import TenderInput, payment_fields, plain_text

REASON_MAX = 200
RECEIPT_MAX = 32
_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{8,36}")
T = TypeVar("T")


@dataclass(frozen=True)
class Correction:
    receipt_no: str
    original: str | None  # None: goods back without a receipt
    total: int  # negative: money back to the customer
    cancelled_cards: tuple[str, ...]
    replayed: bool = False  # True when this request had already been written (a retry)


def taking_back(line: DocLine, *, position: int, parent: int | None, quantity: int,
                amount: int, original_line: int | None, seller_id: int) -> DocLine:
    """The correction's line for `quantity` of a sold line coming back for `amount`; a
    part of a line takes its share of the line's discount."""
    discount = (line.discount if quantity == line.quantity
                else round_half_up(line.discount * quantity, line.quantity))
    return DocLine(
        position=position, kind=line.kind, sku=line.sku, name=line.name,
        product_id=line.product_id, tier_id=line.tier_id, parent=parent, quantity=-quantity,
        list_price=line.list_price, unit_price=line.unit_price, discount=-discount,
        line_total=-amount, unit_cost=line.unit_cost, vat_rate_bp=line.vat_rate_bp,
        serial=line.serial, pack=line.pack, override_reason=None, seller_id=seller_id,
        original_line=original_line)


def write_correction(conn, *, kind: DocumentKind, terminal_id: int, customer_id: int | None,
                     original: tuple[int, str] | None, lines: list[DocLine],
                     payments: list[DocPayment], auth: Authorised, reason: str,
                     request_id: str | None = None) -> Correction:
    """Number, seal and write a correction inside the caller's transaction, and record it
    in the audit trail. `original` is the corrected sale's (id, receipt number);
    `request_id` names the attempt (see exactly_once)."""
    terminal = conn.execute(select(Terminal.code).where(Terminal.id == terminal_id)).scalar()
    sequence = next_number(conn, terminal_id, "receipt")
    shift_id = shift_for_sale(conn, terminal_id, auth.staff_id)
    totals = totals_of(lines)
    document = SaleDocument(
        kind=kind, receipt_no=receipt_number(terminal, sequence), cart_uuid=request_id or str(uuid.uuid4()),
        terminal_id=terminal_id, sequence=sequence, staff_id=auth.staff_id,
        customer_id=customer_id, business_date=date.today(), total=totals.total,
        discount_total=totals.discount_total, vat_total=totals.vat_total,
        tendered=sum(p.amount for p in payments), change=0, lines=tuple(lines),
        payments=tuple(payments), original_receipt=original[1] if original else None,
        original_sale_id=original[0] if original else None, shift_id=shift_id)
    written = write_document(conn, document)
    audit.record(conn, staff_id=auth.staff_id, action=kind.value,
                 ref=document.original_receipt or "no receipt",
                 details={"document": document.receipt_no,
                          "amount": to_decimal_string(-document.total),
                          "approved_by": auth.approved_by, "reason": reason_text(reason),
                          "cards_cancelled": list(written.cancelled_cards)})
    return Correction(document.receipt_no, document.original_receipt, document.total,
                      written.cancelled_cards)


def money_back(tenders: list[TenderInput], *, total: int, paid_with: set[Tender],
               as_money_at_most: int | None = None) -> list[DocPayment]:
    """The refund's payments: they add up to exactly `total`, each above zero, in cash or
    a way the sale was paid (never back to a pre-order's deposit); at most
    `as_money_at_most` other than back on account, when the sale was paid on account
    (pos.aftersale.received)."""
    if total == 0 and not tenders:
        return []
    if sum(t.amount for t in tenders) != total:
        raise UserError("refund.must_add_up", total=total)
    payments = []
    for position, tender in enumerate(tenders, start=1):
        if tender.amount <= 0:
            raise UserError("refund.payment_positive")
        if tender.tender is Tender.DEPOSIT:  # a deposit is spent whole, never refilled
            raise UserError("deposit.not_refund_tender")
        if tender.tender is not Tender.CASH and tender.tender not in paid_with:
            raise UserError("refund.cash_or_original_way")
        reference, last4 = payment_fields(tender)  # never a card number, 4 digits at most
        payments.append(DocPayment(position, tender.tender, -tender.amount, reference, last4))
    if as_money_at_most is not None:
        as_money = sum(t.amount for t in tenders if t.tender is not Tender.ON_ACCOUNT)
        if as_money > as_money_at_most:
            raise UserError("refund.back_to_account", most=as_money_at_most,
                            account=total - as_money_at_most)
    return payments


# --- free text and request ids ------------------------------------------------------


def receipt_text(receipt_no: str) -> str:
    """A receipt number as typed or scanned: plain text, checked the same on every
    database (a NUL would crash PostgreSQL)."""
    return plain_text(receipt_no, max_length=RECEIPT_MAX, field="field.receipt").upper()


def reason_text(reason: str | None) -> str:
    """A reason as it is kept in the audit trail: no control characters, at most
    REASON_MAX characters, card numbers masked."""
    return clean_text(reason, max_length=REASON_MAX, field="field.reason")


def check_request_id(request_id: str | None) -> str | None:
    """None, or an id the caller made for this attempt (a uuid4: 8 to 36 letters, digits
    and dashes). Anything else is a bug in the caller."""
    if request_id is not None and not (isinstance(request_id, str)
                                       and _REQUEST_ID.fullmatch(request_id)):
        raise ValueError("a request id is a uuid4 string")
    return request_id


def exactly_once(db: Database, request_id: str | None, write: Callable[..., T],
                 replay: Callable[..., T | None]) -> T:
    """`write(conn)` in one write transaction, unless the request already wrote: then
    `replay(conn)` returns what it wrote. A retry after a dropped connection (the first
    attempt committed, its answer was lost), or two clicks racing (the second loses on
    the unique request id, or on the approval the first used up), get the same answer."""
    request_id = check_request_id(request_id)
    try:
        with db.write_connection() as conn:
            if request_id is not None:
                done = replay(conn)
                if done is not None:
                    return done
            return write(conn)
    except (IntegrityError, UserError):
        if request_id is None:
            raise
        with db.read_connection() as conn:
            done = replay(conn)
        if done is None:
            raise
        return done


def replayed(conn, request_id: str, *, kinds: tuple[DocumentKind, ...],
             original: str | None) -> Correction | None:
    """The correction this request made, or None; a request id already used for another
    kind of document or another sale is refused."""
    row = conn.execute(select(Sale.id, Sale.receipt_no, Sale.kind, Sale.total,
                              Sale.original_sale_id).where(Sale.cart_uuid == request_id)).first()
    if row is None:
        return None
    corrected = None
    if row.original_sale_id is not None:
        corrected = conn.execute(select(Sale.receipt_no).where(
            Sale.id == row.original_sale_id)).scalar()
    if row.kind not in kinds or corrected != original:
        raise UserError("correction.request_reused", receipt=row.receipt_no)
    cancelled = conn.execute(  # the cards were sold by the corrected sale: found by it
        select(ServiceCard.card_no)
        .join(SaleLine, SaleLine.original_line_id == ServiceCard.line_id)
        .where(SaleLine.sale_id == row.id, ServiceCard.sale_id == row.original_sale_id)
        .order_by(SaleLine.position)).scalars().all() if row.original_sale_id else []
    return Correction(row.receipt_no, corrected, row.total, tuple(cancelled), replayed=True)


def lock_sale(conn, sale_id: int) -> None:
    """Hold the corrected sale's row until the correction commits: two corrections of one
    sale at once (two tills, PostgreSQL) queue here, and the second sees what the first
    took back, so together they never take back more than was sold."""
    conn.execute(select(Sale.id).where(Sale.id == sale_id).with_for_update())


def paid_with(conn, sale_id: int) -> set[Tender]:
    return set(conn.execute(select(Payment.tender).where(Payment.sale_id == sale_id)).scalars())


def taken_back(conn, line_ids) -> dict[int, tuple[int, int]]:
    """Sold line id -> (quantity, amount) already taken back by returns or voids."""
    if not line_ids:
        return {}
    rows = conn.execute(
        select(SaleLine.original_line_id, func.sum(-SaleLine.quantity), func.sum(-SaleLine.line_total))
        .where(SaleLine.original_line_id.in_(line_ids)).group_by(SaleLine.original_line_id))
    return {line_id: (int(qty), int(amount)) for line_id, qty, amount in rows}
