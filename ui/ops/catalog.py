"""The catalog at the till: the categories a new product can go in, and a manager adding
the product for a barcode the catalog does not know (pos.catalog.new_product)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.ops.running import Call


def list_categories() -> Call:
    """Every category (pos.catalog.products.CategoryInfo), by code."""
    def call(db):
        from pos.catalog.products import list_categories as listed

        return listed(db)
    return call


def create_product(*, staff_id: int, barcode: str, name: str, category_code: str, price: int,
                   cost: int, stock: int, vat_rate_bp: int | None, currency: str) -> Call:
    """Add the product; the service checks every value and that this person is a manager
    or an administrator. The answer is its pos.catalog.products.ProductInfo."""
    def call(db):
        from pos.catalog.new_product import create_product as create

        return create(db, staff_id=staff_id, barcode=barcode, name=name,
                      category_code=category_code, price=price, cost=cost, stock=stock,
                      vat_rate_bp=vat_rate_bp, currency=currency)
    return call
