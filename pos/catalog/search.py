"""Finding products by any part of their name or sku, fast on a 100,000-product catalog.

On SQLite two structures from migration 0002 serve the search, and this module is the
one place that keeps them in step with `products` (call `refresh` after changing a
product's name, sku, price or active flag):
- `product_search`: (−price, id, text), clustered by price, so a walk in key order is
  "sell high first" and stops at the first page of matches;
- `product_search_fts`: a trigram FTS5 index that finds rare substrings at once.
PostgreSQL needs neither: a pg_trgm GIN index serves LIKE '%...%' directly.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, select, text as sql_text

from pos.db.engine import Database
from pos.db.models import Category, Product

# Above this many changed products, rebuilding both structures beats row-by-row updates.
FULL_REFRESH_AT = 2_000
# The trigram index answers directly when a substring matches at most this many products.
_FTS_FEW = 200


def refresh(connection: Connection, product_ids: Sequence[int] | None = None) -> None:
    """Bring the SQLite search structures up to date for these products (None: all)."""
    if connection.dialect.name != "sqlite":
        return
    if product_ids is None:
        connection.execute(sql_text("DELETE FROM product_search"))
        connection.execute(sql_text("DELETE FROM product_search_fts"))
        connection.execute(sql_text(
            "INSERT INTO product_search (neg_price, product_id, text) "
            "SELECT -price, id, search_text FROM products WHERE active"))
        connection.execute(sql_text(
            "INSERT INTO product_search_fts (rowid, text) "
            "SELECT id, search_text FROM products WHERE active"))
        return
    for start in range(0, len(product_ids), 500):
        chunk = list(product_ids[start:start + 500])
        marks = ",".join(str(int(pid)) for pid in chunk)
        connection.execute(sql_text(f"DELETE FROM product_search WHERE product_id IN ({marks})"))
        connection.execute(sql_text(f"DELETE FROM product_search_fts WHERE rowid IN ({marks})"))
        connection.execute(sql_text(
            "INSERT INTO product_search (neg_price, product_id, text) "
            f"SELECT -price, id, search_text FROM products WHERE active AND id IN ({marks})"))
        connection.execute(sql_text(
            "INSERT INTO product_search_fts (rowid, text) "
            f"SELECT id, search_text FROM products WHERE active AND id IN ({marks})"))


def search_product_rows(db: Database, text: str, columns: Sequence, *, limit: int = 50) -> list:
    """Rows of `columns` for products whose name or sku contains the text, any case.

    Ordered by price, highest first, then id. Chinese works as typed.
    """
    needle = text.strip().casefold()
    if not needle:
        return []
    with db.read_connection() as connection:
        if connection.dialect.name == "sqlite":
            ids = _sqlite_search_ids(connection, needle, limit)
            if not ids:
                return []
            query = select(*columns).join(Category).where(Product.id.in_(ids))
        else:
            query = (
                select(*columns).join(Category)
                .where(Product.active.is_(True),
                       Product.search_text.contains(needle, autoescape=True))
                .limit(limit)
            )
        return connection.execute(query.order_by(Product.price.desc(), Product.id)).all()


def _sqlite_search_ids(connection: Connection, needle: str, limit: int) -> list[int]:
    # The trigram index serves LIKE for patterns of 3+ characters; it has no ESCAPE, so
    # a needle holding a wildcard character takes the walk instead.
    if len(needle) >= 3 and "%" not in needle and "_" not in needle:
        few = connection.execute(
            sql_text("SELECT rowid FROM product_search_fts WHERE text LIKE :q LIMIT :n"),
            {"q": f"%{needle}%", "n": _FTS_FEW + 1},
        ).scalars().all()
        if len(few) <= _FTS_FEW:
            return list(few)[: max(limit, _FTS_FEW)]
    return list(connection.execute(
        sql_text("SELECT product_id FROM product_search WHERE instr(text, :q) > 0 "
                 "ORDER BY neg_price, product_id LIMIT :n"),
        {"q": needle, "n": limit},
    ).scalars())
