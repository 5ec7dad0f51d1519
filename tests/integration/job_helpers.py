"""Helpers for the service-job tests: a notebook sold here with a serial (and a card)."""

import uuid

from sqlalchemy import func, select

from pos.db.models import AuditEvent, JobEvent, JournalEntry, ServiceJob
from pos.people import customers
from pos.selling import cards, checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import NOTEBOOK, new_cart, staff_id, tier_id

PHONE_NO = "13800138001"


def sell_notebook(db, serial: str = "PF3JOB0001", card: str | None = None):
    """A notebook (with a card when `card` is a tier code) sold to a customer, cash."""
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    customer = (customers.find_customer(db, phone=PHONE_NO)
                or customers.create_customer(db, phone=PHONE_NO, name="Liu Yang"))
    checkout.set_customer(db, cart, customer_id=customer.id)
    if card:
        cards.add_card(db, cart, main_line_id=unit.line_id,
                       tier_id=tier_id(db, cart, unit.line_id, card))
    checkout.set_serial(db, cart, line_id=unit.line_id, serial=serial)
    due = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)])


def request() -> str:
    return str(uuid.uuid4())


def job_counts(db) -> tuple:
    with db.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(model))
                     for model in (ServiceJob, JobEvent, AuditEvent, JournalEntry))


def job_snapshot(db) -> tuple:
    """Counts and every job row, to show a refusal changed nothing."""
    with db.read() as session:
        rows = tuple(tuple(row) for row in session.execute(
            select(ServiceJob.__table__).order_by(ServiceJob.id)))
    return job_counts(db) + rows


__all__ = ["sell_notebook", "request", "job_counts", "job_snapshot", "staff_id", "PHONE_NO"]
