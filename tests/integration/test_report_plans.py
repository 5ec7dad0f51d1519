"""The end of day's and the period's queries start from the day's (or period's) own
documents: every statement the day report, a month's report and commissions, the X
report, the shift's close and its Z report run is captured and explained, and none may
read a history table in full (sales, lines, payments, outcomes, cards, shifts, ...).

The database holds months of synthetic history (tests.support.history: cards, outcomes,
returns, voids, add-ons, three stores) under today's known day of real sales, with
fresh statistics, so that PostgreSQL's planner prices its choices on real numbers."""

import os
import re
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


# --- stock reports (issue 18) ------------------------------------------------------------

STOCK_HISTORY = frozenset({"stock_moves", "stock_documents", "serial_units"})


@pytest.fixture(scope="module")
def stock_history(history_db):
    """Two years of receipts at S01 and S02 (a serial unit or two on each) and a
    transfer a month, on top of the sales history; analysed again."""
    import uuid
    from datetime import datetime, timezone

    from sqlalchemy import select

    from pos.db.models import Product, Store
    from pos.kernel.enums import Bucket, StockDocKind, StockReason
    from pos.ledger.stock_documents import StockDocument, StockLine, stock_doc_number
    from pos.ledger.stock_tables import next_store_number, write_stock_document

    with history_db.write_connection() as conn:
        stores = dict(conn.execute(select(Store.code, Store.id)).all())
        plain = [pid for pid, in conn.execute(select(Product.id).where(
            Product.serial_tracked.is_(False)).order_by(Product.id).limit(40))]
        tracked = conn.execute(select(Product.id).where(Product.serial_tracked.is_(True))
                               .order_by(Product.id).limit(1)).scalar_one()
        start = datetime.now(timezone.utc) - timedelta(days=730)
        for week in range(0, 104):
            at = start + timedelta(days=7 * week)
            for code in ("S01", "S02"):
                store = stores[code]
                lines = [StockLine(i, store, pid, Bucket.ON_HAND, 3, unit_cost=100,
                                   reason=StockReason.SUPPLIER)
                         for i, pid in enumerate(plain[week % 20:week % 20 + 10], 1)]
                lines.append(StockLine(len(lines) + 1, store, tracked, Bucket.ON_HAND, 1,
                                       serial=f"PLAN-{code}-{week}", unit_cost=100,
                                       reason=StockReason.SUPPLIER))
                number = stock_doc_number(code, StockDocKind.RECEIPT, next_store_number(
                    conn, store, StockDocKind.RECEIPT))
                write_stock_document(conn, StockDocument(
                    kind=StockDocKind.RECEIPT, doc_no=number, store_id=store,
                    business_date=at.date(), posted_at=at, request_id=str(uuid.uuid4()),
                    lines=tuple(lines), supplier="Plans Ltd", supplier_ref=f"P{week}"))
            if week % 4 == 0:
                s01, s02 = stores["S01"], stores["S02"]
                number = stock_doc_number("S01", StockDocKind.TRANSFER_OUT, next_store_number(
                    conn, s01, StockDocKind.TRANSFER_OUT))
                write_stock_document(conn, StockDocument(
                    kind=StockDocKind.TRANSFER_OUT, doc_no=number, store_id=s01,
                    other_store_id=s02, business_date=at.date(), posted_at=at,
                    request_id=str(uuid.uuid4()), lines=(
                        StockLine(1, s01, plain[week % 20], Bucket.ON_HAND, -1,
                                  reason=StockReason.TRANSFER),
                        StockLine(2, s02, plain[week % 20], Bucket.TRANSIT, 1,
                                  reason=StockReason.TRANSFER))))
    analyze(history_db)
    return history_db


def _moves_read_by_product_and_time(db, statements, what):
    """Every read of stock_moves through (store, product, time) has both ends of the time
    in its index condition, and on SQLite (whose plan does not follow the statistics)
    the product too: never the store's whole history from the table."""
    for statement in statements:
        if "stock_moves" not in statement.sql or "ix_stock_moves" in statement.sql:
            continue
        plan = explain(db, statement)
        for line in plan.splitlines():
            if "ix_stock_moves_store_id" in line and is_sqlite(db.engine):
                assert "product_id=?" in line and "at>?" in line and "at<?" in line, (
                    what, line, plan)
        if not is_sqlite(db.engine):
            lines = plan.splitlines()
            for number, line in enumerate(lines):
                if not re.search(r"(using|on) ix_stock_moves_store_id", line):
                    continue
                condition = next((later for later in lines[number + 1:]
                                  if "Index Cond" in later), "")
                # PostgreSQL prices its choice: on a small history it may read the
                # store's index entries checking the time in the index (not the table)
                assert "at >=" in condition and "at <" in condition, (what, plan)


@pytest.mark.parametrize("store", ["S01", None], ids=["store", "all-stores"])
def test_the_stock_reports_read_through_their_indexes(stock_history, monkeypatch, store):
    from pos.stock import reports as stock
    from tests.support import query_plans

    monkeypatch.setattr(query_plans, "HISTORY", query_plans.HISTORY | STOCK_HISTORY)
    db = stock_history
    with captured(db) as statements:
        value = stock.stock_value(db, store=store)
        moves = stock.movements(db, store=store, start=TODAY - timedelta(days=30), end=TODAY)
        receipts = stock.movements(db, store=store, start=TODAY - timedelta(days=30), end=TODAY,
                                   kind="receipt")
        aged = stock.aged_stock(db, store=store, days=90)
        through = stock.sell_through(db, store=store, start=TODAY - timedelta(days=30), end=TODAY)
    assert value.units > 0 and moves.rows and receipts.rows and aged.rows and through.rows
    assert {r.kind for r in receipts.rows} == {"receipt"}
    assert any(r.serial for r in aged.rows)
    _assert_no_full_scan(db, statements, f"stock reports {store or 'all stores'}")
    _moves_read_by_product_and_time(db, statements, f"stock reports {store or 'all stores'}")


def test_the_check_sees_a_stores_whole_stock_history(stock_history, monkeypatch):
    """The stricter check on movements: by store alone (no product, no time) fails."""
    from sqlalchemy import func, select

    from pos.db.models import StockMove
    from tests.support import query_plans

    monkeypatch.setattr(query_plans, "HISTORY", query_plans.HISTORY | STOCK_HISTORY)
    with captured(stock_history) as statements:
        with stock_history.read_connection() as conn:
            conn.execute(select(func.sum(StockMove.qty)).where(StockMove.store_id == 1,
                                                                StockMove.qty > 2)).all()
    with pytest.raises(AssertionError):
        _moves_read_by_product_and_time(stock_history, statements, "a store's history")


def test_a_product_across_the_stores_is_read_by_its_index(stock_history, monkeypatch):
    """pos.stock.levels.lookup (a product at every store) reads the stock by
    ix_store_stock_product_id and the units by product, never the whole table."""
    from pos.stock import levels
    from tests.support import query_plans

    monkeypatch.setattr(query_plans, "HISTORY",
                        query_plans.HISTORY | STOCK_HISTORY | {"store_stock"})
    db = stock_history
    with db.read_connection() as conn:
        from sqlalchemy import select

        from pos.db.models import Product
        barcode = conn.execute(select(Product.barcode).where(Product.serial_tracked.is_(True))
                               .order_by(Product.id).limit(1)).scalar_one()
    with captured(db) as statements:
        found = levels.lookup(db, code=barcode)
    assert len(found.stores) == 3 and any(s.serials for s in found.stores)
    _assert_no_full_scan(db, statements, "a product across the stores")
    plans = "\n".join(explain(db, s) for s in statements if "store_stock" in s.sql)
    assert "ix_store_stock_product_id" in plans, plans
