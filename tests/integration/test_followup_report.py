"""The manager's follow-up report (issue 19 point 5): per person and week, planned vs
done, calls and visits, visits per day against the target and the days below it, and the
sales of followed-up customers within 30 days of the contact, each credited once to the
latest contact before it, net of its voids. SQLite and PostgreSQL."""

from datetime import date, datetime, time, timedelta

from pos.aftersale import voids
from pos.db.models import FollowUp
from pos.ledger.verify import verify
from pos.people import customers, leads
from pos.people.followup_report import followup_report, report_csv
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from pos.store.settings import change_setting
from tests.integration.checkout_helpers import new_cart, staff_id
from tests.integration.test_leads import customer_manager

THIS_MONDAY = date.today() - timedelta(days=date.today().weekday())
WEEK = THIS_MONDAY - timedelta(days=14)  # two weeks back: every sale made now is within 30 days
OLD_WEEK = THIS_MONDAY - timedelta(days=42)  # six weeks back: too long ago for a sale now
LATER = date(9999, 1, 1)  # `today` for the report: every day of the week has passed


def contact(db, *, person, day, kind="visit", customer_id=None, lead_id=None, due=None,
            outcome="reached", hour=12, reason="manual"):
    """A contact recorded at `hour` on `day` (or planned only: outcome not_called)."""
    at = datetime.combine(day, time(hour)).astimezone()
    with db.write_connection() as conn:
        return conn.execute(FollowUp.__table__.insert().values(
            customer_id=customer_id, lead_id=lead_id, reason="lead" if lead_id else reason,
            assigned_to=person, kind=kind, outcome=outcome, due_on=due, notes="seen",
            called_at=None if outcome == "not_called" else at, created_at=at)
            .returning(FollowUp.id)).scalar()


def sell(db, customer_id, code="BAG-NB-156"):
    cart = new_cart(db)
    checkout.add_product(db, cart, code=code)
    checkout.set_customer(db, cart, customer_id=customer_id)
    total = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", total)]), total


def person(report, staff):
    return next(p for p in report if p.staff_id == staff)


def test_planned_done_calls_visits_and_days_below_the_target(demo_db):
    db = demo_db
    cm = customer_manager(db)
    cashier = staff_id(db, "cashier")
    acme = customers.create_customer(db, phone="13700000001", name="Acme", kind="business",
                                     company="Acme Ltd").id
    tuesday, wednesday, saturday = (WEEK + timedelta(days=n) for n in (1, 2, 5))
    for hour in range(8, 14):  # six visits on Tuesday: on target
        contact(db, person=cm, day=tuesday, customer_id=acme, hour=hour)
    contact(db, person=cm, day=wednesday, customer_id=acme, due=wednesday)  # planned, done
    contact(db, person=cm, day=WEEK, kind="call", customer_id=acme, due=WEEK)  # planned, done
    contact(db, person=cm, day=saturday, customer_id=acme)  # a Saturday worked
    contact(db, person=cm, day=wednesday, customer_id=acme, due=wednesday + timedelta(days=1),
            outcome="not_called")  # planned, not done
    contact(db, person=cashier, day=wednesday, kind="call", customer_id=acme, due=wednesday,
            reason="recent_purchase")
    contact(db, person=cm, day=WEEK + timedelta(days=7), customer_id=acme)  # the next week
    report = followup_report(db, week_start=WEEK, today=LATER)
    mine = person(report, cm)
    assert (mine.planned, mine.done, mine.calls, mine.visits) == (3, 2, 1, 8)
    assert mine.visits_by_day == (0, 6, 1, 0, 0, 1, 0)
    assert mine.target == 6
    assert mine.days_below == (WEEK, wednesday, WEEK + timedelta(days=3),
                               WEEK + timedelta(days=4), saturday)  # not Tuesday, not Sunday
    theirs = person(report, cashier)
    assert (theirs.planned, theirs.done, theirs.calls, theirs.visits) == (1, 1, 1, 0)
    assert (theirs.target, theirs.days_below) == (None, ())  # the target is customer managers'
    assert [p.staff_id for p in followup_report(db, week_start=WEEK, staff=cm)] == [cm]
    # the target is the store's setting; days not yet come are not below it
    change_setting(db, key="visits_per_day_target", value_text="1", staff_id=None)
    again = person(followup_report(db, week_start=WEEK, today=wednesday), cm)
    assert again.days_below == (WEEK,)
    csv = report_csv(report).decode("utf-8-sig").splitlines()
    assert csv[0].startswith("week,staff,role,planned,done,calls,visits,mon")
    assert any(line.startswith(f"{WEEK.isocalendar()[0]}-W") and ",Zhao Min," in line
               for line in csv[1:])


def test_sales_within_30_days_are_credited_once_to_the_latest_contact(demo_db):
    db = demo_db
    cm = customer_manager(db)
    other = customer_manager(db, "Qian Hua")
    manager = staff_id(db, "manager")
    acme = customers.create_customer(db, phone="13700000001", name="Acme", kind="business",
                                     company="Acme Ltd").id
    old = customers.create_customer(db, phone="13700000002", name="Old contact").id
    linked = customers.create_customer(db, phone="13700000003", name="Ms Sun").id
    lead = leads.add_lead(db, staff_id=cm, kind="smb", contact_name="Ms Sun",
                          phone="13700000003", customer_id=linked)
    contact(db, person=cm, day=WEEK + timedelta(days=1), customer_id=acme)
    contact(db, person=other, day=WEEK + timedelta(days=3), kind="call", customer_id=acme)
    contact(db, person=cm, day=WEEK + timedelta(days=4), lead_id=lead.id)
    contact(db, person=cm, day=OLD_WEEK + timedelta(days=1), customer_id=old)
    contact(db, person=cm, day=WEEK + timedelta(days=2), customer_id=old, outcome="not_called",
            due=WEEK + timedelta(days=2))  # planned only: no contact, no credit
    _first, price = sell(db, acme)
    second, _ = sell(db, acme)
    voids.void_sale(db, receipt_no=second.receipt_no, staff_id=manager)
    sell(db, linked)
    sell(db, old)
    report = followup_report(db, week_start=WEEK, today=LATER)
    # Acme's two sales go to the latest contact (the other's call), net of the void
    assert (person(report, other).sales, person(report, other).sales_count) == (price, 2)
    # the lead's contact counts for the customer it is linked to
    assert (person(report, cm).sales, person(report, cm).sales_count) == (price, 1)
    assert sum(p.sales for p in report) == 2 * price  # each sale once
    # six weeks back is more than 30 days before the sale: nothing credited
    assert [(p.sales, p.sales_count) for p in followup_report(db, week_start=OLD_WEEK)] == [
        (0, 0)]
    assert verify(db).ok
