"""Free text coming in from people and files, made safe before it is stored or printed.

- `clean_text`: the one rule for text the store keeps (names, reasons, references,
  notes): no NUL or other control characters, at most so many characters, the same on
  SQLite (which would store anything) and PostgreSQL (which refuses NUL and over-long
  values with a traceback).
- `mask_card_numbers`: no full payment-card number is ever kept or printed. Any run of
  12 to 19 digits, whatever separates them (spaces, dashes, dots, slashes, underscores,
  ideographic spaces...), that passes the Luhn check is masked to its last four digits.
"""

from __future__ import annotations

import re
import unicodedata

from pos.kernel.errors import UserError

# Characters a person can type between a card number's digit groups.
_SEPARATORS = " \t\u00a0\u3000-_./\\·,:;|~"
_DIGIT_RUN = re.compile(r"\d(?:[" + re.escape(_SEPARATORS) + r"]*\d)+")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def mask_card_numbers(text: str | None) -> str | None:
    """`text` with every plausible card number masked to ``**** 1234``."""
    if not text:
        return text

    def mask(match: re.Match) -> str:
        run = match.group(0)
        digits = re.sub(r"\D", "", run.translate(_FULLWIDTH_DIGITS))
        if 12 <= len(digits) <= 19 and luhn_ok(digits):
            return "**** " + digits[-4:]
        # A longer run may hide a card number among other digits (a date, a phone):
        # look for one inside it, digit by digit.
        if len(digits) > 19:
            for length in range(19, 11, -1):
                for start in range(0, len(digits) - length + 1):
                    if luhn_ok(digits[start:start + length]):
                        return "**** " + digits[start + length - 4:start + length]
        return run

    return _DIGIT_RUN.sub(mask, text.translate(_FULLWIDTH_DIGITS))


def clean_text(text: str | None, *, max_length: int, field: str = "field.text",
               required: bool = False, single_line: bool = True) -> str:
    """Text as the store keeps it: stripped; refused (a UserError naming `field`, a
    message id such as "field.reason") when it holds NUL or other control characters,
    is longer than `max_length` characters, or is empty while `required`. Card numbers
    in it are masked."""
    value = (text or "").strip()
    if required and not value:
        raise UserError("text.required", field=field)
    allowed = "" if single_line else "\n\t"
    if any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value):
        raise UserError("text.control_characters", field=field)
    value = mask_card_numbers(value)
    if len(value) > max_length:
        raise UserError("text.too_long", field=field, max=max_length)
    return value


def printable(text: str | None) -> str:
    """Text safe to lay out on paper: control characters (a printer's commands start with
    ESC or GS) become spaces, so a name can never open the drawer or cut the paper."""
    if not text:
        return ""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cf") and ch != "\n" else ch
                   for ch in text)
