"""Roles and permissions, manager approval on the spot, and the audit trail.

Permissions are enforced here, in the services, not only on the screen. When a cashier
needs one, a manager enters their PIN: the approval is single-use, bound to one action
on one record, and records both names. Every sensitive action is an audit event, sealed
in the journal chain like a sale."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select, update

from . import journal
from .db import Database
from .errors import UserError
from .models import Approval, AuditEvent, Staff
from .models.base import utcnow

ACTIONS = {
    "void": "void a sale",
    "refund": "refund a return",
    "no_receipt_return": "take a return without a receipt",
    "discount_beyond_limit": "give a discount beyond the limit",
    "price_override": "override a price",
    "open_drawer": "open the drawer without a sale",
    "staff_admin": "manage staff",
    "close_day": "close the day",
}
MANAGER_ACTIONS = set(ACTIONS) - {"staff_admin"}
ROLE_PERMISSIONS = {
    "cashier": set(),
    "installer": set(),
    "manager": MANAGER_ACTIONS,
    "admin": set(ACTIONS),
}


def may(role: str, action: str) -> bool:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action}")
    return action in ROLE_PERMISSIONS.get(role, set())


@dataclass(frozen=True)
class Authorised:
    staff_id: int
    approved_by: int | None  # the manager, when the staff member needed one


def approve(db: Database, *, action: str, ref: str, requested_by: int, manager_id: int,
            pin: str) -> int:
    """A manager approves one action on one record with their PIN; returns the approval id."""
    from .staff import verify_pin  # staff imports control for its audit; keep the cycle lazy

    manager = verify_pin(db, staff_id=manager_id, pin=pin)
    if not may(manager.role.value, action):
        raise UserError(f"{manager.name} may not approve: {ACTIONS[action]}")
    with db.write_connection() as conn:
        approval_id = conn.execute(Approval.__table__.insert().values(
            action=action, ref=ref, requested_by=requested_by, approved_by=manager_id,
            created_at=utcnow()).returning(Approval.id)).scalar_one()
        record(conn, staff_id=requested_by, action="approval", ref=ref,
               details={"for": action, "approved_by": manager_id, "approval": approval_id})
    return approval_id


def authorise(conn, *, action: str, ref: str, staff_id: int,
              approval_id: int | None) -> Authorised:
    """Inside the action's own transaction: allowed by role, or by an unused approval for
    exactly this action and record, which is used up here."""
    role = conn.execute(select(Staff.role).where(Staff.id == staff_id)).scalar()
    if role is None:
        raise UserError("Log in first")
    if may(role.value, action):
        return Authorised(staff_id, None)
    if approval_id is None:
        who = "An administrator" if action == "staff_admin" else "A manager"
        raise UserError(f"{who} must approve this: {ACTIONS[action]}")
    approval = conn.execute(select(Approval.__table__).where(Approval.id == approval_id)).first()
    if approval is None:
        raise UserError("That approval does not exist")
    if approval.used_at is not None:
        raise UserError("That approval was already used; a manager must approve again")
    if approval.action != action or approval.ref != ref or approval.requested_by != staff_id:
        raise UserError("That approval was given for something else")
    used = conn.execute(update(Approval).where(Approval.id == approval_id,
                                               Approval.used_at.is_(None))
                        .values(used_at=utcnow())).rowcount
    if used != 1:
        raise UserError("That approval was already used; a manager must approve again")
    return Authorised(staff_id, approval.approved_by)


def record(conn, *, staff_id: int | None, action: str, ref: str = "", details: dict | None = None) -> int:
    """An audit event, sealed in the journal, inside the caller's transaction."""
    at = utcnow()
    details = details or {}
    event_id = conn.execute(AuditEvent.__table__.insert().values(
        at=at, staff_id=staff_id, action=action, ref=ref,
        details_json=json.dumps(details, sort_keys=True, ensure_ascii=False), journal_hash="",
    ).returning(AuditEvent.id)).scalar_one()
    sealed = journal.seal(journal.lock_head(conn), audit_document(
        event_id, at, staff_id, action, ref, details))
    journal.write(conn, sealed, doc_type="audit", doc_ref=f"A{event_id}")
    conn.execute(update(AuditEvent).where(AuditEvent.id == event_id)
                 .values(journal_hash=sealed.hash))
    return event_id


def audit_document(event_id: int, at: datetime, staff_id, action, ref, details) -> dict:
    if at.tzinfo is not None:  # SQLite gives naive UTC back, PostgreSQL aware: seal the same text
        at = at.astimezone(timezone.utc).replace(tzinfo=None)
    return {"event": event_id, "at": at.isoformat(timespec="seconds"), "staff_id": staff_id,
            "action": action, "ref": ref, "details": details}


@dataclass(frozen=True)
class AuditInfo:
    id: int
    at: datetime
    staff_name: str | None
    action: str
    ref: str
    details: dict


def list_audit(db: Database, *, limit: int = 200, action: str | None = None) -> list[AuditInfo]:
    with db.read() as session:
        query = (select(AuditEvent, Staff.name).outerjoin(Staff, Staff.id == AuditEvent.staff_id)
                 .order_by(AuditEvent.id.desc()).limit(limit))
        if action:
            query = query.where(AuditEvent.action == action)
        return [AuditInfo(e.id, e.at, name, e.action, e.ref, json.loads(e.details_json))
                for e, name in session.execute(query)]
