"""`journal verify` for service jobs (issue 20): every job event row is the one sealed
(its audit event `job_event` is checked against the journal by the audit check; here,
that each row is linked to its own event and equals what it sealed, and that no sealed
event's row is missing), and each job row equals what its events say (a job row is a
cache of its events, as a staff row is of its staff_record).

How the events make the row (`fold`), in event order:
- the `registered` event (the first, only one) seals the job as registered: its fixed
  fields (kind, store, customer, unit, need, area, promise...) and the starting values
  of those that change; its time is `registered_at`, its staff `created_by`;
- any event's `to` state is the job's state; the time of the last move to arrived is
  `arrived_at`, to done or collected `done_at`, to cancelled `cancelled_at`;
- `assigned`: details {"technician": staff id or null};
- `appointment`: details {"start": time, "end": time};
- `state` or `note` events with "diagnosis" / "estimate" in their details set those;
- any event with "job_card_id" in its details links the job to that card.

One ordered scan of jobs joined to their events and sealed rows (a server-side cursor on
PostgreSQL): memory holds one job at a time. A sale made on a job (sales.job_id, which
the sale's own seal leaves out) must be named by a sealed `sold` event of that job
(details {"receipt": ...}, pos.selling.job_link), and each such event's sale linked to it."""

from __future__ import annotations

import json
from itertools import groupby

from sqlalchemy import func, select

from pos.db.models import AuditEvent, JobEvent, Sale, ServiceJob
from pos.kernel.enums import JobEventKind, ServiceJobState
from pos.ledger.chain import sealed_time
from pos.ledger.job_events import JOB_EVENT, event_values

JOBS, EVENTS, AUDIT = ServiceJob.__table__, JobEvent.__table__, AuditEvent.__table__
_BATCH = 2000
# Columns of a job that its registered event fixes for good.
FIXED = ("kind", "store_id", "customer_id", "sale_id", "unit_line_id", "product_id", "serial",
         "unit_name", "not_sold_here", "need", "priority", "area", "address", "contact_phone",
         "due_at", "fault", "accessories", "condition")
# Columns the events change after registration (their starting values are sealed too).
CHANGING = ("technician_id", "appointment_start", "appointment_end", "estimate", "diagnosis",
            "card_id")
DONE_STATES = (ServiceJobState.DONE.value, ServiceJobState.COLLECTED.value)


def _value(value):
    if value is None or isinstance(value, (bool, int, str)):
        return getattr(value, "value", value)
    if hasattr(value, "isoformat") and hasattr(value, "hour"):
        return sealed_time(value)
    return getattr(value, "value", str(value))


def registered_values(values: dict) -> dict:
    """What a job's registered event seals of it: `values` holds the job row's columns
    (FIXED and CHANGING); times as sealed, enums as their values."""
    return {name: _value(values.get(name)) for name in FIXED + CHANGING}


def _row_values(job) -> dict:
    return {name: _value(getattr(job, name)) for name in FIXED + CHANGING}


class _Job:
    """The fold of one job's events."""

    def __init__(self, job):
        self.job = job
        self.registered = None  # the registered details
        self.registered_at = self.created_by = None
        self.state = None
        self.values: dict = {}
        self.arrived_at = self.done_at = self.cancelled_at = None
        self.events = 0
        self.problem: str | None = None

    def add(self, event, details: dict) -> None:
        kind = event.kind.value if hasattr(event.kind, "value") else event.kind
        at = sealed_time(event.at)
        if self.events == 0:
            if kind != JobEventKind.REGISTERED.value:
                self.problem = "its first event is not its registration"
                return
            self.registered = details
            self.registered_at, self.created_by = at, event.staff_id
            self.values = {name: details.get(name) for name in CHANGING}
        elif kind == JobEventKind.REGISTERED.value:
            self.problem = "it was registered twice"
            return
        self.events += 1
        to = event.to_state.value if event.to_state is not None else None
        if to is not None:
            self.state = to
            if to == ServiceJobState.ARRIVED.value:
                self.arrived_at = at
            elif to in DONE_STATES:
                self.done_at = at
            elif to == ServiceJobState.CANCELLED.value:
                self.cancelled_at = at
        if kind == JobEventKind.ASSIGNED.value:
            self.values["technician_id"] = details.get("technician")
        elif kind == JobEventKind.APPOINTMENT.value:
            self.values["appointment_start"] = details.get("start")
            self.values["appointment_end"] = details.get("end")
        if kind in (JobEventKind.STATE.value, JobEventKind.NOTE.value):
            for name in ("diagnosis", "estimate"):
                if name in details:
                    self.values[name] = details[name]
        if "job_card_id" in details:
            self.values["card_id"] = details["job_card_id"]

    def check(self) -> str | None:
        job = self.job
        if self.problem:
            return self.problem
        if self.events == 0:
            return "it has no sealed events"
        row = _row_values(job)
        fixed = {name: row[name] for name in FIXED}
        if fixed != {name: self.registered.get(name) for name in FIXED}:
            changed = next(name for name in FIXED if fixed[name] != self.registered.get(name))
            return f"its {changed} is not as registered"
        if sealed_time(job.registered_at) != self.registered_at \
                or job.created_by != self.created_by:
            return "its registration time or staff is not as sealed"
        state = job.state.value if job.state is not None else None
        if state != self.state:
            return f"it is {state} although its events make it {self.state}"
        for name in CHANGING:
            if row[name] != self.values.get(name):
                return f"its {name} is not what its events say"
        for name, sealed in (("arrived_at", self.arrived_at), ("done_at", self.done_at),
                             ("cancelled_at", self.cancelled_at)):
            value = getattr(job, name)
            if (sealed_time(value) if value is not None else None) != sealed:
                return f"its {name} is not what its events say"
        return None


def _event_problem(job, event, sealed) -> str | None:
    """A job event row against the audit event it is linked to."""
    if event.event_id is None or sealed.id is None:
        return f"its event #{event.id} is not sealed"
    try:
        details = json.loads(event.details_json)
    except ValueError:
        return f"its event #{event.id} was altered"
    if not isinstance(details, dict):
        return f"its event #{event.id} was altered"
    try:
        expected = event_values(job_no=job.job_no, kind=event.kind, from_state=event.from_state,
                                to_state=event.to_state, details=details, at=event.at)
        held = json.loads(sealed.details_json)
    except ValueError:
        return f"its event #{event.id} was altered"
    if (sealed.action, sealed.ref, sealed.staff_id) != (
            JOB_EVENT, f"{job.job_no}#{event.id}", event.staff_id) or held != expected:
        return f"its event #{event.id} is not as it was sealed"
    return None


def problems(conn) -> str | None:
    """The first job, or job event, that differs from what was sealed; None when all agree."""
    sealed_events = conn.execute(select(func.count()).select_from(AUDIT).where(
        AUDIT.c.action == JOB_EVENT)).scalar_one()
    rows = conn.execute(select(func.count()).select_from(EVENTS)).scalar_one()
    if rows != sealed_events:
        missing = conn.execute(select(AUDIT.c.ref).outerjoin(
            EVENTS, EVENTS.c.event_id == AUDIT.c.id).where(
            AUDIT.c.action == JOB_EVENT, EVENTS.c.id.is_(None)).order_by(AUDIT.c.id)
            .limit(1)).scalar()
        if missing is not None:
            job_no, _, number = missing.partition("#")
            return f"job {job_no}: its sealed event #{number} was deleted"
        return "a job event is not in the journal: one was added outside the till"
    orphan = conn.execute(select(EVENTS.c.id).outerjoin(JOBS, JOBS.c.id == EVENTS.c.job_id)
                          .where(JOBS.c.id.is_(None)).limit(1)).scalar()
    if orphan is not None:
        return f"job event #{orphan} belongs to no job"
    sealed = AUDIT.alias("sealed")
    query = (select(JOBS, EVENTS.c.id.label("ev_id"), EVENTS.c.at.label("ev_at"),
                    EVENTS.c.staff_id.label("ev_staff"), EVENTS.c.kind.label("ev_kind"),
                    EVENTS.c.from_state.label("ev_from"), EVENTS.c.to_state.label("ev_to"),
                    EVENTS.c.details_json.label("ev_details"),
                    EVENTS.c.event_id.label("ev_event"), sealed.c.id.label("au_id"),
                    sealed.c.action.label("au_action"), sealed.c.ref.label("au_ref"),
                    sealed.c.staff_id.label("au_staff"),
                    sealed.c.details_json.label("au_details"))
             .select_from(JOBS.outerjoin(EVENTS, EVENTS.c.job_id == JOBS.c.id)
                          .outerjoin(sealed, sealed.c.id == EVENTS.c.event_id))
             .order_by(JOBS.c.id, EVENTS.c.id))
    current = None
    for row in conn.execute(query.execution_options(yield_per=_BATCH)):
        if current is None or current.job.id != row.id:
            if current is not None:
                problem = current.check()
                if problem:
                    return f"job {current.job.job_no}: {problem}"
            current = _Job(row)
        if row.ev_id is None:
            continue
        event = _Event(row)
        problem = _event_problem(row, event, _Sealed(row))
        if problem:
            return f"job {row.job_no}: {problem}"
        current.add(event, json.loads(event.details_json))
        if current.problem:
            return f"job {row.job_no}: {current.problem}"
    if current is not None:
        problem = current.check()
        if problem:
            return f"job {current.job.job_no}: {problem}"
    return _sales_linked(conn)


def _groups(rows):
    """(job id, sorted receipts) per job, from rows ordered by job id."""
    for job_id, group in groupby(rows, key=lambda pair: pair[0]):
        yield job_id, sorted(receipt for _, receipt in group)


def _sold_receipts(conn):
    for job_id, details in conn.execute(
            select(EVENTS.c.job_id, EVENTS.c.details_json)
            .where(EVENTS.c.kind == JobEventKind.SOLD.value)
            .order_by(EVENTS.c.job_id, EVENTS.c.id).execution_options(yield_per=_BATCH)):
        try:
            receipt = json.loads(details).get("receipt")
        except (ValueError, AttributeError):
            receipt = None
        yield job_id, str(receipt)


def _sales_linked(conn) -> str | None:
    """A sale made on a job (sales.job_id, not in the sale's own seal) is linked exactly
    when the job has a sealed `sold` event naming its receipt: both ways, by an ordered
    merge of the two (memory: one job's receipts)."""
    sales = Sale.__table__
    linked = _groups(conn.execute(
        select(sales.c.job_id, sales.c.receipt_no).where(sales.c.job_id.is_not(None))
        .order_by(sales.c.job_id, sales.c.receipt_no).execution_options(yield_per=_BATCH)))
    sealed = _groups(_sold_receipts(conn))
    left, right = next(linked, None), next(sealed, None)
    while left is not None or right is not None:
        if right is None or (left is not None and left[0] < right[0]):
            job, receipts, missing = left[0], left[1], True
        elif left is None or right[0] < left[0]:
            job, receipts, missing = right[0], right[1], False
        elif left[1] != right[1]:
            extra = sorted(set(left[1]) - set(right[1]))
            job, receipts, missing = left[0], extra or sorted(set(right[1]) - set(left[1])), \
                bool(extra)
        else:
            left, right = next(linked, None), next(sealed, None)
            continue
        name = conn.execute(select(JOBS.c.job_no).where(JOBS.c.id == job)).scalar() \
            or f"#{job}"
        if missing:
            return (f"job {name}: sale {receipts[0]} is linked to it without a sealed sold "
                    "event")
        return f"job {name}: its sold event names sale {receipts[0]}, not linked to it"
    return None


class _Event:
    def __init__(self, row):
        self.id, self.at, self.staff_id = row.ev_id, row.ev_at, row.ev_staff
        self.kind, self.from_state, self.to_state = row.ev_kind, row.ev_from, row.ev_to
        self.details_json, self.event_id = row.ev_details, row.ev_event


class _Sealed:
    def __init__(self, row):
        self.id, self.action, self.ref = row.au_id, row.au_action, row.au_ref
        self.staff_id, self.details_json = row.au_staff, row.au_details
