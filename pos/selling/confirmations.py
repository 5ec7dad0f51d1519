"""The card confirmation points asked at the till (issue 20, "confirm the service card
five times"): before the sale is agreed, after it, and at payment (the pay prompt). Each
is kept on the cart, per main unit, with its answer, who asked and when; completion
writes them as card_confirmations rows of the sale and seals them in its transaction
(pos.selling.completion). The other two points (at pickup, during installation) are a
job's (pos.service.confirmations)."""

from __future__ import annotations

from datetime import datetime

from pos.kernel.clock import utcnow
from pos.kernel.enums import ConfirmPoint
from pos.kernel.errors import UserError
from pos.selling.cart import Cart

TILL_POINTS = (ConfirmPoint.BEFORE_AGREE, ConfirmPoint.AFTER_AGREE, ConfirmPoint.AT_PAYMENT)
JOB_POINTS = (ConfirmPoint.AT_PICKUP, ConfirmPoint.DURING_INSTALL)


def confirm_point(point, allowed=tuple(ConfirmPoint)) -> ConfirmPoint:
    """A point by its value; confirm.bad_point for anything else (or one not `allowed`)."""
    try:
        found = ConfirmPoint(point)
    except ValueError:
        raise UserError("confirm.bad_point", point=str(point)[:40]) from None
    if found not in allowed:
        raise UserError("confirm.bad_point", point=found.value)
    return found


def record_confirmation(cart: Cart, *, main_line_id: str, point, accepted: bool,
                        staff_id: int, at: datetime | None = None) -> Cart:
    """Record on the cart that the unit's card was confirmed at `point` (one of the
    till's three) and the customer's answer. The same point again keeps the last answer.
    Changes `cart` and returns it."""
    found = confirm_point(point, TILL_POINTS)
    cart.main_line(main_line_id)  # cart.not_main_unit / cart.line_gone
    if type(accepted) is not bool:
        raise UserError("confirm.bad_point", point=found.value)
    when = (at or utcnow()).isoformat()
    cart.confirmations = [row for row in cart.confirmations
                          if (row[0], row[1]) != (main_line_id, found.value)]
    cart.confirmations.append([main_line_id, found.value, accepted, int(staff_id), when])
    return cart


def unit_confirmations(cart: Cart, main_line_id: str) -> dict[ConfirmPoint, bool]:
    """Point -> answer, for one unit of the cart."""
    return {ConfirmPoint(row[1]): row[2] for row in cart.confirmations if row[0] == main_line_id}


def write_confirmations(conn, cart: Cart, sale_id: int, receipt_no: str,
                        line_ids: dict[int, int]) -> None:
    """The cart's confirmation points as card_confirmations rows of the sale, sealed as
    one audit event (pos.ledger.confirm_reconcile), inside the sale's transaction.
    `line_ids`: the sale's position -> sale line id. A point on a unit since removed from
    the cart is dropped; an add-on's unit is its line on the earlier sale."""
    from pos.ledger.confirm_reconcile import write_sale_rows

    position = {line.line_id: index for index, line in enumerate(cart.billable_lines(), 1)}
    rows = []
    for main_line_id, point, accepted, staff_id, at in cart.confirmations:
        unit = next((l for l in cart.main_units() if l.line_id == main_line_id), None)
        if unit is None:
            continue
        unit_line_id = (unit.existing_line_id if unit.existing_line_id is not None
                        else line_ids[position[unit.line_id]])
        rows.append({"unit_line_id": unit_line_id, "serial": unit.serial or None,
                     "point": confirm_point(point, TILL_POINTS).value, "accepted": accepted,
                     "staff_id": staff_id, "at": _when(at)})
    if rows:
        write_sale_rows(conn, sale_id=sale_id, receipt_no=receipt_no, rows=rows,
                        staff_id=cart.staff_id)


def _when(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        raise UserError("park.damaged") from None
