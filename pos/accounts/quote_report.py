"""The quote report: the quotes issued in a period (by the day they were issued), per
staff member and in all: how many and their value, how many were sold (converted:
count, value, and the rate against those issued), how many expired unsold, are still
open, or were cancelled. A CSV of it for a spreadsheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from pos.accounts.preorder_views import store_id_of
from pos.accounts.quotes import shown_state
from pos.db.engine import Database
from pos.db.models import Quote, Staff
from pos.kernel.csvio import write_rows
from pos.kernel.errors import UserError
from pos.kernel.money import percent_string, to_decimal_string

QUOTES = Quote.__table__
CSV_HEADER = ("staff", "issued", "issued_value", "converted", "converted_value",
              "conversion_rate", "expired", "open", "cancelled")


@dataclass(frozen=True)
class QuoteFigures:
    staff_name: str  # "" for the all-staff total
    issued: int
    issued_value: int
    converted: int
    converted_value: int
    expired: int
    open: int  # open or accepted, still valid
    cancelled: int

    @property
    def rate_bp(self) -> int:
        """Converted against issued, in basis points (0 when none was issued)."""
        return self.converted * 10_000 // self.issued if self.issued else 0


@dataclass(frozen=True)
class QuoteReport:
    start: date
    end: date
    store: str | None
    people: tuple[QuoteFigures, ...]  # by name
    total: QuoteFigures


def _figures(name: str, rows: list) -> QuoteFigures:
    states = [row[0] for row in rows]
    return QuoteFigures(
        name, len(rows), sum(row[1] for row in rows), states.count("converted"),
        sum(row[1] for row in rows if row[0] == "converted"), states.count("expired"),
        sum(1 for state in states if state in ("open", "accepted")), states.count("cancelled"))


def quote_report(db: Database, *, start: date, end: date, store: str | None = None,
                 today: date | None = None) -> QuoteReport:
    """Issued in the store's days start..end (its local time: a quote made at 07:30 in
    Shanghai is that day's, not the day before's in UTC)."""
    if end < start:
        raise UserError("report.period_backwards", start=start.isoformat(), end=end.isoformat())
    today = today or date.today()
    since = datetime.combine(start, time.min).astimezone().astimezone(UTC)
    until = datetime.combine(end + timedelta(days=1), time.min).astimezone().astimezone(UTC)
    query = (select(QUOTES.c.state, QUOTES.c.valid_until, QUOTES.c.total, Staff.name)
             .join(Staff, Staff.id == QUOTES.c.staff_id)
             .where(QUOTES.c.created_at >= since, QUOTES.c.created_at < until))
    with db.read_connection() as conn:
        if store:
            query = query.where(QUOTES.c.store_id == store_id_of(conn, store))  # store.unknown
        rows = conn.execute(query).all()
    by_staff: dict[str, list] = {}
    every = []
    for state, valid_until, total, name in rows:
        row = (shown_state(state, valid_until, today), int(total))
        by_staff.setdefault(name, []).append(row)
        every.append(row)
    return QuoteReport(start, end, store,
                       tuple(_figures(name, by_staff[name]) for name in sorted(by_staff)),
                       _figures("", every))


def quote_report_csv(report: QuoteReport) -> bytes:
    """The report as CSV (UTF-8 with a BOM): a row per staff member, then the total."""
    return write_rows(CSV_HEADER, [
        (f.staff_name or "total", f.issued, to_decimal_string(f.issued_value), f.converted,
         to_decimal_string(f.converted_value), percent_string(f.rate_bp) + "%", f.expired,
         f.open, f.cancelled) for f in (*report.people, report.total)])
