"""Service jobs on SQLite and PostgreSQL: registering an installation, an on-site visit
and a repair intake, each state change with its event (who, when), and every refusal
changing nothing; each test ends with `journal verify` ok (a job row equals what its
sealed events say)."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from pos.db.models import ServiceCard
from pos.kernel.clock import utcnow
from pos.kernel.enums import JobEventKind, ServiceJobKind, ServiceJobState
from pos.kernel.errors import UserError
from pos.ledger import verify
from pos.service import board, jobs, states
from tests.integration.job_helpers import (
    PHONE_NO, job_snapshot, request, sell_notebook, staff_id,
)


def assert_verifies(db):
    result = verify.verify(db)
    assert result.ok, result.problem


def on_site(db, serial="PF3JOB0001", **changes):
    values = dict(kind="on_site", staff_id=staff_id(db, "cashier"), request_id=request(),
                  serial=serial, need="Wi-Fi drops every evening", area="city",
                  address="12 Renmin Road")
    values.update(changes)
    return jobs.register_job(db, **values)


def refused(db, message_id, call, *args, **kwargs):
    before = job_snapshot(db)
    with pytest.raises(UserError) as caught:
        call(*args, **kwargs)
    assert caught.value.message_id == message_id, caught.value
    assert job_snapshot(db) == before


def test_an_on_site_job_for_a_unit_sold_here_is_due_within_the_city_promise(demo_db):
    sale = sell_notebook(demo_db, card="gold")
    first = request()
    job = on_site(demo_db, priority=1, contact_phone="13900000000", request_id=first)
    assert job.job_no == "S01-JB-000001"
    assert job.kind is ServiceJobKind.ON_SITE and job.state is ServiceJobState.REGISTERED
    assert job.receipt_no == sale.receipt_no and job.serial == "PF3JOB0001"
    assert job.customer_phone == PHONE_NO and not job.not_sold_here
    assert job.due_at - job.registered_at == timedelta(minutes=120)
    with demo_db.read() as session:
        card = session.scalar(select(ServiceCard.id).where(ServiceCard.sale_id == sale.sale_id))
    assert job.card_id == card and job.card_no
    assert [e.kind for e in job.events] == [JobEventKind.REGISTERED]
    assert job.events[0].staff_name is not None
    # the same request again: the same job, nothing new
    again = jobs.register_job(demo_db, kind="on_site", staff_id=staff_id(demo_db, "cashier"),
                              request_id=first,
                              serial="PF3JOB0001", need="x", area="county")
    assert again.replayed and again.job_no == job.job_no and again.area == "city"
    second = on_site(demo_db, area="county")
    assert second.job_no == "S01-JB-000002"
    assert second.due_at - second.registered_at == timedelta(minutes=360)
    assert_verifies(demo_db)


def test_an_installation_by_receipt_takes_the_sales_unit_and_customer(demo_db):
    sale = sell_notebook(demo_db)
    job = jobs.register_job(demo_db, kind="installation", staff_id=staff_id(demo_db, "cashier"),
                            request_id=request(), receipt=sale.receipt_no,
                            need="Set up Windows and Office at the counter")
    assert job.serial == "PF3JOB0001" and job.area is None and job.due_at is None
    assert job.customer_name == "Liu Yang" and job.unit_name
    assert job.card_id is None
    assert_verifies(demo_db)


def test_a_repair_of_a_unit_not_sold_here_is_taken_in_flagged(demo_db):
    job = jobs.register_job(demo_db, kind="repair", staff_id=staff_id(demo_db, "cashier"),
                            request_id=request(), serial="OTHER-123", need="Repair", fault="No power",
                            accessories="charger", condition="scratched lid", estimate=15000)
    assert job.not_sold_here and job.state is ServiceJobState.RECEIVED
    assert job.due_at is None and job.estimate == 15000 and job.receipt_no is None
    assert_verifies(demo_db)


def test_refusals_change_nothing(demo_db):
    sell_notebook(demo_db)
    cashier = staff_id(demo_db, "cashier")
    now = utcnow()
    refused(demo_db, "job.unknown_serial", on_site, demo_db, serial="NOPE-1")
    refused(demo_db, "job.needs_area", on_site, demo_db, area=None)
    refused(demo_db, "job.bad_area", on_site, demo_db, area="moon")
    refused(demo_db, "job.bad_priority", on_site, demo_db, priority=4)
    refused(demo_db, "job.bad_priority", on_site, demo_db, priority=0)
    refused(demo_db, "job.needs_need", on_site, demo_db, need="  ")
    refused(demo_db, "job.appointment_past", on_site, demo_db,
            appointment=(now - timedelta(hours=2), now - timedelta(hours=1)))
    refused(demo_db, "job.appointment_order", on_site, demo_db,
            appointment=(now + timedelta(hours=2), now + timedelta(hours=1)))
    refused(demo_db, "job.needs_unit", on_site, demo_db, serial=None)
    refused(demo_db, "job.bad_kind", on_site, demo_db, kind="party")
    refused(demo_db, "job.technician_unknown", on_site, demo_db, technician="Nobody")
    refused(demo_db, "job.technician_unknown", on_site, demo_db,
            technician=cashier)  # a cashier is no technician
    refused(demo_db, "job.needs_fault", jobs.register_job, demo_db, kind="repair",
            staff_id=cashier, request_id=request(), serial="X1", need="fix it")
    refused(demo_db, "job.estimate_negative", jobs.register_job, demo_db, kind="repair",
            staff_id=cashier, request_id=request(), serial="X1", need="fix it",
            fault="dead", estimate=-1)
    refused(demo_db, "text.control_characters", on_site, demo_db, need="bad\x00need")
    assert_verifies(demo_db)


def test_an_on_site_visit_moves_through_its_states_and_keeps_the_promise(demo_db):
    sell_notebook(demo_db)
    installer = staff_id(demo_db, "installer")
    job = on_site(demo_db)
    start = utcnow() + timedelta(minutes=30)
    states.assign(demo_db, job_no=job.job_no, technician="Wang Qiang", staff_id=installer)
    states.schedule(demo_db, job_no=job.job_no, start=start, end=start + timedelta(hours=1),
                    staff_id=installer)
    states.move(demo_db, job_no=job.job_no, to="on_the_way", staff_id=installer)
    arrived = states.move(demo_db, job_no=job.job_no, to="arrived", staff_id=installer,
                          note="customer at home")
    assert arrived.arrived_at is not None and arrived.met is True
    done = states.move(demo_db, job_no=job.job_no, to="done", staff_id=installer)
    assert done.state is ServiceJobState.DONE and done.done_at is not None
    assert done.technician_name == "Wang Qiang"
    view = board.job_view(demo_db, job_no=job.job_no)
    assert [(e.kind, e.to_state) for e in view.events] == [
        (JobEventKind.REGISTERED, ServiceJobState.REGISTERED), (JobEventKind.ASSIGNED, None),
        (JobEventKind.APPOINTMENT, ServiceJobState.SCHEDULED),
        (JobEventKind.STATE, ServiceJobState.ON_THE_WAY),
        (JobEventKind.STATE, ServiceJobState.ARRIVED), (JobEventKind.STATE, ServiceJobState.DONE)]
    assert all(e.staff_id == installer for e in view.events[1:])
    assert view.events[4].details == {"note": "customer at home"}
    # closed: nothing more
    refused(demo_db, "job.closed", states.move, demo_db, job_no=job.job_no, to="cancelled",
            staff_id=installer)
    refused(demo_db, "job.closed", states.assign, demo_db, job_no=job.job_no,
            technician=installer, staff_id=installer)
    assert_verifies(demo_db)


def test_an_arrival_after_the_promise_is_late(demo_db):
    sell_notebook(demo_db)
    manager = staff_id(demo_db, "manager")
    job = on_site(demo_db)
    later = job.registered_at + timedelta(minutes=121)
    # recorded after the fact: its time, not the future
    refused(demo_db, "job.bad_time", states.move, demo_db, job_no=job.job_no, to="arrived",
            staff_id=manager, at=utcnow() + timedelta(hours=5))
    refused(demo_db, "job.bad_time", states.move, demo_db, job_no=job.job_no, to="arrived",
            staff_id=manager, at=job.registered_at - timedelta(minutes=1))
    on_time = on_site(demo_db)
    arrived = states.move(demo_db, job_no=on_time.job_no, to="arrived", staff_id=manager)
    assert arrived.met is True
    with_time = _arrive_late(demo_db, job, later, manager)
    assert with_time.met is False
    assert_verifies(demo_db)


def _arrive_late(db, job, at, staff):
    """An arrival recorded `at` a time past the promise: the clock is moved forward."""
    from unittest import mock

    with mock.patch("pos.service.states.utcnow", return_value=at + timedelta(minutes=5)):
        return states.move(db, job_no=job.job_no, to="arrived", staff_id=staff, at=at)


def test_bad_transitions_and_who_may_are_refused(demo_db):
    sell_notebook(demo_db)
    installer, cashier = staff_id(demo_db, "installer"), staff_id(demo_db, "cashier")
    job = on_site(demo_db)
    refused(demo_db, "job.not_allowed", states.move, demo_db, job_no=job.job_no,
            to="on_the_way", staff_id=cashier)
    refused(demo_db, "job.bad_transition", states.move, demo_db, job_no=job.job_no,
            to="done", staff_id=installer)
    refused(demo_db, "job.bad_transition", states.move, demo_db, job_no=job.job_no,
            to="collected", staff_id=installer)
    refused(demo_db, "job.bad_state", states.move, demo_db, job_no=job.job_no,
            to="flying", staff_id=installer)
    refused(demo_db, "job.unknown", states.move, demo_db, job_no="S01-JB-999999",
            to="arrived", staff_id=installer)
    refused(demo_db, "job.not_a_repair", states.diagnose, demo_db, job_no=job.job_no,
            diagnosis="x", staff_id=installer)
    now = utcnow()
    refused(demo_db, "job.appointment_past", states.schedule, demo_db, job_no=job.job_no,
            start=now - timedelta(hours=3), end=now - timedelta(hours=2), staff_id=installer)
    cancelled = states.move(demo_db, job_no=job.job_no, to="cancelled", staff_id=installer,
                            note="customer fixed it")
    assert cancelled.cancelled_at is not None and cancelled.closed
    assert_verifies(demo_db)


def test_a_repair_is_diagnosed_before_it_is_ready_or_collected(demo_db):
    sell_notebook(demo_db)
    installer = staff_id(demo_db, "installer")
    job = jobs.register_job(demo_db, kind="repair", staff_id=staff_id(demo_db, "cashier"),
                            request_id=request(), serial="PF3JOB0001", need="Repair",
                            fault="Screen flickers")
    assert not job.not_sold_here and job.area is None
    refused(demo_db, "job.not_diagnosed", states.move, demo_db, job_no=job.job_no, to="ready",
            staff_id=installer)
    refused(demo_db, "job.not_diagnosed", states.move, demo_db, job_no=job.job_no,
            to="collected", staff_id=installer)
    refused(demo_db, "job.needs_diagnosis", states.diagnose, demo_db, job_no=job.job_no,
            diagnosis=" ", staff_id=installer)
    refused(demo_db, "job.estimate_negative", states.diagnose, demo_db, job_no=job.job_no,
            diagnosis="cable", estimate=-5, staff_id=installer)
    diagnosed = states.diagnose(demo_db, job_no=job.job_no, diagnosis="Loose display cable",
                                estimate=8000, staff_id=installer)
    assert diagnosed.state is ServiceJobState.DIAGNOSED and diagnosed.estimate == 8000
    again = states.diagnose(demo_db, job_no=job.job_no, diagnosis="Display cable worn",
                            estimate=12000, staff_id=installer)
    assert again.state is ServiceJobState.DIAGNOSED and again.diagnosis == "Display cable worn"
    states.move(demo_db, job_no=job.job_no, to="waiting_parts", staff_id=installer)
    refused(demo_db, "job.bad_transition", states.move, demo_db, job_no=job.job_no,
            to="cancelled", staff_id=installer)
    states.move(demo_db, job_no=job.job_no, to="ready", staff_id=installer)
    collected = states.move(demo_db, job_no=job.job_no, to="collected", staff_id=installer)
    assert collected.done_at is not None and collected.closed
    assert_verifies(demo_db)


def test_a_repair_received_may_be_cancelled_and_an_appointment_moved(demo_db):
    sell_notebook(demo_db)
    manager = staff_id(demo_db, "manager")
    repair = jobs.register_job(demo_db, kind="repair", staff_id=manager, request_id=request(),
                               serial="ZZ-9", need="Repair", fault="Fan noise")
    assert states.move(demo_db, job_no=repair.job_no, to="cancelled",
                       staff_id=manager).state is ServiceJobState.CANCELLED
    job = on_site(demo_db)
    start = utcnow() + timedelta(hours=1)
    states.schedule(demo_db, job_no=job.job_no, start=start, end=start + timedelta(hours=1),
                    staff_id=manager)
    moved = states.schedule(demo_db, job_no=job.job_no, start=start + timedelta(days=1),
                            end=start + timedelta(days=1, hours=2), staff_id=manager)
    assert moved.state is ServiceJobState.SCHEDULED
    assert moved.appointment_start == start + timedelta(days=1)
    assert states.assign(demo_db, job_no=job.job_no, technician=None,
                         staff_id=manager).technician_id is None
    assert_verifies(demo_db)
