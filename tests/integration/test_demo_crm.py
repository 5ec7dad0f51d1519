"""The demo's business customers and follow-up (pos.demo.crm): `pos demo load` (and the
first run) load them with the chain; the tests' demo never does, so nothing that counts
its rows changes. Both databases, both languages."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from pos.accounts.accounts import account_view
from pos.accounts.quotes import list_quotes
from pos.db.models import Customer, FollowUp, Lead, Preorder, Quote
from pos.demo import crm, loader
from pos.ledger.verify import verify
from pos.people import leads, staff
from pos.people.followup_plan import week_plan
from pos.people.followup_report import followup_report


def test_the_tests_demo_has_no_crm_data(demo_db):
    with demo_db.read() as session:
        assert [session.scalar(select(func.count()).select_from(model))
                for model in (Lead, FollowUp, Quote, Customer)] == [0, 0, 0, 0]
    assert "customer_manager" not in {s.role.value for s in staff.list_staff(demo_db)}


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_pos_demo_load_has_business_customers_leads_and_a_week_of_follow_up(db, locale):
    summary = loader.load_demo(db, locale=locale, stores=True, crm=True)
    name, role, pin = summary.staff[-1]
    assert (role, pin) == ("customer_manager", "3333")
    manager = next(s for s in staff.list_staff(db) if s.role.value == "customer_manager")
    assert staff.verify_pin(db, staff_id=manager.id, pin=pin).name == name
    assert {lead.state for lead in leads.list_leads(db)} == {
        "open", "quoted", "won", "lost", "transferred"}
    assert all(lead.needs.who and lead.needs.summary for lead in leads.list_leads(db))
    sunrise, huaxin = (account_view(db, customer=b.phone) for b in crm.BUSINESSES[:2])
    assert sunrise.overdue == sunrise.balance > 0 and sunrise.oldest_overdue_days >= 5
    assert huaxin.overdue == 0 and 0 < huaxin.balance
    with db.read() as session:
        details = session.execute(select(Customer.tax_id, Customer.bank_account,
                                         Customer.owner_id)
                                  .where(Customer.kind == "business", Customer.tax_id.is_not(None))
                                  ).all()
    assert len(details) == 3 and all(owner == manager.id for _, _, owner in details)
    assert [q.state for q in list_quotes(db)] == ["open"]
    with db.read() as session:
        assert session.execute(select(Preorder.state, Preorder.deposit_held)).all() == [
            ("open", 50_000)]
    monday = date.today() - timedelta(days=date.today().weekday())
    assert week_plan(db, week_start=monday)  # this week is planned
    [last_week] = followup_report(db, week_start=monday - timedelta(days=7))
    assert (last_week.planned, last_week.done) == (27, 27)
    assert (last_week.visits, last_week.calls) == (21, 6) and last_week.target == 6
    assert len(last_week.days_below) == 3  # Tuesday, Thursday, Friday
    assert last_week.sales_count == 1  # the router after the visit; not the dated-back sales
    assert verify(db).ok
