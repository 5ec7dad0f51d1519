"""The manager's follow-up report, per person and week (issue 19): planned contacts and
how many were done, the calls and visits recorded, visits per day against the store's
`visits_per_day_target` (6) and the days below it, and the sales that followed.

A sale is credited to the latest recorded contact with its customer before it (a lead's
contacts count for the customer the lead is linked to), when it came within
SALE_WINDOW_DAYS of that contact; each sale is so credited once, to one person. Its
value is the sale's (or add-on's) total less the refunds and voids made of it. The
latest contact is picked by a window function, the same SQL on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from pos.db.engine import Database
from pos.db.models import FollowUp, Lead, Sale, Staff
from pos.kernel.csvio import write_rows
from pos.kernel.enums import CallOutcome, ContactKind, DocumentKind, StaffRole
from pos.kernel.money import to_decimal_string
from pos.people.followup_plan import (
    VISITS_TARGET_DEFAULT, local_bounds, local_day, parse_week, setting,
)

SALE_WINDOW_DAYS = 30


@dataclass(frozen=True)
class PersonWeek:
    staff_id: int
    name: str
    role: str  # StaffRole value
    week_start: date
    planned: int  # contacts planned for the week
    done: int  # of those, recorded
    calls: int  # calls recorded in the week (planned or not)
    visits: int
    visits_by_day: tuple[int, ...]  # Monday .. Sunday
    target: int | None  # visits a day (customer managers)
    days_below: tuple[date, ...]  # working days (weekdays, or any day with a contact) so far
    sales: int  # minor units, net of refunds and voids of those sales
    sales_count: int  # sales and add-ons credited

    @property
    def done_share(self) -> float:
        return self.done / self.planned if self.planned else 0.0


def followup_report(db: Database, *, week_start, staff: int | None = None,
                    today: date | None = None) -> list[PersonWeek]:
    monday = parse_week(week_start)
    sunday = monday + timedelta(days=6)
    start, end = local_bounds(monday)
    today = today or date.today()
    done = FollowUp.outcome != CallOutcome.NOT_CALLED.value
    mine = (lambda q: q.where(FollowUp.assigned_to == staff)) if staff is not None else (
        lambda q: q)
    with db.read_connection() as conn:
        target = setting(conn, "visits_per_day_target", VISITS_TARGET_DEFAULT)
        planned = conn.execute(mine(
            select(FollowUp.assigned_to, func.count(), func.count(FollowUp.called_at))
            .where(FollowUp.due_on.between(monday, sunday))
            .group_by(FollowUp.assigned_to))).all()
        contacts = conn.execute(mine(
            select(FollowUp.assigned_to, FollowUp.kind, FollowUp.called_at)
            .where(FollowUp.called_at >= start, FollowUp.called_at < end, done))).all()
        credited = _credited_sales(conn, start, end, staff)
        people = {s.id: s for s in conn.execute(select(Staff.id, Staff.name, Staff.role))}
    tally = defaultdict(lambda: {"planned": 0, "done": 0, "calls": 0, "visits": [0] * 7,
                                 "worked": set(), "sales": 0, "count": 0})
    for person, count, recorded in planned:
        tally[person]["planned"] += int(count)
        tally[person]["done"] += int(recorded)
    for person, kind, at in contacts:
        day = local_day(at)
        tally[person]["worked"].add(day)
        if ContactKind(kind) is ContactKind.VISIT:
            tally[person]["visits"][(day - monday).days] += 1
        else:
            tally[person]["calls"] += 1
    for person, net in credited:
        tally[person]["sales"] += net
        tally[person]["count"] += 1
    report = []
    for person, t in tally.items():
        who = people[person]
        role = StaffRole(who.role)
        aim = target if role is StaffRole.CUSTOMER_MANAGER else None
        below = () if aim is None else tuple(
            day for i, day in enumerate(monday + timedelta(days=n) for n in range(7))
            if day <= today and (day.weekday() < 5 or day in t["worked"])
            and t["visits"][i] < aim)
        report.append(PersonWeek(person, who.name, role.value, monday, t["planned"], t["done"],
                                 t["calls"], sum(t["visits"]), tuple(t["visits"]), aim, below,
                                 t["sales"], t["count"]))
    return sorted(report, key=lambda p: p.name)


def _credited_sales(conn, start, end, staff: int | None) -> list[tuple[int, int]]:
    """(person, net) for each sale or add-on credited to a contact recorded in [start,
    end): the latest contact with its customer before it, at most 30 days before."""
    whom = func.coalesce(FollowUp.customer_id, Lead.customer_id)
    contact = (select(FollowUp.id, FollowUp.assigned_to, FollowUp.called_at,
                      whom.label("customer_id"))
               .outerjoin(Lead, Lead.id == FollowUp.lead_id)
               .where(FollowUp.called_at >= start, FollowUp.outcome != CallOutcome.NOT_CALLED.value,
                      whom.is_not(None))
               .subquery())
    rank = func.row_number().over(partition_by=Sale.id,
                                  order_by=(contact.c.called_at.desc(), contact.c.id.desc()))
    latest = (select(Sale.id.label("sale_id"), Sale.total, Sale.completed_at,
                     Sale.business_date,
                     contact.c.assigned_to, contact.c.called_at, rank.label("rank"))
              .join(contact, contact.c.customer_id == Sale.customer_id)
              .where(Sale.kind.in_([DocumentKind.SALE.value, DocumentKind.ADDON.value]),
                     Sale.completed_at >= start,
                     Sale.completed_at < end + timedelta(days=SALE_WINDOW_DAYS),
                     contact.c.called_at <= Sale.completed_at)
              .subquery())
    rows = conn.execute(select(latest.c.sale_id, latest.c.total, latest.c.completed_at,
                               latest.c.business_date, latest.c.assigned_to, latest.c.called_at)
                        .where(latest.c.rank == 1, latest.c.called_at < end)).all()
    window = timedelta(days=SALE_WINDOW_DAYS)
    # a sale entered later for an earlier business day (dated back) did not follow a
    # contact made after that day
    kept = {sale: (person, int(total)) for sale, total, sold, day, person, called in rows
            if sold - called <= window and day >= local_day(called)
            and (staff is None or person == staff)}
    if kept:
        ids = list(kept)
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            for original, taken in conn.execute(
                    select(Sale.original_sale_id, func.sum(Sale.total))
                    .where(Sale.original_sale_id.in_(chunk),
                           Sale.kind.in_([DocumentKind.REFUND.value, DocumentKind.VOID.value]))
                    .group_by(Sale.original_sale_id)):
                person, net = kept[original]
                kept[original] = (person, net + int(taken))  # refunds are negative
    return list(kept.values())


REPORT_HEADER = ("week", "staff", "role", "planned", "done", "calls", "visits", "mon", "tue",
                 "wed", "thu", "fri", "sat", "sun", "target", "days_below", "sales_count",
                 "sales")


def report_csv(rows: list[PersonWeek]) -> bytes:
    """The report as CSV (UTF-8 with BOM, so Excel shows Chinese)."""
    from pos.people.followup_plan import week_name

    return write_rows(REPORT_HEADER, [
        (week_name(p.week_start), p.name, p.role, p.planned, p.done, p.calls, p.visits,
         *p.visits_by_day, "" if p.target is None else p.target,
         " ".join(d.isoformat() for d in p.days_below), p.sales_count,
         to_decimal_string(p.sales)) for p in rows])
