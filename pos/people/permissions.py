"""Roles and what each may do, enforced here, in the services, not only on the screen.
When a cashier needs a right they lack, a manager approves on the spot
(pos.people.approvals); `authorise` then uses that approval up inside the action's own
transaction: it is single-use, bound to one kind of action and one record, and for the
actions that move money to the amount it moves, and it lapses after APPROVAL_MINUTES.
An approval to open the drawer is never one to pay out cash; one to refund 100.00 is
never one to refund 50,000.00."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta

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
    "paid_in": "action.paid_in",
    "paid_out": "action.paid_out",
    "staff_admin": "action.staff_admin",
    "close_day": "action.close_day",
    "serial_override": "action.serial_override",  # bring a unit to the till's store
    "account_open": "action.account_open",  # open an account or change its terms
    "account_transfer": "action.account_transfer",  # pass it to the big-account team
    "account_write_off": "action.account_write_off",
    "deposit_refund": "action.deposit_refund",  # a cancelled pre-order's deposit paid back
    "quote_after_expiry": "action.quote_after_expiry",  # sell at a lapsed quote's prices
}
MANAGER_ACTIONS = set(ACTIONS) - {"staff_admin"}
# Actions that move (or give away) money: their approval also names the amount, in minor
# units, positive (a refund's total, a discount, the overriding price, the cash paid in
# or out), and is good for that amount only.
MONEY_ACTIONS = frozenset({"refund", "no_receipt_return", "discount_beyond_limit",
                           "price_override", "paid_in", "paid_out", "account_write_off",
                           "deposit_refund", "quote_after_expiry"})
APPROVAL_MINUTES = 15  # an approval not used by then lapses
REF_MAX = 60  # approvals.ref

# Each role and the message id of its name ("cashier"), said in refusals.
ROLE_NAMES = {
    "cashier": "role.cashier",
    "installer": "role.installer",
    "manager": "role.manager",
    "admin": "role.admin",
    "customer_manager": "role.customer_manager",
}
ROLE_PERMISSIONS = {
    "cashier": set(),
    "installer": set(),
    "manager": MANAGER_ACTIONS,
    "admin": set(ACTIONS),
    "customer_manager": set(),  # owns leads and business customers; approves nothing
}


def may(role: str, action: str) -> bool:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action}")
    return action in ROLE_PERMISSIONS.get(role, set())


def approval_ref(action: str, ref: str, amount: int | None = None) -> str:
    """What an approval of `action` on the record `ref` is stored and checked as: the
    record, and for the actions that move money the amount (``T01-000123|19900``).
    A record too long for the column is kept as a digest of it."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action}")
    if action in MONEY_ACTIONS:
        if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
            raise ValueError(f"{action} is approved for an amount (int minor units, >= 0)")
        ref = f"{ref}|{amount}"
    elif amount is not None:
        raise ValueError(f"{action} does not move money: no amount")
    if len(ref) > REF_MAX:
        ref = "#" + hashlib.sha256(ref.encode()).hexdigest()[:40]
    return ref


@dataclass(frozen=True)
class Authorised:
    staff_id: int
    approved_by: int | None  # the manager, when the staff member needed one


def authorise(conn, *, action: str, ref: str, staff_id: int, approval_id: int | None,
              amount: int | None = None) -> Authorised:
    """Inside the action's own transaction: allowed by role, or by an unused approval for
    exactly this kind of action, this record and (money actions) this amount, asked for
    by this staff member in the last APPROVAL_MINUTES; it is used up here."""
    bound = approval_ref(action, ref, amount)
    role = conn.execute(select(Staff.role).where(Staff.id == staff_id,
                                                 Staff.active.is_(True))).scalar()
    if role is None:
        raise UserError("permission.log_in_first")
    if may(role.value, action):
        return Authorised(staff_id, None)
    if approval_id is None:
        raise UserError("permission.admin_must_approve" if action == "staff_admin"
                        else "permission.manager_must_approve", action=ACTIONS[action])
    approval = conn.execute(select(Approval.__table__).where(Approval.id == approval_id)
                            .with_for_update()).first()
    if approval is None:
        raise UserError("approval.unknown")
    if approval.used_at is not None:
        raise UserError("approval.used")
    if approval.action != action or approval.requested_by != staff_id:
        raise UserError("approval.other_action")
    if approval.ref != bound:
        if action in MONEY_ACTIONS and approval.ref.rpartition("|")[0] == ref:
            raise UserError("approval.other_amount", action=ACTIONS[action])
        raise UserError("approval.other_action")
    if approval.created_at < utcnow() - timedelta(minutes=APPROVAL_MINUTES):
        raise UserError("approval.lapsed", minutes=APPROVAL_MINUTES)
    approver = conn.execute(select(Staff.role).where(Staff.id == approval.approved_by,
                                                     Staff.active.is_(True))).scalar()
    if approver is None or not may(approver.value, action):
        raise UserError("approval.other_action")
    used = conn.execute(update(Approval).where(Approval.id == approval_id,
                                               Approval.used_at.is_(None))
                        .values(used_at=utcnow())).rowcount
    if used != 1:
        raise UserError("approval.used")
    return Authorised(staff_id, approval.approved_by)
