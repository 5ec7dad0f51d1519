"""Serial units' history and the till's check (being written: signatures first)."""

from __future__ import annotations

from pos.db.engine import Database
from pos.kernel.errors import UserError
from pos.stock.records import SerialHistory


def serial_history(db: Database, *, serial: str) -> list[SerialHistory]:
    raise NotImplementedError


def sellable_refusal(conn, *, store_id: int, product_id: int, serial: str) -> UserError | None:
    raise NotImplementedError
