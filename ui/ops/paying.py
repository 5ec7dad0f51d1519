"""Paying: what F12 asks next (a unit's card, a serial, the payment) and completing the
sale with its print jobs queued in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pos.kernel.enums import CardStatus, JobKind, Outcome, Tender
from ui.ops.printing import sheet_copies

if TYPE_CHECKING:
    from pos.selling.cart import Cart, CartLine, TenderInput
    from ui.ops.running import Call


@dataclass(frozen=True)
class PayStep:
    """What paying asks next: a unit's card (the "confirm the card" rule), a serial, or
    the payment itself (what is due, how many sheet items were not asked); `empty`:
    there is nothing to pay for."""

    empty: bool = False
    card_unit: CartLine | None = None
    serial_line: CartLine | None = None
    due: int = 0
    unasked: int = 0


def payment_step(cart: Cart, *, prompted: frozenset[str]) -> Call[PayStep]:
    def call(db):
        from pos.selling.addons import unit_history
        from pos.selling.cards import offered_tiers
        from pos.selling.cart import totals
        from pos.selling.sheet import sheet_rows

        if not cart.billable_lines():
            return PayStep(empty=True)
        for unit in cart.main_units():
            if (cart.card_status(unit.line_id) is CardStatus.NOT_ASKED
                    and unit.line_id not in prompted
                    and offered_tiers(db, cart, main_line_id=unit.line_id)):
                return PayStep(card_unit=unit)
        for line in cart.lines:
            if line.serial_tracked and not line.serial:
                return PayStep(serial_line=line)
        unasked = 0
        for unit in cart.main_units():  # an add-on's unit: what was answered before counts
            earlier = (unit_history(db, unit_line_id=unit.existing_line_id)
                       if unit.existing_line_id is not None else None)
            unasked += sum(1 for row in sheet_rows(db, cart, main_line_id=unit.line_id)
                           if row.outcome is Outcome.NOT_OFFERED
                           and not (earlier and earlier.outcome_of(row.item_id, row.code)))
        return PayStep(due=totals(cart.lines).total, unasked=unasked)
    return call


def complete_sale(cart: Cart, *, tenders: list[TenderInput], terminal: str) -> Call:
    """The sale, with its receipt (and, as the terminal's settings say, the sheet copies)
    queued in its own transaction."""
    def call(db):
        from pos.printjobs.print_queue import PrintRequest, printer_config
        from pos.selling.completion import complete_sale as complete

        config = printer_config(db, terminal=terminal)
        jobs = [PrintRequest(JobKind.RECEIPT, config.receipt_uri,
                             open_drawer=any(t.tender is Tender.CASH for t in tenders),
                             options={"paper_mm": config.paper_mm, "encoding": config.encoding})]
        if config.sheet_after_sale and cart.main_units():
            jobs.append(sheet_copies(config))
        return complete(db, cart, tenders=tenders, print_jobs=jobs)
    return call
