"""GTIN barcodes (EAN-13, UPC-A, EAN-8): check digits, validation, and making valid ones."""

from __future__ import annotations

from pos.kernel.errors import UserError

_LENGTHS = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13"}


def gtin_check_digit(body: str) -> int:
    """The GS1 check digit for the digits before it (weights 3,1,3,... from the right)."""
    if not body.isdigit():
        raise ValueError("a barcode body is digits only")
    total = 0
    for position, char in enumerate(reversed(body)):
        total += int(char) * (3 if position % 2 == 0 else 1)
    return (10 - total % 10) % 10


def validate_barcode(code: str) -> str:
    """Return the barcode stripped of spaces, or raise a UserError saying what is wrong."""
    cleaned = code.strip()
    if not cleaned.isascii() or not cleaned.isdigit():
        raise UserError("barcode.not_digits", code=cleaned)
    kind = _LENGTHS.get(len(cleaned))
    if kind is None:
        raise UserError("barcode.bad_length", code=cleaned, digits=len(cleaned))
    expected = gtin_check_digit(cleaned[:-1])
    if int(cleaned[-1]) != expected:
        raise UserError("barcode.bad_check_digit", code=cleaned, kind=kind, expected=expected)
    return cleaned


def make_ean13(body12: str) -> str:
    """A valid EAN-13 from its first 12 digits (used for demo data and benchmarks)."""
    if len(body12) != 12:
        raise ValueError("EAN-13 body is 12 digits")
    return body12 + str(gtin_check_digit(body12))
