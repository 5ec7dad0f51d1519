"""A serial number's story (`pos serial SN`, the stock screen's lookup) and the till's
question "may this unit be sold here?".

The history of a serial is, for every product that holds it (usually one): where the
unit stands now, and every movement of it in order: the stock documents that moved it
(received, sent, received at the other store, counted, written off...) and the sale
lines that sold it or took it back. A unit sold before stock was kept per store has no
movement of its own: its sale line is its history.
"""

from __future__ import annotations

from sqlalchemy import or_, select

from pos.db.engine import Database
from pos.db.models import (
    Product, Sale, SaleLine, SerialUnit, Staff, StockMove, Store, Terminal,
)
from pos.db.models import StockDocument as DocRow
from pos.kernel.enums import Bucket, StockReason, UnitState
from pos.kernel.errors import UserError
from pos.kernel.text import printable
from pos.ledger.stock_documents import unit_state_after
from pos.ledger.stock_tables import serial_refusal
from pos.stock.count_tally import serial_text
from pos.stock.records import SerialEvent, SerialHistory
from pos.store.settings import get_setting

STRICT = "strict"


def sellable_refusal(conn, *, store_id: int, product_id: int, serial: str) -> UserError | None:
    """Why this serial cannot be sold at this store now (sold, at another store, in
    transit, written off; or, when the store's `serial_stock` is strict, never
    received), or None when it can."""
    strict = get_setting(conn, "serial_stock") == STRICT
    return serial_refusal(conn, store_id=store_id, product_id=product_id, serial=serial,
                          strict=strict)


def serial_history(db: Database, *, serial: str) -> list[SerialHistory]:
    """Every product holding `serial` (by sku), where its unit stands and what moved it,
    oldest first; refused (stock.serial_unknown) when no unit, movement or sale line
    has it."""
    wanted = serial_text(serial) if isinstance(serial, str) else ""
    if not wanted:
        raise UserError("stock.serial_unknown", serial="")
    with db.read() as session:
        conn = session.connection()
        stores = dict(conn.execute(select(Store.id, Store.code)).all())
        events: dict[int, list[tuple]] = {}  # product -> (at, order, SerialEvent)
        for event in _document_events(conn, wanted, stores):
            events.setdefault(event[0], []).append(event[1:])
        for event in _sale_events(conn, wanted, stores):
            events.setdefault(event[0], []).append(event[1:])
        units = {row.product_id: row for row in conn.execute(
            select(SerialUnit.product_id, SerialUnit.state, SerialUnit.store_id)
            .where(SerialUnit.serial == wanted))}
        product_ids = sorted(set(events) | set(units))
        if not product_ids:
            raise UserError("stock.serial_unknown", serial=printable(wanted)[:64])
        products = {row.id: row for row in conn.execute(
            select(Product.id, Product.sku, Product.name).where(Product.id.in_(product_ids)))}
    histories = []
    for product_id in product_ids:
        ordered = tuple(event for _, _, event in sorted(events.get(product_id, ()),
                                                        key=lambda e: (e[0], e[1])))
        unit = units.get(product_id)
        if unit is not None:
            state = UnitState(unit.state)
            store = stores.get(unit.store_id) if unit.store_id is not None else None
        else:  # a unit no longer kept (sold and returned before stock was kept per store)
            state, store = ordered[-1].state, ordered[-1].store
        product = products[product_id]
        histories.append(SerialHistory(wanted, product.sku, product.name, state, store, ordered))
    return sorted(histories, key=lambda h: h.sku)


def _document_events(conn, serial: str, stores: dict[int, str]):
    """(product, at, order, SerialEvent) per stock document that moved the unit: where
    its last line of the unit (by position) left it."""
    moves = StockMove.__table__
    rows = conn.execute(
        select(moves.c.id, moves.c.product_id, moves.c.store_id, moves.c.bucket, moves.c.qty,
               moves.c.reason, moves.c.position, moves.c.at, DocRow.doc_no, DocRow.kind,
               Staff.name)
        .join(DocRow, DocRow.id == moves.c.doc_id)
        .outerjoin(Staff, Staff.id == DocRow.staff_id)
        .where(moves.c.serial == serial, moves.c.doc_id.is_not(None))
        .order_by(moves.c.doc_id, moves.c.position)).all()
    last: dict[tuple[str, int], object] = {}
    for row in rows:
        last[(row.doc_no, row.product_id)] = row  # in position order: the last one stays
    for row in last.values():
        reason = StockReason(row.reason) if row.reason is not None else None
        state = unit_state_after(from_sale=False, bucket=Bucket(row.bucket), qty=row.qty,
                                 reason=reason)
        yield row.product_id, row.at, row.id, SerialEvent(
            at=row.at, kind=str(row.kind), document=row.doc_no,
            store=stores.get(row.store_id, ""), state=state, staff=row.name, reason=reason)


def _sale_events(conn, serial: str, stores: dict[int, str]):
    """(product, at, order, SerialEvent) per sale line with the serial: a sale or an
    add-on sold it, a refund or a void took it back, at the till's store. Lines from
    before stock was kept per store are here too (they have no movement)."""
    lines, sales = SaleLine.__table__, Sale.__table__
    moves = StockMove.__table__
    rows = conn.execute(
        select(lines.c.id, lines.c.product_id, lines.c.quantity, sales.c.receipt_no,
               sales.c.kind, sales.c.completed_at, Terminal.store_id, Staff.name,
               moves.c.id.label("move_id"))
        .join(sales, sales.c.id == lines.c.sale_id)
        .join(Terminal, Terminal.id == sales.c.terminal_id)
        .outerjoin(Staff, Staff.id == sales.c.staff_id)
        .outerjoin(moves, moves.c.sale_line_id == lines.c.id)
        .where(lines.c.serial == serial, lines.c.product_id.is_not(None),
               or_(lines.c.quantity > 0, lines.c.original_line_id.is_not(None)))).all()
    for row in rows:
        state = UnitState.SOLD if row.quantity > 0 else UnitState.RETURNED
        order = row.move_id if row.move_id is not None else 0
        yield row.product_id, row.completed_at, order, SerialEvent(
            at=row.completed_at, kind=str(row.kind), document=row.receipt_no,
            store=stores.get(row.store_id, ""), state=state, staff=row.name)

