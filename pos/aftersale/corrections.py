"""A correction (a refund or a void) as a document: negative lines that point at the lines
they take back, the money going back, the same gapless numbering and journal chain as
sales (pos.ledger.documents writes it: stock and serials go back, refunded service
cards are cancelled), and an audit event naming who did it and who approved."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from pos.db.models import Payment, SaleLine, Terminal
from pos.kernel.enums import DocumentKind, Tender
from pos.kernel.errors import UserError
from pos.kernel.money import round_half_up, to_decimal_string
from pos.ledger import audit
from pos.ledger.documents import DocLine, DocPayment, SaleDocument, totals_of, write_document
from pos.ledger.drawer import shift_for_sale
from pos.ledger.numbering import next_number, receipt_number
from pos.people.permissions import Authorised
from pos.selling.cart import TenderInput


@dataclass(frozen=True)
class Correction:
    receipt_no: str
    original: str | None  # None: goods back without a receipt
    total: int  # negative: money back to the customer
    cancelled_cards: tuple[str, ...]


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
                     payments: list[DocPayment], auth: Authorised, reason: str) -> Correction:
    """Number, seal and write a correction inside the caller's transaction, and record it
    in the audit trail. `original` is the corrected sale's (id, receipt number)."""
    terminal = conn.execute(select(Terminal.code).where(Terminal.id == terminal_id)).scalar()
    sequence = next_number(conn, terminal_id, "receipt")
    shift_id = shift_for_sale(conn, terminal_id, auth.staff_id)
    totals = totals_of(lines)
    document = SaleDocument(
        kind=kind, receipt_no=receipt_number(terminal, sequence), cart_uuid=str(uuid.uuid4()),
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
                          "approved_by": auth.approved_by, "reason": reason,
                          "cards_cancelled": list(written.cancelled_cards)})
    return Correction(document.receipt_no, document.original_receipt, document.total,
                      written.cancelled_cards)


def money_back(tenders: list[TenderInput], *, total: int, paid_with: set[Tender]) -> list[DocPayment]:
    """The refund's payments: they add up to exactly `total`, each above zero, in cash or
    a way the sale was paid."""
    if total == 0 and not tenders:
        return []
    if sum(t.amount for t in tenders) != total:
        raise UserError("refund.must_add_up", total=total)
    payments = []
    for position, tender in enumerate(tenders, start=1):
        if tender.amount <= 0:
            raise UserError("refund.payment_positive")
        if tender.tender is not Tender.CASH and tender.tender not in paid_with:
            raise UserError("refund.cash_or_original_way")
        payments.append(DocPayment(position, tender.tender, -tender.amount, tender.reference,
                                   tender.card_last4))
    return payments


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
