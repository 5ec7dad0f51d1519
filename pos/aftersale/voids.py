"""Voids: cancelling a whole sale of the till's current shift. A void is a new document
(never a deletion) that takes back every line and every payment of the sale, in the same
numbering and journal chain; once the shift is closed (its Z report sealed), only a
return can correct the sale. Voiding is a manager's right, checked here."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select

from pos.accounts.refunds import apply_refund_credit_of
from pos.aftersale.corrections import (
    Correction, exactly_once, lock_sale, reason_text, receipt_text, replayed, taking_back,
    write_correction,
)
from pos.db.engine import Database
from pos.db.models import Sale, Shift
from pos.kernel.enums import DocumentKind, ShiftState, Tender
from pos.kernel.errors import UserError
from pos.kernel.text import mask_card_numbers
from pos.ledger.documents import DocPayment
from pos.ledger.tables import load_stored, original_sale
from pos.people import permissions


def void_sale(db: Database, *, receipt_no: str, staff_id: int, approval_id: int | None = None,
              reason: str = "", request_id: str | None = None) -> Correction:
    """Cancel a whole sale of the till's current shift: a void document, never a deletion.
    Once the shift is closed (its Z report sealed), only a return can correct the sale.
    The same `request_id` again returns the void it made."""
    receipt_no, reason = receipt_text(receipt_no), reason_text(reason)

    def write(conn) -> Correction:
        auth = permissions.authorise(conn, action="void", ref=receipt_no,
                                     staff_id=staff_id, approval_id=approval_id)
        sale = original_sale(conn, receipt_no)
        lock_sale(conn, sale.id)
        open_shift = conn.execute(select(Shift.state).where(Shift.id == sale.shift_id)).scalar()
        if open_shift is not ShiftState.OPEN:
            raise UserError("void.closed_shift", receipt=sale.receipt_no)
        corrected = conn.execute(select(func.count()).select_from(Sale).where(
            Sale.original_sale_id == sale.id)).scalar()
        if corrected:
            raise UserError("void.already_corrected", receipt=sale.receipt_no)
        stored = load_stored(conn, sale.id)
        lines = [taking_back(line, position=line.position, parent=line.parent,
                             quantity=line.quantity, amount=line.line_total,
                             original_line=stored.line_ids[line.position], seller_id=auth.staff_id)
                 for line in stored.document.lines]
        payments = _payments_back(stored.document)
        correction = write_correction(conn, kind=DocumentKind.VOID, terminal_id=sale.terminal_id,
                                      customer_id=sale.customer_id,
                                      original=(sale.id, sale.receipt_no), lines=lines,
                                      payments=payments, auth=auth, reason=reason,
                                      request_id=request_id)
        if any(p.tender is Tender.ON_ACCOUNT for p in payments):  # applied to its invoice
            apply_refund_credit_of(conn, receipt_no=correction.receipt_no,
                                   staff_id=auth.staff_id)
        return correction

    return exactly_once(db, request_id, write, lambda conn: replayed(
        conn, request_id, kinds=(DocumentKind.VOID,), original=receipt_no))


def _payments_back(document) -> list[DocPayment]:
    """Every payment back; the change given in cash is not refunded twice."""
    payments = [DocPayment(0, p.tender, -p.amount, mask_card_numbers(p.reference),
                           _last4(p.card_last4)) for p in document.payments]
    if document.change:
        for index, payment in enumerate(payments):
            if payment.tender is Tender.CASH:
                payments[index] = replace(payment, amount=payment.amount + document.change)
                break
    kept = [p for p in payments if p.amount != 0]
    return [replace(p, position=index) for index, p in enumerate(kept, start=1)]


def _last4(value: str | None) -> str | None:
    """A sale's last-4 as it goes back: four digits (a sale written before they were
    checked may hold more: only its last four are kept)."""
    digits = "".join(ch for ch in value or "" if ch in "0123456789")
    return digits[-4:] or None
