"""A refund or void put back on account is applied at once to the invoice it corrects:
pos.aftersale calls `apply_refund_credit` in the correction's own transaction, after
the correction (and its sale_credit item) is written. An ALLOCATE document
(S01-AP-000001) applies as much of the credit as the original sale's invoice still has
open; the rest stays an unapplied credit, used by the next payment."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from pos.accounts.posting import doc_number
from pos.db.models import Sale, Terminal
from pos.kernel.clock import utcnow
from pos.kernel.enums import AccountDocKind, ItemKind
from pos.ledger.account_documents import AccountDocument, Allocation
from pos.ledger.account_tables import sale_items, write_account_document

# The request id of a refund's ALLOCATE document follows from the refund: posted once.
_NAMESPACE = uuid.UUID("6f1d8e0a-5b7c-4c1e-9a53-1f0a2b9e7c19")


def apply_refund_credit(conn, *, refund_sale_id: int, staff_id: int) -> str | None:
    """Apply the refund's credits to the original sale's open invoices; the ALLOCATE
    document's number, or None when there was nothing to apply."""
    refund = conn.execute(select(Sale.id, Sale.receipt_no, Sale.customer_id,
                                 Sale.original_sale_id, Sale.business_date,
                                 Terminal.store_id).join(
        Terminal, Terminal.id == Sale.terminal_id).where(Sale.id == refund_sale_id)).first()
    if refund is None or refund.original_sale_id is None or refund.customer_id is None:
        return None
    credits = [[item.ref, -item.open_amount] for item in sale_items(conn, refund.id)
               if item.kind is ItemKind.SALE_CREDIT and item.open_amount < 0]
    invoices = [item for item in sale_items(conn, refund.original_sale_id)
                if item.kind is ItemKind.INVOICE and item.open_amount > 0]
    allocations = []
    for invoice in invoices:
        left = invoice.open_amount
        for credit in credits:
            part = min(left, credit[1])
            if part > 0:
                allocations.append(Allocation(invoice.ref, credit[0], part))
                credit[1] -= part
                left -= part
    if not allocations:
        return None
    doc_no = doc_number(conn, refund.store_id, AccountDocKind.ALLOCATE)
    write_account_document(conn, AccountDocument(
        kind=AccountDocKind.ALLOCATE, doc_no=doc_no, store_id=refund.store_id,
        customer_id=refund.customer_id, business_date=refund.business_date or date.today(),
        posted_at=utcnow(), request_id=str(uuid.uuid5(_NAMESPACE, refund.receipt_no)),
        amount=sum(a.amount for a in allocations), staff_id=staff_id,
        reason=refund.receipt_no, allocations=tuple(allocations)))
    return doc_no


def apply_refund_credit_of(conn, *, receipt_no: str, staff_id: int) -> str | None:
    """The same, for the correction a receipt number names (the callers know that)."""
    sale_id = conn.execute(select(Sale.id).where(Sale.receipt_no == receipt_no)).scalar()
    return None if sale_id is None else apply_refund_credit(conn, refund_sale_id=sale_id,
                                                            staff_id=staff_id)
