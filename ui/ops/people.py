"""People: who works here, checking a PIN, what a role may do, a manager's approval;
customers at the till: their history (F4) and adding one to the sale."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pos.people.followups import CustomerRecord
    from pos.selling.cart import Cart
    from ui.ops.cart import TillView
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


def customer_record(*, phone: str | None = None,
                    customer_id: int | None = None) -> Call[CustomerRecord | None]:
    """A customer and their history (sales, units, cards, follow-up calls); None when
    no customer has the phone."""
    def call(db):
        from pos.people.followups import customer_record as record

        return record(db, phone=phone, customer_id=customer_id)
    return call


def add_customer(cart: Cart, unit: str | None, *, phone: str, name: str, kind: str = "consumer",
                 company: str = "") -> Call[TillView]:
    """A new customer, put on the sale: refused (and nothing changed) when the phone is
    not one, the name is blank, a business has no company, or the phone is someone's
    already. The view's result is the customer."""
    def call(db):
        from pos.people.customers import create_customer
        from pos.selling.checkout import set_customer
        from ui.ops.cart import read_view

        mine = cart.copy()
        created = create_customer(db, phone=phone, name=name, kind=kind, company=company)
        set_customer(db, mine, customer_id=created.id)
        return read_view(db, mine, unit, created)
    return call
