"""The card confirmation report (issue 20, "confirm the service card five times"): the
units sold in a period (by the sale's business day) that left without a card, each with
the confirmation points that happened for it (at the till: before and after the sale was
agreed, at payment; on its jobs: at pickup, during installation) against the store's
required number (setting card_confirmations_required): "card confirmed 3 of 5 times";
and whether a card was sold for it later (an add-on). Per salesperson (the unit line's
seller, else the sale's) and per technician (the technician of a job on the unit, else
who recorded its point). A unit sold with its card counts as confirmed: it is counted,
not listed. A CSV of the units for a spreadsheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select

from pos.db.engine import Database
from pos.db.models import (
    CardConfirmation, Sale, SaleLine, ServiceCard, ServiceJob, Staff, Store, Terminal,
)
from pos.kernel.csvio import write_rows
from pos.kernel.enums import CardState, ConfirmPoint, DocumentKind, LineKind
from pos.kernel.errors import UserError
from pos.kernel.messages import Message, msg
from pos.selling.confirmations import JOB_POINTS
from pos.store.settings import get_setting

LINES, SALES, CARDS = SaleLine.__table__, Sale.__table__, ServiceCard.__table__
ROWS, JOBS, STAFF = CardConfirmation.__table__, ServiceJob.__table__, Staff.__table__
CSV_HEADER = ("receipt", "sold_on", "unit", "serial", "salesperson", "technicians",
              "before_agree", "after_agree", "at_payment", "at_pickup", "during_install",
              "confirmed", "required", "later_card")
POINTS = tuple(ConfirmPoint)


@dataclass(frozen=True)
class UnitConfirmations:
    """A unit that left without a card, and the points that happened for it."""

    unit_line_id: int
    receipt_no: str
    sold_on: date
    unit_name: str
    serial: str | None
    seller_id: int
    seller_name: str
    answers: dict[ConfirmPoint, bool]  # the points that happened -> the (last) answer
    technicians: tuple[str, ...]
    required: int
    later_card: str | None  # a card sold for it later (an add-on)

    @property
    def count(self) -> int:
        return len(self.answers)

    @property
    def short(self) -> bool:
        return self.count < self.required

    def summary(self) -> Message:
        """"card confirmed 3 of 5 times"."""
        return msg("confirm.summary", count=self.count, required=self.required)


@dataclass(frozen=True)
class PersonConfirmations:
    staff_id: int
    name: str
    units: int  # units of theirs that left without a card
    short: int  # of those, confirmed fewer times than required
    points: int  # the points that happened for those units (theirs, for a technician)
    later_cards: int  # of those, a card sold later
    with_card: int = 0  # units they sold with a card (confirmed; a salesperson's)


@dataclass(frozen=True)
class ConfirmationReport:
    start: date
    end: date
    store: str | None
    required: int
    with_card: int  # units sold with their card in the period
    units: tuple[UnitConfirmations, ...]  # by receipt
    salespeople: tuple[PersonConfirmations, ...]  # by name
    technicians: tuple[PersonConfirmations, ...]  # by name


def confirmation_report(db: Database, *, start: date, end: date,
                        store: str | None = None) -> ConfirmationReport:
    if end < start:
        raise UserError("job.bad_period")
    seller = func.coalesce(LINES.c.seller_id, SALES.c.staff_id)
    carded = select(CARDS.c.id).where(CARDS.c.main_line_id == LINES.c.id,
                                      CARDS.c.sale_id == SALES.c.id).exists()
    units = (select(LINES.c.id, SALES.c.receipt_no, SALES.c.business_date, LINES.c.name,
                    LINES.c.serial, seller.label("seller_id"), carded.label("carded"))
             .join(SALES, SALES.c.id == LINES.c.sale_id)
             .where(SALES.c.kind == DocumentKind.SALE, LINES.c.kind == LineKind.MAIN_UNIT,
                    LINES.c.quantity > 0, LINES.c.original_line_id.is_(None),
                    SALES.c.business_date >= start, SALES.c.business_date <= end))
    if store:
        units = units.join(Terminal, Terminal.id == SALES.c.terminal_id).join(
            Store, Store.id == Terminal.store_id).where(Store.code == store)
    with db.read_connection() as conn:
        required = get_setting(conn, "card_confirmations_required")
        names = dict(conn.execute(select(STAFF.c.id, STAFF.c.name)).all())
        found = conn.execute(units.order_by(SALES.c.receipt_no, LINES.c.position)).all()
        bare = [u for u in found if not u.carded]
        ids = [u.id for u in bare]
        points: dict[int, list] = {}
        jobs: dict[int, set[int]] = {}
        later: dict[int, str] = {}
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            for row in conn.execute(
                    select(ROWS.c.unit_line_id, ROWS.c.point, ROWS.c.accepted, ROWS.c.staff_id,
                           JOBS.c.technician_id)
                    .outerjoin(JOBS, JOBS.c.id == ROWS.c.job_id)
                    .where(ROWS.c.unit_line_id.in_(chunk)).order_by(ROWS.c.at, ROWS.c.id)):
                points.setdefault(row.unit_line_id, []).append(row)
            for line_id, technician in conn.execute(
                    select(JOBS.c.unit_line_id, JOBS.c.technician_id).where(
                        JOBS.c.unit_line_id.in_(chunk), JOBS.c.technician_id.is_not(None))):
                jobs.setdefault(line_id, set()).add(technician)
            for line_id, card_no in conn.execute(
                    select(CARDS.c.main_line_id, CARDS.c.card_no).where(and_(
                        CARDS.c.main_line_id.in_(chunk), CARDS.c.state == CardState.ACTIVE))):
                later[line_id] = card_no
    listed, technician_points = [], {}
    for u in bare:
        answers = {}
        technicians = set(jobs.get(u.id, ()))
        for row in points.get(u.id, ()):
            point = ConfirmPoint(row.point)
            answers[point] = bool(row.accepted)  # the last answer for a point stands
            if point in JOB_POINTS:
                who = row.technician_id or row.staff_id
                technicians.add(who)
                technician_points.setdefault((u.id, who), set()).add(point)
        listed.append((UnitConfirmations(
            u.id, u.receipt_no, u.business_date, u.name, u.serial, u.seller_id,
            names.get(u.seller_id, ""), answers,
            tuple(sorted(names.get(t, "") for t in technicians)), required,
            later.get(u.id)), technicians))
    return ConfirmationReport(
        start, end, store, required, sum(1 for u in found if u.carded),
        tuple(unit for unit, _ in listed),
        _people(listed, names, found, lambda unit, _t: (unit.seller_id,),
                lambda unit, _who: unit.count, salespeople=True),
        _people(listed, names, found, lambda _unit, technicians: technicians,
                lambda unit, who: len(technician_points.get((unit.unit_line_id, who), ()))))


def _people(listed, names, found, whose, counted, salespeople=False):
    figures: dict[int, list[int]] = {}
    for unit, technicians in listed:
        for who in whose(unit, technicians):
            f = figures.setdefault(who, [0, 0, 0, 0, 0])
            f[0] += 1
            f[1] += unit.short
            f[2] += counted(unit, who)
            f[3] += unit.later_card is not None
    if salespeople:
        for u in found:
            if u.carded:
                figures.setdefault(u.seller_id, [0, 0, 0, 0, 0])[4] += 1
    return tuple(sorted((PersonConfirmations(who, names.get(who, ""), *f)
                         for who, f in figures.items()), key=lambda p: (p.name, p.staff_id)))


def confirmation_report_csv(report: ConfirmationReport) -> bytes:
    """A row per unit that left without a card: each point yes/no/blank."""
    def said(unit, point):
        answer = unit.answers.get(point)
        return "" if answer is None else "yes" if answer else "no"

    return write_rows(CSV_HEADER, [
        (u.receipt_no, u.sold_on.isoformat(), u.unit_name, u.serial or "", u.seller_name,
         "; ".join(u.technicians), *(said(u, point) for point in POINTS), u.count, u.required,
         u.later_card or "") for u in report.units])
