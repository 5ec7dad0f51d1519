"""A job's events (issue 20): every change to a job (registered, a state, a technician,
an appointment, a call, a sale, a claim, a card confirmation, a note) is one row of
job_events, never edited, sealed in the journal as an audit event `job_event` whose
details are the event's values, inside the change's own transaction. The job row is a
cache of its events; `journal verify` checks it against them. In the ledger, so a sale
made on a job seals its event in the sale's own transaction."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import update

from pos.db.models import JobEvent
from pos.kernel.clock import utcnow
from pos.kernel.enums import JobEventKind, ServiceJobState
from pos.ledger import audit
from pos.ledger.chain import sealed_time

JOB_EVENT = "job_event"
EVENTS = JobEvent.__table__


def event_values(*, job_no: str, kind: JobEventKind, from_state: ServiceJobState | None,
                 to_state: ServiceJobState | None, details: dict, at: datetime) -> dict:
    """What is sealed of a job event (its time too: an arrival's time is the promise)."""
    return {"job": job_no, "at": sealed_time(at), "kind": getattr(kind, "value", kind),
            "from": getattr(from_state, "value", from_state),
            "to": getattr(to_state, "value", to_state), "details": details}


def append_event(conn, *, job_id: int, job_no: str, kind: JobEventKind, staff_id: int | None,
                 from_state: ServiceJobState | None = None,
                 to_state: ServiceJobState | None = None, details: dict | None = None,
                 at: datetime | None = None) -> int:
    """Append one event to the job and seal it, inside the caller's transaction (which
    also updates the job row to match). `details`: JSON values only (ids, codes, text,
    ISO times, minor units). Returns the event's id."""
    details = details or {}
    at = at or utcnow()
    event_id = conn.execute(EVENTS.insert().values(
        job_id=job_id, at=at, staff_id=staff_id, kind=getattr(kind, "value", kind),
        from_state=getattr(from_state, "value", from_state),
        to_state=getattr(to_state, "value", to_state),
        details_json=json.dumps(details, sort_keys=True, ensure_ascii=False),
    ).returning(EVENTS.c.id)).scalar_one()
    sealed = audit.record(conn, staff_id=staff_id, action=JOB_EVENT, ref=f"{job_no}#{event_id}",
                          details=event_values(job_no=job_no, kind=kind, from_state=from_state,
                                               to_state=to_state, details=details, at=at))
    conn.execute(update(JobEvent).where(JobEvent.id == event_id).values(event_id=sealed))
    return event_id
