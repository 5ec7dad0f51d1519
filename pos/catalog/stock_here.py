"""A product's on-hand at one store, as a column of a catalog query: the till shows its
own store's stock beside each product it lists. The store is the statement's
`stock_store` value; without one, the store of the first till (a single store's
database has one store)."""

from __future__ import annotations

from sqlalchemy import Integer, bindparam, func, select

from pos.db.models import Product, StoreStock, Terminal

HOME_STORE = select(Terminal.store_id).order_by(Terminal.id).limit(1).scalar_subquery()


def stock_here(label: str = "stock"):
    """The on-hand of the query's product (Product in its FROM) at the store."""
    store = func.coalesce(bindparam("stock_store", None, type_=Integer), HOME_STORE)
    return func.coalesce(select(StoreStock.on_hand).where(
        StoreStock.product_id == Product.id, StoreStock.store_id == store)
        .scalar_subquery(), 0).label(label)
