"""Serial-tracked units as the stock services look them up: a serial as it is kept (the
till's rules, an IMEI for the categories that take one), the units of many serials read
a chunk at a time, and why a unit cannot leave a store's stock."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from pos.db import prepared
from pos.db.models import Category, Sale, SaleLine, SerialUnit
from pos.kernel.enums import UnitState
from pos.kernel.errors import UserError
from pos.kernel.serials import serial_as_kept
from pos.ledger.stock_tables import STATE_NAMES, unit_refusal
from pos.stock.posting import ProductRow, StoreRow, chunks
from pos.store.settings import DEFAULTS, get_setting



class Serials:
    """Serials as they are kept: upper case, 4 to 64 letters, digits, dashes and slashes;
    an IMEI (15 digits, its check digit right) for products of the categories the store
    lists in `imei_categories`, as the till checks them."""

    def __init__(self, conn):
        self._conn = conn
        self._imei_by_category: dict[int | None, bool] = {}
        listed = get_setting(conn, "imei_categories")
        if not isinstance(listed, (list, tuple)) or not all(isinstance(c, str) for c in listed):
            listed = DEFAULTS["imei_categories"]
        self._listed = {entry.strip().upper() for entry in listed}

    def _imei(self, category_id: int | None) -> bool:
        if category_id not in self._imei_by_category:
            code = self._conn.execute(select(Category.code).where(
                Category.id == category_id)).scalar() if category_id is not None else None
            self._imei_by_category[category_id] = code is not None and code.upper() in self._listed
        return self._imei_by_category[category_id]

    def kept(self, text, product: ProductRow) -> str:
        return serial_as_kept(text, name=product.name, imei=self._imei(product.category_id))

    def known(self, text, product: ProductRow) -> str:
        """A serial given for a unit the store should know (sent, written off, received
        from a transfer): as it is kept when it is a good one (an IMEI typed with
        spaces), else as typed (a unit kept before the rule, looked up as it is)."""
        try:
            return self.kept(text, product)
        except UserError:
            return serial_key(text)


def serial_key(text) -> str:
    """A serial as typed, the way it is kept, for looking it up (not checked)."""
    return text.strip().upper() if isinstance(text, str) else ""


@dataclass(frozen=True, slots=True)
class Unit:
    id: int
    product_id: int
    serial: str
    state: str
    store_id: int | None
    sale_line_id: int | None


def units_of(conn, keys: Iterable[tuple[int, str]]) -> dict[tuple[int, str], Unit]:
    """(product id, serial) -> the unit the store knows, read a chunk of serials at a
    time (ix_serial_units_serial)."""
    keys = set(keys)
    serials = sorted({serial for _, serial in keys})
    found: dict[tuple[int, str], Unit] = {}
    for part in chunks(serials):
        for row in conn.execute(select(
                SerialUnit.id, SerialUnit.product_id, SerialUnit.serial, SerialUnit.state,
                SerialUnit.store_id, SerialUnit.sale_line_id).where(SerialUnit.serial.in_(part))):
            if (row.product_id, row.serial) in keys:
                found[(row.product_id, row.serial)] = Unit(*row)
    return found


SELLABLE = (UnitState.IN_STOCK, UnitState.RETURNED)


def check_in_stock(conn, unit: Unit | None, serial: str, store: StoreRow) -> None:
    """A unit taken out of a store's stock (sent, written off, sent for repair) must be
    in stock there: else why not (unknown, sold, at another store, in transit...)."""
    if unit is None:
        raise UserError("stock.serial_unknown", serial=serial)
    state = UnitState(unit.state)
    if state in SELLABLE and unit.store_id == store.id:
        return
    if state in SELLABLE or state in (UnitState.SOLD, UnitState.IN_TRANSIT):
        raise unit_refusal(prepared.on(conn), unit, serial=serial, store_id=store.id)
    raise UserError("stock.not_serial_state", serial=serial, state=STATE_NAMES[state],
                    needed="stock.state.in_stock")


def sold_on(conn, sale_line_id: int | None) -> str:
    """The receipt number that sold a unit ("?" for a unit sold before units were kept)."""
    found = conn.execute(select(Sale.receipt_no).join(SaleLine, SaleLine.sale_id == Sale.id)
                         .where(SaleLine.id == sale_line_id)).scalar() if sale_line_id else None
    return found or "?"


def units_by_serial(conn, serial: str) -> list[Unit]:
    return [Unit(*row) for row in conn.execute(select(
        SerialUnit.id, SerialUnit.product_id, SerialUnit.serial, SerialUnit.state,
        SerialUnit.store_id, SerialUnit.sale_line_id).where(
        SerialUnit.serial == serial).order_by(SerialUnit.id))]
