"""IMEIs: the 15-digit identity of a phone (any device with a mobile radio), its Luhn
check digit, what a person typed made into one, and making valid ones (demo data,
tests). Which products need one is the store's choice (setting `imei_categories`,
checked in pos.selling.serials)."""

from __future__ import annotations

import re

from pos.kernel.errors import UserError
from pos.kernel.text import printable

IMEI_DIGITS = 15
_IMEI = re.compile(r"[0-9]{15}")  # ASCII digits only: str.isdigit() takes "²" and "٣"
# What people type between groups of digits (the box prints "35 693803 564380 9").
_SEPARATORS = re.compile(r"[ \t\-]")


def luhn_check_digit(body: str) -> int:
    """The Luhn check digit for the digits before it: from the right, every other digit
    doubled (its digits summed), starting with the last one of the body."""
    if not re.fullmatch(r"[0-9]+", body):
        raise ValueError("a Luhn body is ASCII digits only")
    total = 0
    for position, char in enumerate(reversed(body)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10


def is_imei(text: str) -> bool:
    """Exactly 15 ASCII digits whose last is the Luhn check digit of the others."""
    return (isinstance(text, str) and _IMEI.fullmatch(text) is not None
            and luhn_check_digit(text[:-1]) == int(text[-1]))


def checked_imei(text: str, *, name: str) -> str:
    """The IMEI a person typed or scanned for the product `name`, without the spaces and
    dashes between its groups; a UserError when it is not 15 digits or its check digit
    is wrong (a digit mistyped or two swapped)."""
    digits = _SEPARATORS.sub("", text.strip()) if isinstance(text, str) else ""
    if not _IMEI.fullmatch(digits):
        raise UserError("serial.not_imei", serial=printable(digits)[:64], name=name)
    if luhn_check_digit(digits[:-1]) != int(digits[-1]):
        raise UserError("serial.imei_check_digit", serial=digits, name=name)
    return digits


def make_imei(body14: str) -> str:
    """A valid IMEI from its first 14 digits (demo data, tests, benchmarks)."""
    if len(body14) != IMEI_DIGITS - 1:
        raise ValueError("an IMEI body is 14 digits")
    return body14 + str(luhn_check_digit(body14))
