"""The audit trail: every sensitive action (voids, refunds, overrides, approvals, failed
logins, drawer openings, settings changes...) is an event row sealed in the journal
chain like a sale, written inside the action's own transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select, update

from pos.db.engine import Database
from pos.db.models import AuditEvent, Staff
from pos.kernel.clock import utcnow
from pos.ledger import chain


def record(conn, *, staff_id: int | None, action: str, ref: str = "", details: dict | None = None) -> int:
    """An audit event, sealed in the journal, inside the caller's transaction."""
    at = utcnow()
    details = details or {}
    event_id = conn.execute(AuditEvent.__table__.insert().values(
        at=at, staff_id=staff_id, action=action, ref=ref,
        details_json=json.dumps(details, sort_keys=True, ensure_ascii=False), journal_hash="",
    ).returning(AuditEvent.id)).scalar_one()
    sealed = chain.append(conn, audit_document(event_id, at, staff_id, action, ref, details),
                          doc_type="audit", doc_ref=f"A{event_id}", at=at)
    conn.execute(update(AuditEvent).where(AuditEvent.id == event_id)
                 .values(journal_hash=sealed.hash))
    return event_id


def audit_document(event_id: int, at: datetime, staff_id, action, ref, details) -> dict:
    if at.tzinfo is not None:  # SQLite gives naive UTC back, PostgreSQL aware: seal the same text
        at = at.astimezone(timezone.utc).replace(tzinfo=None)
    return {"event": event_id, "at": at.isoformat(timespec="seconds"), "staff_id": staff_id,
            "action": action, "ref": ref, "details": details}


def event_id_of(entry) -> int | None:
    """The audit event a journal entry names, if it names one."""
    ref = entry.doc_ref
    return int(ref[1:]) if ref.startswith("A") and ref[1:].isdigit() else None


def check_sealed(conn, entry, facts, events: dict | None = None) -> str | None:
    """None when the audit event behind a journal entry is as it was sealed (and noted in
    `facts`, a pos.ledger.reconcile.Facts); else what is wrong with it. `events`: the
    events of a batch of entries read at once (id -> row), or None to read this one."""
    event_id = event_id_of(entry)
    if event_id is None:
        return "the entry names no audit event"
    event = (events.get(event_id) if events is not None else conn.execute(
        select(AuditEvent.__table__).where(AuditEvent.id == event_id)).first())
    if event is None:
        return "the audit event was deleted"
    try:
        details = json.loads(event.details_json)
    except ValueError:
        return "the audit event was altered"
    document = audit_document(event.id, event.at, event.staff_id, event.action, event.ref,
                              details)
    if chain.canonical(document) != entry.payload or event.journal_hash != entry.hash:
        return "the audit event was altered"
    if entry.version >= 2 and event.at != entry.created_at:
        return "the audit event's time was changed"
    facts.add_event(event, details)
    return None


@dataclass(frozen=True)
class AuditInfo:
    id: int
    at: datetime
    staff_name: str | None
    action: str
    ref: str
    details: dict


def list_audit(db: Database, *, limit: int = 200, action: str | None = None) -> list[AuditInfo]:
    """The newest events first, with their details as recorded (a screen or the command
    line shows a catalog import's stock of every product as how many it set: `readable`)."""
    with db.read() as session:
        query = (select(AuditEvent, Staff.name).outerjoin(Staff, Staff.id == AuditEvent.staff_id)
                 .order_by(AuditEvent.id.desc()).limit(limit))
        if action:
            query = query.where(AuditEvent.action == action)
        return [AuditInfo(e.id, e.at, name, e.action, e.ref, json.loads(e.details_json))
                for e, name in session.execute(query)]


def readable(details: dict) -> dict:
    """Details for the command line: a collection of more than 20 as how many it holds."""
    return {key: (f"{len(value)} entries" if isinstance(value, (dict, list)) and len(value) > 20
                  else value) for key, value in details.items()}
