"""Every row that states a fact must be accounted for by a sealed document, and equal to
what the document says. `verify` walks the chain and notes here what each sealed
document says (Facts: counts, and what is bounded by the store's size, never by its
history); `reconcile` then reads the tables and names the first row that no document
accounts for, or that differs from it, and the first sealed fact whose row is gone. A
document's own rows (lines, cards, serials) were read with it and matched its seal, so
what remains of them is checked by queries that join them to the corrections in the
journal, a table at a time, in one pass each.

The facts, and the documents that seal them:
- sales and corrections, their lines, outcomes and payments: the sale documents;
- service cards: issued by a sale document, cancelled when a correction takes their line
  back (a card is active exactly when no correction took it back);
- stock: stock documents (their own entries) and sale lines move it; each store's
  quantities, the serial units and the sale lines' movements are checked against them
  by pos.ledger.stock_reconcile; a unit sold before stock was kept per store stands sold
  while a sale line sold it and no correction took that line back;
- audit events: their own entries; staff rows, settings, shift openings and cash
  movements: the last audit event that records them (pos.ledger.facts, pos.day.shifts);
- closed shifts: their Z reports.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import String, and_, cast, func, literal, or_, select

from pos.db.models import (
    AuditEvent, CashMovement, JournalEntry, Sale, SaleLine, SerialUnit, ServiceCard, Setting, Shift,
    Staff, Terminal,
)
from pos.kernel.enums import CardState, DocumentKind, ShiftState, UnitState
from pos.kernel.money import to_decimal_string
from pos.ledger import account_reconcile, chain, job_reconcile, stock_reconcile
from pos.ledger import confirm_reconcile
from pos.ledger import card_reconcile
from pos.ledger.account_records import ACCOUNT_RECORD
from pos.ledger import facts as sealed_facts
from pos.ledger.tables import Stored


class Broken(Exception):
    """The first problem found; its text names the document or row."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem


@dataclass
class Facts:
    """What the sealed documents say, noted in chain order while verify walks: counts,
    and only what later rows are checked against and is bounded by the store's size, not
    its history (the staff, the settings, the open shifts' openings,
    sales and cash movements). Whatever is a row of a document (lines, cards, serials)
    is checked against the tables by queries once the walk is done (`reconcile`)."""

    checked: int = 0
    current: str | None = None  # the entry being read, to name it if a row cannot be read
    anchor_found: bool = False
    # From a checkpoint (verify --from-anchor): its entry's place and time.
    anchor_seq: int = 0
    anchor_time: datetime | None = None
    sales: int = 0  # sale documents found good (each is one row of sales)
    events: int = 0  # audit events found good
    closed: int = 0  # Z reports found good whose shift is closed
    # Shifts without a Z report yet -> the sales found good in them (checked at their Z).
    shift_sales: dict[int | None, int] = field(default_factory=dict)
    staff: dict[int, dict] = field(default_factory=dict)
    settings: dict[str, object] = field(default_factory=dict)
    shifts_opened: dict[int, dict] = field(default_factory=dict)  # until their Z report
    movements: dict[int, dict] = field(default_factory=dict)  # until their shift's Z report
    stock_docs: int = 0  # stock documents found good
    stock_lines: int = 0  # their movements
    first_sale_id: int | None = None  # sales from here on move stock by their own rows
    account_docs: int = 0  # account documents found good
    allocations: int = 0  # their allocations
    accounts: dict[int, dict] = field(default_factory=dict)  # customer -> last account_record
    # Shifts without a Z report yet -> the account documents found good in them.
    shift_account_docs: dict[int, int] = field(default_factory=dict)

    def add_account(self, document) -> None:
        self.account_docs += 1
        self.allocations += len(document.allocations)
        if document.shift_id is not None:
            self.shift_account_docs[document.shift_id] = (
                self.shift_account_docs.get(document.shift_id, 0) + 1)

    def add_stock(self, document) -> None:
        self.stock_docs += 1
        self.stock_lines += len(document.lines)
        if document.first_sale_id is not None:
            self.first_sale_id = document.first_sale_id

    def add_document(self, stored: Stored) -> None:
        document, ids = stored.document, stored.line_ids
        self.sales += 1
        self.shift_sales[document.shift_id] = self.shift_sales.get(document.shift_id, 0) + 1
        for card in document.cards:
            ids[card.line]  # a card line edited to another sale's line cannot be read

    def add_event(self, event, details: dict) -> None:
        self.events += 1
        if event.action == sealed_facts.STAFF_RECORD and event.ref.isdigit():
            self.staff[int(event.ref)] = details
        elif event.action == ACCOUNT_RECORD and event.ref.isdigit():
            account_reconcile.note_record(self.accounts, event, details)
        elif event.action == sealed_facts.SETTING_RECORD:
            self.settings[event.ref] = details.get("value")
        elif event.action == "shift_opened" and isinstance(details.get("shift"), int):
            self.shifts_opened[details["shift"]] = details
        elif event.action in ("paid_in", "paid_out") and isinstance(details.get("movement"), int):
            self.movements[details["movement"]] = details

    def add_z(self, shift, movements: list[int]) -> None:
        """A Z report found good: its shift's opening, sales and cash movements were
        checked with it and are not needed again."""
        if shift.state is ShiftState.CLOSED:
            self.closed += 1
        self.shifts_opened.pop(shift.id, None)
        self.shift_sales.pop(shift.id, None)
        self.shift_account_docs.pop(shift.id, None)
        for movement in movements:
            self.movements.pop(movement, None)


SALE_KINDS = tuple(kind.value for kind in DocumentKind)
ENTRIES = JournalEntry.__table__
_LINES = SaleLine.__table__
# Sale lines of documents in the journal that a correction took back (every sale row is
# one by the time these run: _documents checks it first).
_TAKEN_BACK = (select(_LINES.c.original_line_id).join(Sale, Sale.id == _LINES.c.sale_id)
               .where(_LINES.c.original_line_id.is_not(None)))
_BATCH = 2000  # rows a scan of a whole table holds at a time


def _scan(conn, statement):
    """A whole table's rows, a batch at a time (a server-side cursor on PostgreSQL)."""
    return conn.execute(statement.execution_options(yield_per=_BATCH))


def reconcile(conn, facts: Facts) -> None:
    """Raise Broken for the first row no sealed document accounts for, or that differs."""
    _documents(conn, facts)
    _cards(conn)
    _serials(conn)
    _shifts(conn, facts)
    _people_and_settings(conn, facts)
    problem = stock_reconcile.problems(conn, documents=facts.stock_docs,
                                       lines=facts.stock_lines, first_sale_id=facts.first_sale_id)
    if problem:
        raise Broken(problem)
    problem = account_reconcile.problems(conn, facts)
    if problem:
        raise Broken(problem)
    problem = card_reconcile.problems(conn)  # claims and business cards' units (issue 20)
    if problem:
        raise Broken(problem)
    problem = confirm_reconcile.problems(conn)  # issue 20: card confirmations
    if problem:
        raise Broken(problem)
    problem = job_reconcile.problems(conn)  # service jobs against their sealed events
    if problem:
        raise Broken(problem)


def _documents(conn, facts: Facts) -> None:
    """Each sale and audit event found good is one row of its table (its number, its
    seal), so the tables hold no row the journal does not when the counts agree; when
    they do not, the first such row is named."""
    if conn.execute(select(func.count()).select_from(Sale)).scalar_one() != facts.sales:
        raise Broken(f"{first_unsealed_sale(conn)} is not in the journal: a document was "
                     "added or its entry removed")
    if conn.execute(select(func.count()).select_from(AuditEvent)).scalar_one() != facts.events:
        sealed = ENTRIES.alias("sealed")
        event_id = conn.execute(select(AuditEvent.id).outerjoin(sealed, and_(
            sealed.c.doc_type == "audit",
            sealed.c.doc_ref == literal("A") + cast(AuditEvent.id, String)))
            .where(sealed.c.id.is_(None)).order_by(AuditEvent.id).limit(1)).scalar()
        raise Broken(f"audit event #{event_id} is not in the journal")


def first_unsealed_sale(conn, *, shift_id: int | None = None, before_seq: int | None = None):
    """The receipt of the first sale (of a shift) that no sale entry (before journal
    #before_seq) names: every such entry was found good for the sale it names. An outer
    join, which both databases answer in one pass (NOT IN over a large list is not)."""
    sealed = ENTRIES.alias("sealed")
    joined = and_(sealed.c.doc_ref == Sale.receipt_no, sealed.c.doc_type.in_(SALE_KINDS))
    if before_seq is not None:
        joined = and_(joined, sealed.c.seq < before_seq)
    query = select(Sale.receipt_no).outerjoin(sealed, joined).where(sealed.c.id.is_(None))
    if shift_id is not None:
        query = query.where(Sale.shift_id == shift_id)
    return conn.execute(query.order_by(Sale.id).limit(1)).scalar()


def _cards(conn) -> None:
    """Every card row was read with the sale that issued it (and had to match its seal);
    what remains: a card on no sale, and each card's state, which follows from the
    corrections in the journal (active exactly when none took its line back)."""
    cards = ServiceCard.__table__
    for card_no, state, sale_id, taken_back in _scan(conn, select(
            cards.c.card_no, cards.c.state, Sale.id, cards.c.line_id.in_(_TAKEN_BACK))
            .outerjoin(Sale, Sale.id == cards.c.sale_id).order_by(cards.c.id)):
        if sale_id is None:
            raise Broken(f"service card {card_no} is on no sealed sale")
        expected = CardState.CANCELLED if taken_back else CardState.ACTIVE
        if state is not expected:
            raise Broken(f"service card {card_no} is {state.value} although its "
                         f"sealed documents make it {expected.value}")


def _still_sold(line):
    """The sale lines whose serial stands sold: a serial sold (not a correction's line)
    that no correction took back, on a document in the journal."""
    return and_(line.c.serial.is_not(None), line.c.serial != "", line.c.quantity > 0,
                line.c.original_line_id.is_(None), line.c.id.not_in(_TAKEN_BACK))


def _serials(conn) -> None:
    """Units sold before stock was kept per store (no movement of their own) stand sold
    while their sale line does; a serial sold and never taken back stands sold by it."""
    units = SerialUnit.__table__
    line = _LINES.alias("line")
    for serial, product_id, state, line_serial, line_product, stands in _scan(conn, select(
            units.c.serial, units.c.product_id, units.c.state, line.c.serial, line.c.product_id,
            and_(Sale.id.is_not(None), _still_sold(line)))
            .outerjoin(line, line.c.id == units.c.sale_line_id)
            .outerjoin(Sale, Sale.id == line.c.sale_id)
            .where(units.c.last_move_id.is_(None)).order_by(units.c.id)):
        if state is not UnitState.SOLD or not stands or (line_product, line_serial) != (
                product_id, serial):
            raise Broken(f"serial {serial} is marked sold by no sealed sale")
    for (serial,) in conn.execute(
            select(line.c.serial).join(Sale, Sale.id == line.c.sale_id)
            .outerjoin(units, and_(units.c.sale_line_id == line.c.id,
                                   units.c.product_id == line.c.product_id,
                                   units.c.serial == line.c.serial,
                                   units.c.state == UnitState.SOLD))
            .where(_still_sold(line), units.c.id.is_(None)).order_by(line.c.id).limit(1)):
        raise Broken(f"serial {serial}, sold and never taken back, is no longer marked "
                     "sold (it could be sold again)")


def _shifts(conn, facts: Facts) -> None:
    shifts = Shift.__table__
    closed = conn.execute(select(func.count()).select_from(shifts).where(
        shifts.c.state == ShiftState.CLOSED)).scalar_one()
    unsealed = _first_unsealed_close(conn) if closed != facts.closed else None
    for shift in _scan(conn, select(shifts).order_by(shifts.c.id)):
        if shift.state is ShiftState.CLOSED:
            if shift.id == unsealed:
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
    if closed != facts.closed:
        raise Broken("a shift is closed but no sealed Z report closed it")
    # A closed shift's cash movements were checked with its Z report.
    movements = CashMovement.__table__
    for row in _scan(conn, select(movements).select_from(movements.outerjoin(
            shifts, shifts.c.id == movements.c.shift_id)).where(or_(
                shifts.c.id.is_(None), shifts.c.state != ShiftState.CLOSED))
            .order_by(movements.c.id)):
        check_movement(row, facts)


def _first_unsealed_close(conn) -> int | None:
    """The first closed shift that no Z report in the journal closed (every Z entry was
    found good by then, each for the shift it names, with the same seal)."""
    sealed = set()
    for ref, digest in conn.execute(select(ENTRIES.c.doc_ref, ENTRIES.c.hash).where(
            ENTRIES.c.doc_type == "z")):
        terminal, _, z_text = ref.rpartition("-Z")
        if z_text.isdigit():
            sealed.add((terminal, int(z_text), digest))
    shifts = Shift.__table__
    for shift_id, code, z_number, digest in conn.execute(
            select(shifts.c.id, Terminal.code, shifts.c.z_number, shifts.c.journal_hash)
            .outerjoin(Terminal, Terminal.id == shifts.c.terminal_id)
            .where(shifts.c.state == ShiftState.CLOSED).order_by(shifts.c.id)):
        if (code, z_number, digest) not in sealed:
            return shift_id
    return None


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
