"""Staff: who works here, checking a PIN, what a role may do, a manager's approval."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.ops.running import Call


def list_staff() -> Call:
    def call(db):
        from pos.people.staff import list_staff as people

        return people(db)
    return call


def verify_pin(*, staff_id: int, pin: str) -> Call:
    def call(db):
        from pos.people.staff import verify_pin as verify

        return verify(db, staff_id=staff_id, pin=pin)
    return call


def may(role: str, action: str) -> bool:
    """Whether the role may do this without a manager (a rule, no database)."""
    from pos.people.permissions import may as allowed

    return allowed(role, action)


def approve(*, action: str, ref: str, requested_by: int, manager_id: int, pin: str,
            amount: int | None = None) -> Call[int]:
    """A manager's approval of one action on one record (and, for an action that moves
    money, one amount)."""
    def call(db):
        from pos.people.approvals import approve as approved

        return approved(db, action=action, ref=ref, requested_by=requested_by,
                        manager_id=manager_id, pin=pin, amount=amount)
    return call
