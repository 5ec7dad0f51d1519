"""A completed sale as the canonical document the journal seals.

`build_document` takes plain values; completion calls it with what it is about to write,
and `load_document` rebuilds the same document from the tables, so `journal verify`
notices any later change to a sale, its lines, outcomes, payments or cards.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from pos.db.models import Payment, Sale, SaleLine, ServiceCard, SheetOutcome
from pos.kernel.enums import DocumentKind
from pos.kernel.errors import UserError

LINE_FIELDS = (
    "position", "kind", "sku", "name", "product_id", "tier_id", "parent", "quantity",
    "list_price", "unit_price", "discount", "line_total", "unit_cost", "vat_rate_bp", "serial",
    "pack", "override_reason", "seller_id",
)


# Only present when set, so documents sealed before these existed still verify.
OPTIONAL_LINE_FIELDS = ("original_line", "parent_line")


def build_document(*, sale: dict, lines: list[dict], outcomes: list[list],
                   payments: list[list], cards: list[list]) -> dict:
    """sale: receipt_no, cart_uuid, terminal_id, sequence, staff_id, customer_id,
    business_date (ISO), total, discount_total, vat_total, tendered, change.
    lines: dicts of LINE_FIELDS (parent = the parent line's position).
    outcomes: [main position, subject, item code, outcome, sold line position].
    payments: [position, tender, amount, reference, last4, due date ISO].
    cards: [card no, tier id, main position, customer id, serial, start ISO, end ISO]."""
    return {
        **sale,
        "lines": [{name: line[name] for name in LINE_FIELDS}
                  | {key: line[key] for key in OPTIONAL_LINE_FIELDS if line.get(key)}
                  for line in lines],
        "outcomes": sorted(outcomes, key=lambda row: (row[0], row[1], row[2])),
        "payments": sorted(payments),
        "cards": sorted(cards),
    }


def load_document(session, sale: Sale) -> dict:
    lines = session.scalars(
        select(SaleLine).where(SaleLine.sale_id == sale.id).order_by(SaleLine.position)).all()
    positions = {line.id: line.position for line in lines}
    outcomes = session.scalars(select(SheetOutcome).where(SheetOutcome.sale_id == sale.id)).all()
    payments = session.scalars(select(Payment).where(Payment.sale_id == sale.id)).all()
    cards = session.scalars(select(ServiceCard).where(ServiceCard.sale_id == sale.id)).all()
    return build_document(
        sale=sale_header(sale.receipt_no, sale.cart_uuid, sale.terminal_id, sale.sequence,
                         sale.staff_id, sale.customer_id, sale.business_date.isoformat(),
                         sale.total, sale.discount_total, sale.vat_total, sale.tendered,
                         sale.change_given, sale.kind.value,
                         session.get(Sale, sale.original_sale_id).receipt_no
                         if sale.original_sale_id else None),
        lines=[
            {
                "position": l.position, "kind": l.kind.value, "sku": l.sku, "name": l.name,
                "product_id": l.product_id, "tier_id": l.tier_id,
                "parent": positions.get(l.parent_line_id), "quantity": l.quantity,
                "list_price": l.list_price, "unit_price": l.unit_price, "discount": l.discount,
                "line_total": l.line_total, "unit_cost": l.unit_cost,
                "vat_rate_bp": l.vat_rate_bp, "serial": l.serial, "pack": l.pack_code,
                "override_reason": l.override_reason, "seller_id": l.seller_id,
                "original_line": l.original_line_id,
                "parent_line": l.parent_line_id if l.parent_line_id not in positions else None,
            }
            for l in lines
        ],
        outcomes=[[positions.get(o.main_line_id), o.subject.value, o.item_code, o.outcome.value,
                   positions.get(o.sold_line_id)] for o in outcomes],
        payments=[[p.position, p.tender.value, p.amount, p.reference, p.card_last4,
                   p.due_date.isoformat() if p.due_date else None] for p in payments],
        cards=[[c.card_no, c.tier_id, positions.get(c.main_line_id), c.customer_id, c.unit_serial,
                c.start_date.isoformat(), c.end_date.isoformat() if c.end_date else None]
               for c in cards],
    )


def sale_header(receipt_no, cart_uuid, terminal_id, sequence, staff_id, customer_id,
                business_date, total, discount_total, vat_total, tendered, change,
                kind: str = "sale", original: str | None = None) -> dict:
    header = {
        "receipt_no": receipt_no, "cart_uuid": cart_uuid, "terminal_id": terminal_id,
        "sequence": sequence, "staff_id": staff_id, "customer_id": customer_id,
        "business_date": business_date, "total": total, "discount_total": discount_total,
        "vat_total": vat_total, "tendered": tendered, "change": change,
    }
    if kind != "sale":  # corrections name what they correct; plain sales stay as they were
        header |= {"kind": kind, "original": original}
    return header


@dataclass(frozen=True)
class Correction:
    receipt_no: str
    original: str
    total: int  # negative: money back to the customer
    cancelled_cards: tuple[str, ...]


def original_sale(session, receipt_no: str, *,
                  not_a_sale: str = "{receipt} is a {kind}, not a sale") -> Sale:
    """The sale a correction or an add-on refers to; refunds, voids and add-ons refer only
    to sales, never to each other."""
    sale = session.scalar(select(Sale).where(Sale.receipt_no == receipt_no.strip().upper()))
    if sale is None:
        raise UserError(f"No sale has the receipt number '{receipt_no}'")
    if sale.kind is not DocumentKind.SALE:
        raise UserError(not_a_sale.format(receipt=sale.receipt_no, kind=sale.kind.value))
    return sale
