"""What each store holds: on hand, reserved in parked carts, on its way in, and the
reorder point under which a product counts as low; a product (or the unit of a serial)
across every store; the on-hand of a few products at one store, for the till.

The reorder point is the store's planning, not a fact of stock: setting it writes no
stock document, only the audit event `reorder_point_set`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.dialects import postgresql, sqlite

from pos.db.engine import Database
from pos.db.models import ParkedCart, Product, SerialUnit, Store, StoreStock, Terminal
from pos.kernel.enums import UnitState
from pos.kernel.errors import UserError
from pos.ledger import audit, chain
from pos.stock import posting, unit_lookup
from pos.stock.records import ProductAcrossStores, StockRow, StoreHolding

REORDER_SET = "reorder_point_set"  # the audit event
SELLABLE = (UnitState.IN_STOCK, UnitState.RETURNED)
MAX_LIMIT = 10_000


def stores(db: Database) -> list[tuple[str, str]]:
    """Every store: (code, name), by code."""
    with db.read_connection() as conn:
        return [(code, name) for code, name in conn.execute(
            select(Store.code, Store.name).order_by(Store.code))]


def list_stock(db: Database, *, store: str | None = None, low: bool = False,
               search: str | None = None, limit: int = 200) -> list[StockRow]:
    """What the store holds (every store: None), by store and sku: each product it has
    held or has a reorder point for. `low`: only those at or under their reorder point;
    `search`: only products whose name or sku holds the text (or whose barcode it is)."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    with db.read_connection() as conn:
        query = (select(Store.code, Product.sku, Product.name, StoreStock.on_hand,
                        StoreStock.in_transit, StoreStock.reorder_point, Product.cost,
                        StoreStock.store_id, StoreStock.product_id)
                 .select_from(StoreStock)
                 .join(Product, Product.id == StoreStock.product_id)
                 .join(Store, Store.id == StoreStock.store_id))
        if store is not None:
            query = query.where(StoreStock.store_id == posting.store_row(conn, store).id)
        if low:
            query = query.where(StoreStock.reorder_point.is_not(None),
                                StoreStock.on_hand <= StoreStock.reorder_point)
        if search is not None and search.strip():
            query = query.where(_search_filter(search))
        rows = conn.execute(query.order_by(Store.code, Product.sku).limit(limit)).all()
        reserved = reserved_in_parked(conn, store_ids={row.store_id for row in rows})
    return [StockRow(row.code, row.sku, row.name, row.on_hand,
                     reserved.get((row.store_id, row.product_id), 0), row.in_transit,
                     row.reorder_point, row.cost) for row in rows]


def _search_filter(text: str):
    """Products whose name or sku holds the text, or whose barcode or sku it is."""
    folded = text.strip().casefold()
    return or_(Product.search_text.contains(folded, autoescape=True),
               Product.barcode == text.strip(), Product.sku == text.strip())


def reserved_in_parked(conn, *, store_ids: Iterable[int]) -> dict[tuple[int, int], int]:
    """(store id, product id) -> the quantity in carts parked at the stores' tills: not
    stock taken (a parked cart takes nothing), but stock a customer is about to buy.
    Read from the carts themselves; a cart that cannot be read reserves nothing."""
    store_ids = sorted(set(store_ids))
    reserved: dict[tuple[int, int], int] = {}
    if not store_ids:
        return reserved
    for store_id, text in conn.execute(
            select(Terminal.store_id, ParkedCart.cart_json)
            .join(Terminal, Terminal.id == ParkedCart.terminal_id)
            .where(Terminal.store_id.in_(store_ids))):
        for product_id, quantity in _cart_products(text):
            key = (store_id, product_id)
            reserved[key] = reserved.get(key, 0) + quantity
    return reserved


def _cart_products(text: str) -> list[tuple[int, int]]:
    """(product id, quantity) of each line a parked cart would sell (its shape:
    pos.selling.cart.Cart.to_json_dict; an add-on cart's earlier unit sells nothing)."""
    try:
        lines = json.loads(text).get("lines")
    except (ValueError, AttributeError):
        return []
    found = []
    for line in lines if isinstance(lines, list) else ():
        if not isinstance(line, dict) or line.get("existing_line_id") is not None:
            continue
        product_id, quantity = line.get("product_id"), line.get("quantity")
        if type(product_id) is int and type(quantity) is int and quantity > 0:
            found.append((product_id, quantity))
    return found


def lookup(db: Database, *, code: str) -> ProductAcrossStores:
    """A product (by barcode, sku, or the serial of a unit the store knows) at every
    store: on hand, in transit, reorder point and the serials in stock there."""
    text = posting.code_text(code)
    with db.read_connection() as conn:
        product = _product_for(conn, text)
        held = {row.store_id: row for row in conn.execute(
            select(StoreStock.store_id, StoreStock.on_hand, StoreStock.in_transit,
                   StoreStock.reorder_point).where(StoreStock.product_id == product.id))}
        serials: dict[int, list[str]] = {}
        if product.serial_tracked:
            for store_id, serial in conn.execute(
                    select(SerialUnit.store_id, SerialUnit.serial).where(
                        SerialUnit.product_id == product.id, SerialUnit.state.in_(SELLABLE))
                    .order_by(SerialUnit.serial)):
                serials.setdefault(store_id, []).append(serial)
        holdings = []
        for store_id, store_code, store_name in conn.execute(
                select(Store.id, Store.code, Store.name).order_by(Store.code)):
            row = held.get(store_id)
            holdings.append(StoreHolding(
                store_code, store_name, row.on_hand if row else 0, row.in_transit if row else 0,
                row.reorder_point if row else None, tuple(serials.get(store_id, ()))))
    return ProductAcrossStores(product.sku, product.name, product.serial_tracked,
                               tuple(holdings))


def _product_for(conn, text: str) -> posting.ProductRow:
    if not text:
        raise UserError("catalog.scan_or_type")
    try:
        return posting.products_by_code(conn, [text])[text]
    except UserError:
        pass
    units = unit_lookup.units_by_serial(conn, unit_lookup.serial_key(text))
    if not units:
        raise UserError("stock.product_unknown", code=text[:64])
    # the same serial on two products (two makers): the one in stock, else the newest
    unit = next((u for u in units if u.state in SELLABLE), units[-1])
    return posting.products_by_id(conn, [unit.product_id])[unit.product_id]


def on_hand_at(conn, *, store_id: int, product_ids) -> dict[int, int]:
    """Product id -> on hand at the store (0 for one it never held), inside the caller's
    connection: the till's advisory figure beside each line."""
    return posting.on_hand(conn, store_id, product_ids)


def _upsert_point(dialect: str):
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(StoreStock)
    return statement.on_conflict_do_update(
        index_elements=["store_id", "product_id"],
        set_={"reorder_point": statement.excluded.reorder_point})


def set_reorder_point(db: Database, *, store: str, code: str, point: int | None,
                      staff_id: int) -> StockRow:
    """A manager sets (None: clears) the point at or under which the product counts as
    low at the store; audited, not sealed as stock."""
    if point is not None and (isinstance(point, bool) or not isinstance(point, int)
                              or point < 0):
        raise UserError("stock.reorder_invalid")
    with db.write_connection() as conn:
        posting.require_manager(conn, staff_id, "stock.action.reorder_point")
        where = posting.store_row(conn, store)
        text = posting.code_text(code)
        product = posting.products_by_code(conn, [text])[text]
        # the journal's head first, as every writer takes it before stock rows (a sale
        # holds it while it updates store_stock: the other order could deadlock)
        chain.lock_head(conn)
        old = conn.execute(select(StoreStock.reorder_point).where(
            StoreStock.store_id == where.id, StoreStock.product_id == product.id)).first()
        current = old[0] if old is not None else None
        if current != point:
            conn.execute(_upsert_point(conn.dialect.name).values(
                store_id=where.id, product_id=product.id, on_hand=0, in_transit=0,
                reorder_point=point))
            audit.record(conn, staff_id=staff_id, action=REORDER_SET,
                         ref=f"{where.code}/{product.sku}"[:60],
                         details={"store": where.code, "sku": product.sku,
                                  "old": current, "new": point})
        row = conn.execute(select(StoreStock.on_hand, StoreStock.in_transit).where(
            StoreStock.store_id == where.id, StoreStock.product_id == product.id)).first()
        reserved = reserved_in_parked(conn, store_ids=[where.id])
    return StockRow(where.code, product.sku, product.name, row.on_hand if row else 0,
                    reserved.get((where.id, product.id), 0), row.in_transit if row else 0,
                    point, product.cost)
