"""Stock levels (being written: signatures first, for the parts that call them)."""

from __future__ import annotations

from pos.db.engine import Database
from pos.stock.records import ProductAcrossStores, StockRow


def stores(db: Database) -> list[tuple[str, str]]:
    raise NotImplementedError


def list_stock(db: Database, *, store: str | None = None, low: bool = False,
               search: str | None = None, limit: int = 200) -> list[StockRow]:
    raise NotImplementedError


def lookup(db: Database, *, code: str) -> ProductAcrossStores:
    raise NotImplementedError


def on_hand_at(conn, *, store_id: int, product_ids) -> dict[int, int]:
    raise NotImplementedError


def set_reorder_point(db: Database, *, store: str, code: str, point: int | None,
                      staff_id: int) -> StockRow:
    raise NotImplementedError
