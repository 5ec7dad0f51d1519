"""The card confirmation points a job records (issue 20): at pickup (a repair collected,
an installation handed over at the counter) and during installation. Each is one
card_confirmations row of the job (its unit's sale line and serial, the point, the
answer, who, when) and one `confirmation` job event that seals it (its details name the
row), in one transaction; the same point of the same job again keeps the last answer
(the row takes it, a new event seals it: pos.ledger.confirm_reconcile checks the row
against the last event naming it).

A yes on a unit sold here without a card is a card to sell: the answer says how the till
opens the add-on sale for it (pos.selling.addons.open_addon, with the job's id on the
cart)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from pos.db.engine import Database
from pos.db.models import CardConfirmation, Sale, SaleLine, ServiceCard, ServiceJob, Staff
from pos.kernel.clock import utcnow
from pos.kernel.enums import CardState, ConfirmPoint, JobEventKind, ServiceJobKind, StaffRole
from pos.kernel.enums import ServiceJobState
from pos.kernel.errors import UserError
from pos.ledger.job_events import append_event
from pos.selling.confirmations import JOB_POINTS, confirm_point

JOBS, ROWS = ServiceJob.__table__, CardConfirmation.__table__
LINES, SALES, CARDS = SaleLine.__table__, Sale.__table__, ServiceCard.__table__
WORKERS = frozenset({StaffRole.INSTALLER, StaffRole.MANAGER, StaffRole.ADMIN})
# During installation: an installation or an on-site visit; at pickup: any job but a visit.
KINDS = {ConfirmPoint.DURING_INSTALL: frozenset({ServiceJobKind.INSTALLATION,
                                                 ServiceJobKind.ON_SITE}),
         ConfirmPoint.AT_PICKUP: frozenset({ServiceJobKind.INSTALLATION,
                                            ServiceJobKind.REPAIR})}


@dataclass(frozen=True)
class AddonOpening:
    """What the till needs to sell the card the customer said yes to: an add-on sale
    against the unit (open_addon(receipt_no=..., unit_position=...)), on the job."""

    receipt_no: str
    unit_position: int
    job_id: int
    job_no: str


@dataclass(frozen=True)
class JobConfirmation:
    id: int  # the card_confirmations row
    job_no: str
    point: ConfirmPoint
    accepted: bool
    staff_id: int
    at: datetime
    unit_line_id: int | None
    serial: str | None
    has_card: bool  # the unit already carries an active card
    addon: AddonOpening | None  # a yes on a unit sold here without a card


def confirm_on_job(db: Database, *, job_no: str, accepted: bool, staff_id: int,
                   point=ConfirmPoint.DURING_INSTALL,
                   now: datetime | None = None) -> JobConfirmation:
    """Record the card confirmation at `point` (at_pickup or during_install) on the job,
    with the customer's answer. Refused (nothing written): another point
    (confirm.bad_point), an unknown job (job.unknown), a cancelled one (job.closed),
    during installation by someone who does not work jobs (job.not_allowed)."""
    point = confirm_point(point, JOB_POINTS)
    if type(accepted) is not bool:
        raise UserError("confirm.bad_point", point=point.value)
    at = now or utcnow()
    with db.write_connection() as conn:
        job = conn.execute(select(JOBS).where(JOBS.c.job_no == str(job_no)[:24])
                           .with_for_update()).first()
        if job is None:
            raise UserError("job.unknown", job=str(job_no)[:40])
        if job.state is ServiceJobState.CANCELLED or job.state == "cancelled":
            raise UserError("job.closed", job=job.job_no)
        if ServiceJobKind(job.kind) not in KINDS[point]:
            raise UserError("confirm.bad_point", point=point.value)
        role = conn.execute(select(Staff.role).where(Staff.id == staff_id,
                                                     Staff.active.is_(True))).scalar()
        if role is None:
            raise UserError("job.staff_unknown", staff=staff_id)
        if point is ConfirmPoint.DURING_INSTALL and StaffRole(role) not in WORKERS:
            raise UserError("job.not_allowed")
        values = {"unit_line_id": job.unit_line_id, "serial": job.serial, "point": point.value,
                  "accepted": accepted, "staff_id": staff_id, "at": at}
        row_id = conn.execute(select(ROWS.c.id).where(
            ROWS.c.job_id == job.id, ROWS.c.point == point.value)).scalar()
        if row_id is None:
            row_id = conn.execute(ROWS.insert().values(job_id=job.id, sale_id=None, **values)
                                  .returning(ROWS.c.id)).scalar_one()
        else:  # the last answer stands; the new event seals it
            conn.execute(update(CardConfirmation).where(CardConfirmation.id == row_id)
                         .values(**values))
        append_event(conn, job_id=job.id, job_no=job.job_no, kind=JobEventKind.CONFIRMATION,
                     staff_id=staff_id, at=at, details={
                         "confirmation": row_id, "point": point.value, "accepted": accepted,
                         "unit_line": job.unit_line_id, "serial": job.serial})
        has_card, addon = _card_and_addon(conn, job)
    return JobConfirmation(row_id, job.job_no, point, accepted, staff_id, at, job.unit_line_id,
                           job.serial, has_card, addon if accepted and not has_card else None)


def _card_and_addon(conn, job) -> tuple[bool, AddonOpening | None]:
    """Whether the job's unit carries an active card, and (a unit sold here) how to open
    the add-on sale that would sell it one."""
    if job.unit_line_id is None:
        return job.card_id is not None, None
    has_card = conn.execute(select(CARDS.c.id).where(
        CARDS.c.main_line_id == job.unit_line_id, CARDS.c.state == CardState.ACTIVE)
        .limit(1)).first() is not None or job.card_id is not None
    unit = conn.execute(select(SALES.c.receipt_no, LINES.c.position)
                        .join(SALES, SALES.c.id == LINES.c.sale_id)
                        .where(LINES.c.id == job.unit_line_id)).first()
    addon = (AddonOpening(unit.receipt_no, unit.position, job.id, job.job_no)
             if unit is not None else None)
    return has_card, addon
