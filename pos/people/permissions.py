"""Roles and what each may do, enforced here, in the services, not only on the screen.

When a cashier needs a right they lack, a manager approves on the spot
(pos.people.approvals); `authorise` then uses that approval up inside the action's own
transaction: it is single-use and bound to one action on one record."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from pos.db.models import Approval, Staff
from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError

# Each action and the message id of its phrase ("void a sale"), said in refusals.
ACTIONS = {
    "void": "action.void",
    "refund": "action.refund",
    "no_receipt_return": "action.no_receipt_return",
    "discount_beyond_limit": "action.discount_beyond_limit",
    "price_override": "action.price_override",
    "open_drawer": "action.open_drawer",
    "staff_admin": "action.staff_admin",
    "close_day": "action.close_day",
}
MANAGER_ACTIONS = set(ACTIONS) - {"staff_admin"}
# Each role and the message id of its name ("cashier"), said in refusals.
ROLE_NAMES = {
    "cashier": "role.cashier",
    "installer": "role.installer",
    "manager": "role.manager",
    "admin": "role.admin",
}
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


def authorise(conn, *, action: str, ref: str, staff_id: int,
              approval_id: int | None) -> Authorised:
    """Inside the action's own transaction: allowed by role, or by an unused approval for
    exactly this action and record, which is used up here."""
    role = conn.execute(select(Staff.role).where(Staff.id == staff_id)).scalar()
    if role is None:
        raise UserError("permission.log_in_first")
    if may(role.value, action):
        return Authorised(staff_id, None)
    if approval_id is None:
        raise UserError("permission.admin_must_approve" if action == "staff_admin"
                        else "permission.manager_must_approve", action=ACTIONS[action])
    approval = conn.execute(select(Approval.__table__).where(Approval.id == approval_id)).first()
    if approval is None:
        raise UserError("approval.unknown")
    if approval.used_at is not None:
        raise UserError("approval.used")
    if approval.action != action or approval.ref != ref or approval.requested_by != staff_id:
        raise UserError("approval.other_action")
    used = conn.execute(update(Approval).where(Approval.id == approval_id,
                                               Approval.used_at.is_(None))
                        .values(used_at=utcnow())).rowcount
    if used != 1:
        raise UserError("approval.used")
    return Authorised(staff_id, approval.approved_by)
