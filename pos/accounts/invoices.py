"""Invoice (fapiao) requests: a business customer asks for an invoice for a sale, at the
till (Cart.invoice_requested, recorded in the sale's own transaction by completion) or
later by its receipt number here. Either way the customer's details as they are then
(company, tax id, address, phone, bank and account) are kept on `invoice_requests` and
sealed as an `invoice_requested` event (pos.people.customers.record_invoice_request).

The accounting system issues the invoices from a CSV export (UTF-8 with a BOM): a row
per request and VAT rate, with the amounts at that rate; an export marks its requests
exported (exported_at), so the next one holds only the new ones."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, exists, func, select, update
from sqlalchemy.exc import IntegrityError

from pos.db.engine import Database
from pos.db.models import AuditEvent, InvoiceRequest, Sale, SaleLine, Staff
from pos.kernel.clock import utcnow
from pos.kernel.csvio import write_rows
from pos.kernel.enums import DocumentKind
from pos.kernel.errors import UserError
from pos.kernel.money import percent_string, to_decimal_string
from pos.kernel.text import printable
from pos.kernel.vat import vat_by_rate
from pos.people.customers import InvoiceDetails, record_invoice_request

REQUESTS, SALES, LINES = InvoiceRequest.__table__, Sale.__table__, SaleLine.__table__
EXPORT_HEADER = ("receipt", "business_date", "requested_at", "company", "tax_id", "address",
                 "phone", "bank_name", "bank_account", "vat_rate", "amount", "vat", "net",
                 "sale_total", "staff")


@dataclass(frozen=True)
class InvoiceRequestView:
    receipt_no: str
    business_date: date
    requested_at: datetime
    company: str
    tax_id: str
    address: str
    phone: str
    bank_name: str
    bank_account: str
    total: int  # the sale's
    staff_name: str | None
    exported_at: datetime | None


def request_invoice(db: Database, *, receipt_no: str, staff_id: int) -> InvoiceRequestView:
    """Ask for a fapiao for a sale (or an add-on) already made, by its receipt number.
    Refusals: invoice.not_a_sale (no such sale, a refund or void, or no customer),
    invoice.needs_details{missing}, invoice.already_requested."""
    receipt = str(receipt_no or "").strip().upper()
    try:
        with db.write_connection() as conn:
            sale = conn.execute(select(SALES.c.id, SALES.c.kind, SALES.c.customer_id).where(
                SALES.c.receipt_no == receipt)).first() if _plain(receipt) else None
            if sale is None or sale.customer_id is None or DocumentKind(sale.kind) not in (
                    DocumentKind.SALE, DocumentKind.ADDON):
                raise UserError("invoice.not_a_sale", receipt=printable(receipt)[:40])
            if conn.execute(select(Staff.id).where(Staff.id == staff_id,
                                                   Staff.active.is_(True))).scalar() is None:
                raise UserError("permission.log_in_first")
            if conn.execute(select(_voids(sale.id))).scalar():
                raise UserError("invoice.voided", receipt=receipt)
            if conn.execute(select(SALES.c.id).where(SALES.c.id == sale.id, _refunded())).first():
                raise UserError("invoice.refunded", receipt=receipt)
            record_invoice_request(conn, sale_id=sale.id, receipt_no=receipt,
                                   customer_id=sale.customer_id, staff_id=staff_id)
    except IntegrityError:  # another till asked for it at the same moment (sale_id unique)
        raise UserError("invoice.already_requested", receipt=receipt) from None
    return list_requests(db, receipt_no=receipt)[0]


def _plain(receipt: str) -> bool:
    """Whether it could be a receipt number (PostgreSQL refuses NUL in a parameter)."""
    return 0 < len(receipt) <= 40 and receipt.isprintable()


def _refunded():
    """The condition that a sale's refunds took all of it back (on SALES's row)."""
    back = SALES.alias("back")
    refunded = select(func.coalesce(func.sum(back.c.total), 0)).where(
        back.c.original_sale_id == SALES.c.id).correlate(SALES).scalar_subquery()
    return SALES.c.total + refunded <= 0


def _voids(sale_id):
    """The condition for the void of this sale."""
    voids = SALES.alias("voids")
    return exists().where(voids.c.original_sale_id == sale_id,
                          voids.c.kind == DocumentKind.VOID.value)


def _query(start: date | None, end: date | None):
    query = (select(SALES.c.id.label("sale_id"), SALES.c.receipt_no, SALES.c.business_date,
                    SALES.c.total, REQUESTS.c.id, REQUESTS.c.event_id, REQUESTS.c.customer_id,
                    REQUESTS.c.requested_at, REQUESTS.c.company,
                    REQUESTS.c.tax_id, REQUESTS.c.address, REQUESTS.c.phone,
                    REQUESTS.c.bank_name, REQUESTS.c.bank_account, REQUESTS.c.exported_at,
                    Staff.name.label("staff_name"))
             .join(SALES, SALES.c.id == REQUESTS.c.sale_id)
             .outerjoin(Staff, Staff.id == REQUESTS.c.staff_id)
             .order_by(REQUESTS.c.requested_at, REQUESTS.c.id))
    if start is not None:
        query = query.where(SALES.c.business_date >= start)
    if end is not None:
        query = query.where(SALES.c.business_date <= end)
    return query


def _view(row) -> InvoiceRequestView:
    return InvoiceRequestView(row.receipt_no, row.business_date, row.requested_at, row.company,
                              row.tax_id, row.address, row.phone, row.bank_name,
                              row.bank_account, int(row.total), row.staff_name, row.exported_at)


def list_requests(db: Database, *, start: date | None = None, end: date | None = None,
                  receipt_no: str | None = None,
                  unexported_only: bool = False) -> list[InvoiceRequestView]:
    """The requests for sales of these business days (or of one receipt), oldest first."""
    query = _query(start, end)
    if receipt_no is not None:
        query = query.where(SALES.c.receipt_no == str(receipt_no).strip().upper())
    if unexported_only:
        query = query.where(REQUESTS.c.exported_at.is_(None))
    with db.read_connection() as conn:
        return [_view(row) for row in conn.execute(query)]


def export_requests(db: Database, *, start: date, end: date, unexported_only: bool = True,
                    deliver: Callable[[bytes], None] | None = None) -> bytes:
    """The requests for sales of these business days as CSV for the accounting system
    (UTF-8 with a BOM): a row per request and VAT rate (the amount at that rate, its VAT
    and the net), amounts as decimal text. The requests exported are marked so, in the
    same transaction as `deliver(data)` (writing the file): when that fails (a full disk,
    a folder gone) nothing is marked, and the next export still holds them."""
    if end < start:  # not an empty file that looks like a period without requests
        raise UserError("report.period_backwards", start=start.isoformat(), end=end.isoformat())
    # a sale voided or refunded in full: nothing to invoice
    query = _query(start, end).where(~_voids(SALES.c.id), ~_refunded())
    if unexported_only:
        query = query.where(REQUESTS.c.exported_at.is_(None))
    rows = []
    with db.write_connection() as conn:
        requests = conn.execute(query).all()
        _as_sealed(conn, requests)
        lines: dict[int, list[tuple[int, int]]] = {}
        if requests:
            ids = [r.sale_id for r in requests]
            doc = SALES.alias("doc")  # the sale's own lines and those its refunds took back
            for sale_id, rate, total in conn.execute(
                    select(case((doc.c.kind == DocumentKind.REFUND.value, doc.c.original_sale_id),
                                else_=doc.c.id), LINES.c.vat_rate_bp, LINES.c.line_total)
                    .join(doc, doc.c.id == LINES.c.sale_id)
                    .where(doc.c.id.in_(ids) | (doc.c.original_sale_id.in_(ids)
                                                & (doc.c.kind == DocumentKind.REFUND.value)))
                    .order_by(LINES.c.sale_id, LINES.c.position)):
                lines.setdefault(sale_id, []).append((rate, int(total)))
            conn.execute(update(InvoiceRequest).where(
                InvoiceRequest.id.in_([r.id for r in requests])).values(exported_at=utcnow()))
        for r in requests:  # net of refunds before the export: no fapiao for goods returned
            for vat in (v for v in vat_by_rate(lines.get(r.sale_id, [])) if v.gross):
                rows.append((r.receipt_no, r.business_date.isoformat(),
                             r.requested_at.strftime("%Y-%m-%d %H:%M:%S"), r.company, r.tax_id,
                             r.address, r.phone, r.bank_name, r.bank_account,
                             percent_string(vat.rate_bp) + "%", to_decimal_string(vat.gross),
                             to_decimal_string(vat.vat), to_decimal_string(vat.gross - vat.vat),
                             to_decimal_string(int(r.total)), r.staff_name or ""))
        data = write_rows(EXPORT_HEADER, rows)
        if deliver is not None:
            deliver(data)  # raises: the transaction rolls back, nothing marked exported
    return data


def _as_sealed(conn, requests) -> None:
    """Each request is what its invoice_requested event sealed (else invoice.altered):
    the accounting system issues fapiao from these details."""
    ids = [r.event_id for r in requests]
    sealed = {}
    for start in range(0, len(ids), 500):
        sealed.update(conn.execute(select(AuditEvent.id, AuditEvent.details_json).where(
            AuditEvent.id.in_(ids[start:start + 500]),
            AuditEvent.action == "invoice_requested")).all())
    for r in requests:
        try:
            details = json.loads(sealed.get(r.event_id) or "null")
        except ValueError:
            details = None
        kept = {"sale": r.sale_id, "receipt": r.receipt_no, "customer": r.customer_id,
                "company": r.company, "tax_id": r.tax_id, "address": r.address,
                "phone": r.phone, "bank_name": r.bank_name, "bank_account": r.bank_account}
        if not isinstance(details, dict) or any(details.get(k) != v for k, v in kept.items()):
            raise UserError("invoice.altered", receipt=r.receipt_no)


def requested_invoice(db: Database, *, receipt_no: str) -> InvoiceDetails | None:
    """The details kept when an invoice was asked for this sale (what its receipt prints),
    or None when none was."""
    with db.read_connection() as conn:
        row = conn.execute(select(
            REQUESTS.c.company, REQUESTS.c.tax_id, REQUESTS.c.address, REQUESTS.c.phone,
            REQUESTS.c.bank_name, REQUESTS.c.bank_account)
            .join(SALES, SALES.c.id == REQUESTS.c.sale_id)
            .where(SALES.c.receipt_no == receipt_no)).first()
    return InvoiceDetails(*row) if row is not None else None
