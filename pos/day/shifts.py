"""Shifts and the cash drawer: open with a counted float, paid-in and paid-out with a
reason, an X report at any time, and closing: cash counted by denomination, expected vs
counted (over/short), a manager's approval, and a Z report whose per-terminal number is
consecutive and never reset, sealed in the journal.

Every sale belongs to exactly one shift (pos.ledger.drawer finds it inside the sale's
own transaction); when a shift closes at that moment, the sale waits for the close and
goes to a new shift: it is never lost and never lands in a closed one.

The count is blind by default: `start_count` gives what the count screen shows before
the count, without the expected cash unless the store's setting close_shift_show_expected
says so; `check_count` gives expected, counted and over/short once the count is in, to
confirm before closing. Parked sales do not stop a close: they hold no money (a sale is
paid only when it completes) and belong to no shift, so they stay parked and complete in
the next shift; the count screen says how many there are. The Z report's print jobs are
queued in the close's own transaction, like a sale's receipt."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select, update

from pos.db import health
from pos.db.engine import Database
from pos.db.models import CashMovement, PrintJob, Shift, Terminal
from pos.kernel.clock import utcnow
from pos.kernel.csvio import write_rows
from pos.kernel.enums import ShiftState
from pos.kernel.errors import UserError
from pos.kernel.money import to_decimal_string
from pos.kernel.text import clean_text
from pos.ledger import audit, chain
from pos.ledger.drawer import (
    ShiftReport, shift_figures, shift_for_sale, start_shift, z_document,
)
from pos.ledger.numbering import next_number
from pos.people import permissions
from pos.printjobs.print_queue import PrintRequest, job_rows
from pos.selling.parking import list_parked
from pos.store.settings import get_setting

# 100, 50, 20, 10, 5, 1, 0.5 and 0.1 yuan, in fen
DENOMINATIONS = (10000, 5000, 2000, 1000, 500, 100, 50, 10)


def open_shift(db: Database, *, terminal: str, staff_id: int, opening_float: int) -> int:
    if isinstance(opening_float, bool) or not isinstance(opening_float, int) or opening_float < 0:
        raise UserError("shift.float_negative")
    with db.write_connection() as conn:
        terminal_id = _terminal(conn, terminal)
        if conn.execute(select(Shift.id).where(Shift.terminal_id == terminal_id,
                                               Shift.state == ShiftState.OPEN)).scalar():
            raise UserError("shift.already_open", terminal=terminal)
        return start_shift(conn, terminal_id=terminal_id, staff_id=staff_id,
                           opening_float=opening_float)


def move_cash(db: Database, *, terminal: str, staff_id: int, amount: int, reason: str,
              approval_id: int | None = None, request_id: str | None = None,
              print_jobs: Sequence[PrintRequest] = ()) -> int:
    """Paid-in (amount > 0) or paid-out (amount < 0): a manager's right (a cashier needs an
    approval for exactly this kind of movement, this till and this amount), with a
    reason, sealed in the journal. The same `request_id`
    again (a retry after a dropped connection) moves the cash once (and queues its
    `print_jobs`, the drawer kick, once); returns the movement's id."""
    if isinstance(amount, bool) or not isinstance(amount, int) or amount == 0:
        raise UserError("shift.cash_zero")
    reason = clean_text(reason, max_length=200, field="field.reason")
    if not reason:
        raise UserError("shift.cash_reason")
    with db.write_connection() as conn:
        if request_id is not None:
            done = conn.execute(select(CashMovement.id).where(
                CashMovement.request_id == request_id)).scalar()
            if done is not None:
                return done
        terminal_id = _terminal(conn, terminal)
        action = "paid_in" if amount > 0 else "paid_out"
        auth = permissions.authorise(conn, action=action, ref=terminal, staff_id=staff_id,
                                     approval_id=approval_id, amount=abs(amount))
        shift_id = shift_for_sale(conn, terminal_id, staff_id)
        at = utcnow()
        movement_id = conn.execute(CashMovement.__table__.insert().values(
            shift_id=shift_id, amount=amount, reason=reason, staff_id=staff_id, at=at,
            request_id=request_id).returning(CashMovement.id)).scalar_one()
        audit.record(conn, staff_id=staff_id, action=action,
                     ref=terminal, details={"movement": movement_id, "shift": shift_id,
                                            "staff": staff_id,
                                            "amount": to_decimal_string(amount), "reason": reason,
                                            "at": chain.sealed_time(at),
                                            "approved_by": auth.approved_by})
        if print_jobs:
            conn.execute(PrintJob.__table__.insert(),
                         job_rows(terminal_id, f"{action}-{movement_id}", print_jobs))
        return movement_id


def x_report(db: Database, *, terminal: str) -> ShiftReport:
    """The open shift so far; changes nothing."""
    with db.read_connection() as conn:
        terminal_id = _terminal(conn, terminal)
        shift = conn.execute(select(Shift.__table__).where(
            Shift.terminal_id == terminal_id, Shift.state == ShiftState.OPEN)).first()
        if shift is None:
            raise UserError("shift.none_open", terminal=terminal)
        return shift_figures(conn, terminal, shift)


@dataclass(frozen=True)
class CountStart:
    """What the count screen shows before the drawer is counted."""

    terminal: str
    opened_at: datetime
    sales: int
    denominations: tuple[int, ...]  # largest first, in minor units
    expected_cash: int | None  # None: a blind count (the setting close_shift_show_expected)
    parked: int  # this till's parked sales: they stay parked, for the next shift


@dataclass(frozen=True)
class CountCheck:
    """The count against what the drawer should hold, to confirm before closing."""

    expected_cash: int
    counted_cash: int

    @property
    def over_short(self) -> int:
        return self.counted_cash - self.expected_cash


def start_count(db: Database, *, terminal: str) -> CountStart:
    """The open shift as the count screen shows it; the expected cash only when the
    store's setting shows it (blind by default, so the count is not steered by it)."""
    report = x_report(db, terminal=terminal)
    with db.read_connection() as conn:
        show = get_setting(conn, "close_shift_show_expected") is True
    return CountStart(terminal, report.opened_at, report.sales, DENOMINATIONS,
                      report.expected_cash if show else None,
                      len(list_parked(db, terminal=terminal)))


def check_count(db: Database, *, terminal: str, counts: dict[int, int]) -> CountCheck:
    """The count (denomination -> pieces) against the expected cash; changes nothing."""
    counted = counted_cash(counts)
    return CountCheck(x_report(db, terminal=terminal).expected_cash, counted)


def counted_cash(counts: dict[int, int]) -> int:
    """The cash a count adds up to; refused unless every denomination is the drawer's and
    every number of pieces a whole number, 0 or more."""
    unknown = set(counts) - set(DENOMINATIONS)
    if unknown:
        raise UserError("shift.denominations",
                        denominations=[to_decimal_string(d) for d in DENOMINATIONS])
    if any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in counts.values()):
        raise UserError("shift.count_whole")
    return sum(denomination * n for denomination, n in counts.items())


def z_ref(terminal: str, z_number: int) -> str:
    """How a Z report is named in the journal and the print queue."""
    return f"{terminal}-Z{z_number:05d}"


def close_shift(db: Database, *, terminal: str, staff_id: int, counts: dict[int, int],
                approval_id: int | None = None,
                print_jobs: Sequence[PrintRequest] = ()) -> ShiftReport:
    """Count the drawer by denomination and close the shift with the next Z number. The
    whole database file is checked first (pos.db.health.full_check): a day is never
    closed on a damaged file; the refusal says how to restore it. `print_jobs` (the Z
    report's) are queued in the same transaction: a closed shift never lacks them."""
    counted_cash(counts)
    health.full_check(db)
    with db.write_connection() as conn:
        terminal_id = _terminal(conn, terminal)
        auth = permissions.authorise(conn, action="close_day", ref=terminal, staff_id=staff_id,
                                     approval_id=approval_id)
        shift = conn.execute(select(Shift.__table__).where(
            Shift.terminal_id == terminal_id, Shift.state == ShiftState.OPEN)
            .with_for_update()).first()
        if shift is None:
            raise UserError("shift.none_to_close", terminal=terminal)
        report = shift_figures(conn, terminal, shift)
        counted = sum(denomination * n for denomination, n in counts.items())
        z_number = next_number(conn, terminal_id, "z")
        closed_at = utcnow()
        document = z_document(terminal, z_number, report, counted, counts, closed_at,
                              auth.staff_id, opened_by=shift.opened_by)
        sealed = chain.append(conn, document, doc_type="z",
                              doc_ref=z_ref(terminal, z_number), at=closed_at)
        conn.execute(update(Shift).where(Shift.id == shift.id).values(
            state=ShiftState.CLOSED, closed_by=staff_id, closed_at=closed_at,
            counted_json=json.dumps({str(k): v for k, v in sorted(counts.items())}),
            counted_cash=counted, expected_cash=report.expected_cash, z_number=z_number,
            journal_hash=sealed.hash))
        audit.record(conn, staff_id=staff_id, action="shift_closed", ref=terminal,
                     details={"z": z_number, "expected": report.expected_cash,
                                "counted": counted, "approved_by": auth.approved_by})
        if print_jobs:
            conn.execute(PrintJob.__table__.insert(),
                         job_rows(terminal_id, z_ref(terminal, z_number), print_jobs))
    return ShiftReport(**{**report.__dict__, "state": "closed", "closed_at": closed_at,
                          "counted_cash": counted, "z_number": z_number,
                          "anchor": sealed.anchor})


def z_reports(db: Database, *, terminal: str, day: date) -> list[ShiftReport]:
    """The Z reports of the shifts this terminal closed on that day (local dates)."""
    # the local day's bounds (a day of a clock change is 23 or 25 hours), in the index's terms
    start, end = (datetime.combine(d, time.min).astimezone()
                  for d in (day, day + timedelta(days=1)))
    with db.read_connection() as conn:
        terminal_id = _terminal(conn, terminal)
        closed = conn.execute(select(Shift.__table__).where(
            Shift.terminal_id == terminal_id, Shift.closed_at >= start,
            Shift.closed_at < end, Shift.state == ShiftState.CLOSED)
            .order_by(Shift.z_number)).all()
        return [shift_figures(conn, terminal, shift) for shift in closed
                if shift.closed_at.astimezone().date() == day]


def shift_reports_csv(reports: list[ShiftReport]) -> bytes:
    rows = []
    for r in reports:
        base = (r.terminal, str(r.shift_id), str(r.z_number or ""))
        rows.append(base + ("sales", str(r.sales), to_decimal_string(r.sales_total)))
        rows.append(base + ("returns_and_voids", "", to_decimal_string(r.refunds_total)))
        rows += [base + (f"tender:{t}", "", to_decimal_string(a)) for t, a in r.tenders.items()]
        rows.append(base + ("paid_in", "", to_decimal_string(r.paid_in)))
        rows.append(base + ("paid_out", "", to_decimal_string(r.paid_out)))
        rows.append(base + ("expected_cash", "", to_decimal_string(r.expected_cash)))
        if r.counted_cash is not None:
            rows.append(base + ("counted_cash", "", to_decimal_string(r.counted_cash)))
            rows.append(base + ("over_short", "", to_decimal_string(r.over_short)))
    return write_rows(("terminal", "shift", "z", "figure", "count", "amount"), rows)


def _terminal(conn, terminal: str) -> int:
    terminal_id = conn.execute(select(Terminal.id).where(Terminal.code == terminal)).scalar()
    if terminal_id is None:
        raise UserError("terminal.not_set_up", terminal=terminal)
    return terminal_id
