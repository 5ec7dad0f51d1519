"""The end of day's and the period's queries start from the day's (or period's) own
documents: every statement the day report, a month's report and commissions, the X
report, the shift's close and its Z report run is captured and explained, and none may
read a history table in full (sales, lines, payments, outcomes, cards, shifts, ...).

The database holds months of synthetic history (tests.support.history: cards, outcomes,
returns, voids, add-ons, three stores) under today's known day of real sales, with
fresh statistics, so that PostgreSQL's planner prices its choices on real numbers."""

import os
import shutil
from datetime import date, timedelta

import pytest

from pos.day import commissions, reports, shifts
from pos.db.engine import Database, is_sqlite
from tests.integration.checkout_helpers import staff_id
from tests.integration.test_reports import known_day
from tests.support.history import add_stores, analyze, write_history
from tests.support.query_plans import captured, explain, full_scans

TODAY = date.today()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql",
                                                                marks=pytest.mark.postgres)])
def history_db(request, tmp_path_factory):
    """Two years of history (about 10,000 documents) under today's known day, built once
    per database for the module; the tests read it, and the close comes last."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("plans") / "history.db"
        shutil.copyfile(request.getfixturevalue("sqlite_demo_template"), path)
        db = Database(f"sqlite:///{path}")
    else:
        server = request.getfixturevalue("pg_server")
        name = f"tickbox_plans_{os.getpid()}"
        server.execute(f"CREATE DATABASE {name} TEMPLATE tickbox_demo_template")
        db = Database(server.url(name))
    add_stores(db)
    write_history(db, days=730, per_day=12, first_day=TODAY - timedelta(days=731),
                  busy={TODAY - timedelta(days=30): 120})
    known_day(db)
    analyze(db)
    yield db
    db.dispose()
    if request.param != "sqlite":
        server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _assert_no_full_scan(db, statements, what):
    assert statements, f"{what}: no statement was captured"
    scans = full_scans(db, statements)
    if scans:
        plans = "\n\n".join(f"{scan}\n{explain(db, s)}" for scan in scans[:3]
                            for s in statements if s.sql == scan.sql)[:4000]
        pytest.fail(f"{what}: {len(scans)} full scan(s) of history:\n"
                    + "\n".join(map(str, scans)) + "\n\nplans:\n" + plans)


@pytest.mark.parametrize("scope", [{}, {"store": "S01"}, {"terminal": "T01"}],
                         ids=["all-stores", "store", "terminal"])
def test_the_day_report_reads_only_the_days_documents(history_db, scope):
    with captured(history_db) as statements:
        report = reports.day_report(history_db, day=TODAY, **scope)
    assert report.documents["sale"][0] == 3  # today's known day, not the history
    _assert_no_full_scan(history_db, statements, f"day report {scope or 'all stores'}")


def test_a_months_report_and_commissions_read_only_the_months_documents(history_db):
    last = TODAY.replace(day=1) - timedelta(days=1)  # last month, whole
    first = last.replace(day=1)
    with captured(history_db) as statements:
        report = reports.period_report(history_db, start=first, end=last, store="S01")
        statement = commissions.commission_statement(history_db, start=first, end=last)
        by_terminal = commissions.commission_statement(history_db, start=first, end=last,
                                                       terminal="T21")
    assert report.kpis.units > 0 and statement.people and by_terminal.people
    _assert_no_full_scan(history_db, statements, "month report and commissions")


def test_an_add_on_and_a_retried_return_find_a_units_cards_by_index(history_db):
    """The after-sale paths that look cards up: an installer's add-on asks whether the
    unit has a card, a retried return names the cards it cancelled."""
    from sqlalchemy import select

    from pos.aftersale import returns
    from pos.db.models import Sale, SaleLine, ServiceCard
    from pos.selling import addons
    from pos.selling.cart import TenderInput

    with history_db.read_connection() as conn:
        receipt, accessory, price = conn.execute(
            select(Sale.receipt_no, SaleLine.position, SaleLine.line_total)
            .join(ServiceCard, ServiceCard.sale_id == Sale.id)
            .join(SaleLine, SaleLine.sale_id == Sale.id)
            .where(Sale.kind == "sale", Sale.business_date == TODAY - timedelta(days=3),
                   ServiceCard.state == "active", SaleLine.kind == "accessory")
            .order_by(Sale.id, SaleLine.position).limit(1)).one()
    installer, manager = staff_id(history_db, "installer"), staff_id(history_db, "manager")
    refund = dict(receipt_no=receipt, staff_id=manager, items=[returns.ReturnItem(accessory, 1)],
                  tenders=[TenderInput("cash", price)], request_id="plans-return-1")
    first = returns.refund(history_db, **refund)
    with captured(history_db) as statements:
        cart = addons.open_addon(history_db, receipt_no=receipt, staff_id=installer,
                                 terminal="T01")
        again = returns.refund(history_db, **refund)
    assert cart.main_units()[0].has_card and again.receipt_no == first.receipt_no
    _assert_no_full_scan(history_db, statements, "add-on and retried return")


def test_the_check_sees_a_full_scan(history_db):
    """The check itself: a query that has to read every line is caught, and so is one
    that reads every day up to today (a range open at one end), and a lookup of cards by
    a column no index serves."""
    from sqlalchemy import func, select

    from pos.db.models import Sale, SaleLine, ServiceCard

    queries = {
        "sale_lines": select(func.sum(SaleLine.line_total)).where(
            SaleLine.unit_cost * 2 > SaleLine.line_total),
        "sales": select(func.count()).select_from(Sale).where(Sale.business_date <= TODAY,
                                                                Sale.kind == "void"),
        "service_cards": select(ServiceCard.id).where(ServiceCard.unit_serial == "SN-1"),
    }
    for table, query in queries.items():
        with captured(history_db) as statements:
            with history_db.read_connection() as conn:
                conn.execute(query).all()
        scans = full_scans(history_db, statements)
        assert {scan.table for scan in scans} == {table}, (
            is_sqlite(history_db.engine), [str(s) for s in scans])


def test_the_x_report_the_close_and_the_z_report_read_only_the_shift(history_db):
    manager = staff_id(history_db, "manager")
    with captured(history_db) as statements:
        x = shifts.x_report(history_db, terminal="T01")
        closed = shifts.close_shift(history_db, terminal="T01", staff_id=manager,
                                    counts={10000: 100})
        z = shifts.z_reports(history_db, terminal="T01", day=TODAY)
    assert x.sales >= 3 and closed.z_number and [r.z_number for r in z] == [closed.z_number]
    _assert_no_full_scan(history_db, statements, "X, close and Z")
