"""A job's states and the changes the people who work it make: move (a transition of the
table below), diagnose (a repair), assign (a technician), schedule (an appointment). Each
is one transaction that updates the job row and appends its sealed event
(pos.ledger.job_events); each is refused (UserError, nothing written) when not allowed.

Installations and on-site visits: registered -> scheduled -> on the way -> arrived ->
done; a visit may start without an appointment (registered -> on the way) and a set-up
at the counter is arrived from registered; any open state -> cancelled. Done only after
arrived, so every visit has its arrival time, which the promise is judged by.
Repairs: received -> diagnosed -> waiting for parts -> ready -> collected (diagnosed ->
ready without parts); received or diagnosed -> cancelled. A repair never diagnosed is
never ready nor collected (job.not_diagnosed).

Who may: installers (the technicians), managers and admins (job.not_allowed)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update

from pos.db.engine import Database
from pos.db.models import ServiceJob
from pos.kernel.clock import utcnow
from pos.kernel.enums import JobEventKind, ServiceJobKind, ServiceJobState as S
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text
from pos.ledger.chain import sealed_time
from pos.ledger.job_events import append_event
from pos.service.jobs import (
    ESTIMATE_MOST, check_appointment, check_worker, job_state, load_view, open_job,
    technician_id,
)
from pos.service.records import JobView

NOTE_MAX = 300
DIAGNOSIS_MAX = 500
VISIT = {S.REGISTERED: {S.SCHEDULED, S.ON_THE_WAY, S.ARRIVED, S.CANCELLED},
         S.SCHEDULED: {S.ON_THE_WAY, S.ARRIVED, S.CANCELLED},
         S.ON_THE_WAY: {S.ARRIVED, S.CANCELLED},
         S.ARRIVED: {S.DONE, S.CANCELLED}}
REPAIR = {S.RECEIVED: {S.DIAGNOSED, S.CANCELLED},
          S.DIAGNOSED: {S.WAITING_PARTS, S.READY, S.CANCELLED},
          S.WAITING_PARTS: {S.READY},
          S.READY: {S.COLLECTED}}
TRANSITIONS = {ServiceJobKind.INSTALLATION: VISIT, ServiceJobKind.ON_SITE: VISIT,
               ServiceJobKind.REPAIR: REPAIR}
JOBS = ServiceJob.__table__


def allowed_moves(kind: ServiceJobKind, state: S) -> frozenset[S]:
    """The states a job of this kind may move to from this one (for the screens)."""
    return frozenset(TRANSITIONS[kind].get(state, ()))


# Each state and the message id of its name, said in refusals.
STATE_NAMES = {S.REGISTERED: "job.state.registered", S.SCHEDULED: "job.state.scheduled",
               S.ON_THE_WAY: "job.state.on_the_way", S.ARRIVED: "job.state.arrived",
               S.DONE: "job.state.done", S.CANCELLED: "job.state.cancelled",
               S.RECEIVED: "job.state.received", S.DIAGNOSED: "job.state.diagnosed",
               S.WAITING_PARTS: "job.state.waiting_parts", S.READY: "job.state.ready",
               S.COLLECTED: "job.state.collected"}


def _bad(state: S, to: S) -> UserError:
    return UserError("job.bad_transition", **{"from": STATE_NAMES[state], "to": STATE_NAMES[to]})


def _when(job, at: datetime | None, now: datetime) -> datetime:
    if at is None:
        return now
    if at.tzinfo is None or at > now + timedelta(minutes=1) or at < job.registered_at:
        raise UserError("job.bad_time", when=at, job=job.job_no)
    return at


def move(db: Database, *, job_no: str, to, staff_id: int, note: str = "",
         at: datetime | None = None) -> JobView:
    """Move a job to state `to` (recorded `at` a time, by default now: an arrival noted
    after the fact keeps its own time, never in the future nor before registration).
    Moving a repair to diagnosed needs the diagnosis as the note (or use `diagnose`)."""
    to = job_state(to)
    note = clean_text(note, max_length=NOTE_MAX, field="field.job_note")
    with db.write_connection() as conn:
        check_worker(conn, staff_id)
        job = open_job(conn, job_no)
        if job.kind is ServiceJobKind.REPAIR and job.state is S.RECEIVED and to in (
                S.WAITING_PARTS, S.READY, S.COLLECTED):
            raise UserError("job.not_diagnosed", job=job.job_no)
        if to not in allowed_moves(job.kind, job.state):
            raise _bad(job.state, to)
        if to is S.DIAGNOSED:
            if not note:
                raise UserError("job.needs_diagnosis")
            return _diagnose(conn, job, note, None, staff_id)
        if to is S.SCHEDULED and job.appointment_start is None:
            raise UserError("job.needs_appointment", job=job.job_no)
        when = _when(job, at, utcnow())
        values = {"state": to.value}
        if to is S.ARRIVED:
            values["arrived_at"] = when
        elif to in (S.DONE, S.COLLECTED):
            values["done_at"] = when
        elif to is S.CANCELLED:
            values["cancelled_at"] = when
        conn.execute(update(ServiceJob).where(ServiceJob.id == job.id).values(**values))
        append_event(conn, job_id=job.id, job_no=job.job_no, kind=JobEventKind.STATE,
                     staff_id=staff_id, from_state=job.state, to_state=to,
                     details={"note": note} if note else {}, at=when)
        return load_view(conn, job.job_no)


def diagnose(db: Database, *, job_no: str, diagnosis: str, staff_id: int,
             estimate: int | None = None) -> JobView:
    """Record a repair's diagnosis (and its estimate, minor units): a repair received
    becomes diagnosed; one already diagnosed keeps its state and gets the new finding."""
    diagnosis = clean_text(diagnosis, max_length=DIAGNOSIS_MAX, field="field.diagnosis",
                           single_line=False)
    if estimate is not None and (isinstance(estimate, bool) or not isinstance(estimate, int)
                                 or estimate < 0 or estimate > ESTIMATE_MOST):
        raise UserError("job.estimate_negative")
    with db.write_connection() as conn:
        check_worker(conn, staff_id)
        job = open_job(conn, job_no)
        if job.kind is not ServiceJobKind.REPAIR:
            raise UserError("job.not_a_repair", job=job.job_no)
        if not diagnosis:
            raise UserError("job.needs_diagnosis")
        return _diagnose(conn, job, diagnosis, estimate, staff_id)


def _diagnose(conn, job, diagnosis: str, estimate: int | None, staff_id: int) -> JobView:
    details = {"diagnosis": diagnosis}
    values = {"diagnosis": diagnosis}
    if estimate is not None:
        details["estimate"] = values["estimate"] = estimate
    if job.state is S.RECEIVED:
        values["state"] = S.DIAGNOSED.value
        kind, to = JobEventKind.STATE, S.DIAGNOSED
    elif job.state in (S.DIAGNOSED, S.WAITING_PARTS, S.READY):
        kind, to = JobEventKind.NOTE, None
    else:
        raise _bad(job.state, S.DIAGNOSED)
    conn.execute(update(ServiceJob).where(ServiceJob.id == job.id).values(**values))
    append_event(conn, job_id=job.id, job_no=job.job_no, kind=kind, staff_id=staff_id,
                 from_state=job.state if to else None, to_state=to, details=details)
    return load_view(conn, job.job_no)


def assign(db: Database, *, job_no: str, technician, staff_id: int) -> JobView:
    """Give the job to a technician (staff id, `#id` or name; None: to nobody)."""
    with db.write_connection() as conn:
        check_worker(conn, staff_id)
        job = open_job(conn, job_no)
        tech = technician_id(conn, technician)
        conn.execute(update(ServiceJob).where(ServiceJob.id == job.id)
                     .values(technician_id=tech))
        append_event(conn, job_id=job.id, job_no=job.job_no, kind=JobEventKind.ASSIGNED,
                     staff_id=staff_id, details={"technician": tech})
        return load_view(conn, job.job_no)


def schedule(db: Database, *, job_no: str, start: datetime, end: datetime,
             staff_id: int) -> JobView:
    """Agree a visit's appointment (a time window, not in the past): a registered job
    becomes scheduled; a scheduled one is moved to the new window."""
    with db.write_connection() as conn:
        check_worker(conn, staff_id)
        job = open_job(conn, job_no)
        if job.state not in (S.REGISTERED, S.SCHEDULED) or job.kind is ServiceJobKind.REPAIR:
            raise _bad(job.state, S.SCHEDULED)
        start, end = check_appointment((start, end), utcnow())
        to = S.SCHEDULED if job.state is S.REGISTERED else None
        values = {"appointment_start": start, "appointment_end": end}
        if to is not None:
            values["state"] = to.value
        conn.execute(update(ServiceJob).where(ServiceJob.id == job.id).values(**values))
        append_event(conn, job_id=job.id, job_no=job.job_no, kind=JobEventKind.APPOINTMENT,
                     staff_id=staff_id, from_state=job.state if to else None, to_state=to,
                     details={"start": sealed_time(start), "end": sealed_time(end)})
        return load_view(conn, job.job_no)
