"""The week's follow-up plan (issue 19 point 5): leads due, prospects revisited a week
after a visit with none since, owned business customers twice a month, recent buyers;
planned once however often the week is planned; a call or visit recorded (a visit with
notes). Refusals change nothing. SQLite and PostgreSQL."""

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select, update

from pos.db.models import FollowUp
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people import customers, followups, leads
from pos.people.followup_plan import (
    CADENCE_DEFAULT, VISITS_TARGET_DEFAULT, business_slots, parse_week, plan_week, week_plan,
)
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from pos.store.account_setting import DEFAULTS
from tests.integration.checkout_helpers import new_cart, staff_id
from tests.integration.test_leads import customer_manager

MONDAY = parse_week("2026-W49")  # 2026-11-30: the week holds 1 December


def contacts(db):
    with db.read() as session:
        return session.execute(select(FollowUp.customer_id, FollowUp.lead_id, FollowUp.reason,
                                      FollowUp.due_on, FollowUp.kind, FollowUp.assigned_to,
                                      FollowUp.outcome, FollowUp.notes)
                               .order_by(FollowUp.id)).all()


def at_noon(day: date) -> datetime:
    return datetime.combine(day, time(12)).astimezone()


def done_at(db, followup_id, day):
    with db.write_connection() as conn:
        conn.execute(update(FollowUp).where(FollowUp.id == followup_id)
                     .values(called_at=at_noon(day)))


def test_weeks_are_iso_weeks_or_mondays_and_the_defaults_are_the_stores():
    assert parse_week("2026-W49") == date(2026, 11, 30) == parse_week("2026-11-30")
    assert parse_week("2026w01") == date(2025, 12, 29)
    for bad in ("2026-W54", "2026-12-01", "next week", "", None):
        with pytest.raises(UserError) as error:
            parse_week(bad)
        assert error.value.message_id == "followup.bad_week"
    assert DEFAULTS["followup_cadence"] == CADENCE_DEFAULT
    assert DEFAULTS["visits_per_day_target"] == VISITS_TARGET_DEFAULT
    assert business_slots(date(2026, 12, 1), date(2026, 12, 31), 2) == [
        date(2026, 12, 1), date(2026, 12, 16)]
    assert business_slots(date(2027, 2, 1), date(2027, 2, 28), 4) == [
        date(2027, 2, 1), date(2027, 2, 8), date(2027, 2, 15), date(2027, 2, 22)]
    assert business_slots(MONDAY, MONDAY + timedelta(days=6), 0) == []


def test_the_week_plans_leads_due_and_owned_business_customers_once(demo_db):
    db = demo_db
    cm = customer_manager(db)
    manager = staff_id(db, "manager")
    due = leads.add_lead(db, staff_id=cm, kind="smb", contact_name="Ms Sun",
                         phone="13910002000", next_contact_on=MONDAY + timedelta(days=3))
    leads.add_lead(db, staff_id=cm, kind="smb", contact_name="Later",
                   phone="13910002001", next_contact_on=MONDAY + timedelta(days=7))
    lost = leads.add_lead(db, staff_id=cm, kind="smb", contact_name="Lost",
                          phone="13910002002", next_contact_on=MONDAY)
    leads.move_lead(db, lead_id=lost.id, to="lost", reason="no budget", staff_id=cm)
    acme = customers.create_customer(db, phone="13700000001", name="Acme buyer",
                                     kind="business", company="Acme Ltd")
    customers.create_customer(db, phone="13700000002", name="Nobody's", kind="business",
                              company="Unowned Ltd")
    leads.hand_over(db, customer_id=acme.id, team="business", to_staff=cm, staff_id=manager,
                    note="")
    plan = plan_week(db, week_start="2026-W49", staff_id=manager)
    assert (plan.planned, plan.already) == (2, 0)
    assert plan.by_reason == {"lead": 1, "business_visit": 1}
    planned = contacts(db)
    assert sorted(planned, key=lambda c: c.reason) == [
        (acme.id, None, "business_visit", date(2026, 12, 1), "visit", cm, "not_called", ""),
        (None, due.id, "lead", MONDAY + timedelta(days=3), "call", cm, "not_called", "")]
    again = plan_week(db, week_start=MONDAY, staff_id=cm)
    assert (again.planned, again.already) == (0, 2)
    assert contacts(db) == planned
    # the next week holds the later lead but neither the 1st nor the 16th; the one after
    # holds the 16th
    assert plan_week(db, week_start="2026-W50", staff_id=cm).by_reason == {"lead": 1}
    assert plan_week(db, week_start="2026-W51", staff_id=cm).by_reason == {"business_visit": 1}
    shown = week_plan(db, week_start="2026-W49")
    assert [(c.name, c.reason, c.assigned_name) for c in shown] == [
        ("Acme buyer", "business_visit", "Zhao Min"), ("Ms Sun", "lead", "Zhao Min")]
    assert verify(db).ok


def test_a_visited_prospect_is_revisited_a_week_later_unless_contacted_since(demo_db):
    db = demo_db
    cm = customer_manager(db)
    visited = leads.add_lead(db, staff_id=cm, kind="smb", contact_name="Ms Sun",
                             phone="13910002000", next_contact_on=MONDAY - timedelta(days=5))
    called_since = leads.add_lead(db, staff_id=cm, kind="smb", contact_name="Mr Li",
                                  phone="13910002001", next_contact_on=MONDAY - timedelta(days=5))
    plan_week(db, week_start=MONDAY - timedelta(days=7), staff_id=cm)
    first = {c.lead_id: c.id for c in week_plan(db, week_start=MONDAY - timedelta(days=7))}
    for lead in (visited, called_since):
        followups.record_contact(db, followup_id=first[lead.id], staff_id=cm, kind="visit",
                                 outcome="interested", notes="met the office manager")
        done_at(db, first[lead.id], MONDAY - timedelta(days=5))  # Wednesday before
    extra = plan_week(db, week_start=MONDAY - timedelta(days=7), staff_id=cm)
    assert extra.planned == 0  # the revisit falls next week
    with db.write_connection() as conn:  # a call to Mr Li since the visit
        call = conn.execute(FollowUp.__table__.insert().values(
            lead_id=called_since.id, reason="lead", assigned_to=cm, outcome="reached",
            kind="call", notes="", called_at=at_noon(MONDAY - timedelta(days=3)),
            created_at=at_noon(MONDAY - timedelta(days=3))).returning(FollowUp.id)).scalar()
    assert call
    plan = plan_week(db, week_start=MONDAY, staff_id=cm)
    assert plan.by_reason == {"prospect_revisit": 1}
    revisit = [c for c in week_plan(db, week_start=MONDAY) if c.reason == "prospect_revisit"]
    assert [(c.lead_id, c.due_on, c.kind) for c in revisit] == [
        (visited.id, MONDAY + timedelta(days=2), "visit")]
    # still open a week on: planned again? no, the open revisit is the plan
    assert plan_week(db, week_start=MONDAY + timedelta(days=7), staff_id=cm).by_reason == {}


def test_recent_buyers_are_called_on_the_monday_once(demo_db):
    db = demo_db
    manager = staff_id(db, "manager")
    buyer = customers.create_customer(db, phone="13600000001", name="Ms Zhou")
    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    checkout.set_customer(db, cart, customer_id=buyer.id)
    sale = completion.complete_sale(
        db, cart, tenders=[TenderInput("cash", sum(line.total for line in cart.lines))],
        business_date=MONDAY - timedelta(days=2))
    plan = plan_week(db, week_start=MONDAY, staff_id=manager)
    assert plan.by_reason == {"recent_purchase": 1}
    [call] = week_plan(db, week_start=MONDAY)
    assert (call.customer_id, call.due_on, call.kind, call.assigned_to) == (
        buyer.id, MONDAY, "call", manager)
    with db.read() as session:
        assert session.scalar(select(FollowUp.sale_id)) == sale.sale_id
    # the week after: the call is still open, so it is not planned again
    assert plan_week(db, week_start=MONDAY + timedelta(days=7),
                     staff_id=manager).by_reason == {}


def test_planning_and_recording_refusals_change_nothing(demo_db):
    db = demo_db
    cm = customer_manager(db)
    lead = leads.add_lead(db, staff_id=cm, kind="smb", contact_name="Ms Sun",
                          phone="13910002000", next_contact_on=MONDAY)
    for week, who, message_id in (("2026-W60", cm, "followup.bad_week"),
                                  ("2026-12-01", cm, "followup.bad_week"),
                                  ("2026-W49", staff_id(db, "cashier"), "lead.not_allowed")):
        with pytest.raises(UserError) as error:
            plan_week(db, week_start=week, staff_id=who)
        assert error.value.message_id == message_id
        assert contacts(db) == []
    plan_week(db, week_start=MONDAY, staff_id=cm)
    [planned] = week_plan(db, week_start=MONDAY)
    before = contacts(db)
    for kwargs, message_id in (
            ({"kind": "visit", "outcome": "reached", "notes": "  "}, "followup.visit_needs_notes"),
            ({"kind": "email", "outcome": "reached", "notes": "x"}, "followup.bad_contact_kind"),
            ({"kind": "call", "outcome": "maybe", "notes": ""}, "followup.bad_outcome"),
            ({"kind": "call", "outcome": "not_called", "notes": ""}, "followup.say_how")):
        with pytest.raises(UserError) as error:
            followups.record_contact(db, followup_id=planned.id, staff_id=cm, **kwargs)
        assert error.value.message_id == message_id
        assert contacts(db) == before
    with pytest.raises(UserError) as error:
        followups.record_contact(db, followup_id=planned.id, staff_id=staff_id(db, "manager"),
                                 kind="call", outcome="reached", notes="")
    assert error.value.message_id == "followup.not_yours"
    assert contacts(db) == before
    followups.record_contact(db, followup_id=planned.id, staff_id=cm, kind="visit",
                             outcome="interested", notes="saw their office: 12 old desktops")
    [done] = week_plan(db, week_start=MONDAY)
    assert (done.lead_id, done.kind, done.outcome, done.notes) == (
        lead.id, "visit", "interested", "saw their office: 12 old desktops")
    assert done.called_at is not None
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(FollowUp)) == 1


@pytest.mark.postgres
def test_two_planners_at_once_plan_the_week_once(pg_demo_db):
    import threading

    db = pg_demo_db
    cm = customer_manager(db)
    manager = staff_id(db, "manager")
    for n in range(20):
        leads.add_lead(db, staff_id=cm, kind="smb", contact_name=f"Lead {n}",
                       phone=f"139100020{n:02d}", next_contact_on=MONDAY + timedelta(days=n % 7))
    barrier, answers, failures = threading.Barrier(2), [], []

    def plan(who):
        try:
            barrier.wait()
            answers.append(plan_week(db, week_start=MONDAY, staff_id=who))
        except Exception as error:  # noqa: BLE001 - the test says what went wrong
            failures.append(error)

    threads = [threading.Thread(target=plan, args=(who,)) for who in (cm, manager)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert sorted(a.planned + a.already for a in answers) == [20, 20]
    assert sum(a.planned for a in answers) == 20
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(FollowUp)) == 20


def test_a_persons_open_calls_include_their_leads(demo_db):
    db = demo_db
    cm = customer_manager(db)
    leads.add_lead(db, staff_id=cm, kind="staff_referral", contact_name="Mr Wu",
                   wechat="wu_tea", next_contact_on=MONDAY)
    plan_week(db, week_start=MONDAY, staff_id=cm)
    [call] = followups.my_calls(db, staff_id=cm)
    assert (call.customer_name, call.phone, call.reason) == ("Mr Wu", "wu_tea", "lead")


def test_the_cadence_is_the_stores_setting(demo_db):
    from pos.store.settings import change_setting

    db = demo_db
    cm = customer_manager(db)
    change_setting(db, key="followup_cadence", staff_id=None,
                   value_text='{"prospect_revisit_days": 3, "business_visits_per_month": 4}')
    acme = customers.create_customer(db, phone="13700000001", name="Acme buyer",
                                     kind="business", company="Acme Ltd")
    leads.hand_over(db, customer_id=acme.id, team="business", to_staff=cm, staff_id=cm,
                    note="")
    lead = leads.add_lead(db, staff_id=cm, kind="smb", contact_name="Ms Sun",
                          phone="13910002000", next_contact_on=MONDAY - timedelta(days=7))
    plan_week(db, week_start=MONDAY - timedelta(days=7), staff_id=cm)
    [first] = [c for c in week_plan(db, week_start=MONDAY - timedelta(days=7)) if c.lead_id]
    followups.record_contact(db, followup_id=first.id, staff_id=cm, kind="visit",
                             outcome="reached", notes="a first visit")
    done_at(db, first.id, MONDAY - timedelta(days=4))  # Thursday: due again on Sunday
    assert plan_week(db, week_start=MONDAY - timedelta(days=7), staff_id=cm).by_reason[
        "prospect_revisit"] == 1
    # four visits a month: 1, 8, 16 and 24 December, one of them in the week of the 7th
    plan = plan_week(db, week_start="2026-W50", staff_id=cm)
    assert [c.due_on for c in week_plan(db, week_start="2026-W50")
            if c.reason == "business_visit"] == [date(2026, 12, 8)]
    assert plan.by_reason["business_visit"] == 1
    assert lead.id == first.lead_id
