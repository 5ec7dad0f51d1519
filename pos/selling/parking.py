"""Parked carts: a sale put aside (the customer went to fetch something) and resumed
later on the same till, by anyone logged in there."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import ParkedCart, Terminal
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text, mask_card_numbers, printable
from pos.selling.cart import Cart, totals


@dataclass(frozen=True)
class ParkedInfo:
    cart_uuid: str
    label: str
    lines: int
    total: int


LABEL_MAX = 120  # parked_carts.label


def park_cart(db: Database, cart: Cart, *, label: str = "") -> None:
    if not cart.lines:
        raise UserError("park.nothing")
    label = clean_text(label, max_length=LABEL_MAX, field="field.label")
    with db.unit_of_work() as session:
        terminal_id = session.scalar(select(Terminal.id).where(Terminal.code == cart.terminal))
        existing = session.get(ParkedCart, cart.uuid)
        if existing is not None:
            session.delete(existing)
            session.flush()
        session.add(ParkedCart(cart_uuid=cart.uuid, terminal_id=terminal_id,
                               staff_id=cart.staff_id,
                               label=label or _first_line_label(cart),
                               cart_json=json.dumps(cart.to_json_dict(), ensure_ascii=False)))


def list_parked(db: Database, *, terminal: str) -> list[ParkedInfo]:
    with db.read() as session:
        rows = session.scalars(select(ParkedCart).join(Terminal).where(Terminal.code == terminal)
                               .order_by(ParkedCart.parked_at)).all()
        result = []
        for row in rows:
            try:
                cart = _parked(row.cart_json)
                figures = len(cart.lines), totals(cart.lines).total
            except (UserError, TypeError, ValueError):  # damaged: listed, refused on resume
                figures = 0, 0
            result.append(ParkedInfo(row.cart_uuid, row.label, *figures))
        return result


def resume_cart(db: Database, *, cart_uuid: str, staff_id: int) -> Cart:
    """Take a parked cart back (it leaves the parked list). A cart parked before carts
    kept their store gets its till's store back."""
    with db.unit_of_work() as session:
        row = session.get(ParkedCart, cart_uuid)
        if row is None:
            raise UserError("park.already_resumed")
        cart = _parked(row.cart_json)
        if cart.store_id is None:
            cart.store_id = session.scalar(select(Terminal.store_id).where(
                Terminal.code == cart.terminal))
        session.delete(row)
    cart.staff_id = staff_id
    return cart


def _first_line_label(cart: Cart) -> str:
    return printable(mask_card_numbers(str(cart.lines[0].name)))[:LABEL_MAX].strip()


def _parked(text: str) -> Cart:
    """A parked cart back from its JSON. It is data like any other: damaged or edited, it
    is refused here when it is not a cart, and its prices are checked again when the
    sale completes (pos.selling.pricing)."""
    try:
        data = json.loads(text)
    except ValueError:
        raise UserError("park.damaged") from None
    if not isinstance(data, dict):
        raise UserError("park.damaged")
    return Cart.from_json_dict(data)
