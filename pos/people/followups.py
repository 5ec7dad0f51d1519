"""Customer value-add: a customer's history (sales, units, cards and when they end; for
the till, `customer_record` adds their follow-up calls, newest first and bounded),
the weekly list of recent buyers for follow-up calls (consumers or businesses), calls
assigned to salespeople with their outcome (`record_contact`: a visit needs notes), and
cards ending soon for renewal calls. The week's plan: followup_plan; the report: followup_report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from pos.db.engine import Database
from pos.db.models import Customer, FollowUp, Lead, Sale, SaleLine, ServiceCard, ServiceTier, Staff
from pos.kernel.clock import utcnow
from pos.kernel.csvio import write_rows
from pos.kernel.enums import (
    CallOutcome, CardState, ContactKind, CustomerKind, DocumentKind, LineKind,
)
from pos.kernel.errors import UserError
from pos.kernel.money import to_decimal_string
from pos.kernel.text import clean_text

# How far back a follow-up list and ahead a renewal list may look: ten years covers every
# card a store sells and keeps every date a real one (date.max is the year 9999).
MAX_DAYS = 3_660
MAX_NOTES = 2_000


def _check_days(days: int) -> None:
    if days < 1:
        raise UserError("followup.days")
    if days > MAX_DAYS:
        raise UserError("followup.days_range", max=MAX_DAYS)


@dataclass(frozen=True)
class UnitRecord:
    receipt_no: str
    sold_on: date
    name: str
    serial: str | None


@dataclass(frozen=True)
class CardSummary:
    card_no: str
    tier_name: str
    unit_serial: str | None
    end_date: date | None  # None: lifetime
    state: str


@dataclass(frozen=True)
class CustomerHistory:
    name: str
    phone: str
    kind: str
    company: str | None
    sales: tuple[tuple[str, str, date, int], ...]  # receipt, kind, date, total
    units: tuple[UnitRecord, ...]
    cards: tuple[CardSummary, ...]


def customer_history(db: Database, *, phone: str) -> CustomerHistory:
    from pos.people.customers import normalise_phone

    with db.read() as session:
        customer = session.scalar(select(Customer).where(Customer.phone == normalise_phone(phone)))
        if customer is None:
            raise UserError("customer.unknown_phone", phone=phone)
        sales = session.execute(select(Sale.receipt_no, Sale.kind, Sale.business_date, Sale.total)
                                .where(Sale.customer_id == customer.id)
                                .order_by(Sale.id)).all()
        units = session.execute(
            select(Sale.receipt_no, Sale.business_date, SaleLine.name, SaleLine.serial)
            .join(SaleLine, SaleLine.sale_id == Sale.id)
            .where(Sale.customer_id == customer.id, Sale.kind == DocumentKind.SALE,
                   SaleLine.kind == LineKind.MAIN_UNIT).order_by(Sale.id)).all()
        cards = session.execute(
            select(ServiceCard.card_no, ServiceTier.name, ServiceCard.unit_serial,
                   ServiceCard.end_date, ServiceCard.state)
            .join(ServiceTier, ServiceTier.id == ServiceCard.tier_id)
            .where(ServiceCard.customer_id == customer.id).order_by(ServiceCard.card_no)).all()
        return CustomerHistory(
            customer.name, customer.phone, customer.kind.value, customer.company,
            tuple((r, k.value, d, t) for r, k, d, t in sales),
            tuple(UnitRecord(*row) for row in units),
            tuple(CardSummary(no, tier, serial, end, state.value)
                  for no, tier, serial, end, state in cards))


# What the till's customer history shows of each kind of record: the newest this many,
# with how many there are in all (a regular's years of sales stay one quick read).
HISTORY_ROWS = 50
HISTORY_ROWS_MAX = 500


@dataclass(frozen=True)
class SaleEntry:
    receipt_no: str
    kind: str  # DocumentKind value: sale, addon, refund, void
    business_date: date
    total: int  # minor units; a refund's or void's is negative


@dataclass(frozen=True)
class UnitEntry:
    receipt_no: str
    sold_on: date
    name: str
    serial: str | None
    returned: bool  # taken back (refund or void) since


@dataclass(frozen=True)
class CardEntry:
    card_no: str
    tier_name: str
    unit_name: str
    unit_serial: str | None
    start_date: date
    end_date: date | None  # None: lifetime
    state: str  # CardState value


@dataclass(frozen=True)
class CallEntry:
    created_at: datetime
    called_at: datetime | None
    staff_name: str
    reason: str
    outcome: str  # CallOutcome value
    notes: str


@dataclass(frozen=True)
class CustomerRecord:
    """A customer as the till shows them on F4: who they are, and the newest `limit`
    of their sales, units bought, service cards and follow-up calls, newest first, each
    with how many there are in all (`*_count`); `spent` is every sale's total net of
    refunds and voids."""

    id: int
    name: str
    phone: str
    kind: str
    company: str | None
    since: datetime
    spent: int
    sales: tuple[SaleEntry, ...]
    sales_count: int
    units: tuple[UnitEntry, ...]
    units_count: int
    cards: tuple[CardEntry, ...]
    cards_count: int
    calls: tuple[CallEntry, ...]
    calls_count: int


def customer_record(db: Database, *, phone: str | None = None, customer_id: int | None = None,
                    limit: int = HISTORY_ROWS) -> CustomerRecord | None:
    """The customer with this phone (or id) and their history, read in one transaction;
    None when no customer has the phone. Reads only: nothing is written."""
    from pos.people.customers import normalise_phone

    if (phone is None) == (customer_id is None):
        raise ValueError("customer_record takes a phone or a customer id")
    limit = max(1, min(int(limit), HISTORY_ROWS_MAX))
    with db.read() as session:
        if customer_id is not None:
            customer = session.get(Customer, customer_id)
            if customer is None:
                raise UserError("customer.gone")
        else:
            customer = session.scalar(select(Customer).where(
                Customer.phone == normalise_phone(phone)))
            if customer is None:
                return None
        mine = Sale.customer_id == customer.id
        sales_count, spent = session.execute(
            select(func.count(Sale.id), func.coalesce(func.sum(Sale.total), 0)).where(mine)).one()
        sales = session.execute(
            select(Sale.receipt_no, Sale.kind, Sale.business_date, Sale.total).where(mine)
            .order_by(Sale.id.desc()).limit(limit)).all()

        correction = aliased(SaleLine)
        taken_back = (select(correction.id).where(correction.original_line_id == SaleLine.id)
                      .exists())
        bought = (mine, Sale.kind == DocumentKind.SALE, SaleLine.kind == LineKind.MAIN_UNIT,
                  SaleLine.quantity > 0)
        units_count = session.scalar(select(func.count(SaleLine.id))
                                     .join(Sale, Sale.id == SaleLine.sale_id).where(*bought))
        units = session.execute(
            select(Sale.receipt_no, Sale.business_date, SaleLine.name, SaleLine.serial,
                   taken_back)
            .join(Sale, Sale.id == SaleLine.sale_id).where(*bought)
            .order_by(Sale.id.desc(), SaleLine.position).limit(limit)).all()

        held = ServiceCard.customer_id == customer.id
        cards_count = session.scalar(select(func.count(ServiceCard.id)).where(held))
        cards = session.execute(
            select(ServiceCard.card_no, ServiceTier.name, SaleLine.name, ServiceCard.unit_serial,
                   ServiceCard.start_date, ServiceCard.end_date, ServiceCard.state)
            .join(ServiceTier, ServiceTier.id == ServiceCard.tier_id)
            .join(SaleLine, SaleLine.id == ServiceCard.main_line_id)
            .where(held).order_by(ServiceCard.id.desc()).limit(limit)).all()

        called = FollowUp.customer_id == customer.id
        calls_count = session.scalar(select(func.count(FollowUp.id)).where(called))
        calls = session.execute(
            select(FollowUp.created_at, FollowUp.called_at, Staff.name, FollowUp.reason,
                   FollowUp.outcome, FollowUp.notes)
            .join(Staff, Staff.id == FollowUp.assigned_to)
            .where(called).order_by(FollowUp.id.desc()).limit(limit)).all()

        # int(): PostgreSQL sums BIGINT as NUMERIC; money stays an int
        return CustomerRecord(
            customer.id, customer.name, customer.phone, customer.kind.value, customer.company,
            customer.created_at, int(spent),
            tuple(SaleEntry(receipt, kind.value, day, total)
                  for receipt, kind, day, total in sales), sales_count,
            tuple(UnitEntry(receipt, day, name, serial, bool(returned))
                  for receipt, day, name, serial, returned in units), units_count,
            tuple(CardEntry(no, tier, unit, serial, start, end, state.value)
                  for no, tier, unit, serial, start, end, state in cards), cards_count,
            tuple(CallEntry(created, done, who, reason, outcome.value, notes)
                  for created, done, who, reason, outcome, notes in calls), calls_count)


@dataclass(frozen=True)
class Buyer:
    customer_id: int
    name: str
    phone: str
    kind: str
    company: str | None
    last_receipt: str
    last_date: date
    spent: int
    assigned_to: str | None
    outcome: str | None


def recent_buyers(db: Database, *, days: int = 7, kind: str | None = None,
                  today: date | None = None) -> list[Buyer]:
    """Customers who bought in the last `days` days, newest first, with any open call."""
    _check_days(days)
    if kind not in (None, "consumer", "business"):
        raise UserError("followup.kind")
    since = (today or date.today()) - timedelta(days=days - 1)
    with db.read() as session:
        query = (
            select(Customer, func.max(Sale.receipt_no), func.max(Sale.business_date),
                   func.sum(Sale.total))
            .join(Sale, Sale.customer_id == Customer.id)
            .where(Sale.business_date >= since)
            .group_by(Customer.id)
            .order_by(func.max(Sale.business_date).desc(), Customer.name))
        if kind:
            query = query.where(Customer.kind == CustomerKind(kind))
        rows = session.execute(query).all()
        open_calls = {
            customer_id: (name, outcome)
            for customer_id, name, outcome in session.execute(
                select(FollowUp.customer_id, Staff.name, FollowUp.outcome)
                .join(Staff, Staff.id == FollowUp.assigned_to)
                .where(FollowUp.created_at >= datetime.combine(since, datetime.min.time()))
                .order_by(FollowUp.id))}
        # int(): PostgreSQL sums BIGINT as NUMERIC; money stays an int
        return [Buyer(c.id, c.name, c.phone, c.kind.value, c.company, receipt, last, int(spent),
                      open_calls.get(c.id, (None, None))[0],
                      open_calls[c.id][1].value if c.id in open_calls else None)
                for c, receipt, last, spent in rows]


FOLLOWUP_HEADER = ("name", "phone", "kind", "company", "last_receipt", "last_date", "spent",
                   "assigned_to", "outcome")


def export_followups(db: Database, *, days: int = 7, kind: str | None = None,
                     today: date | None = None) -> bytes:
    """The weekly follow-up list as CSV (UTF-8 with BOM, so Excel shows Chinese)."""
    return write_rows(FOLLOWUP_HEADER, [
        (b.name, b.phone, b.kind, b.company or "", b.last_receipt, b.last_date.isoformat(),
         to_decimal_string(b.spent), b.assigned_to or "", b.outcome or "")
        for b in recent_buyers(db, days=days, kind=kind, today=today)])


def assign_calls(db: Database, *, customer_ids: list[int], staff_id: int,
                 reason: str = "recent_purchase") -> int:
    """Give these customers' follow-up calls to a salesperson; returns how many were new
    (a customer with an open call keeps it)."""
    with db.unit_of_work() as session:
        if session.get(Staff, staff_id) is None:
            raise UserError("staff.no_such")
        already = set(session.scalars(select(FollowUp.customer_id).where(
            FollowUp.customer_id.in_(customer_ids), FollowUp.outcome == CallOutcome.NOT_CALLED)))
        created = 0
        for customer_id in customer_ids:
            if customer_id in already:
                continue
            if session.get(Customer, customer_id) is None:
                raise UserError("customer.no_such")
            last_sale = session.scalar(select(Sale.id).where(Sale.customer_id == customer_id)
                                       .order_by(Sale.id.desc()).limit(1))
            session.add(FollowUp(customer_id=customer_id, sale_id=last_sale, reason=reason,
                                 assigned_to=staff_id, outcome=CallOutcome.NOT_CALLED, notes=""))
            created += 1
        return created


@dataclass(frozen=True)
class CallInfo:
    id: int
    customer_name: str
    phone: str
    reason: str
    outcome: str
    notes: str


def my_calls(db: Database, *, staff_id: int, open_only: bool = True) -> list[CallInfo]:
    with db.read() as session:
        query = (select(FollowUp, Customer, Lead)  # a lead's calls and visits are theirs too
                 .outerjoin(Customer, Customer.id == FollowUp.customer_id)
                 .outerjoin(Lead, Lead.id == FollowUp.lead_id)
                 .where(FollowUp.assigned_to == staff_id).order_by(FollowUp.id))
        if open_only:
            query = query.where(FollowUp.outcome == CallOutcome.NOT_CALLED)
        return [CallInfo(f.id, c.name, c.phone, f.reason, f.outcome.value, f.notes) if c else
                CallInfo(f.id, x.contact_name, x.phone or x.wechat or "", f.reason,
                         f.outcome.value, f.notes) for f, c, x in session.execute(query)]


def _outcome(outcome: str) -> CallOutcome:
    try:
        result = CallOutcome(outcome)
    except ValueError:
        allowed = [o.value for o in CallOutcome if o is not CallOutcome.NOT_CALLED]
        raise UserError("followup.bad_outcome", outcome=outcome, allowed=allowed) from None
    if result is CallOutcome.NOT_CALLED:
        raise UserError("followup.say_how")
    return result


def record_call(db: Database, *, followup_id: int, staff_id: int, outcome: str,
                notes: str = "") -> None:
    record_contact(db, followup_id=followup_id, staff_id=staff_id, kind="call", outcome=outcome,
                   notes=notes)


def record_contact(db: Database, *, followup_id: int, staff_id: int, kind: str, outcome: str,
                   notes: str = "") -> None:
    """How a planned (or assigned) call or visit went, by the person it is assigned to; a
    visit needs notes (what was seen and said), which the manager's report checks."""
    if kind not in ("call", "visit"):
        raise UserError("followup.bad_contact_kind", kind=str(kind)[:40])
    result = _outcome(outcome)
    notes = clean_text(notes, max_length=MAX_NOTES, field="field.notes", single_line=False)
    if kind == "visit" and not notes:
        raise UserError("followup.visit_needs_notes")
    with db.unit_of_work() as session:
        call = session.get(FollowUp, followup_id)
        if call is None:
            raise UserError("followup.unknown")
        if call.assigned_to != staff_id:
            raise UserError("followup.not_yours")
        call.outcome, call.notes, call.called_at = result, notes, utcnow()
        call.kind = ContactKind(kind)


@dataclass(frozen=True)
class Renewal:
    card_no: str
    tier_name: str
    end_date: date
    customer_name: str
    phone: str
    unit_serial: str | None


def cards_ending(db: Database, *, within_days: int = 30, today: date | None = None) -> list[Renewal]:
    """Active cards whose term ends within the next `within_days` days: renewal calls."""
    _check_days(within_days)
    start = today or date.today()
    with db.read() as session:
        rows = session.execute(
            select(ServiceCard, ServiceTier.name, Customer)
            .join(ServiceTier, ServiceTier.id == ServiceCard.tier_id)
            .join(Customer, Customer.id == ServiceCard.customer_id)
            .where(ServiceCard.state == CardState.ACTIVE, ServiceCard.end_date.is_not(None),
                   ServiceCard.end_date >= start,
                   ServiceCard.end_date <= start + timedelta(days=within_days))
            .order_by(ServiceCard.end_date)).all()
        return [Renewal(card.card_no, tier, card.end_date, customer.name, customer.phone,
                        card.unit_serial) for card, tier, customer in rows]
