"""A manager's approval on the spot: they tap their name and enter their PIN for one
kind of action on one record (and, for an action that moves money, one amount). The
approval is recorded (both names) and used up later by pos.people.permissions.authorise
in the action's own transaction."""

from __future__ import annotations

from pos.db.engine import Database
from pos.db.models import Approval
from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError
from pos.ledger import audit
from pos.people.permissions import ACTIONS, MONEY_ACTIONS, approval_ref, may
from pos.people.staff import verify_pin


def approve(db: Database, *, action: str, ref: str, requested_by: int, manager_id: int,
            pin: str, amount: int | None = None) -> int:
    """A manager approves one action on one record with their PIN; returns the approval
    id. `amount` (minor units) is required for, and only for, actions that move money
    (permissions.MONEY_ACTIONS): the approval is good for that amount only."""
    bound = approval_ref(action, ref, amount)
    manager = verify_pin(db, staff_id=manager_id, pin=pin)
    if not may(manager.role.value, action):
        raise UserError("permission.may_not_approve", name=manager.name, action=ACTIONS[action])
    details = {"for": action, "approved_by": manager_id}
    if action in MONEY_ACTIONS:
        details["amount"] = amount
    with db.write_connection() as conn:
        approval_id = conn.execute(Approval.__table__.insert().values(
            action=action, ref=bound, requested_by=requested_by, approved_by=manager_id,
            created_at=utcnow()).returning(Approval.id)).scalar_one()
        audit.record(conn, staff_id=requested_by, action="approval", ref=bound,
                     details={**details, "approval": approval_id})
    return approval_id
