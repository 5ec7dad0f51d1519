"""Adjustments, write-offs and repairs (being written: signatures first)."""

from __future__ import annotations

from pos.db.engine import Database
from pos.stock.records import MoveInput, PostedDocument


def adjust(db: Database, *, store: str, staff_id: int, lines: list[MoveInput], reason: str,
           request_id: str, note: str = "") -> PostedDocument:
    raise NotImplementedError


def write_off(db: Database, *, store: str, staff_id: int, lines: list[MoveInput], reason: str,
              request_id: str, note: str = "") -> PostedDocument:
    raise NotImplementedError


def send_for_repair(db: Database, *, store: str, staff_id: int, serial: str, request_id: str,
                    note: str = "") -> PostedDocument:
    raise NotImplementedError


def back_from_repair(db: Database, *, store: str, staff_id: int, serial: str, request_id: str,
                     note: str = "") -> PostedDocument:
    raise NotImplementedError
