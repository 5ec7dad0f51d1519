"""Small helpers shared by the checkout tests: the demo staff and a database snapshot."""

import copy

from sqlalchemy import func, select

from pos.db.models import (
    JournalEntry, Payment, Product, Sale, SaleLine, ServiceCard, SheetOutcome, Store, StoreStock,
)
from pos.kernel.imei import make_imei
from pos.ledger.stock_opening import set_store_stock
from pos.people import staff
from pos.selling import cards, checkout, sheet

NOTEBOOK = "6923150020022"  # Lenovo Xiaoxin Pro 14, 6499.00, serial-tracked
PHONE = "6923150030021"  # iPhone 15, 5999.00 (serial: an IMEI, see imei())


def staff_id(db, role: str) -> int:
    return next(s.id for s in staff.list_staff(db) if s.role.value == role)


def new_cart(db, role: str = "cashier", terminal: str = "T01"):
    return checkout.open_cart(db, staff_id=staff_id(db, role), terminal=terminal)


def db_state(db) -> tuple:
    with db.read() as session:
        counts = tuple(session.scalar(select(func.count()).select_from(model))
                       for model in (Sale, SaleLine, Payment, ServiceCard, SheetOutcome, JournalEntry))
        stock = session.scalar(select(func.sum(StoreStock.on_hand)))
    return counts + (stock,)


def item_id(db, cart, main_line_id: str, code: str) -> int:
    return next(r.item_id for r in sheet.sheet_rows(db, cart, main_line_id=main_line_id)
                if r.code == code)


def tier_id(db, cart, main_line_id: str, code: str) -> int:
    return next(o.tier_id for o in cards.eligible_tiers(db, cart, main_line_id=main_line_id)
                if o.code == code)


def frozen(cart):
    return copy.deepcopy(cart)


def imei(number: int) -> str:
    """A valid IMEI, different for each number (a phone's serial must be one)."""
    return make_imei(f"35693803{number:06d}")


def restock(db, stock: dict[str, int], store: str = "S01") -> None:
    """Set a store's stock of products (sku -> quantity) as a catalog import does, by an
    opening document sealed in the journal so that `journal verify` still accounts for
    it: tests that sell more than the demo store holds, and tests about stock itself."""
    with db.write_connection() as conn:
        ids = dict(conn.execute(select(Product.sku, Product.id)
                                .where(Product.sku.in_(list(stock)))).all())
        store_id = conn.execute(select(Store.id).where(Store.code == store)).scalar_one()
        set_store_stock(conn, store_id=store_id, staff_id=None, note="test restock",
                        quantities={ids[sku]: quantity for sku, quantity in stock.items()})
