"""What the command modules share: reading a file the user named, writing one, money
in a column, a date argument, and asking for a PIN."""

from __future__ import annotations

import getpass
import sys
from datetime import date
from pathlib import Path

from pos.kernel.errors import UserError
from pos.kernel.money import to_decimal_string


def read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from exc


def write_file(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror}") from exc


def money(amount: int) -> str:
    return f"{to_decimal_string(amount):>12}"


def day_argument(text: str | None) -> date:
    """--date YYYY-MM-DD, today when not given."""
    try:
        return date.fromisoformat(text) if text else date.today()
    except ValueError:
        raise UserError(f"'{text}' is not a date like 2026-11-23") from None


def ask_pin() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("PIN: ")
        second = getpass.getpass("PIN again: ")
    else:  # scripted use: two lines on standard input, never echoed anywhere
        first = sys.stdin.readline().strip()
        second = sys.stdin.readline().strip()
    if first != second:
        raise UserError("the two PINs differ; nothing was changed")
    return first
