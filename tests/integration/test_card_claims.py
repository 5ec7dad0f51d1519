"""Card claims against coverage (issue 20, point 4), on SQLite and PostgreSQL: a job on a
unit with a card shows what the card covers and records its service as a claim, sealed
with a job event and an audit event; outside the cover the claim is recorded as not
covered with the reason (cancelled card, not started, carry-in card on an on-site
visit, work outside the card's scope); a claim on an expired card or for a unit not
registered on the card is refused and changes nothing; every test ends with verify."""

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select, update

from pos.aftersale import returns
from pos.aftersale.returns import ReturnItem
from pos.db.models import AuditEvent, CardClaim, JobEvent, JournalEntry, SaleLine
from pos.kernel.enums import CardState, CoverageScope, ServiceMode
from pos.kernel.errors import UserError
from pos.kernel.messages import render
from pos.ledger.verify import verify
from pos.people import customers
from pos.selling import cards, checkout, completion
from pos.selling.cart import TenderInput
from pos.service import claims
from pos.service.card_history import job_claims
from pos.service.jobs import register_job
from tests.integration.checkout_helpers import NOTEBOOK, new_cart, staff_id, tier_id

PHONE_NO = "13800138055"


def sell(db, serial: str, card: str | None, *, business: bool = False):
    """A notebook with `card` (a tier code) sold to a customer, cash."""
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    phone = "13900139055" if business else PHONE_NO
    customer = customers.find_customer(db, phone=phone) or customers.create_customer(
        db, phone=phone, name="Zhou Min", kind="business" if business else "consumer",
        company="Hengda Trading" if business else None)
    checkout.set_customer(db, cart, customer_id=customer.id)
    if card:
        cards.add_card(db, cart, main_line_id=unit.line_id,
                       tier_id=tier_id(db, cart, unit.line_id, card))
    checkout.set_serial(db, cart, line_id=unit.line_id, serial=serial)
    due = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)])


def job(db, kind: str, serial: str):
    extra = {"on_site": {"area": "city"}, "repair": {"fault": "does not boot"},
             "installation": {}}[kind]
    return register_job(db, kind=kind, staff_id=staff_id(db, "cashier"),
                        request_id=str(uuid.uuid4()), serial=serial,
                        need="set up and check", **extra)


def snapshot(db) -> tuple:
    with db.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(model))
                     for model in (CardClaim, JobEvent, AuditEvent, JournalEntry))


def refused(db, call, message_id: str) -> UserError:
    before = snapshot(db)
    with pytest.raises(UserError) as caught:
        call()
    assert caught.value.message_id == message_id, caught.value
    assert snapshot(db) == before
    return caught.value


def sealed_claim(db, claim_no: str) -> dict:
    import json

    with db.read() as session:
        event = session.scalar(select(AuditEvent).where(AuditEvent.action == "card_claim",
                                                        AuditEvent.ref == claim_no))
        row = session.scalar(select(CardClaim).where(CardClaim.claim_no == claim_no))
        assert row.event_id == event.id
        return json.loads(event.details_json)


def test_an_on_site_visit_on_a_gold_card_is_a_covered_claim(demo_db):
    db = demo_db
    sale = sell(db, "PF3CLAIM01", "gold")
    found = claims.coverage(db, serial="pf3claim01 ")
    assert (found.card_no, found.scope, found.service_mode, found.covered) == (
        sale.card_numbers[0], CoverageScope.SOFTWARE, ServiceMode.ON_SITE, True)
    assert found.end is not None and not found.lifetime and found.on_site
    assert render(found.terms).startswith("On-site software service for 36 months")
    visit = job(db, "on_site", "PF3CLAIM01")
    assert claims.paid_service_reason(db, job_no=visit.job_no) is None
    made = claims.claim(db, job_no=visit.job_no, staff_id=staff_id(db, "installer"))
    assert made.claim_no == "S01-CL-000001" and made.covered and made.reason is None
    assert (made.card_no, made.job_no, made.serial, made.what) == (
        sale.card_numbers[0], visit.job_no, "PF3CLAIM01", "software")
    sealed = sealed_claim(db, made.claim_no)
    assert (sealed["covered"], sealed["job"], sealed["card"]) == (
        True, visit.job_no, sale.card_numbers[0])
    with db.read() as session:
        kinds = session.scalars(select(JobEvent.kind).join_from(JobEvent, CardClaim,
                                CardClaim.job_id == JobEvent.job_id)).all()
    assert "claim" in [getattr(k, "value", k) for k in kinds]
    # the same work twice on the job is refused
    refused(db, lambda: claims.claim(db, job_no=visit.job_no, staff_id=staff_id(db, "installer")),
            "claim.already")
    assert verify(db).ok


def test_a_carry_in_card_on_an_on_site_visit_is_recorded_as_paid(demo_db):
    db = demo_db
    sell(db, "PF3CLAIM02", "silver")
    visit = job(db, "on_site", "PF3CLAIM02")
    why = claims.paid_service_reason(db, job_no=visit.job_no)
    assert why.id == "claim.carry_in_only"
    made = claims.claim(db, job_no=visit.job_no, staff_id=staff_id(db, "manager"))
    assert not made.covered and made.reason == "claim.carry_in_only"
    assert "carry-in service only" in render(made.why)
    assert sealed_claim(db, made.claim_no)["reason"] == "claim.carry_in_only"
    # the same card covers a repair carried in: a covered claim
    repair = job(db, "repair", "PF3CLAIM02")
    assert claims.claim(db, job_no=repair.job_no, staff_id=staff_id(db, "manager")).covered
    # an installation at the customer's home is a visit; at the counter it is not
    home = register_job(db, kind="installation", staff_id=staff_id(db, "cashier"),
                        request_id=str(uuid.uuid4()), serial="PF3CLAIM02", area="county",
                        need="set up at home")
    assert claims.paid_service_reason(db, job_no=home.job_no).id == "claim.carry_in_only"
    counter = job(db, "installation", "PF3CLAIM02")
    assert claims.claim(db, job_no=counter.job_no, staff_id=staff_id(db, "manager")).covered
    assert verify(db).ok


def test_work_outside_the_cards_scope_is_recorded_as_paid(demo_db):
    db = demo_db
    sell(db, "PF3CLAIM03", "gold")
    repair = job(db, "repair", "PF3CLAIM03")
    refused(db, lambda: claims.claim(db, job_no=repair.job_no, staff_id=staff_id(db, "manager"),
                                     what="plumbing"), "claim.bad_what")
    made = claims.claim(db, job_no=repair.job_no, staff_id=staff_id(db, "manager"),
                        what="hardware")
    assert (made.covered, made.reason, made.what) == (False, "claim.outside_scope", "hardware")
    assert "covers On-site software service, not this work" in render(made.why)
    # the software work on the same job is another claim, covered
    assert claims.claim(db, job_no=repair.job_no, staff_id=staff_id(db, "manager")).covered
    on_job = job_claims(db, job_no=repair.job_no.lower())
    assert [(c.what, c.covered, c.reason) for c in on_job] == [
        ("hardware", False, "claim.outside_scope"), ("software", True, None)]
    assert job_claims(db, job_no="S01-JB-999999") == []
    assert verify(db).ok


def test_a_hardware_extension_not_started_yet_is_recorded_as_paid(demo_db):
    db = demo_db
    sell(db, "PF3CLAIM04", "hw-2y")
    repair = job(db, "repair", "PF3CLAIM04")
    made = claims.claim(db, job_no=repair.job_no, staff_id=staff_id(db, "manager"))
    assert (made.covered, made.reason, made.what) == (False, "claim.not_started", "hardware")
    assert "covers from" in render(made.why)
    # a year and a half later the extension covers the repair
    later = claims.coverage(db, serial="PF3CLAIM04",
                            on=date.today().replace(year=date.today().year + 2))
    assert later.covered
    assert verify(db).ok


def test_a_claim_on_a_cancelled_card_is_recorded_as_paid(demo_db):
    db = demo_db
    sale = sell(db, "PF3CLAIM05", "gold")
    visit = job(db, "on_site", "PF3CLAIM05")
    with db.read() as session:
        card_line = session.scalar(select(SaleLine).where(
            SaleLine.sale_id == sale.sale_id, SaleLine.kind == "card"))
        position, price = card_line.position, card_line.line_total
    returns.refund(db, receipt_no=sale.receipt_no, staff_id=staff_id(db, "manager"),
                   items=[ReturnItem(position, 1)], tenders=[TenderInput("cash", price)])
    assert claims.coverage(db, serial="PF3CLAIM05").state is CardState.CANCELLED
    made = claims.claim(db, job_no=visit.job_no, staff_id=staff_id(db, "installer"))
    assert (made.covered, made.reason) == (False, "claim.card_cancelled")
    assert verify(db).ok


def test_a_claim_on_an_expired_card_is_refused_and_changes_nothing(demo_db):
    db = demo_db
    sell(db, "PF3CLAIM06", "gold")
    visit = job(db, "on_site", "PF3CLAIM06")
    later = date.today().replace(year=date.today().year + 4)
    why = claims.paid_service_reason(db, job_no=visit.job_no, on=later)
    assert why.id == "claim.expired" and "the service is paid" in render(why)
    error = refused(db, lambda: claims.claim(db, job_no=visit.job_no, on=later,
                                             staff_id=staff_id(db, "installer")),
                    "claim.expired")
    assert error.params["until"] < later
    assert claims.coverage(db, serial="PF3CLAIM06", on=later).reason == "claim.expired"
    assert verify(db).ok


def test_a_unit_not_registered_on_a_business_card_is_refused(demo_db):
    db = demo_db
    sale = sell(db, "PF3BIZ0001", "blue-gold", business=True)
    card_no = sale.card_numbers[0]
    repair = job(db, "repair", "PF3ELSE001")  # a unit not sold here and on no card
    assert claims.paid_service_reason(db, job_no=repair.job_no).id == "claim.no_card"
    refused(db, lambda: claims.claim(db, job_no=repair.job_no, staff_id=staff_id(db, "manager")),
            "claim.no_card")
    assert claims.paid_service_reason(
        db, job_no=repair.job_no, card_no=card_no).id == "claim.unit_not_registered"
    refused(db, lambda: claims.claim(db, job_no=repair.job_no, card_no=card_no,
                                     staff_id=staff_id(db, "manager")),
            "claim.unit_not_registered")
    not_on_it = claims.coverage(db, card_no=card_no, serial="PF3ELSE001")
    assert not not_on_it.registered and not_on_it.reason == "claim.unit_not_registered"
    refused(db, lambda: claims.claim(db, job_no="S01-JB-999999",
                                     staff_id=staff_id(db, "manager")), "job.unknown")
    assert verify(db).ok


def test_a_tampered_claim_fails_verify(demo_db):
    db = demo_db
    sell(db, "PF3CLAIM07", "silver")
    visit = job(db, "on_site", "PF3CLAIM07")
    made = claims.claim(db, job_no=visit.job_no, staff_id=staff_id(db, "manager"))
    assert verify(db).ok
    with db.write_connection() as conn:  # someone turns the paid visit into a covered one
        conn.execute(update(CardClaim).where(CardClaim.claim_no == made.claim_no)
                     .values(covered=True, reason=None))
    result = verify(db)
    assert not result.ok and made.claim_no in result.problem
    with db.write_connection() as conn:
        conn.execute(CardClaim.__table__.delete())
    result = verify(db)
    assert not result.ok and "has no row" in result.problem


def test_a_unit_whose_own_card_ended_claims_on_the_business_card_it_is_on(demo_db):
    db = demo_db
    from pos.service import card_units

    sell(db, "PF3MIX0001", "gold")  # the unit's own card, 36 months
    blue = sell(db, "PF3MIX0100", "blue-diamond", business=True).card_numbers[0]  # for life
    later = date.today().replace(year=date.today().year + 4)
    refused(db, lambda: card_units.register_unit(db, card_no=blue, serial="PF3MIX0001",
                                                 staff_id=staff_id(db, "cashier")),
            "card.unit_other_card")  # while its own card covers it
    card_units.register_unit(db, card_no=blue, serial="PF3MIX0001", on=later,
                             staff_id=staff_id(db, "cashier"))
    visit = job(db, "on_site", "PF3MIX0001")
    assert claims.paid_service_reason(db, job_no=visit.job_no, on=later) is None
    made = claims.claim(db, job_no=visit.job_no, staff_id=staff_id(db, "installer"), on=later)
    assert (made.covered, made.card_no) == (True, blue)
    assert claims.coverage(db, serial="PF3MIX0001", on=later).card_no == blue
    assert verify(db).ok
