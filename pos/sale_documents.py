"""A completed sale as plain data: the canonical document the journal seals, and the
record the screen and the printers show. Built from the tables, never from the cart."""

from __future__ import annotations

from sqlalchemy import select

from .models import Sale, ServiceCard


def sale_document(session, sale: Sale) -> dict:
    cards = session.scalars(
        select(ServiceCard).where(ServiceCard.sale_id == sale.id).order_by(ServiceCard.id)).all()
    positions = {line.id: line.position for line in sale.lines}
    return {
        "receipt_no": sale.receipt_no,
        "cart_uuid": sale.cart_uuid,
        "terminal_id": sale.terminal_id,
        "sequence": sale.sequence,
        "staff_id": sale.staff_id,
        "customer_id": sale.customer_id,
        "business_date": sale.business_date.isoformat(),
        "total": sale.total,
        "discount_total": sale.discount_total,
        "vat_total": sale.vat_total,
        "tendered": sale.tendered,
        "change": sale.change_given,
        "lines": [
            {
                "position": line.position, "kind": line.kind.value, "sku": line.sku,
                "name": line.name, "product_id": line.product_id, "tier_id": line.tier_id,
                "parent": positions.get(line.parent_line_id), "quantity": line.quantity,
                "list_price": line.list_price, "unit_price": line.unit_price,
                "discount": line.discount, "line_total": line.line_total,
                "unit_cost": line.unit_cost, "vat_rate_bp": line.vat_rate_bp,
                "serial": line.serial, "pack": line.pack_code,
                "override_reason": line.override_reason, "seller_id": line.seller_id,
            }
            for line in sale.lines
        ],
        "outcomes": sorted(
            ([positions[o.main_line_id], o.subject.value, o.item_code, o.outcome.value,
              positions.get(o.sold_line_id)] for o in sale.outcomes),
            key=lambda row: (row[0], row[1], row[2]),
        ),
        "payments": [
            [p.position, p.tender.value, p.amount, p.reference, p.card_last4,
             p.due_date.isoformat() if p.due_date else None]
            for p in sale.payments
        ],
        "cards": [
            [c.card_no, c.tier_id, positions[c.main_line_id], c.customer_id, c.unit_serial,
             c.start_date.isoformat(), c.end_date.isoformat() if c.end_date else None]
            for c in cards
        ],
    }
