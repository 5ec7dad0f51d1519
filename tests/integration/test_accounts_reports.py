"""What is owed, shown (issue 19, point 1): the statement, aging at the bucket edges (0,
1, 30, 31, 60, 61 days) per store, the overdue list and a transfer shown on it, the
account figures of a period; aging and overdue read the partial index of open items.
SQLite and PostgreSQL."""

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from pos.accounts.accounts import open_account, transfer_to_big_accounts
from pos.accounts.aging import aging, overdue
from pos.accounts.figures import account_figures
from pos.accounts.payments import take_payment
from pos.accounts.statements import statement
from pos.accounts.writeoffs import write_off
from pos.aftersale import returns
from pos.aftersale.returns import ReturnItem
from pos.kernel.enums import ItemKind, Tender
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.store.settings import set_setting
from tests.integration.checkout_helpers import staff_id
from tests.integration.test_account_ledger import business, sell_on_account

TODAY = date.today()


def rid():
    return str(uuid.uuid4())


def account(db, phone="13700000001"):
    with db.unit_of_work() as session:  # many bags, some overdue: the tests sell on
        set_setting(session, "account_block_overdue", False)
        set_setting(session, "allow_negative_stock", True)
    buyer = business(db, phone)
    open_account(db, customer=buyer.id, staff_id=staff_id(db, "manager"), credit_limit=None)
    return buyer


def overdue_by(db, buyer, days):
    """A sale on account due `days` ago (the business term is 30 days)."""
    return sell_on_account(db, buyer.id, business_date=TODAY - timedelta(days=30 + days))


def test_aging_buckets_at_their_edges(demo_db):
    db = demo_db
    buyer = account(db)
    due = {}
    for days in (0, 1, 30, 31, 60, 61):
        due[days] = overdue_by(db, buyer, days)[1]
    take_payment(db, customer=buyer.id, amount=sum(due.values()) + 700, tender="transfer",
                 staff_id=staff_id(db, "cashier"), request_id=rid(), as_credit=True)
    other = account(db, "13700000002")
    late = overdue_by(db, other, 61)[1]
    report = aging(db)
    rows = {r.customer_id: r for r in report.rows}
    assert set(rows) == {other.id, buyer.id}  # the settled account is still listed for its credit
    assert (rows[buyer.id].current, rows[buyer.id].overdue, rows[buyer.id].credit) == (0, 0, 700)
    assert (rows[other.id].days_60_plus, rows[other.id].total) == (late, late)
    # the buckets before the payment: as seen by a third account left open
    third = account(db, "13700000003")
    for days in (0, 1, 30, 31, 60, 61):
        overdue_by(db, third, days)
    row = next(r for r in aging(db, store="S01").rows if r.customer_id == third.id)
    bag = due[0]
    assert (row.current, row.days_1_30, row.days_31_60, row.days_60_plus) == (
        bag, 2 * bag, 2 * bag, bag)
    assert row.store == "S01" and row.total == 6 * bag
    # a day later everything moves on by one day
    row = next(r for r in aging(db, as_of=TODAY + timedelta(days=1)).rows
               if r.customer_id == third.id)
    assert (row.current, row.days_1_30, row.days_31_60, row.days_60_plus) == (
        0, 2 * bag, 2 * bag, 2 * bag)
    totals = aging(db).totals("S01")
    assert totals["credit"] == 700 and totals["total"] == 6 * bag + late - 700
    assert verify(db).ok


def test_aging_of_an_unknown_store_is_refused(demo_db):
    with pytest.raises(UserError) as refused:
        aging(demo_db, store="S99")
    assert refused.value.message_id == "store.unknown_code"


def test_overdue_list_and_transfer(demo_db):
    db = demo_db
    buyer = account(db)
    overdue_by(db, buyer, 45)
    _, due = overdue_by(db, buyer, 3)
    overdue_by(db, buyer, -5)  # not due yet
    other = account(db, "13700000002")
    overdue_by(db, other, 10)
    rows = overdue(db)
    assert [(r.customer_id, r.days, r.amount, r.transferred) for r in rows] == [
        (buyer.id, 45, 2 * due, False), (other.id, 10, due, False)]
    assert rows[0].oldest_due == TODAY - timedelta(days=45) and rows[0].balance == 3 * due
    assert [r.customer_id for r in overdue(db, min_days=30)] == [buyer.id]
    assert overdue(db, min_days=30)[0].amount == due
    transfer_to_big_accounts(db, customer=buyer.phone, staff_id=staff_id(db, "manager"),
                             note="45 days overdue")
    assert overdue(db)[0].transferred
    with pytest.raises(UserError) as refused:
        overdue(db, min_days=0)
    assert refused.value.message_id == "account.bad_days"
    assert verify(db).ok


def test_statement_lines_running_balance_and_period(demo_db):
    db = demo_db
    buyer = account(db)
    first, due = overdue_by(db, buyer, 20)
    second, _ = sell_on_account(db, buyer.id)
    paid = take_payment(db, customer=buyer.id, amount=due + 500, tender="transfer",
                        reference="HSBC-9", staff_id=staff_id(db, "cashier"), request_id=rid())
    write_off(db, customer=buyer.id, amount=500, reason="rounding",
              staff_id=staff_id(db, "manager"), request_id=rid())
    returns.refund(db, receipt_no=second.receipt_no, staff_id=staff_id(db, "manager"),
                   items=[ReturnItem(1, 1)], back_in=Tender.ON_ACCOUNT, reason="unwanted",
                   request_id=rid())
    whole = statement(db, customer=buyer.phone)
    assert whole.opening == 0 and whole.closing == -1000  # the refund beyond the open: a credit
    assert [(l.kind, l.debit, l.credit, l.balance) for l in whole.lines] == [
        (ItemKind.INVOICE, due, 0, due), (ItemKind.INVOICE, due, 0, 2 * due),
        (ItemKind.PAYMENT, 0, due + 500, due - 500), (ItemKind.WRITE_OFF, 0, 500, due - 1000),
        (ItemKind.SALE_CREDIT, 0, due, -1000)]
    assert whole.lines[0].ref == f"{first.receipt_no}/1" and whole.lines[0].open_amount == 0
    assert whole.lines[2].ref == paid.doc_no and whole.lines[2].reference == "HSBC-9"
    assert whole.lines[2].tender == "transfer" and whole.lines[3].reference == "rounding"
    assert whole.debits - whole.credits == whole.closing
    recent = statement(db, customer=buyer.id, start=TODAY)
    assert recent.opening == due and len(recent.lines) == 4
    assert recent.closing == whole.closing
    assert statement(db, customer=buyer.id, end=TODAY - timedelta(days=1)).closing == due
    with pytest.raises(UserError) as refused:
        statement(db, customer="13999999999")
    assert refused.value.message_id == "customer.unknown"
    assert verify(db).ok


def test_account_figures_of_a_day(demo_db):
    db = demo_db
    buyer = account(db)
    sale, due = sell_on_account(db, buyer.id)
    take_payment(db, customer=buyer.id, amount=10000, tender="cash", terminal="T01",
                 staff_id=staff_id(db, "cashier"), request_id=rid())
    take_payment(db, customer=buyer.id, amount=2000, tender="wechat",
                 staff_id=staff_id(db, "cashier"), request_id=rid())
    write_off(db, customer=buyer.id, amount=300, reason="bad debt",
              staff_id=staff_id(db, "manager"), request_id=rid())
    returns.refund(db, receipt_no=sale.receipt_no, staff_id=staff_id(db, "manager"),
                   items=[ReturnItem(1, 1)], back_in=Tender.ON_ACCOUNT, reason="x",
                   request_id=rid())
    with db.read_connection() as conn:
        day = account_figures(conn, start=TODAY, end=TODAY)
        till = account_figures(conn, start=TODAY, end=TODAY, terminal="T01")
        store = account_figures(conn, start=TODAY, end=TODAY, store="S01")
        before = account_figures(conn, start=TODAY - timedelta(days=3),
                                 end=TODAY - timedelta(days=1))
        with pytest.raises(UserError):
            account_figures(conn, start=TODAY, end=TODAY, store="S99")
    assert (day.sales_on_account, day.refunds_to_account, day.write_offs) == (due, due, 300)
    assert day.payments == {"cash": 10000, "wechat": 2000} and day.payments_total == 12000
    assert day.takings == {"cash": 10000, "wechat": 2000}
    assert till.payments == {"cash": 10000} and till.sales_on_account == due
    assert store == day and before.empty and not day.empty
    assert day.deposits_held == 0 and day.deposits_taken == {}
    assert verify(db).ok


def test_aging_and_overdue_read_the_open_items_index(demo_db):
    db = demo_db
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the plan is checked on SQLite (PostgreSQL's depends on its statistics)")
    from pos.accounts import aging as module
    from pos.accounts.statements import lines_query

    with db.read_connection() as conn:
        for query, params, index in (
                (module._aging_query(None), module.bounds(TODAY), "ix_account_items_open"),
                (module._aging_query(1), module.bounds(TODAY) | {"store_id": 1},
                 "ix_account_items_open"),
                (module._overdue_query(None), {"due_by": TODAY}, "ix_account_items_open"),
                (lines_query(1, TODAY, TODAY), {}, "ix_account_items_customer_id")):
            sql = str(query.compile(dialect=conn.dialect))
            plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + sql, tuple(_positional(query, params, conn))).all())
            assert index in plan, plan


def _positional(query, params, conn):
    compiled = query.compile(dialect=conn.dialect)
    return [params.get(name, compiled.params.get(name)) for name in compiled.positiontup]
