"""What a unit's serial number must look like. Products of the categories the store lists
in the setting `imei_categories` (phones by default) take an IMEI: 15 digits with a
Luhn check digit (pos.kernel.imei), the spaces and dashes a person types between its
groups dropped. Other serials are 4 to 64 letters, digits, dashes and slashes.

Checked where a serial is set on a cart line (pos.selling.checkout.set_serial) and again
when the sale completes (pos.selling.completion), since a parked or hand-built cart may
hold anything."""

from __future__ import annotations

import json

from sqlalchemy import bindparam, select

from pos.db import prepared
from pos.db.models import Category, Setting
from pos.kernel.errors import UserError
from pos.kernel.imei import checked_imei, is_imei
from pos.kernel.serials import serial_as_kept
from pos.kernel.text import printable
from pos.selling.cart import Cart
from pos.store.settings import DEFAULTS, get_setting

SETTING = "imei_categories"

CATEGORIES, SETTINGS = Category.__table__, Setting.__table__

# A category's code and the setting's stored value, in one statement: completion runs it
# once per category of the units it sells with a serial.
_CATEGORY_AND_SETTING = prepared.Prepared(
    select(CATEGORIES.c.code,
           select(SETTINGS.c.value_json).where(SETTINGS.c.key == SETTING).scalar_subquery())
    .where(CATEGORIES.c.id == bindparam("category_id")))


def checked_serial(text: str, *, name: str, imei: bool) -> str:
    """The serial as it is kept (upper case; an IMEI without separators), or a UserError
    naming what is wrong with it."""
    return serial_as_kept(text, name=name, imei=imei)


def needs_imei(session, category_id: int | None) -> bool:
    """Whether units of this category take an IMEI (a Session or a Core connection)."""
    if category_id is None:
        return False
    code = session.execute(select(Category.code).where(Category.id == category_id)).scalar()
    return _listed(code, get_setting(session, SETTING))


def check_new_serials(conn, cart: Cart) -> None:
    """At completion: every serial this cart sells is an IMEI where its unit's category
    takes one (the cart's catalog values were checked first, pos.selling.pricing)."""
    run = prepared.on(conn)
    imei_by_category: dict[int | None, bool] = {}
    for line in cart.billable_lines():
        if not line.serial:
            continue
        if line.category_id not in imei_by_category:
            row = (run.first(_CATEGORY_AND_SETTING, {"category_id": line.category_id})
                   if line.category_id is not None else None)
            imei_by_category[line.category_id] = row is not None and _listed(
                row[0], _stored(row[1]))
        if imei_by_category[line.category_id] and not is_imei(line.serial):
            checked_imei(line.serial, name=line.name)  # raises, saying what is wrong
            raise UserError("serial.not_imei", serial=printable(line.serial)[:64],
                            name=line.name)  # separators: kept without them, never with


def _stored(text: str | None):
    """The setting's value as get_setting reads it, from its stored text."""
    if text is None:
        return DEFAULTS[SETTING]
    try:
        return json.loads(text)
    except ValueError:
        return None


def _listed(code: str | None, listed) -> bool:
    """Whether the category `code` is in the setting's list (a list that is not one,
    which the setting's validation never lets in, reads as the default)."""
    if not isinstance(listed, (list, tuple)) or not all(isinstance(c, str) for c in listed):
        listed = DEFAULTS[SETTING]
    return code is not None and code.upper() in {entry.strip().upper() for entry in listed}
