"""A store's own prices in a chain (issue 21): where the chain allows it (the setting
`store_prices_allowed`), a manager or an administrator sets a product's price for this
store; head office's pulls then keep that price and bring the product's other columns.

The override (price_overrides) and the product's price change in one transaction with
an audit event sealed in the journal. Each event also notes head office's price as the
store last knew it (`hq_price`), so clearing the override puts head office's price back
without asking head office; a pull that brings a new head office price for an overridden
product notes it the same way (`store_price_kept`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update

from pos.catalog import search
from pos.catalog.catalog_file import MAX_AMOUNT
from pos.db.engine import Database
from pos.db.models import AuditEvent, PriceOverride, Product, Staff
from pos.kernel.enums import StaffRole
from pos.kernel.errors import UserError
from pos.kernel.money import to_decimal_string
from pos.ledger import audit
from pos.store.settings import get_setting

SETTING = "store_prices_allowed"
MANAGERS = (StaffRole.MANAGER, StaffRole.ADMIN)
SET = "store_price_set"
CLEARED = "store_price_cleared"
KEPT = "store_price_kept"


@dataclass(frozen=True)
class StorePrice:
    sku: str
    price: int  # what the store sells it at now
    hq_price: int | None  # head office's price as the store last knew it
    overridden: bool


def _manager(conn, staff_id: int) -> str:
    who = conn.execute(select(Staff.name, Staff.role).where(
        Staff.id == staff_id, Staff.active.is_(True))).first()
    if who is None:
        raise UserError("permission.log_in_first")
    if who.role not in MANAGERS:
        raise UserError("sync.prices_managers_only")
    return who.name


def _product(conn, sku: str):
    found = conn.execute(select(Product.id, Product.price).where(Product.sku == sku)).first()
    if found is None:
        raise UserError("catalog.unknown_code", code=sku)
    return found


def known_hq_price(conn, sku: str) -> int | None:
    """Head office's price of an overridden product, as the store's last event noted."""
    details = conn.execute(
        select(AuditEvent.details_json)
        .where(AuditEvent.action.in_((SET, KEPT)), AuditEvent.ref == sku)
        .order_by(AuditEvent.id.desc()).limit(1)).scalar()
    return None if details is None else json.loads(details).get("hq_price")


def _override(conn, sku: str) -> int | None:
    return conn.execute(select(PriceOverride.price).where(PriceOverride.sku == sku)).scalar()


def set_store_price(store_db: Database, *, sku: str, price: int, staff_id: int) -> StorePrice:
    """This store sells `sku` at `price` (minor units) from now on, whatever head
    office's price is."""
    if isinstance(price, bool) or not isinstance(price, int):
        raise TypeError("a price is integer minor units")
    if price <= 0:
        raise UserError("catalog.price_positive")
    if price > MAX_AMOUNT:
        raise UserError("amount.too_large", text=to_decimal_string(price), max=MAX_AMOUNT)
    with store_db.write_connection() as conn:
        name = _manager(conn, staff_id)
        if not get_setting(conn, SETTING):
            raise UserError("sync.store_prices_off")
        product = _product(conn, sku)
        held = _override(conn, sku)
        hq_price = product.price if held is None else known_hq_price(conn, sku)
        if held is None:
            conn.execute(insert(PriceOverride).values(sku=sku, price=price, set_by=staff_id))
        else:
            conn.execute(update(PriceOverride).where(PriceOverride.sku == sku)
                         .values(price=price, set_by=staff_id))
        _reprice(conn, product.id, price)
        audit.record(conn, staff_id=staff_id, action=SET, ref=sku, details={
            "sku": sku, "price": price, "was": product.price, "hq_price": hq_price, "by": name})
    return StorePrice(sku, price, hq_price, overridden=True)


def clear_store_price(store_db: Database, *, sku: str, staff_id: int) -> StorePrice:
    """Back to head office's price (as the store last knew it). Allowed whatever the
    setting says, so a store can always return to the chain's price."""
    with store_db.write_connection() as conn:
        name = _manager(conn, staff_id)
        product = _product(conn, sku)
        held = _override(conn, sku)
        if held is None:
            raise UserError("sync.no_store_price", sku=sku)
        hq_price = known_hq_price(conn, sku)
        price = product.price if hq_price is None else hq_price
        conn.execute(delete(PriceOverride).where(PriceOverride.sku == sku))
        _reprice(conn, product.id, price)
        audit.record(conn, staff_id=staff_id, action=CLEARED, ref=sku, details={
            "sku": sku, "price": price, "was": product.price, "by": name})
    return StorePrice(sku, price, hq_price, overridden=False)


def _reprice(conn, product_id: int, price: int) -> None:
    conn.execute(update(Product).where(Product.id == product_id).values(price=price))
    search.refresh(conn, product_ids=[product_id])  # the search ranks by price


def note_kept(conn, kept) -> None:
    """A pull kept the store's price of these products: note head office's new price
    (sku, store price, head office price), once per price head office changes to."""
    for sku, price, hq_price in kept:
        if known_hq_price(conn, sku) != hq_price:
            audit.record(conn, staff_id=None, action=KEPT, ref=sku, details={
                "sku": sku, "price": price, "hq_price": hq_price})
