"""Goods received from a supplier (being written: signature first)."""

from __future__ import annotations

from pos.db.engine import Database
from pos.stock.records import MoveInput, PostedDocument


def receive(db: Database, *, store: str, staff_id: int, supplier: str, supplier_ref: str,
            lines: list[MoveInput], request_id: str, terminal: str | None = None,
            note: str = "") -> PostedDocument:
    raise NotImplementedError
