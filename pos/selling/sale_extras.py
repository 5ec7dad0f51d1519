"""What a sale may carry beyond its document, written in its own transaction after the
document (a refusal here undoes the sale): the quote it converts and the fapiao asked for
at the sale (issue 19), the card confirmation points asked at the till, and the service
job it was sold on (issue 20)."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select, update

from pos.db.models import AuditEvent, Quote, Sale
from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError
from pos.kernel.messages import Message
from pos.people.customers import record_invoice_request
from pos.selling.cart import Cart
from pos.selling.confirmations import write_confirmations
from pos.selling.job_link import link_job_sale


def after_written(conn, cart: Cart, written, receipt_no: str, today: date) -> None:
    """The quote, the invoice request, the confirmations and the job of a written sale."""
    if cart.quote_id is not None or cart.invoice_requested:
        quote_and_invoice(conn, cart, written.sale_id, receipt_no, today)
    if cart.confirmations:  # the card confirmation points asked at the till
        write_confirmations(conn, cart, written.sale_id, receipt_no, written.line_ids)
    if cart.job_id is not None:  # sold on a service job: sales.job_id, the job's "sold" event
        link_job_sale(conn, cart, sale_id=written.sale_id, receipt_no=receipt_no)


def quote_and_invoice(conn, cart: Cart, sale_id: int, receipt_no: str, today: date) -> None:
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
