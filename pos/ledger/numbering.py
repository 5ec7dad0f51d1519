"""Gapless numbers per terminal: receipts (sales and every correction share one
sequence), service cards and Z reports. A number is taken inside the document's own
transaction; the counter row stays locked until commit, so numbers are never shared or
skipped."""

from __future__ import annotations

from sqlalchemy import bindparam
from sqlalchemy.dialects import postgresql, sqlite

from pos.db import prepared
from pos.db.models import DocumentCounter


def _counter_statement(dialect: str):
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(DocumentCounter).values(
        terminal_id=bindparam("terminal_id"), kind=bindparam("kind"), last_number=1,
    ).on_conflict_do_update(
        index_elements=["terminal_id", "kind"],
        set_={"last_number": DocumentCounter.last_number + 1},
    ).returning(DocumentCounter.last_number)


_NEXT_NUMBER = prepared.Prepared(_counter_statement)


def next_number(conn, terminal_id: int, kind: str) -> int:
    """The next number of a gapless per-terminal sequence, inside the sale's transaction
    (the counter row stays locked until commit, so numbers are never shared or skipped)."""
    return prepared.on(conn).scalar(_NEXT_NUMBER, {"terminal_id": terminal_id, "kind": kind})


def receipt_number(terminal: str, sequence: int) -> str:
    """How a receipt number reads: the terminal's code and its six-digit sequence."""
    return f"{terminal}-{sequence:06d}"


def card_number(terminal: str, sequence: int) -> str:
    return f"{terminal}-C{sequence:06d}"
