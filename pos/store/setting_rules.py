"""What each store setting may hold: one validator per key, taking the value as parsed
from JSON and returning it normalized (every field present, in a fixed order), or
raising UserError("setting.bad_value") naming the key, what it takes, and one detail
per problem with its place (``commission_schemes > adviser > steps > 2: ...``).

Given a connection, the validators also check what the value names against the
database: category codes (matched without regard to case, kept as the catalog spells
them), terminal codes and staff names. Without one (unit tests, a value checked before
the database is open) category codes are only made upper-case.

The ranges follow the store's practice (see /work/shared/domain.md): sales stay on
account for at most 3 days for consumers and 30 for business customers."""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections.abc import Callable
from urllib.parse import urlparse

from sqlalchemy import select

from pos.db.models import Category, Staff, Terminal
from pos.kernel.enums import StaffRole
from pos.kernel.errors import UserError
from pos.kernel.messages import Message, msg
from pos.store import backup_setting, einvoice_setting, more_settings, stock_setting

ROLES = tuple(role.value for role in StaffRole)  # a value stored before customer_manager: valid
REQUIRED_ROLES = ("cashier", "installer", "manager", "admin")
BP_MAX = 10_000  # basis points: 10000 = 100%
PIN_DIGITS = (4, 8)
ACCOUNT_DAYS_MAX = {"consumer": 3, "business": 30}
PRINTER_FIELDS = ("receipt", "documents", "paper_mm", "sheet_after_sale", "encoding")
PRINTER_SCHEMES = ("network", "usb", "serial", "file", "pdf")
PAPER_WIDTHS = (58, 80)
SCHEME_FIELDS = ("code", "name", "basis", "categories", "period", "steps", "roles", "staff")
SCHEME_REQUIRED = ("code", "name", "basis", "steps")
BASES = ("all", "attach", "categories")
PERIODS = ("month",)
SCHEME_CODE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")
NAME_MAX = 60  # a scheme's name
CODE_MAX = 40  # categories.code
TEXT_MAX = 500  # a printer URI
THRESHOLD_MAX = 10**15  # fen: ten trillion yuan, far past any month's sales
MOST = 20  # schemes, steps per scheme, categories... in one value
SHOWN_MAX = 40  # characters of a wrong value repeated in a message


def shown(value) -> str:
    """A value as a message repeats it: compact JSON, cut short."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= SHOWN_MAX else text[:SHOWN_MAX - 1] + "…"


class Problems:
    """What is wrong with a value, each with its place in it."""

    def __init__(self, key: str):
        self.key = key
        self.found: list[Message] = []

    def add(self, where, message_id: str, /, **params) -> None:
        self.found.append(msg("setting.at", where=[self.key, *where],
                              problem=msg(message_id, **params)))

    def raise_if_any(self) -> None:
        if self.found:
            raise UserError("setting.bad_value", key=self.key, expected=EXPECTED[self.key],
                            details=self.found)


# --- pieces -----------------------------------------------------------------------------


def _is_whole(value, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _whole(problems: Problems, where, value, low: int, high: int):
    if not _is_whole(value, low, high):
        problems.add(where, "setting.need_whole", low=low, high=high, value=shown(value))
    return value


def _object(problems: Problems, where, value, *, fields, required=()) -> dict | None:
    """The object's known fields, or None when it is not an object; missing required
    and unknown fields are problems."""
    if not isinstance(value, dict):
        problems.add(where, "setting.need_object", value=shown(value))
        return None
    missing = [name for name in required if name not in value]
    if missing:
        problems.add(where, "setting.missing", names=missing)
    unknown = sorted(str(name) for name in value if name not in fields)
    if unknown:
        problems.add(where, "setting.not_known_here", names=unknown, known=list(fields))
    return {name: value[name] for name in fields if name in value}


def _list(problems: Problems, where, value) -> list | None:
    if not isinstance(value, list):
        problems.add(where, "setting.need_list", value=shown(value))
        return None
    if len(value) > MOST:
        problems.add(where, "setting.too_many", most=MOST)
        return None
    return value


def _text(problems: Problems, where, value, *, most: int) -> str | None:
    text = value.strip() if isinstance(value, str) else None
    if not text or len(text) > most or any(unicodedata.category(ch) == "Cc" for ch in text):
        problems.add(where, "setting.need_text", most=most, value=shown(value))
        return None
    return text


def _bool(problems: Problems, where, value) -> bool:
    """true or false (also the words yes and no, as `pos printers set` takes them)."""
    if isinstance(value, str) and value.strip().lower() in ("true", "yes", "false", "no"):
        return value.strip().lower() in ("true", "yes")
    if not isinstance(value, bool):
        problems.add(where, "setting.need_bool", value=shown(value))
    return value


def _choice(problems: Problems, where, value, allowed) -> str:
    if value not in allowed:
        problems.add(where, "setting.need_choice", allowed=list(allowed), value=shown(value))
    return value


def _category_codes(problems: Problems, where, value, conn) -> list[str]:
    """Category codes, once each, as the catalog spells them; a string of codes
    separated by commas is taken too (``PHONE,TABLET`` on the command line)."""
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    codes = _list(problems, where, value)
    if codes is None:
        return []
    known = None
    if conn is not None:
        known = {code.upper(): code for code in conn.execute(select(Category.code)).scalars()}
    found: list[str] = []
    for index, code in enumerate(codes, start=1):
        text = _text(problems, [*where, index], code, most=CODE_MAX)
        if text is None:
            continue
        if known is not None and text.upper() not in known:
            problems.add([*where, index], "setting.no_such_category", code=text)
            continue
        text = known[text.upper()] if known is not None else text.upper()
        if text not in found:
            found.append(text)
    return found


# --- one validator per key --------------------------------------------------------------


def _per_role(key: str, low: int, high: int):
    def check(value, conn=None):
        problems = Problems(key)
        values = _object(problems, [], value, fields=ROLES, required=REQUIRED_ROLES) or {}
        for role, number in values.items():
            _whole(problems, [role], number, low, high)
        problems.raise_if_any()
        return values
    return check


def account_days(value, conn=None) -> dict:
    problems = Problems("account_days")
    values = _object(problems, [], value, fields=tuple(ACCOUNT_DAYS_MAX),
                     required=tuple(ACCOUNT_DAYS_MAX)) or {}
    for kind, days in values.items():
        _whole(problems, [kind], days, 0, ACCOUNT_DAYS_MAX[kind])
    problems.raise_if_any()
    return values


def margin_threshold_bp(value, conn=None) -> int:
    problems = Problems("margin_threshold_bp")
    _whole(problems, [], value, 0, BP_MAX)
    problems.raise_if_any()
    return value


def allow_negative_stock(value, conn=None) -> bool:
    problems = Problems("allow_negative_stock")
    value = _bool(problems, [], value)
    problems.raise_if_any()
    return value


def close_shift_show_expected(value, conn=None) -> bool:
    problems = Problems("close_shift_show_expected")
    value = _bool(problems, [], value)
    problems.raise_if_any()
    return value


def imei_categories(value, conn=None) -> list[str]:
    problems = Problems("imei_categories")
    codes = _category_codes(problems, [], value, conn)
    problems.raise_if_any()
    return codes


def printers(value, conn=None) -> dict:
    """Terminal code -> its printers (the fields pos.printjobs.print_queue reads; a
    terminal's missing fields take print_queue's defaults)."""
    problems = Problems("printers")
    if not isinstance(value, dict):
        problems.add([], "setting.need_object", value=shown(value))
        problems.raise_if_any()
    terminals = None
    if conn is not None:
        terminals = set(conn.execute(select(Terminal.code)).scalars())
    result = {}
    for terminal, config in sorted(value.items()):
        if terminals is not None and terminal not in terminals:
            problems.add([terminal], "setting.no_such_terminal", code=terminal)
        fields = _object(problems, [terminal], config, fields=PRINTER_FIELDS)
        if fields is None:
            continue
        for name in ("receipt", "documents"):
            if name in fields:
                uri = _text(problems, [terminal, name], fields[name], most=TEXT_MAX)
                if uri is not None and urlparse(uri).scheme.lower() not in PRINTER_SCHEMES:
                    problems.add([terminal, name], "setting.printer_uri", value=shown(uri),
                                 schemes=list(PRINTER_SCHEMES))
                fields[name] = uri
        if "paper_mm" in fields:
            _choice(problems, [terminal, "paper_mm"], fields["paper_mm"], PAPER_WIDTHS)
        if "sheet_after_sale" in fields:
            fields["sheet_after_sale"] = _bool(problems, [terminal, "sheet_after_sale"],
                                               fields["sheet_after_sale"])
        if "encoding" in fields:
            fields["encoding"] = _encoding(problems, [terminal, "encoding"], fields["encoding"])
        result[terminal] = fields
    problems.raise_if_any()
    return result


def _encoding(problems: Problems, where, value) -> str | None:
    name = _text(problems, where, value, most=CODE_MAX)
    if name is None:
        return None
    try:
        codecs.lookup(name)
    except LookupError:
        problems.add(where, "setting.encoding", value=shown(name))
    return name


def commission_schemes(value, conn=None) -> list[dict]:
    """The commission schemes (see pos.store.settings.DEFAULTS): each scheme complete,
    codes unique, a staff member in one scheme at most."""
    problems = Problems("commission_schemes")
    schemes = _list(problems, [], value)
    problems.raise_if_any()
    staff_names = None
    if conn is not None:
        staff_names = set(conn.execute(select(Staff.name)).scalars())
    result, codes, named = [], set(), {}
    for index, scheme in enumerate(schemes, start=1):
        fields = _object(problems, [index], scheme, fields=SCHEME_FIELDS,
                         required=SCHEME_REQUIRED)
        if fields is None:
            continue
        code = fields.get("code")
        if isinstance(code, str) and SCHEME_CODE.match(code):
            if code in codes:
                problems.add([index, "code"], "setting.twice", value=shown(code))
            codes.add(code)
            place = [code]
        else:
            if "code" in fields:
                problems.add([index, "code"], "setting.scheme_code", value=shown(code))
            place = [index]
        result.append(_scheme(problems, place, fields, conn, staff_names, named))
    problems.raise_if_any()
    return result


def _scheme(problems: Problems, place, fields: dict, conn, staff_names, named) -> dict:
    name = fields.get("name")
    if "name" in fields:
        name = _text(problems, [*place, "name"], name, most=NAME_MAX)
    basis = _choice(problems, [*place, "basis"], fields.get("basis"), BASES) \
        if "basis" in fields else None
    categories = _category_codes(problems, [*place, "categories"],
                                 fields.get("categories", []), conn)
    if basis == "categories" and not categories:
        problems.add([*place, "categories"], "setting.needs_categories")
    elif basis in ("all", "attach") and categories:
        problems.add([*place, "categories"], "setting.no_categories", basis=basis)
    period = _choice(problems, [*place, "period"], fields.get("period", "month"), PERIODS)
    steps = _steps(problems, [*place, "steps"], fields["steps"]) if "steps" in fields else []
    roles = _list(problems, [*place, "roles"], fields.get("roles", [])) or []
    for role in roles:
        _choice(problems, [*place, "roles"], role, ROLES)
    roles = list(dict.fromkeys(role for role in roles if role in ROLES))
    staff = []
    for number, person in enumerate(_list(problems, [*place, "staff"],
                                          fields.get("staff", [])) or [], start=1):
        person = _text(problems, [*place, "staff", number], person, most=120)
        if person is None or person in staff:
            continue
        if staff_names is not None and person not in staff_names:
            problems.add([*place, "staff", number], "setting.no_such_staff", name=person)
        elif person in named:
            problems.add([*place, "staff", number], "setting.staff_twice", name=person,
                         scheme=named[person])
        named.setdefault(person, place[0])
        staff.append(person)
    return {"code": fields.get("code"), "name": name, "basis": basis, "categories": categories,
            "period": period, "steps": steps, "roles": roles, "staff": staff}


def _steps(problems: Problems, where, value) -> list[list[int]]:
    """[[threshold in fen, rate in basis points], ...]: from 0, thresholds rising."""
    steps = _list(problems, where, value)
    if steps is None:
        return []
    if not steps:
        problems.add(where, "setting.steps_order")
        return []
    result = []
    for number, step in enumerate(steps, start=1):
        if not (isinstance(step, list) and len(step) == 2
                and _is_whole(step[0], 0, THRESHOLD_MAX) and _is_whole(step[1], 0, BP_MAX)):
            problems.add([*where, number], "setting.step", value=shown(step), high=BP_MAX)
            return result
        result.append(list(step))
    thresholds = [step[0] for step in result]
    if thresholds[0] != 0 or any(b <= a for a, b in zip(thresholds, thresholds[1:])):
        problems.add(where, "setting.steps_order")
    return result


Validator = Callable[..., object]

RULES: dict[str, Validator] = {
    "discount_limit_bp": _per_role("discount_limit_bp", 0, BP_MAX),
    "pin_min_digits": _per_role("pin_min_digits", *PIN_DIGITS),
    "account_days": account_days,
    "printers": printers,
    "margin_threshold_bp": margin_threshold_bp,
    "allow_negative_stock": allow_negative_stock,
    "close_shift_show_expected": close_shift_show_expected,
    "imei_categories": imei_categories,
    "commission_schemes": commission_schemes,
    "einvoice_qr": einvoice_setting.einvoice_qr,
    **backup_setting.RULES, **stock_setting.RULES, **more_settings.RULES,
}

# What each key takes, said when a value is refused.
EXPECTED: dict[str, Message] = {
    "discount_limit_bp": msg("setting.expect.discount_limit_bp", roles=list(ROLES), high=BP_MAX),
    "pin_min_digits": msg("setting.expect.pin_min_digits", roles=list(ROLES),
                          low=PIN_DIGITS[0], high=PIN_DIGITS[1]),
    "account_days": msg("setting.expect.account_days", consumer=ACCOUNT_DAYS_MAX["consumer"],
                        business=ACCOUNT_DAYS_MAX["business"],
                        example=json.dumps(ACCOUNT_DAYS_MAX)),
    "printers": msg("setting.expect.printers", fields=list(PRINTER_FIELDS), example=json.dumps(
        {"T01": {"receipt": "network://192.168.1.50:9100", "paper_mm": 80}})),
    "margin_threshold_bp": msg("setting.expect.margin_threshold_bp", high=BP_MAX),
    "allow_negative_stock": msg("setting.expect.allow_negative_stock"),
    "close_shift_show_expected": msg("setting.expect.close_shift_show_expected"),
    "imei_categories": msg("setting.expect.imei_categories"),
    "commission_schemes": msg("setting.expect.commission_schemes", bases=list(BASES),
                              roles=list(ROLES)),
    "einvoice_qr": einvoice_setting.EXPECTED,
    **backup_setting.EXPECTED, **stock_setting.EXPECTED, **more_settings.EXPECTED,
}

# One line of help per key: what it does.
HELP: dict[str, Message] = {
    "discount_limit_bp": msg("setting.help.discount_limit_bp"),
    "pin_min_digits": msg("setting.help.pin_min_digits"),
    "account_days": msg("setting.help.account_days"),
    "printers": msg("setting.help.printers"),
    "margin_threshold_bp": msg("setting.help.margin_threshold_bp"),
    "allow_negative_stock": msg("setting.help.allow_negative_stock"),
    "close_shift_show_expected": msg("setting.help.close_shift_show_expected"),
    "imei_categories": msg("setting.help.imei_categories"),
    "commission_schemes": msg("setting.help.commission_schemes"),
    "einvoice_qr": einvoice_setting.HELP,
    **backup_setting.HELP, **stock_setting.HELP, **more_settings.HELP,
}


def validate(key: str, value, conn=None):
    """`value` normalized for `key` (a known key), or UserError("setting.bad_value")."""
    return RULES[key](value, conn)
