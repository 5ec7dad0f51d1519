"""The stock side of a sale document (called by pos.ledger.tables once its lines are
written): one movement per line of a product at the till's store (minus what it sells,
plus what it takes back), the store's quantities (refused when short: stock.short), and
its serials: a unit sold must be in stock at that store (a serial never seen is sold as
it is scanned unless the store sells only received serials), a unit taken back is in
stock there again. The sale's sealed payload does not change: its store follows from its
till."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import bindparam, select

from pos.db import prepared
from pos.db.models import Terminal
from pos.kernel.enums import Bucket, UnitState
from pos.kernel.errors import UserError
from pos.ledger.stock_tables import (
    INSERT_MOVE, INSERT_MOVE_ID, MOVE_UNIT, NEW_UNIT, SELLABLE, change_quantities, unit_refusal,
    unit_row,
)

TERMINAL_STORE = prepared.Prepared(select(Terminal.__table__.c.store_id).where(
    Terminal.__table__.c.id == bindparam("terminal_id")))


def move_serial(line) -> str | None:
    """The serial a sale line's movement carries: one sold, or one taken back against
    the line that sold it (a return without its sale moves the quantity only)."""
    if not line.serial or line.product_id is None:
        return None
    if line.quantity > 0 or line.original_line is not None:
        return line.serial
    return None


def move_sale_stock(run: prepared.Runner, document, line_ids: dict[int, int], *,
                    negative_stock_allowed: Callable[[], bool],
                    strict_serials: Callable[[], bool], store_id: int | None = None) -> None:
    """A sale document's stock, after its lines are written: one movement per line of a
    product at the till's store (minus what it sells, plus what it takes back), the
    store's quantities (refused when short: stock.short), and its serials: a unit sold
    must be in stock here (a serial never seen is sold as it is scanned unless
    `strict_serials()`), a unit taken back is in stock again, here. `store_id`: the
    till's store when the caller has it (read from the till otherwise)."""
    lines = [line for line in document.lines if line.product_id is not None]
    if not lines:
        return
    if store_id is None:
        store_id = run.scalar(TERMINAL_STORE, {"terminal_id": document.terminal_id})
    moves = {line.position: {
        "doc_id": None, "position": None, "sale_line_id": line_ids[line.position],
        "store_id": store_id, "product_id": line.product_id, "bucket": Bucket.ON_HAND,
        "qty": -line.quantity, "serial": move_serial(line), "unit_cost": None,
        "expected": None, "counted": None, "reason": None, "at": document.completed_at}
        for line in lines}
    run.many(INSERT_MOVE, [move for move in moves.values() if move["serial"] is None])
    # a serial's movement is its unit's last: its id comes back with the insert
    move_ids = {position: run.scalar(INSERT_MOVE_ID, move) for position, move in moves.items()
                if move["serial"] is not None}
    changes: dict[tuple[int, int], list[int]] = {}
    for line in lines:
        changes.setdefault((store_id, line.product_id), [0, 0])[0] -= line.quantity
    short = change_quantities(run, changes, negative_allowed=negative_stock_allowed)
    if short is not None:
        raise UserError("stock.short", name=short.name, stock=short.stock, asked=short.asked)
    for line in lines:
        serial = move_serial(line)
        if serial is None:
            continue
        line_id, move_id = line_ids[line.position], move_ids[line.position]
        unit = unit_row(run, line.product_id, serial)
        selling = line.quantity > 0
        state = UnitState.SOLD if selling else UnitState.RETURNED
        values = {"state": state, "store_id": store_id, "sale_line_id": line_id,
                  "last_move_id": move_id}
        if unit is None:
            if selling and strict_serials():
                raise UserError("stock.serial_not_received", serial=serial, name=line.name)
            run.execute(NEW_UNIT, {"product_id": line.product_id, "serial": serial, **values})
            continue
        if selling and (UnitState(unit.state) not in SELLABLE or unit.store_id != store_id):
            raise unit_refusal(run, unit, serial=serial, store_id=store_id)
        run.execute(MOVE_UNIT, {"unit_id": unit.id, **values})
