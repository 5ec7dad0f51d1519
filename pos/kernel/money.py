"""Money in integer minor units (fen, cents). Parsing and formatting live here, at the
edges; rounding is written down once, in `round_half_up`.

Amounts are Python ints everywhere in the store's logic. Decimal appears only while a
string is parsed or an amount is formatted, and it is always built from `str`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import format_currency, get_currency_precision

from pos.kernel.errors import UserError
from pos.kernel.messages import plain_money

DEFAULT_CURRENCY = "CNY"

_AMOUNT_RE = re.compile(r"^(?P<sign>-)?(?P<int>\d+)(?:\.(?P<frac>\d*))?$")


def minor_digits(currency: str = DEFAULT_CURRENCY) -> int:
    """How many decimal places the currency's minor unit has (CNY, EUR: 2; JPY: 0)."""
    return get_currency_precision(currency)


def parse_amount(
    text: str, *, currency: str = DEFAULT_CURRENCY, allow_negative: bool = False
) -> int:
    """Parse a decimal string such as ``4999``, ``4999.5`` or ``4,999.00`` into minor units.

    Refuses (with a UserError) anything that is not a plain decimal number, an amount with
    more decimal places than the currency has, and negative amounts unless allowed.
    """
    if not isinstance(text, str):
        raise TypeError("parse_amount takes a string; money never passes through float")
    cleaned = text.strip().replace(",", "").replace("¥", "").replace("￥", "").strip()
    if not cleaned:
        raise UserError("amount.required")
    return _parse_fixed(cleaned, minor_digits(currency), allow_negative=allow_negative,
                        original=text.strip(), percent=False)


def _parse_fixed(cleaned: str, digits: int, *, allow_negative: bool, original: str,
                 percent: bool) -> int:
    """A plain decimal string to an int scaled by 10**digits, refusing excess places."""
    match = _AMOUNT_RE.match(cleaned)
    if match is None:
        raise UserError("percent.invalid" if percent else "amount.invalid", text=original)
    frac = match.group("frac") or ""
    if len(frac.rstrip("0")) > digits:
        raise UserError("amount.too_many_places", text=original, digits=digits)
    frac = frac[:digits] if len(frac) > digits else frac.ljust(digits, "0")
    value = int(match.group("int")) * 10**digits + (int(frac) if frac else 0)
    if match.group("sign"):
        value = -value
        if not allow_negative and value != 0:
            raise UserError("value.negative", text=original)
    return value


def to_decimal_string(amount: int, *, currency: str = DEFAULT_CURRENCY) -> str:
    """Minor units to a plain decimal string with the currency's places: 499900 -> '4999.00'.

    This is the machine format used in CSV files and journals; it parses back exactly.
    """
    _check_int(amount)
    return plain_money(amount, minor_digits(currency))


def format_money(amount: int, *, currency: str = DEFAULT_CURRENCY, locale: str = "en") -> str:
    """Minor units to a display string for people, e.g. '¥4,999.00' (Babel, per locale)."""
    _check_int(amount)
    value = Decimal(to_decimal_string(amount, currency=currency))
    return format_currency(value, currency, locale=locale)


def round_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounded half away from zero: the store's one rounding rule.

    Used for percentages (discounts, VAT, commissions): e.g. 13% VAT included in 1000
    is ``round_half_up(1000 * 13, 113)``.
    """
    _check_int(numerator)
    _check_int(denominator)
    if denominator == 0:
        raise ZeroDivisionError("round_half_up by zero")
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    quotient, remainder = divmod(abs(numerator), denominator)
    if remainder * 2 >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def percent_of(amount: int, basis_points: int) -> int:
    """``basis_points`` hundredths of a percent of ``amount`` (1000 bp = 10%), rounded half up."""
    return round_half_up(amount * basis_points, 10_000)


def parse_percent(text: str) -> int:
    """A percentage string ('13', '13.5', '10%') to basis points (1300, 1350, 1000)."""
    cleaned = text.strip().rstrip("%").strip()
    if not cleaned:
        raise UserError("percent.required")
    return _parse_fixed(cleaned, 2, allow_negative=False, original=text.strip(),
                        percent=True)


def percent_string(basis_points: int) -> str:
    """Basis points to the shortest percentage string: 1300 -> '13', 1350 -> '13.5'."""
    _check_int(basis_points)
    whole, frac = divmod(abs(basis_points), 100)
    sign = "-" if basis_points < 0 else ""
    if frac == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}." + f"{frac:02d}".rstrip("0")


def _check_int(value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"money is an int of minor units, not {type(value).__name__}")


_CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CAPITAL_PLACES = ("", "拾", "佰", "仟")
_CAPITAL_GROUPS = ("", "万", "亿", "万亿")


def _capital_group(group: int) -> str:
    """One group of four digits (1-9999) in capitals, zeros inside it said once."""
    text, zero = "", False
    for place in range(3, -1, -1):
        digit = group // 10 ** place % 10
        if digit == 0:
            zero = zero or bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += _CAPITAL_DIGITS[digit] + _CAPITAL_PLACES[place]
    return text


def chinese_capitals(amount: int) -> str:
    """An amount in fen written in Chinese financial capitals (大写), as on invoices and
    sales sheets: 753690 -> 人民币柒仟伍佰叁拾陆元玖角整; 100505 -> 人民币壹仟零伍元零伍分.
    Negative amounts start with 负; whole amounts end in 整."""
    _check_int(amount)
    sign = "负" if amount < 0 else ""
    amount = abs(amount)
    yuan, jiao, fen = amount // 100, amount // 10 % 10, amount % 10
    if yuan >= 10 ** 16:
        raise ValueError(f"amount too large for Chinese capitals: {amount}")
    text, pending_zero = "", False
    groups = [yuan // 10 ** (4 * i) % 10_000 for i in range(4)]
    for index in range(3, -1, -1):
        group = groups[index]
        if group == 0:
            pending_zero = pending_zero or bool(text)
            continue
        if text and (pending_zero or group < 1000):
            text += "零"
        text += _capital_group(group) + _CAPITAL_GROUPS[index]
        pending_zero = False
    if text:
        text += "元"
    if jiao == 0 and fen == 0:
        return f"人民币{sign}{text or '零元'}整"
    if jiao:
        text += _CAPITAL_DIGITS[jiao] + "角"
    elif text:
        text += "零"
    if fen:
        text += _CAPITAL_DIGITS[fen] + "分"
    else:
        text += "整"
    return f"人民币{sign}{text}"
