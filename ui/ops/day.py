"""The day: the X report and denominations, closing the shift, the day and period
reports, the stores and tills they may cover, a month's commissions, and saving a report
or a statement as CSV or PDF (printing.report_pdf, loaded on the first PDF)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.ops.running import Call


def x_report(terminal: str) -> Call:
    """(the open shift's X report, the denominations the drawer is counted in)."""
    def call(db):
        from pos.day.shifts import DENOMINATIONS
        from pos.day.shifts import x_report as report

        return report(db, terminal=terminal), DENOMINATIONS
    return call


def shift_count(terminal: str) -> Call:
    """What the close-shift count shows first (pos.day.shifts.CountStart: blind unless the
    store shows the expected cash)."""
    def call(db):
        from pos.day.shifts import start_count

        return start_count(db, terminal=terminal)
    return call


def check_count(*, terminal: str, counts: dict[int, int]) -> Call:
    """The submitted count against the expected cash (pos.day.shifts.CountCheck)."""
    def call(db):
        from pos.day.shifts import check_count as check

        return check(db, terminal=terminal, counts=counts)
    return call


def close_shift(*, terminal: str, staff_id: int, counts: dict[int, int],
                approval_id: int | None) -> Call:
    """Close with the next Z number; its Z report is queued in the same transaction, for
    the receipt printer and as a PDF (ui.ops.printing.z_report_jobs)."""
    def call(db):
        from pos.day.shifts import close_shift as close
        from pos.printjobs.print_queue import printer_config
        from ui.ops.printing import z_report_jobs

        return close(db, terminal=terminal, staff_id=staff_id, counts=counts,
                     approval_id=approval_id,
                     print_jobs=z_report_jobs(printer_config(db, terminal=terminal)))
    return call


def day_report(day) -> Call:
    def call(db):
        from pos.day.reports import day_report as report

        return report(db, day=day)
    return call


def period_report(*, start, end, terminal: str | None = None, store: str | None = None) -> Call:
    """The report of one day (start == end: with its month's commissions to date) or of
    the days start..end, for a terminal, a store, or every store (neither given)."""
    def call(db):
        from pos.day import reports

        if start == end:
            return reports.day_report(db, day=start, terminal=terminal, store=store)
        return reports.period_report(db, start=start, end=end, terminal=terminal, store=store)
    return call


def report_scopes() -> Call:
    """The stores and their tills a report may cover (pos.store.details.StoreTills)."""
    def call(db):
        from pos.store.details import stores_and_tills

        return stores_and_tills(db)
    return call


def commission_month(month: str, *, terminal: str | None = None,
                     store: str | None = None) -> Call:
    """The commission statement of a month ('2026-11')."""
    def call(db):
        from pos.day.commissions import commission_statement, month_bounds

        start, end = month_bounds(month)
        return commission_statement(db, start=start, end=end, terminal=terminal, store=store)
    return call


def save_report(report, path: str, *, kind: str, locale: str, store_name: str) -> Call:
    """Write a report (pos.day.reports.DayReport) or a commission statement as CSV or
    PDF (`kind`) to `path`; the path written. A file that cannot be written is refused
    with why (file.cannot_write)."""
    def call(_db):
        from pathlib import Path

        from pos.day.commissions import CommissionStatement, statement_csv
        from pos.day.reports import report_csv
        from pos.kernel.errors import UserError, os_reason

        statement = isinstance(report, CommissionStatement)
        if kind == "csv":
            data = statement_csv(report) if statement else report_csv(report)
        else:
            from printing.report_pdf import commission_pdf, report_pdf

            make = commission_pdf if statement else report_pdf
            data = make(report, locale=locale, store_name=store_name)
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            raise UserError("file.cannot_write", path=path, reason=os_reason(exc)) from exc
        return path
    return call


def open_drawer(*, terminal: str, staff_id: int, reason: str, approval_id: int | None) -> Call:
    """Open the cash drawer without a sale (a manager's right, audited): a drawer job on
    this terminal's receipt printer, kicked once."""
    def call(db):
        from pos.printjobs.print_queue import open_drawer as kick

        return kick(db, terminal=terminal, staff_id=staff_id, reason=reason,
                    approval_id=approval_id)
    return call


def move_cash(*, terminal: str, staff_id: int, amount: int, reason: str,
              approval_id: int | None, request_id: str) -> Call[int]:
    """Paid in (amount > 0) or paid out (< 0), sealed with its reason; the drawer is
    kicked open once for it, queued in the same transaction."""
    def call(db):
        from pos.day.shifts import move_cash as move
        from pos.kernel.enums import JobKind
        from pos.printjobs.print_queue import PrintRequest, printer_config

        uri = printer_config(db, terminal=terminal).receipt_uri
        return move(db, terminal=terminal, staff_id=staff_id, amount=amount, reason=reason,
                    approval_id=approval_id, request_id=request_id,
                    print_jobs=[PrintRequest(JobKind.DRAWER, uri, open_drawer=True)])
    return call
