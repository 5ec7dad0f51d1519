"""Transfers between stores (being written: signatures first)."""

from __future__ import annotations

from pos.db.engine import Database
from pos.stock.records import MoveInput, PostedDocument, TransferView


def send_transfer(db: Database, *, from_store: str, to_store: str, staff_id: int,
                  lines: list[MoveInput], request_id: str, note: str = "") -> PostedDocument:
    raise NotImplementedError


def receive_transfer(db: Database, *, transfer_no: str, staff_id: int,
                     lines: list[MoveInput] | None = None, request_id: str,
                     store: str | None = None) -> PostedDocument:
    raise NotImplementedError


def open_transfers(db: Database, *, store: str | None = None,
                   incoming: bool = True) -> list[TransferView]:
    raise NotImplementedError


def transfer_view(db: Database, *, transfer_no: str) -> TransferView:
    raise NotImplementedError
