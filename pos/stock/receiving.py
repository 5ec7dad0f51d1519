"""Goods received from a supplier: one RECEIPT document of the store (S01-GR-000001)
naming the supplier and its delivery note, each line a product, a quantity and what a
unit cost; a serial-tracked product is received unit by unit, one serial each, and each
serial becomes a unit in stock at the store.

Everything is checked before anything is written, and the refusal names the first
problem: an unknown store or product, a quantity under 1, a serial missing, repeated in
the delivery, already a unit in stock, or sold (on which receipt). A large delivery
(10,000 serials) is looked up a chunk at a time, not a statement per line.
"""

from __future__ import annotations

from pos.db.engine import Database
from pos.kernel.enums import Bucket, StockDocKind, StockReason, UnitState
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text, printable
from pos.stock import posting, unit_lookup
from pos.stock.records import MoveInput, PostedDocument

SUPPLIER_MAX, SUPPLIER_REF_MAX = 120, 60  # stock_documents.supplier, supplier_ref
# A unit that may be received again as new stock: written off (found, or replaced).
RECEIVABLE_AGAIN = (UnitState.WRITTEN_OFF,)


def receive(db: Database, *, store: str, staff_id: int, supplier: str, supplier_ref: str,
            lines: list[MoveInput], request_id: str, terminal: str | None = None,
            note: str = "") -> PostedDocument:
    """Post the goods received at `store` (any active staff member), exactly once per
    `request_id`. A line's cost defaults to the product's cost."""
    supplier_name = clean_text(supplier, max_length=SUPPLIER_MAX, field="field.supplier")
    reference = clean_text(supplier_ref, max_length=SUPPLIER_REF_MAX,
                           field="field.delivery_note")
    if not supplier_name or not reference:
        raise UserError("stock.supplier_required")
    note = posting.note_text(note)
    lines = list(lines)
    if not lines:
        raise UserError("stock.nothing_to_post")
    for line in lines:
        posting.quantity(line.qty)

    def build(conn) -> PostedDocument:
        posting.staff_role(conn, staff_id)
        where = posting.store_row(conn, store)
        draft = posting.Draft(StockDocKind.RECEIPT, where, staff_id, request_id,
                              reason=StockReason.SUPPLIER,
                              terminal_id=posting.terminal_id(conn, terminal),
                              supplier=supplier_name, supplier_ref=reference, note=note)
        products = posting.products_by_code(conn, (line.code for line in lines))
        serials = unit_lookup.Serials(conn)
        planned = []  # (product, qty, serial, cost)
        seen: set[tuple[int, str]] = set()
        for line in lines:
            product = products[posting.code_text(line.code)]
            cost = _cost(line.unit_cost, product.cost)
            serial = _serial_of(line, product, serials)
            if serial is not None:
                if (product.id, serial) in seen:
                    raise UserError("stock.serial_repeated", serial=serial)
                seen.add((product.id, serial))
            planned.append((product, line.qty, serial, cost))
        units = unit_lookup.units_of(conn, seen)
        for product, qty, serial, cost in planned:
            if serial is not None and (product.id, serial) in units:
                _refuse_known(conn, units[(product.id, serial)])
            draft.add(where.id, product.id, Bucket.ON_HAND, qty, serial=serial,
                      unit_cost=cost, reason=StockReason.SUPPLIER)
        return posting.write(conn, draft)

    return posting.post_once(db, request_id, (StockDocKind.RECEIPT,), build)


def _serial_of(line: MoveInput, product: posting.ProductRow,
               serials: unit_lookup.Serials) -> str | None:
    """The line's serial as kept; a serial-tracked product's line is one unit with its
    serial, any other product's has none."""
    given = posting.given_serial(line, product)
    return serials.kept(given, product) if given is not None else None


def _refuse_known(conn, unit: unit_lookup.Unit) -> None:
    """A serial the store already knows can be received only if it was written off."""
    state = UnitState(unit.state)
    if state in RECEIVABLE_AGAIN:
        return
    if state is UnitState.SOLD:
        raise UserError("stock.serial_is_sold", serial=unit.serial,
                        receipt=unit_lookup.sold_on(conn, unit.sale_line_id))
    if state is UnitState.REPAIR:
        raise UserError("stock.serial_unavailable", serial=unit.serial,
                        state="stock.state.repair")
    raise UserError("stock.serial_received_twice", serial=unit.serial)


def _cost(value, default: int) -> int:
    """A unit's cost in minor units (0 or more); the product's when not given."""
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise UserError("stock.cost_invalid", text=printable(str(value))[:20])
    return value
