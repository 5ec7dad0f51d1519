"""What the command modules share: reading a file the user named, writing one, money
in a column, a date argument, asking for a PIN, saying a refusal in the reader's
language, and keeping what is printed to the terminal free of control characters."""

from __future__ import annotations

import getpass
import sys
from datetime import date
from pathlib import Path

from pos.kernel.errors import UserError, os_reason
from pos.kernel.messages import msg, render
from pos.kernel.money import format_money, to_decimal_string
from pos.kernel.text import printable
from pos.kernel.translations import load_translations


def read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UserError("file.cannot_read", path=path, reason=os_reason(exc)) from exc


def write_file(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise UserError("file.cannot_write", path=path, reason=os_reason(exc)) from exc


def refusal_lines(error: UserError, *, locale: str, currency: str = "CNY") -> list[str]:
    """What the command prints for a refusal: 'error: ...' and an indented line per
    detail, in `locale` ('en' or 'zh_CN'), amounts as the locale writes them."""
    from babel.dates import format_date

    translations = load_translations(locale)
    formats = dict(
        translate=translations.message_template if translations else None,
        money=lambda amount: format_money(amount, currency=currency, locale=locale),
        date=lambda day: format_date(day, format="medium", locale=locale),
    )
    first = render(msg("error.line", message=error.as_message()), **formats)
    # A refusal may repeat what a file held: it prints as text, never as a terminal command.
    return [printable(first), *("  " + printable(render(detail, **formats))
                                for detail in error.details)]


def reader_locale(db, terminal: str) -> str:
    """The reader's language: POS_LOCALE, else the store's, else the system's."""
    import os

    from pos.kernel.translations import choose_locale
    from pos.store.details import store_info

    wanted = os.environ.get("POS_LOCALE")
    if not wanted:
        try:
            wanted = store_info(db, terminal=terminal).locale
        except UserError:
            wanted = None
    return choose_locale(wanted)


def money(amount: int) -> str:
    return f"{to_decimal_string(amount):>12}"


def day_argument(text: str | None) -> date:
    """--date YYYY-MM-DD, today when not given."""
    try:
        return date.fromisoformat(text) if text else date.today()
    except ValueError:
        raise UserError("cli.bad_date", text=text) from None


def ask_pin() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("PIN: ")
        second = getpass.getpass("PIN again: ")
    else:  # scripted use: two lines on standard input, never echoed anywhere
        first = sys.stdin.readline().strip()
        second = sys.stdin.readline().strip()
    if first != second:
        raise UserError("staff.pins_differ")
    return first


def bug_line() -> str:
    """The line after a bug's traceback, in the reader's language (no database asked)."""
    import os

    from pos.kernel.translations import choose_locale

    error = UserError("error.bug")
    return refusal_lines(error, locale=choose_locale(os.environ.get("POS_LOCALE")))[0]


class PrintableOutput:
    """While a command runs, what it prints passes pos.kernel.text.printable: a name
    holding a terminal's escape sequences prints as text, never as a command."""

    def __enter__(self):
        self.stdout = sys.stdout
        sys.stdout = _Printable(self.stdout)
        return self

    def __exit__(self, *exc_info):
        sys.stdout = self.stdout
        return False


class _Printable:
    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)
