"""Customers after the sale: history, follow-up calls to recent buyers, card renewals."""

from datetime import date, timedelta

import pytest

from pos.catalog.coverage import add_months
from pos.cli import main
from pos.kernel.errors import UserError
from pos.people import customers, followups
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import new_cart, staff_id
from tests.integration.test_corrections import notebook_sale

TODAY = date.today()


def bag_sale(db, phone, name, kind="consumer", company=None, day=TODAY):
    customer = customers.create_customer(db, phone=phone, name=name, kind=kind, company=company)
    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    checkout.set_customer(db, cart, customer_id=customer.id)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", cart.lines[0].total)],
                                    business_date=day)


def test_a_customers_history_lists_sales_units_and_cards(demo_db):
    sale = notebook_sale(demo_db)
    history = followups.customer_history(demo_db, phone="13800138000")
    assert [receipt for receipt, *_ in history.sales] == [sale.receipt_no]
    assert [(u.name.startswith("Lenovo"), u.serial) for u in history.units] == [(True, "SN-RET-1")]
    # the gold card: on-site service "from 1 to 3 years", so 36 months from the sale
    assert [(c.tier_name, c.end_date, c.state) for c in history.cards] == [
        ("Gold card", add_months(TODAY, 36), "active")]


def test_recent_buyers_filter_by_days_and_kind_and_export_as_csv(demo_db, tmp_path):
    bag_sale(demo_db, "13900000001", "Old buyer", day=TODAY - timedelta(days=10))
    bag_sale(demo_db, "13900000002", "Wang", kind="business", company="Acme 科技")
    bag_sale(demo_db, "13900000003", "Zhao")
    assert [b.name for b in followups.recent_buyers(demo_db, days=7)] == ["Wang", "Zhao"]
    business = followups.recent_buyers(demo_db, days=7, kind="business")
    assert [(b.name, b.company) for b in business] == [("Wang", "Acme 科技")]
    path = tmp_path / "calls.csv"
    assert main([f"--db={demo_db.url}", "followup", "export", "--days", "7", "--kind",
                 "business", "--csv", str(path)]) == 0
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == ",".join(followups.FOLLOWUP_HEADER)
    assert "Wang,13900000002,business,Acme 科技" in text and "Zhao" not in text


def test_calls_are_assigned_once_and_their_outcome_recorded(demo_db):
    bag_sale(demo_db, "13900000002", "Wang", kind="business", company="Acme")
    buyers = followups.recent_buyers(demo_db, days=7)
    seller = staff_id(demo_db, "cashier")
    assert followups.assign_calls(demo_db, customer_ids=[b.customer_id for b in buyers],
                                  staff_id=seller) == 1
    assert followups.assign_calls(demo_db, customer_ids=[b.customer_id for b in buyers],
                                  staff_id=seller) == 0
    call = followups.my_calls(demo_db, staff_id=seller)[0]
    with pytest.raises(UserError, match="assigned to someone else"):
        followups.record_call(demo_db, followup_id=call.id, staff_id=staff_id(demo_db, "manager"),
                              outcome="reached")
    with pytest.raises(UserError, match="not a call outcome"):
        followups.record_call(demo_db, followup_id=call.id, staff_id=seller, outcome="maybe")
    followups.record_call(demo_db, followup_id=call.id, staff_id=seller, outcome="interested",
                          notes="wants 10 desktops for the office")
    assert followups.my_calls(demo_db, staff_id=seller) == []
    assert followups.recent_buyers(demo_db, days=7)[0].outcome == "interested"


def test_cards_ending_within_30_days_are_listed_for_renewal(demo_db):
    notebook_sale(demo_db)  # a gold card ending in three years
    in_three_years = add_months(TODAY, 36) - timedelta(days=10)
    assert followups.cards_ending(demo_db, today=TODAY) == []
    renewals = followups.cards_ending(demo_db, today=in_three_years)
    assert [(r.tier_name, r.customer_name) for r in renewals] == [("Gold card", "Chen Jie")]


def test_calls_are_listed_and_recorded_from_the_command_line(sqlite_demo_db, capsys):
    bag_sale(sqlite_demo_db, "13900000002", "Wang", kind="business", company="Acme")
    url = f"--db={sqlite_demo_db.url}"
    assert main([url, "followup", "assign", "--days", "7", "--to", "Li Na"]) == 0
    capsys.readouterr()
    assert main([url, "followup", "calls", "--staff", "Li Na"]) == 0
    call_id = int(capsys.readouterr().out.split()[0])
    assert main([url, "followup", "record", str(call_id), "--staff", "Li Na", "--outcome",
                 "interested", "--notes", "10 desktops"]) == 0
    assert followups.recent_buyers(sqlite_demo_db, days=7)[0].outcome == "interested"
