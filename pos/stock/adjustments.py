"""Corrections to a store's stock that are neither a delivery, a transfer nor a count,
each a sealed document of the store with a reason:

- an adjustment (ADJUST, S01-AD-000001; a manager): quantities up or down, found, lost,
  damaged or a correction;
- a write-off (WRITE_OFF, S01-WO-000001; a manager): units out of stock for good,
  damaged, kept as a demo unit, or lost;
- a unit sent for repair and back (ADJUST lines `repair_out` / `repair_back`; anyone
  logged in): the unit leaves the store's stock while away, and is in stock again
  when it comes back.
"""

from __future__ import annotations

import re

from pos.db.engine import Database
from pos.kernel.enums import Bucket, StockDocKind, StockReason, UnitState
from pos.kernel.errors import UserError
from pos.kernel.text import printable
from pos.ledger.stock_tables import STATE_NAMES
from pos.stock import posting, unit_lookup
from pos.stock.records import MoveInput, PostedDocument

ADJUST_REASONS = (StockReason.FOUND, StockReason.LOST, StockReason.DAMAGED,
                  StockReason.CORRECTION)
_SEPARATORS = re.compile(r"[\s-]")
WRITE_OFF_REASONS = (StockReason.DAMAGED, StockReason.DEMO_UNIT, StockReason.LOST)


def adjust(db: Database, *, store: str, staff_id: int, lines: list[MoveInput], reason: str,
           request_id: str, note: str = "") -> PostedDocument:
    """A manager corrects quantities (signed: +2 found, -1 lost), exactly once per
    `request_id`. A serial-tracked product moves a unit per line: +1 brings the serial
    into stock here, -1 takes it out. A line's own reason (one of the same) overrides
    the document's."""
    why = _reason(reason, ADJUST_REASONS)
    lines = _lines(lines, signed=True, allowed=ADJUST_REASONS)
    return _post(db, StockDocKind.ADJUST, "stock.action.adjust", store=store,
                 staff_id=staff_id, lines=lines, reason=why, request_id=request_id,
                 note=posting.note_text(note), sign=1)


def write_off(db: Database, *, store: str, staff_id: int, lines: list[MoveInput], reason: str,
              request_id: str, note: str = "") -> PostedDocument:
    """A manager writes units off the store's stock (damaged, a demo unit, lost), exactly
    once per `request_id`; quantities are what leaves (1 or more)."""
    why = _reason(reason, WRITE_OFF_REASONS)
    lines = _lines(lines, signed=False, allowed=WRITE_OFF_REASONS)
    return _post(db, StockDocKind.WRITE_OFF, "stock.action.write_off", store=store,
                 staff_id=staff_id, lines=lines, reason=why, request_id=request_id,
                 note=posting.note_text(note), sign=-1)


def _reason(reason, allowed: tuple[StockReason, ...]) -> StockReason:
    text = reason.strip().lower() if isinstance(reason, str) else reason
    if text is None or text == "":
        raise UserError("stock.reason_required")
    try:
        found = StockReason(text)
    except ValueError:
        found = None
    if found not in allowed:
        raise UserError("stock.reason_invalid", reason=printable(str(reason))[:40],
                        allowed=[choice.value for choice in allowed])
    return found


def _lines(lines, *, signed: bool, allowed: tuple[StockReason, ...]) -> list[MoveInput]:
    lines = list(lines)
    if not lines:
        raise UserError("stock.nothing_to_post")
    for line in lines:
        posting.quantity(line.qty, signed=signed)
        if _line_reason(line) is not None:
            _reason(line.reason, allowed)
    return lines


def _line_reason(line: MoveInput):
    """A line's own reason, if it gives one."""
    if isinstance(line.reason, str) and line.reason.strip():
        return line.reason
    return None


def _post(db: Database, kind: StockDocKind, action: str, *, store: str, staff_id: int,
          lines: list[MoveInput], reason: StockReason, request_id: str, note: str,
          sign: int) -> PostedDocument:
    def build(conn) -> PostedDocument:
        posting.require_manager(conn, staff_id, action)
        where = posting.store_row(conn, store)
        products = posting.products_by_code(conn, (line.code for line in lines))
        serials = unit_lookup.Serials(conn)
        planned = []  # (product, signed qty, serial, reason)
        seen: set[tuple[int, str]] = set()
        for line in lines:
            product = products[posting.code_text(line.code)]
            qty = sign * line.qty
            serial = _serial(line, product, qty, serials)
            if serial is not None:
                if (product.id, serial) in seen:
                    raise UserError("stock.serial_repeated", serial=serial)
                seen.add((product.id, serial))
            why = StockReason(_line_reason(line).strip().lower()) if _line_reason(line) else reason
            planned.append((product, qty, serial, why))
        units = unit_lookup.units_of(conn, seen)
        taking: dict[int, int] = {}
        for product, qty, serial, _ in planned:
            if serial is not None:
                unit = units.get((product.id, serial))
                if qty < 0:
                    unit_lookup.check_in_stock(conn, unit, serial, where)
                elif unit is not None:
                    _check_may_come_in(conn, unit)
            if qty < 0:
                taking[product.id] = taking.get(product.id, 0) - qty
        posting.check_on_hand(conn, where, taking,
                              {product.id: product for product, _, _, _ in planned})
        draft = posting.Draft(kind, where, staff_id, request_id, reason=reason, note=note)
        for product, qty, serial, why in planned:
            draft.add(where.id, product.id, Bucket.ON_HAND, qty, serial=serial, reason=why)
        return posting.write(conn, draft)

    return posting.post_once(db, request_id, (kind,), build)


def _serial(line: MoveInput, product: posting.ProductRow, qty: int,
            serials: unit_lookup.Serials) -> str | None:
    given = line.serial if isinstance(line.serial, str) and line.serial.strip() else None
    if not product.serial_tracked:
        if given is not None:
            raise UserError("stock.serial_not_tracked", name=product.name)
        return None
    if given is None:
        raise UserError("stock.serial_needed", name=product.name)
    if abs(qty) != 1:
        raise UserError("stock.serial_count_mismatch", name=product.name, quantity=abs(qty),
                        serials=1)
    # a unit found is checked as one received; one taken out is looked up as it is kept
    return serials.kept(given, product) if qty > 0 else serials.known(given, product)


def _check_may_come_in(conn, unit: unit_lookup.Unit) -> None:
    """A unit brought into stock (found) must be out of every store's stock: new,
    written off, or back from repair."""
    state = UnitState(unit.state)
    if state in (UnitState.WRITTEN_OFF, UnitState.REPAIR):
        return
    if state is UnitState.SOLD:
        raise UserError("stock.serial_is_sold", serial=unit.serial,
                        receipt=unit_lookup.sold_on(conn, unit.sale_line_id))
    raise UserError("stock.serial_received_twice", serial=unit.serial)


# --- repairs ---------------------------------------------------------------------------

def send_for_repair(db: Database, *, store: str, staff_id: int, serial: str, request_id: str,
                    note: str = "") -> PostedDocument:
    """A unit in stock at the store goes for repair: out of its stock until it is back."""
    return _repair(db, store=store, staff_id=staff_id, serial=serial, request_id=request_id,
                   note=note, out=True)


def back_from_repair(db: Database, *, store: str, staff_id: int, serial: str, request_id: str,
                     note: str = "") -> PostedDocument:
    """A unit back from repair is in stock at the store again."""
    return _repair(db, store=store, staff_id=staff_id, serial=serial, request_id=request_id,
                   note=note, out=False)


def _repair(db: Database, *, store: str, staff_id: int, serial: str, request_id: str,
            note: str, out: bool) -> PostedDocument:
    key = unit_lookup.serial_key(serial)
    if not key:
        raise UserError("serial.invalid", serial="")
    note = posting.note_text(note)
    reason = StockReason.REPAIR_OUT if out else StockReason.REPAIR_BACK

    def build(conn) -> PostedDocument:
        posting.staff_role(conn, staff_id)
        where = posting.store_row(conn, store)
        unit = _the_unit(conn, key, where, out=out)
        if out:
            unit_lookup.check_in_stock(conn, unit, unit.serial, where)
            product = posting.products_by_id(conn, [unit.product_id])[unit.product_id]
            posting.check_on_hand(conn, where, {product.id: 1}, {product.id: product})
        elif UnitState(unit.state) is not UnitState.REPAIR:
            raise UserError("stock.not_serial_state", serial=unit.serial,
                            state=STATE_NAMES[UnitState(unit.state)],
                            needed="stock.state.repair")
        draft = posting.Draft(StockDocKind.ADJUST, where, staff_id, request_id, reason=reason,
                              note=note)
        draft.add(where.id, unit.product_id, Bucket.ON_HAND, -1 if out else 1,
                  serial=unit.serial, reason=reason)
        return posting.write(conn, draft)

    return posting.post_once(db, request_id, (StockDocKind.ADJUST,), build)


def _the_unit(conn, serial: str, store: posting.StoreRow, *, out: bool) -> unit_lookup.Unit:
    """The unit of a serial: the one the action applies to when two products share the
    serial (in stock here, going out; at repair, coming back)."""
    units = unit_lookup.units_by_serial(conn, serial)
    if not units and _SEPARATORS.search(serial):  # an IMEI typed in groups
        units = unit_lookup.units_by_serial(conn, _SEPARATORS.sub("", serial))
    if not units:
        raise UserError("stock.serial_unknown", serial=serial)
    if len(units) == 1:
        return units[0]
    if out:
        fitting = [u for u in units if UnitState(u.state) in unit_lookup.SELLABLE
                   and u.store_id == store.id]
    else:
        fitting = [u for u in units if UnitState(u.state) is UnitState.REPAIR]
    if len(fitting) == 1:
        return fitting[0]
    skus = ", ".join(sorted(posting.products_by_id(conn, [u.product_id for u in units])[
        u.product_id].sku for u in units))
    raise UserError("stock.serial_ambiguous", serial=serial, skus=skus)
