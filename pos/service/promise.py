"""The service promise kept (city 2 hours, county 6: setting service_promise), per
technician and area over a period: of the jobs with a promise registered in it (not
cancelled), how many the technician reached on time (arrived by the due time), how many
late (arrived after it, or not arrived and past it), the promise kept in basis points,
and the average minutes from registration to arrival.

One ordered scan of the period's jobs with a promise; what is kept is a total per
technician and area."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import ServiceJob, Staff
from pos.kernel.clock import utcnow
from pos.kernel.enums import ServiceJobState
from pos.kernel.errors import UserError
from pos.service.board import day_bounds, store_id_of
from pos.service.records import PromiseRow

JOBS = ServiceJob.__table__


def _bounds(start, end) -> tuple[datetime, datetime]:
    low = day_bounds(start)[0] if isinstance(start, date) and not isinstance(
        start, datetime) else start
    high = day_bounds(end)[1] if isinstance(end, date) and not isinstance(
        end, datetime) else end
    if high <= low:
        raise UserError("job.bad_period")
    return low, high


def promise_report(db: Database, *, start: date | datetime, end: date | datetime,
                   store=None, now: datetime | None = None) -> list[PromiseRow]:
    """Jobs registered from `start` to `end` (days: both included), per technician and
    area, sorted by technician name then area."""
    low, high = _bounds(start, end)
    now = now or utcnow()
    totals: dict[tuple, list] = {}
    with db.read() as session:
        conn = session.connection()
        query = (select(JOBS.c.technician_id, Staff.name, JOBS.c.area, JOBS.c.registered_at,
                        JOBS.c.due_at, JOBS.c.arrived_at)
                 .outerjoin(Staff, Staff.id == JOBS.c.technician_id)
                 .where(JOBS.c.registered_at >= low, JOBS.c.registered_at < high,
                        JOBS.c.due_at.is_not(None),
                        JOBS.c.state != ServiceJobState.CANCELLED.value))
        if store is not None:
            query = query.where(JOBS.c.store_id == store_id_of(conn, store))
        for tech, name, area, registered, due, arrived in conn.execute(
                query.execution_options(yield_per=2000)):
            total = totals.setdefault((tech, name, area), [0, 0, 0, 0, 0])
            total[0] += 1
            if arrived is not None:
                total[1] += 1
                total[4] += int((arrived - registered).total_seconds() // 60)
                total[2 if arrived <= due else 3] += 1
            elif due < now:
                total[3] += 1
    rows = []
    for (tech, name, area), (jobs, arrived, on_time, late, minutes) in totals.items():
        judged = on_time + late
        rows.append(PromiseRow(tech, name, area, jobs, arrived, on_time, late,
                               (on_time * 10000 + judged // 2) // judged if judged else None,
                               (minutes + arrived // 2) // arrived if arrived else None))
    return sorted(rows, key=lambda r: (r.technician_name is None, r.technician_name or "",
                                       r.area))
