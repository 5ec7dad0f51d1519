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


def a_jobs_day(db) -> None:
    """A few jobs worked through (for the tamper property test): an on-site visit on a
    unit sold here with a card, assigned, scheduled, arrived and done; a repair of a unit
    not sold here, diagnosed with an estimate; an installation cancelled."""
    from datetime import timedelta

    from pos.kernel.clock import utcnow
    from pos.service import jobs, states

    sale = sell_notebook(db, serial="PF3TAMPER01", card="gold")
    cashier, installer = staff_id(db, "cashier"), staff_id(db, "installer")
    visit = jobs.register_job(db, kind="on_site", staff_id=cashier, request_id=request(),
                              receipt=sale.receipt_no, need="Network setup", area="city",
                              address="5 Station Rd", contact_phone="13911112222", priority=1)
    start = utcnow() + timedelta(minutes=30)
    states.assign(db, job_no=visit.job_no, technician=installer, staff_id=installer)
    states.schedule(db, job_no=visit.job_no, start=start, end=start + timedelta(hours=1),
                    staff_id=installer)
    states.move(db, job_no=visit.job_no, to="arrived", staff_id=installer)
    states.move(db, job_no=visit.job_no, to="done", staff_id=installer, note="ok")
    repair = jobs.register_job(db, kind="repair", staff_id=cashier, request_id=request(),
                               serial="ELSEWHERE-77", need="Repair", fault="Cracked hinge",
                               accessories="charger", condition="worn", estimate=3000)
    states.diagnose(db, job_no=repair.job_no, diagnosis="Hinge", estimate=6000,
                    staff_id=installer)
    install = jobs.register_job(db, kind="installation", staff_id=cashier,
                                request_id=request(), serial="PF3TAMPER01", need="Set up",
                                appointment=(start, start + timedelta(hours=2)))
    states.move(db, job_no=install.job_no, to="cancelled", staff_id=installer)
