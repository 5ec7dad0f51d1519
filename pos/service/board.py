"""The jobs board: a store's (or a technician's) open jobs, sorted by the time left to
their promise (the most late first), then by appointment, with late ones flagged; and a
job's detail with its events (who, when, what).

The board is one query on the indexes made for it: (store_id, state, due_at) for a
store, (technician_id, state, appointment_start) for a technician; only open states are
read, so the board stays fast however many jobs were closed before."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, or_, select

from pos.db.engine import Database
from pos.db.models import Customer, ServiceJob, Staff, Store
from pos.kernel.clock import utcnow
from pos.kernel.enums import ServiceJobState
from pos.kernel.errors import UserError
from pos.accounts.accounts import store_for
from pos.service.jobs import load_view, technician_id
from pos.service.records import CLOSED_STATES, JobRow, JobView

JOBS = ServiceJob.__table__
OPEN_STATES = tuple(state.value for state in ServiceJobState if state not in CLOSED_STATES)
_FAR = datetime.max.replace(tzinfo=None)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """A calendar day of the store's clock (the machine's local time), as aware times."""
    start = datetime.combine(day, time()).astimezone()
    return start, datetime.combine(day + timedelta(days=1), time()).astimezone()


def store_id_of(conn, store) -> int:
    if isinstance(store, int) and not isinstance(store, bool):
        found = conn.execute(select(Store.id).where(Store.id == store)).scalar()
    else:
        found = conn.execute(select(Store.id).where(
            Store.code == str(store).strip().upper())).scalar()
    if found is None:
        raise UserError("store.unknown", store=str(store)[:20])
    return found


def board_query(*, store_id: int | None, technician: int | None, day: date | None,
                include_overdue: bool, now: datetime):
    # The customer and the technician by their keys, row by row (a join would let
    # PostgreSQL hash the whole customer table for a board of a few hundred jobs).
    customer = lambda column: select(column).where(  # noqa: E731
        Customer.id == JOBS.c.customer_id).scalar_subquery()
    query = (select(JOBS.c.id, JOBS.c.job_no, JOBS.c.kind, JOBS.c.state, JOBS.c.priority,
                    customer(Customer.name).label("name"),
                    customer(Customer.phone).label("phone"), JOBS.c.unit_name, JOBS.c.serial,
                    JOBS.c.area, JOBS.c.address, JOBS.c.need, JOBS.c.technician_id,
                    select(Staff.name).where(Staff.id == JOBS.c.technician_id)
                    .scalar_subquery().label("technician_name"), JOBS.c.appointment_start,
                    JOBS.c.appointment_end, JOBS.c.registered_at, JOBS.c.due_at,
                    JOBS.c.arrived_at)
             .where(JOBS.c.state.in_(OPEN_STATES)))
    if technician is not None:
        query = query.where(JOBS.c.technician_id == technician)
    if store_id is not None:
        query = query.where(JOBS.c.store_id == store_id)
    if day is not None:
        start, end = day_bounds(day)
        on_day = or_(JOBS.c.appointment_start.between(start, end - timedelta(microseconds=1)),
                     and_(JOBS.c.appointment_start.is_(None),
                          JOBS.c.due_at.between(start, end - timedelta(microseconds=1))),
                     and_(JOBS.c.appointment_start.is_(None), JOBS.c.due_at.is_(None),
                          JOBS.c.registered_at.between(start,
                                                       end - timedelta(microseconds=1))))
        if include_overdue:
            on_day = or_(on_day, and_(JOBS.c.due_at < now, JOBS.c.arrived_at.is_(None)),
                         JOBS.c.appointment_end < now)
        query = query.where(on_day)
    return query


def jobs_board(db: Database, *, store=None, technician=None, day: date | None = None,
               include_overdue: bool = True, now: datetime | None = None,
               terminal: str | None = None) -> list[JobRow]:
    """The open jobs of a store (code or id; or the store of the till `terminal`) or of
    a technician (staff id, `#id` or name), all of them, or those of `day` (by appointment, else promise, else
    registration) and, with `include_overdue`, those past their promise or appointment.
    Sorted by time left to the promise, the most late first; jobs without a promise
    next by appointment, then by registration."""
    now = now or utcnow()
    with db.read() as session:
        conn = session.connection()
        if store is None and terminal:
            store = store_for(conn, terminal)
        store_id = store_id_of(conn, store) if store is not None else None
        tech = technician_id(conn, technician) if technician not in (None, "") else None
        rows = conn.execute(board_query(store_id=store_id, technician=tech, day=day,
                                        include_overdue=include_overdue, now=now)).all()
    found = []
    for row in rows:
        left = late = None
        if row.due_at is not None:
            late = (row.arrived_at or now) > row.due_at
            if row.arrived_at is None:
                left = int((row.due_at - now).total_seconds() // 60)
        found.append(JobRow(row.job_no, row.kind, row.state, row.priority, row.name, row.phone,
                            row.unit_name, row.serial, row.area, row.address, row.need,
                            row.technician_id, row.technician_name, row.appointment_start,
                            row.appointment_end, row.registered_at, row.due_at, left,
                            bool(late)))
    return sorted(found, key=_order)


def _order(row: JobRow):
    naive = lambda moment: moment.astimezone().replace(tzinfo=None)  # noqa: E731
    if row.due_at is not None and row.minutes_left is not None:
        return (0, naive(row.due_at), row.priority, row.job_no)
    if row.appointment_start is not None:
        return (1, naive(row.appointment_start), row.priority, row.job_no)
    return (2, naive(row.registered_at), row.priority, row.job_no)


def job_view(db: Database, *, job_no: str) -> JobView:
    """A job with its events, oldest first (UserError job.unknown)."""
    with db.read() as session:
        return load_view(session.connection(), job_no)
