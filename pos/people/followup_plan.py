"""The week's follow-up plan (issue 19): who is to be called or visited, by whom, on
which day. `plan_week` plans, idempotently (a contact planned for a day is planned once,
by the partial unique indexes on followups (customer_id | lead_id, reason, due_on)):

- leads due that week (their next contact date), a call by the lead's owner;
- prospects to revisit: a lead whose last contact was a visit is visited again
  `followup_cadence.prospect_revisit_days` (7) after it, with none since;
- owned business customers, `followup_cadence.business_visits_per_month` (2) visits a
  month, on days spread evenly through the month (the 1st and the 16th for two);
- recent buyers, as the weekly list does (pos.people.followups.recent_buyers): those who
  bought in the week before, without a call still open, a call on the Monday.

Contacts go to the lead's or customer's owner, or else to whoever plans the week."""

from __future__ import annotations

import json
import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import and_, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import aliased

from pos.db.engine import Database
from pos.db.models import Customer, FollowUp, Lead, Sale, Setting, Staff
from pos.kernel.clock import utcnow
from pos.kernel.enums import CallOutcome, ContactKind, CustomerKind, LeadState
from pos.kernel.errors import UserError
from pos.people.leads import KEEPERS

LIVE_LEADS = (LeadState.OPEN.value, LeadState.QUOTED.value)
REASONS = ("lead", "prospect_revisit", "business_visit", "recent_purchase")
# The defaults of pos.store.account_setting (pos.people sits beside pos.store, so it
# reads the stored value itself, as pos.people.staff reads pin_min_digits).
CADENCE_DEFAULT = {"prospect_revisit_days": 7, "business_visits_per_month": 2}
VISITS_TARGET_DEFAULT = 6
_WEEK = re.compile(r"^(\d{4})-?[Ww](\d{1,2})$")


def setting(conn, key: str, default):
    text = conn.execute(select(Setting.value_json).where(Setting.key == key)).scalar()
    return default if text is None else json.loads(text)


def parse_week(text) -> date:
    """The Monday of an ISO week written 2026-W49, or a Monday's date (2026-11-30)."""
    if isinstance(text, datetime):
        text = text.date()
    if isinstance(text, date):
        if text.weekday() == 0:
            return text
        raise UserError("followup.bad_week", week=text.isoformat())
    raw = str(text or "").strip()
    try:
        found = _WEEK.match(raw)
        monday = (date.fromisocalendar(int(found[1]), int(found[2]), 1) if found
                  else date.fromisoformat(raw))
    except (TypeError, ValueError):
        raise UserError("followup.bad_week", week=raw[:40]) from None
    if monday.weekday() != 0:
        raise UserError("followup.bad_week", week=raw[:40])
    return monday


def week_name(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def local_bounds(first: date, days: int = 7) -> tuple[datetime, datetime]:
    """The UTC instants the local days `first`.. `first + days` start and end at."""
    start = datetime.combine(first, time.min).astimezone().astimezone(timezone.utc)
    end = datetime.combine(first + timedelta(days=days), time.min).astimezone()
    return start, end.astimezone(timezone.utc)


def local_day(at: datetime) -> date:
    return at.astimezone().date()


@dataclass(frozen=True)
class WeekPlan:
    week_start: date
    planned: int  # new contacts planned now
    already: int  # found planned before (planning twice plans once)
    by_reason: dict  # reason -> contacts planned for the week in all


@dataclass(frozen=True)
class PlannedContact:
    id: int
    due_on: date | None
    kind: str  # ContactKind value
    reason: str
    customer_id: int | None
    lead_id: int | None
    name: str  # the customer's or the lead's contact name
    company: str | None
    phone: str | None
    assigned_to: int
    assigned_name: str
    outcome: str  # CallOutcome value
    notes: str
    called_at: datetime | None


def business_slots(first: date, last: date, per_month: int) -> list[date]:
    """The days from `first` to `last` on which an owned business customer is due: the
    month split into `per_month` equal parts, each starting a visit."""
    days, month = [], date(first.year, first.month, 1)
    while month <= last and per_month > 0:
        length = monthrange(month.year, month.month)[1]
        for k in range(per_month):
            day = month + timedelta(days=(k * length) // per_month)
            if first <= day <= last:
                days.append(day)
        month = (month + timedelta(days=length))
    return sorted(set(days))


def plan_week(db: Database, *, week_start, staff_id: int) -> WeekPlan:
    monday = parse_week(week_start)
    sunday = monday + timedelta(days=6)
    with db.write_connection() as conn:
        role = conn.execute(select(Staff.role).where(Staff.id == staff_id,
                                                     Staff.active.is_(True))).scalar()
        if role is None:
            raise UserError("permission.log_in_first")
        if role not in KEEPERS:
            raise UserError("lead.not_allowed")
        cadence = {**CADENCE_DEFAULT, **setting(conn, "followup_cadence", CADENCE_DEFAULT)}
        wanted = (_leads_due(conn, monday, sunday)
                  + _revisits(conn, monday, sunday, cadence["prospect_revisit_days"])
                  + _business(conn, monday, sunday, cadence["business_visits_per_month"])
                  + _buyers(conn, monday))
        table = FollowUp.__table__
        insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        planned = set(conn.execute(select(table.c.customer_id, table.c.lead_id, table.c.reason,
                                          table.c.due_on)
                                   .where(table.c.due_on.between(monday, sunday))).all())
        new = already = 0
        now = utcnow()
        for customer_id, lead_id, reason, due_on, kind, owner, sale_id in wanted:
            if (customer_id, lead_id, reason, due_on) in planned:
                already += 1
                continue
            planned.add((customer_id, lead_id, reason, due_on))
            # ON CONFLICT DO NOTHING: a planner at another till who got there first wins
            # (the partial unique indexes), and this one plans it once too
            added = conn.execute(insert(table).values(
                customer_id=customer_id, lead_id=lead_id, reason=reason, due_on=due_on,
                kind=kind.value, assigned_to=owner or staff_id, planned_by=staff_id,
                sale_id=sale_id, outcome=CallOutcome.NOT_CALLED.value, notes="",
                created_at=now).on_conflict_do_nothing().returning(table.c.id)).scalar()
            new += added is not None
            already += added is None
        by_reason = dict(conn.execute(select(table.c.reason, func.count())
                                      .where(table.c.due_on.between(monday, sunday))
                                      .group_by(table.c.reason)).all())
    return WeekPlan(monday, new, already, {r: int(n) for r, n in by_reason.items()})


def _leads_due(conn, monday: date, sunday: date) -> list[tuple]:
    rows = conn.execute(select(Lead.id, Lead.next_contact_on, Lead.owner_id).where(
        Lead.state.in_(LIVE_LEADS), Lead.next_contact_on.between(monday, sunday))
        .order_by(Lead.next_contact_on, Lead.id)).all()
    return [(None, lead, "lead", due, ContactKind.CALL, owner, None) for lead, due, owner in rows]


def _revisits(conn, monday: date, sunday: date, after_days: int) -> list[tuple]:
    """Live leads whose latest recorded contact is a visit, due `after_days` later (on the
    Monday when that day has passed), unless a revisit is still open."""
    done = FollowUp.outcome != CallOutcome.NOT_CALLED.value
    latest = (select(FollowUp.lead_id, func.max(FollowUp.called_at).label("at"))
              .where(FollowUp.lead_id.is_not(None), FollowUp.called_at.is_not(None), done)
              .group_by(FollowUp.lead_id).subquery())
    revisit = aliased(FollowUp)
    still_open = (select(revisit.id).where(
        revisit.lead_id == Lead.id, revisit.reason == "prospect_revisit",
        revisit.outcome == CallOutcome.NOT_CALLED.value).correlate(Lead).exists())
    rows = conn.execute(
        select(Lead.id, Lead.owner_id, FollowUp.assigned_to, FollowUp.called_at)
        .join(latest, latest.c.lead_id == Lead.id)
        .join(FollowUp, and_(FollowUp.lead_id == Lead.id, FollowUp.called_at == latest.c.at))
        .where(Lead.state.in_(LIVE_LEADS), FollowUp.kind == ContactKind.VISIT.value, done,
               ~still_open).order_by(Lead.id)).all()
    wanted = {}
    for lead, owner, visitor, at in rows:
        due = max(local_day(at) + timedelta(days=after_days), monday)
        if due <= sunday:
            wanted[lead] = (None, lead, "prospect_revisit", due, ContactKind.VISIT,
                            owner or visitor, None)
    return list(wanted.values())


def _business(conn, monday: date, sunday: date, per_month: int) -> list[tuple]:
    days = business_slots(monday, sunday, per_month)
    if not days:
        return []
    rows = conn.execute(select(Customer.id, Customer.owner_id).where(
        Customer.kind == CustomerKind.BUSINESS.value, Customer.owner_id.is_not(None))
        .order_by(Customer.id)).all()
    return [(customer, None, "business_visit", day, ContactKind.VISIT, owner, None)
            for day in days for customer, owner in rows]


def _buyers(conn, monday: date) -> list[tuple]:
    """Who bought in the seven days before the week, without a call still open."""
    open_call = (select(FollowUp.id).where(
        FollowUp.customer_id == Customer.id, FollowUp.reason == "recent_purchase",
        FollowUp.outcome == CallOutcome.NOT_CALLED.value).exists())
    rows = conn.execute(
        select(Customer.id, Customer.owner_id, func.max(Sale.id))
        .join(Sale, Sale.customer_id == Customer.id)
        .where(Sale.business_date.between(monday - timedelta(days=7), monday - timedelta(days=1)),
               ~open_call)
        .group_by(Customer.id, Customer.owner_id).order_by(Customer.id)).all()
    return [(customer, None, "recent_purchase", monday, ContactKind.CALL, owner, sale)
            for customer, owner, sale in rows]


def week_plan(db: Database, *, week_start, staff: int | None = None) -> list[PlannedContact]:
    """The contacts planned for the week (and those recorded in it without a plan), by
    day, with whom and what came of them."""
    monday = parse_week(week_start)
    start, end = local_bounds(monday)
    table = FollowUp.__table__
    in_week = table.c.due_on.between(monday, monday + timedelta(days=6)) | (
        table.c.due_on.is_(None) & (table.c.called_at >= start) & (table.c.called_at < end))
    query = (select(table, Staff.name.label("staff_name"), Customer.name.label("c_name"),
                    Customer.company.label("c_company"), Customer.phone.label("c_phone"),
                    Lead.contact_name, Lead.company.label("l_company"),
                    Lead.phone.label("l_phone"), Lead.wechat)
             .join(Staff, Staff.id == table.c.assigned_to)
             .outerjoin(Customer, Customer.id == table.c.customer_id)
             .outerjoin(Lead, Lead.id == table.c.lead_id).where(in_week)
             .order_by(table.c.due_on, Staff.name, table.c.id))
    if staff is not None:
        query = query.where(table.c.assigned_to == staff)
    with db.read_connection() as conn:
        rows = conn.execute(query).all()
    return [PlannedContact(
        r.id, r.due_on, ContactKind(r.kind).value, r.reason, r.customer_id, r.lead_id,
        r.c_name if r.customer_id else r.contact_name,
        r.c_company if r.customer_id else r.l_company,
        r.c_phone if r.customer_id else (r.l_phone or r.wechat), r.assigned_to, r.staff_name,
        CallOutcome(r.outcome).value, r.notes, r.called_at) for r in rows]
