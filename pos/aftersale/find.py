"""Finding a sale again: by its receipt number (typed, or scanned from the receipt or the
sheet's barcode), by the customer's phone, or by a unit's serial number / IMEI."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select

from pos.db.engine import Database
from pos.db.models import Customer, Sale, SaleLine
from pos.kernel.errors import UserError
from pos.people.customers import normalise_phone
from pos.selling.cart import plain_text

RECEIPT = re.compile(r"^[A-Z0-9]+-[0-9]{6}$")
SEARCH_MAX = 64


@dataclass(frozen=True)
class SaleSummary:
    receipt_no: str
    kind: str
    completed_at: datetime
    total: int
    customer_name: str | None
    customer_phone: str | None


def find_sales(db: Database, *, query: str, limit: int = 50) -> list[SaleSummary]:
    """By receipt number (typed, or scanned from the receipt or sheet barcode), by the
    customer's phone, or by a unit's serial number / IMEI (where warranty claims start)."""
    text = plain_text(query, max_length=SEARCH_MAX, field="field.search").upper()
    if not text:
        raise UserError("find.what")
    with db.read() as session:
        base = (select(Sale, Customer.name, Customer.phone)
                .outerjoin(Customer, Customer.id == Sale.customer_id)
                .order_by(Sale.id.desc()).limit(limit))
        if RECEIPT.match(text):
            rows = session.execute(base.where(Sale.receipt_no == text)).all()
        else:
            conditions = [Sale.id.in_(select(SaleLine.sale_id).where(SaleLine.serial == text))]
            digits = re.sub(r"[^0-9]", "", text)
            if 5 <= len(digits) <= 15 and digits == text.replace("-", "").replace(" ", ""):
                # on sales.customer_id, so both conditions are index lookups, never a scan
                conditions.append(Sale.customer_id.in_(
                    select(Customer.id).where(Customer.phone == normalise_phone(digits))))
            rows = session.execute(base.where(or_(*conditions))).all()
        return [SaleSummary(sale.receipt_no, sale.kind.value, sale.completed_at, sale.total,
                            name, phone) for sale, name, phone in rows]
