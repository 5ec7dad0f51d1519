"""The one rule for a serial number as the store keeps it: upper case, 4 to 64 letters,
digits, dashes and slashes, or for the categories that take one an IMEI (15 digits, its
check digit right). The till, deliveries, transfers, counts and stock files all check a
serial by this rule, so a unit received is the unit sold."""

from __future__ import annotations

import re

from pos.kernel.errors import UserError
from pos.kernel.imei import checked_imei
from pos.kernel.text import printable

SERIAL = re.compile(r"[0-9A-Z\-/]{4,64}")


def serial_as_kept(text, *, name: str = "", imei: bool = False) -> str:
    """The serial as it is kept (upper case; an IMEI without separators), or a UserError
    naming what is wrong with it (serial.invalid, or the IMEI's refusal)."""
    serial = text.strip().upper() if isinstance(text, str) else ""
    if imei:
        return checked_imei(serial, name=name)
    if not SERIAL.fullmatch(serial):
        raise UserError("serial.invalid", serial=printable(serial)[:64])
    return serial
