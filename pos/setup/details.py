"""The store's details and its tills as a new store types them, checked before anything
is written: plain data in, a StoreDetails or a list of Tills out, or a UserError that
names the field; and whether the database has a store yet (read at every start of the
app, so this module stays light: no catalog, no demo tables)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import Store, Terminal
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text
from pos.kernel.translations import SUPPORTED

STORE_CODE = "S01"  # one store per database for now; head office numbers them (issue 21)
CURRENCY = "CNY"
NAME_MAX = Store.name.type.length
ADDRESS_MAX = Store.address.type.length
PHONE_MAX = Store.phone.type.length
TAX_ID_MAX = Store.tax_id.type.length
TILL_CODE_MAX = Terminal.code.type.length
TILL_NAME_MAX = Terminal.name.type.length
TILL_CODE = re.compile(r"[A-Z0-9][A-Z0-9-]*")
PHONE = re.compile(r"\+?[0-9 ()\-]+")
PHONE_MIN_DIGITS = 5
# China's unified social credit code (GB 32100-2015): 18 characters of this alphabet,
# the last a check character over the first 17 with these weights.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
TAX_ID = re.compile(r"[A-Z0-9][A-Z0-9 \-]*")


@dataclass(frozen=True)
class StoreDetails:
    name: str
    address: str
    phone: str
    tax_id: str
    locale: str  # the till's, the receipts' and the sheets' language: "en" or "zh_CN"
    code: str = STORE_CODE
    currency: str = CURRENCY


@dataclass(frozen=True)
class Till:
    code: str  # T01
    name: str  # Front till


def existing_store(db: Database) -> str | None:
    """The name of the store this database holds, or None when it has none yet (the
    app then opens the first-run wizard instead of the login)."""
    with db.read() as session:
        return store_name(session)


def store_name(session) -> str | None:
    return session.scalar(select(Store.name).order_by(Store.id).limit(1))


def refuse_if_set_up(db: Database) -> None:
    name = existing_store(db)
    if name is not None:
        raise UserError("setup.already_set_up", name=name)


def check_store(*, name: str, address: str = "", phone: str = "", tax_id: str = "",
                locale: str) -> StoreDetails:
    """The store's details as they will be kept (trimmed, the tax ID in capitals), or a
    UserError naming the first field that cannot be."""
    name = clean_text(name, max_length=NAME_MAX, field="field.store_name")
    if not name:
        raise UserError("setup.needs_store_name")
    address = clean_text(address, max_length=ADDRESS_MAX, field="field.address")
    phone = clean_text(phone, max_length=PHONE_MAX, field="field.phone")
    if phone and (not PHONE.fullmatch(phone)
                  or sum(ch.isdigit() for ch in phone) < PHONE_MIN_DIGITS):
        raise UserError("setup.bad_phone", phone=phone)
    tax_id = clean_text(tax_id, max_length=TAX_ID_MAX, field="field.tax_id").upper()
    if tax_id:
        check_tax_id(tax_id)
    if locale not in SUPPORTED:
        raise UserError("setup.bad_locale", locale=str(locale)[:20], allowed=list(SUPPORTED))
    return StoreDetails(name=name, address=address, phone=phone, tax_id=tax_id, locale=locale)


def check_tax_id(tax_id: str) -> None:
    """Letters, digits, spaces and dashes; 18 letters and digits of the unified social
    credit code's alphabet are that code, whose check character must match (a mistyped
    character is caught here, not on the first invoice)."""
    if not TAX_ID.fullmatch(tax_id):
        raise UserError("setup.bad_tax_id", tax_id=tax_id)
    is_uscc = len(tax_id) == 18 and all(ch in USCC_ALPHABET for ch in tax_id)
    if is_uscc and tax_id[17] != uscc_check_character(tax_id[:17]):
        raise UserError("setup.tax_id_check", tax_id=tax_id)


def uscc_check_character(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(ch) * weight for ch, weight in zip(first17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def check_tills(tills: list[tuple[str, str]], *, this_terminal: str) -> list[Till]:
    """The tills to set up, codes in capitals, each named (its code when left blank);
    this computer's terminal must be one of them, or it could not open the till."""
    result: list[Till] = []
    for code, name in tills:
        code = clean_text(code, max_length=TILL_CODE_MAX, field="field.code").upper()
        if not code and not (name or "").strip():
            continue  # an empty row of the wizard's table
        if not TILL_CODE.fullmatch(code):
            raise UserError("setup.bad_till_code", code=code, most=TILL_CODE_MAX)
        if any(till.code == code for till in result):
            raise UserError("setup.till_twice", code=code)
        name = clean_text(name, max_length=TILL_NAME_MAX, field="field.till_name")
        result.append(Till(code, name or code))
    if not result:
        raise UserError("setup.needs_till")
    if this_terminal not in {till.code for till in result}:
        raise UserError("setup.this_till_missing", code=this_terminal,
                        codes=[till.code for till in result])
    return result


def parse_till(text: str) -> tuple[str, str]:
    """`T01=Front till` (or just `T01`) as the command line gives a till."""
    code, sep, name = text.partition("=")
    if not code.strip() or (sep and not name.strip()):
        raise UserError("setup.bad_till_arg", text=text[:60])
    return code.strip(), name.strip()
