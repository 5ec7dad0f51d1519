"""The till's card confirmation points (issue 20): before and after the sale is agreed
(the "Card offered?" key, ui.checkout.card_confirm) and at payment (the pay prompt's
answer, ui.checkout.till_payment). Each changes a copy of the cart on the worker
(pos.selling.confirmations) and returns it with what the till shows (a TillView)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops.cart import read_view

if TYPE_CHECKING:
    from pos.selling.cart import Cart
    from ui.ops.cart import TillView
    from ui.ops.running import Call


def confirm_card(cart: Cart, unit: str | None, *, main_line_id: str, point: str,
                 accepted: bool, decline: bool = False) -> Call[TillView]:
    """Record that the unit's card was confirmed at `point`, with the customer's answer,
    by the person at the till (the cart's staff); `decline`: the customer declined the
    card for this sale too (the pay prompt's Ctrl+0)."""
    def call(db):
        from pos.db.call_reads import shared_reads
        from pos.selling.cards import decline_card
        from pos.selling.confirmations import record_confirmation

        mine = cart.copy()
        if decline:
            decline_card(mine, main_line_id=main_line_id)
        record_confirmation(mine, main_line_id=main_line_id, point=point, accepted=accepted,
                            staff_id=mine.staff_id)
        with shared_reads(db) as shared:
            return read_view(shared, mine, unit)
    return call
