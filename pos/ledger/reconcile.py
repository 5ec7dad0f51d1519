"""Every row that states a fact must be accounted for by a sealed document, and equal to
what the document says. `verify` walks the chain and notes here what each sealed
document says (Facts); `reconcile` then reads the tables and names the first row that
no document accounts for, or that differs from it, and the first sealed fact whose row
is gone.

The facts, and the documents that seal them:
- sales and corrections, their lines, outcomes and payments: the sale documents;
- service cards: issued by a sale document, cancelled when a correction takes their line
  back (a card is active exactly when no correction took it back);
- sold serials: a serial is sold while a sale line sold it and no correction took that
  line back;
- audit events: their own entries; staff rows, settings, shift openings and cash
  movements: the last audit event that records them (pos.ledger.facts, pos.day.shifts);
- closed shifts: their Z reports;
- a product's stock: the last catalog import that set it, less what sealed documents sold
  since, plus what corrections took back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import select

from pos.db.models import (
    AuditEvent, CashMovement, Product, Sale, ServiceCard, Setting, Shift, SoldSerial, Staff,
)
from pos.kernel.enums import CardState, ShiftState
from pos.kernel.money import to_decimal_string
from pos.ledger import chain
from pos.ledger import facts as sealed_facts
from pos.ledger.documents import DocCard
from pos.ledger.tables import Stored


class Broken(Exception):
    """The first problem found; its text names the document or row."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem


@dataclass
class Facts:
    """What the sealed documents say, noted in chain order while verify walks."""

    checked: int = 0
    current: str | None = None  # the entry being read, to name it if a row cannot be read
    anchor_found: bool = False
    sale_ids: set[int] = field(default_factory=set)
    event_ids: set[int] = field(default_factory=set)
    closed_shifts: set[int] = field(default_factory=set)
    # card number -> (the card, its sale, its line's id, its unit's line id)
    cards: dict[str, tuple[DocCard, int, int, int]] = field(default_factory=dict)
    taken_back: set[int] = field(default_factory=set)  # sold line ids a correction took back
    serials: dict[int, tuple[int, str]] = field(default_factory=dict)  # line id -> product, serial
    staff: dict[int, dict] = field(default_factory=dict)
    settings: dict[str, object] = field(default_factory=dict)
    shifts_opened: dict[int, dict] = field(default_factory=dict)
    movements: dict[int, dict] = field(default_factory=dict)
    stock: dict[int, int] = field(default_factory=dict)  # product id -> what it should be

    def add_document(self, stored: Stored) -> None:
        document, ids = stored.document, stored.line_ids
        self.sale_ids.add(stored.sale_id)
        for card in document.cards:
            unit = ids[card.main] if card.main is not None else card.main_line
            self.cards[card.card_no] = (card, stored.sale_id, ids[card.line], unit)
        for line in document.lines:
            if line.product_id is not None:
                self.stock[line.product_id] = self.stock.get(line.product_id, 0) - line.quantity
            if line.original_line is not None:
                self.taken_back.add(line.original_line)
                self.serials.pop(line.original_line, None)
            elif line.serial and line.quantity > 0:
                self.serials[ids[line.position]] = (line.product_id, line.serial)

    def add_event(self, event, details: dict) -> None:
        self.event_ids.add(event.id)
        if event.action == sealed_facts.STAFF_RECORD and event.ref.isdigit():
            self.staff[int(event.ref)] = details
        elif event.action == sealed_facts.SETTING_RECORD:
            self.settings[event.ref] = details.get("value")
        elif event.action == "shift_opened" and isinstance(details.get("shift"), int):
            self.shifts_opened[details["shift"]] = details
        elif event.action in ("paid_in", "paid_out") and isinstance(details.get("movement"), int):
            self.movements[details["movement"]] = details
        elif event.action == sealed_facts.STOCK_RECORD and isinstance(details.get("stock"), dict):
            for product_id, quantity in details["stock"].items():
                self.stock[int(product_id)] = quantity


def reconcile(conn, facts: Facts) -> None:
    """Raise Broken for the first row no sealed document accounts for, or that differs."""
    _documents(conn, facts)
    _cards(conn, facts)
    _serials(conn, facts)
    _shifts(conn, facts)
    _people_and_settings(conn, facts)
    _stock(conn, facts)


def _documents(conn, facts: Facts) -> None:
    for sale_id, receipt in conn.execute(select(Sale.id, Sale.receipt_no).order_by(Sale.id)):
        if sale_id not in facts.sale_ids:
            raise Broken(f"{receipt} is not in the journal: a document was added or its "
                         "entry removed")
    for (event_id,) in conn.execute(select(AuditEvent.id).order_by(AuditEvent.id)):
        if event_id not in facts.event_ids:
            raise Broken(f"audit event #{event_id} is not in the journal")


def _cards(conn, facts: Facts) -> None:
    seen = set()
    for row in conn.execute(select(ServiceCard.__table__).order_by(ServiceCard.id)):
        sealed = facts.cards.get(row.card_no)
        if sealed is None:
            raise Broken(f"service card {row.card_no} is on no sealed sale")
        card, sale_id, line_id, unit_id = sealed
        if (row.sale_id, row.line_id, row.main_line_id, row.tier_id, row.customer_id,
                row.unit_serial, row.start_date, row.end_date) != (
                sale_id, line_id, unit_id, card.tier_id, card.customer_id, card.unit_serial,
                card.start_date, card.end_date):
            raise Broken(f"service card {row.card_no} differs from the sale that issued it")
        state = CardState.CANCELLED if line_id in facts.taken_back else CardState.ACTIVE
        if row.state is not state:
            raise Broken(f"service card {row.card_no} is {row.state.value} although its "
                         f"sealed documents make it {state.value}")
        seen.add(row.card_no)
    missing = sorted(set(facts.cards) - seen)
    if missing:
        raise Broken(f"service card {missing[0]} was deleted")


def _serials(conn, facts: Facts) -> None:
    rows = {}
    for product_id, serial, line_id in conn.execute(
            select(SoldSerial.product_id, SoldSerial.serial, SoldSerial.line_id)):
        if facts.serials.get(line_id) != (product_id, serial):
            raise Broken(f"serial {serial} is marked sold by no sealed sale")
        rows[line_id] = serial
    for line_id, (_, serial) in facts.serials.items():
        if line_id not in rows:
            raise Broken(f"serial {serial}, sold and never taken back, is no longer marked "
                         "sold (it could be sold again)")


def _shifts(conn, facts: Facts) -> None:
    for shift in conn.execute(select(Shift.__table__).order_by(Shift.id)):
        if shift.state is ShiftState.CLOSED:
            if shift.id not in facts.closed_shifts:
                raise Broken(f"shift {shift.id} is closed but no sealed Z report closed it")
            continue
        opened = facts.shifts_opened.get(shift.id)
        if opened is None or (opened.get("terminal_id"), opened.get("opened_by"),
                              opened.get("opened_at"), opened.get("float")) != (
                shift.terminal_id, shift.opened_by, chain.sealed_time(shift.opened_at),
                shift.opening_float) or any(
                value is not None for value in (shift.z_number, shift.closed_by, shift.closed_at,
                                                shift.counted_json, shift.counted_cash,
                                                shift.expected_cash, shift.journal_hash)):
            raise Broken(f"open shift {shift.id} differs from its sealed opening")
    for row in conn.execute(select(CashMovement.__table__).order_by(CashMovement.id)):
        check_movement(row, facts)


def check_movement(row, facts: Facts) -> None:
    """A cash movement's row against its sealed record."""
    sealed = facts.movements.get(row.id)
    if sealed is None or (sealed.get("shift"), sealed.get("staff"), sealed.get("amount"),
                          sealed.get("reason"), sealed.get("at")) != (
            row.shift_id, row.staff_id, to_decimal_string(row.amount), row.reason,
            chain.sealed_time(row.at)):
        raise Broken(f"cash movement #{row.id} is not as it was sealed")


def _people_and_settings(conn, facts: Facts) -> None:
    for row in conn.execute(select(Staff.__table__).order_by(Staff.id)):
        values = sealed_facts.staff_values(staff_id=row.id, name=row.name, role=row.role,
                                           active=row.active, pin_hash=row.pin_hash)
        if facts.staff.get(row.id) != values:
            raise Broken(f"staff member {row.name} (#{row.id}) is not as last sealed: a "
                         "role, PIN or name was changed outside the till")
    for key, value_json in conn.execute(select(Setting.key, Setting.value_json)):
        if key not in facts.settings or facts.settings[key] != json.loads(value_json):
            raise Broken(f"the setting {key} is not as last sealed")


def _stock(conn, facts: Facts) -> None:
    for product_id, sku, stock in conn.execute(
            select(Product.id, Product.sku, Product.stock).order_by(Product.id)):
        expected = facts.stock.get(product_id, 0)
        if stock != expected:
            raise Broken(f"the stock of {sku} is {stock}, but the catalog imports and sales "
                         f"sealed in the journal make it {expected}")
