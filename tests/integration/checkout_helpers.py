"""Small helpers shared by the checkout tests: the demo staff and a database snapshot."""

import copy

from sqlalchemy import func, select

from pos.db.models import JournalEntry, Payment, Product, Sale, SaleLine, ServiceCard, SheetOutcome
from pos.people import staff
from pos.selling import cards, checkout, sheet

NOTEBOOK = "6923150020022"  # Lenovo Xiaoxin Pro 14, 6499.00, serial-tracked
PHONE = "6923150030021"  # iPhone 15, 5999.00


def staff_id(db, role: str) -> int:
    return next(s.id for s in staff.list_staff(db) if s.role.value == role)


def new_cart(db, role: str = "cashier", terminal: str = "T01"):
    return checkout.open_cart(db, staff_id=staff_id(db, role), terminal=terminal)


def db_state(db) -> tuple:
    with db.read() as session:
        counts = tuple(session.scalar(select(func.count()).select_from(model))
                       for model in (Sale, SaleLine, Payment, ServiceCard, SheetOutcome, JournalEntry))
        stock = session.scalar(select(func.sum(Product.stock)))
    return counts + (stock,)


def item_id(db, cart, main_line_id: str, code: str) -> int:
    return next(r.item_id for r in sheet.sheet_rows(db, cart, main_line_id=main_line_id)
                if r.code == code)


def tier_id(db, cart, main_line_id: str, code: str) -> int:
    return next(o.tier_id for o in cards.eligible_tiers(db, cart, main_line_id=main_line_id)
                if o.code == code)


def frozen(cart):
    return copy.deepcopy(cart)
