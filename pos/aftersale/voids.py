"""Voids: cancelling a whole sale of the till's current shift. A void is a new document
(never a deletion) in the same numbering and journal chain; once the shift is closed,
only a return can correct the sale."""

from __future__ import annotations

from sqlalchemy import func, select

from pos.aftersale.returns import _original_conn, _write_correction
from pos.db.engine import Database
from pos.db.models import Payment, Sale, SaleLine, Shift
from pos.kernel.enums import DocumentKind, ShiftState, Tender
from pos.kernel.errors import UserError
from pos.ledger.documents import Correction
from pos.people import permissions


def void_sale(db: Database, *, receipt_no: str, staff_id: int, approval_id: int | None = None,
              reason: str = "") -> Correction:
    """Cancel a whole sale of the till's current shift: a void document, never a deletion.
    Once the shift is closed (its Z report sealed), only a return can correct the sale."""
    with db.write_connection() as conn:
        auth = permissions.authorise(conn, action="void", ref=receipt_no.strip().upper(),
                                 staff_id=staff_id, approval_id=approval_id)
        sale = _original_conn(conn, receipt_no)
        open_shift = conn.execute(select(Shift.state).where(Shift.id == sale.shift_id)).scalar()
        if open_shift is not ShiftState.OPEN:
            raise UserError(f"{sale.receipt_no} belongs to a closed shift: only sales of the "
                            "current shift can be voided; take a return instead")
        corrected = conn.execute(select(func.count()).select_from(Sale).where(
            Sale.original_sale_id == sale.id)).scalar()
        if corrected:
            raise UserError(f"{sale.receipt_no} already has a return or a void")
        lines = conn.execute(select(SaleLine.__table__).where(SaleLine.sale_id == sale.id)
                             .order_by(SaleLine.position)).all()
        rows = [(line, line.quantity, line.line_total) for line in lines]
        payments = [{"tender": p.tender, "amount": -p.amount,
                     "reference": p.reference, "card_last4": p.card_last4}
                    for p in conn.execute(select(Payment.__table__).where(Payment.sale_id == sale.id)
                                          .order_by(Payment.position))]
        # the change given back in cash is not refunded twice
        if sale.change_given:
            for payment in payments:
                if payment["tender"] is Tender.CASH:
                    payment["amount"] += sale.change_given
                    break
        payments = [p for p in payments if p["amount"] != 0]
        correction = _write_correction(conn, sale, DocumentKind.VOID, rows, payments, auth,
                                       {line.id: line for line in lines}, reason)
    return correction
