"""Stock counts (being written: signatures first, for the parts that call them)."""

from __future__ import annotations

from pos.db.engine import Database
from pos.stock.records import CountLine, CountView, PostedDocument


def start_count(db: Database, *, store: str, scope: str, staff_id: int) -> str:
    raise NotImplementedError


def scan_into_count(db: Database, *, draft_id: str, code: str, qty: int = 1,
                    serial: str | None = None) -> CountLine:
    raise NotImplementedError


def count_view(db: Database, *, draft_id: str) -> CountView:
    raise NotImplementedError


def open_counts(db: Database, *, store: str | None = None) -> list[CountView]:
    raise NotImplementedError


def discard_count(db: Database, *, draft_id: str, staff_id: int) -> None:
    raise NotImplementedError


def post_count(db: Database, *, draft_id: str, staff_id: int) -> PostedDocument:
    raise NotImplementedError
