"""Head office's reports (pos.hq.reports) over two stores' rows: an SQLite store (S01)
and a PostgreSQL store (S02), each with a known day of sales (sheet items, a card, an
add-on, a refund, a void), the SQLite one with a day of customer accounts too, pushed to
head office on PostgreSQL (pos.sync.push into pos.hq.receive). Each store's report
computed at head office equals the store's own; the chain's reports equal the stores'
own added up; stock and aging totals are the stores' sums."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from pos.accounts.aging import aging
from pos.day import commissions, reports
from pos.db.models import HqStream, Store, StoreStock
from pos.hq import replica
from pos.hq import reports as hq_reports
from pos.hq.combine import ChainCommission, combine, combine_commissions
from pos.kernel.errors import UserError
from pos.ledger import verify
from pos.sync import capture
from pos.sync.push import push_all
from tests.integration.account_day import an_account_day
from tests.integration.sync_helpers import deliver_to, hq_database, joined_store
from tests.integration.test_reports import known_day

pytestmark = pytest.mark.postgres

TODAY = date.today()


@pytest.fixture
def hq(pg_server):
    database = hq_database(pg_server)
    yield database
    database.dispose()
    database.test_drop()


@pytest.fixture
def chain(hq, sqlite_demo_db, pg_demo_db):
    """S01 on SQLite (a known day, then a day of accounts), S02 on PostgreSQL (the demo
    store renamed, a known day), joined to head office and pushed there (pos.sync.push
    into pos.hq.receive) twice: after the known days, and after the accounts."""
    s01, s02 = sqlite_demo_db, pg_demo_db
    with s02.write_connection() as conn:
        conn.execute(update(Store).where(Store.code == "S01").values(code="S02"))
    for code, db in (("S01", s01), ("S02", s02)):
        joined_store(db, hq, code)
    known_day(s01)
    known_day(s02)
    for db in (s01, s02):
        push_all(db, deliver=deliver_to(hq))
    an_account_day(s01)
    assert push_all(s01, deliver=deliver_to(hq)).pending_after == 0
    return {"S01": s01, "S02": s02}


def csv(report) -> list[str]:
    return reports.report_csv(report).decode().splitlines()


def test_head_office_gives_each_store_its_own_report(hq, chain):
    for code, store_db in chain.items():
        own = reports.day_report(store_db, day=TODAY, store=code)
        at_hq = hq_reports.store_report(hq.url, code, day=TODAY)
        assert own.documents and own.kpis.units and own.commissions.people
        assert csv(at_hq) == csv(own)
        assert hq_reports.compare_with_store(store_db, hq.url, code, day=TODAY) == []
        start = TODAY.replace(day=1)
        assert csv(hq_reports.store_period(hq.url, code, start=start, end=TODAY)) == \
            csv(reports.period_report(store_db, start=start, end=TODAY, store=code))
    assert chain["S01"] and reports.day_report(chain["S01"], day=TODAY, store="S01").has_account
    for store_db in chain.values():
        assert verify.verify(store_db).ok


def test_the_chain_report_is_the_sum_of_the_stores_own(hq, chain):
    own = [reports.day_report(db, day=TODAY, store=code) for code, db in sorted(chain.items())]
    found = hq_reports.chain_day_report(hq.url, day=TODAY)
    assert csv(found) == csv(combine(own))
    assert found.scope == "all stores"
    assert found.net == sum(r.net for r in own) != 0
    for tender in set().union(*(r.takings for r in own)):
        assert found.takings.get(tender, 0) == sum(r.takings.get(tender, 0) for r in own)
    assert found.kpis.units == sum(r.kpis.units for r in own)
    assert found.commissions.total == sum(r.commissions.total for r in own) > 0
    # the demo's staff sold in both stores: each paid per store's statement
    both = [p for p in found.commissions.people if isinstance(p, ChainCommission)]
    assert both and all(p.stores == 2 for p in both)
    for person in both:
        assert person.amount == sum(p.amount for r in own for p in r.commissions.people
                                    if (p.staff, p.scheme) == (person.staff, person.scheme))
    assert found.account.deposits_held == sum(r.account.deposits_held for r in own if r.account)
    period = hq_reports.chain_period_report(hq.url, start=TODAY.replace(day=1), end=TODAY)
    assert csv(period) == csv(combine([reports.period_report(
        db, start=TODAY.replace(day=1), end=TODAY, store=code) for code, db in sorted(chain.items())]))
    # the month's commission statement: each store's, added up
    first, last = commissions.month_bounds(TODAY.isoformat()[:7])
    statements = [commissions.commission_statement(db, start=first, end=last, store=code)
                  for code, db in sorted(chain.items())]
    paid = hq_reports.chain_commissions(hq.url, start=first, end=last)
    assert commissions.statement_csv(paid) == commissions.statement_csv(
        combine_commissions(statements))
    assert paid.total == sum(s.total for s in statements) > 0
    assert paid.net_sales == sum(s.net_sales for s in statements)
    assert commissions.statement_csv(hq_reports.chain_commissions(
        hq.url, start=first, end=last, store="S01")) == commissions.statement_csv(statements[0])
    # one store asked for: that store's own report
    assert csv(hq_reports.chain_day_report(hq.url, day=TODAY, store="S02")) == csv(own[1])


def test_stock_and_aging_are_the_stores_figures_and_their_sums(hq, chain):
    stock = hq_reports.chain_stock(hq.url)
    assert stock.stores == ("S01", "S02")
    expected_total: dict[str, tuple[int, int]] = {}
    for code, db in chain.items():
        with db.read_connection() as conn:
            own = {sku: (on_hand, transit) for sku, on_hand, transit in conn.execute(
                select(capture.table("products").c.sku, StoreStock.on_hand, StoreStock.in_transit)
                .join(capture.table("products"), capture.table("products").c.id == StoreStock.product_id)
                .join(Store, Store.id == StoreStock.store_id).where(Store.code == code))}
        assert stock.totals(code) == dict(sorted(own.items())) and own
        for sku, (on_hand, transit) in own.items():
            seen = expected_total.get(sku, (0, 0))
            expected_total[sku] = (seen[0] + on_hand, seen[1] + transit)
    assert stock.totals() == dict(sorted(expected_total.items()))
    # the bag sold in both stores (S01 sold more of them on account)
    bags = [stock.totals(code)["BAG-NB-156"][0] for code in chain]
    assert stock.totals()["BAG-NB-156"][0] == sum(bags) and bags[0] != bags[1]
    found = hq_reports.chain_aging(hq.url, as_of=TODAY)
    own = {code: aging(db, store=code, as_of=TODAY) for code, db in chain.items()}
    assert found.rows == own["S01"].rows + own["S02"].rows and own["S01"].rows
    assert found.totals("S01") == own["S01"].totals()
    assert found.totals() == {key: own["S01"].totals()[key] + own["S02"].totals()[key]
                              for key in found.totals()}
    assert hq_reports.chain_aging(hq.url, store="S01", as_of=TODAY).rows == own["S01"].rows


def test_a_difference_is_named_and_unknown_or_empty_stores(hq, chain):
    sales = replica.replica_table("S02", "sales")
    with hq.write_connection() as conn:
        conn.execute(sales.delete().where(sales.c.id == conn.execute(
            select(sales.c.id).order_by(sales.c.id.desc()).limit(1)).scalar()))
    differences = hq_reports.compare_with_store(chain["S02"], hq.url, "S02", day=TODAY)
    assert differences and any(line.startswith("store S02: documents,") for line in differences)
    assert any(line.startswith("head office: documents,") for line in differences)
    assert hq_reports.compare_with_store(chain["S01"], hq.url, "S01", day=TODAY) == []
    with pytest.raises(UserError) as refused:
        hq_reports.store_report(hq.url, "S99", day=TODAY)
    assert refused.value.message_id == "sync.unknown_store"
    with pytest.raises(UserError) as refused:
        hq_reports.chain_stock(hq.url, store="S99")
    assert refused.value.message_id == "sync.unknown_store"
    with pytest.raises(UserError) as refused:
        hq_reports.chain_period_report(hq.url, start=TODAY, end=TODAY.replace(year=TODAY.year - 1))
    assert refused.value.message_id == "report.period_backwards"
    # a store that joined but whose rows have not arrived adds nothing
    before = csv(hq_reports.chain_day_report(hq.url, day=TODAY))
    with hq.write_connection() as conn:
        conn.execute(HqStream.__table__.insert().values(store_code="S03", chain_first="x"))
    assert csv(hq_reports.chain_day_report(hq.url, day=TODAY)) == before
    assert hq_reports.store_report(hq.url, "S03", day=TODAY).documents == {}
    assert hq_reports.chain_stock(hq.url).stores == ("S01", "S02")


def test_pos_hq_report_prints_and_writes_the_chains_figures(hq, chain, tmp_path, capsys):
    from pos.cli import main

    out = tmp_path / "chain.csv"
    assert main(["hq", "report", "day", "--db", hq.url, "--csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"Head office day report {TODAY} (all stores)" in printed
    assert "store S01: journal to #" in printed and "store S02: journal to #" in printed
    assert out.read_bytes() == reports.report_csv(hq_reports.chain_day_report(hq.url, day=TODAY))
    assert main(["hq", "report", "period", "--db", hq.url, "--from", TODAY.isoformat(),
                 "--store", "S02", "--csv", str(out)]) == 0
    assert out.read_bytes() == reports.report_csv(
        reports.period_report(chain["S02"], start=TODAY, end=TODAY, store="S02"))
    assert main(["hq", "report", "commissions", "--db", hq.url, "--csv", str(out)]) == 0
    first, last = commissions.month_bounds(TODAY.isoformat()[:7])
    assert out.read_bytes() == commissions.statement_csv(
        hq_reports.chain_commissions(hq.url, start=first, end=last))
    assert main(["hq", "report", "stock", "--db", hq.url, "--csv", str(out)]) == 0
    lines = out.read_bytes().decode("utf-8-sig").splitlines()
    total = hq_reports.chain_stock(hq.url).totals()["BAG-NB-156"][0]
    assert any(line.startswith("all stores,BAG-NB-156,") and line.split(",")[3] == str(total)
               for line in lines)
    capsys.readouterr()
    assert main(["hq", "report", "accounts", "--db", hq.url, "--as-of", TODAY.isoformat()]) == 0
    printed = capsys.readouterr().out
    assert "all stores" in printed and "S01" in printed
    assert main(["hq", "report", "day", "--db", hq.url, "--store", "S99"]) == 1
    assert "S99" in capsys.readouterr().err


def test_a_store_view_reads_one_snapshot_and_writes_nothing(hq, pg_demo_db):
    with hq.write_connection() as conn:
        replica.ensure_replica(conn, "S05")
    with hq_reports.store_view(hq.url, "S05") as view, view.read_connection() as conn:
        assert conn.exec_driver_sql("SHOW transaction_isolation").scalar() == "repeatable read"
        assert conn.exec_driver_sql("SHOW search_path").scalar() == "store_s05"
    with hq_reports.store_view(hq.url, "S05") as view:
        with pytest.raises(Exception, match="read-only"):
            with view.write_connection() as conn:
                conn.exec_driver_sql("INSERT INTO settings (key, value_json) VALUES ('x', '1')")
    with hq_reports.store_views(hq.url) as views:
        with views.of("S05") as view, view.read_connection() as conn:
            assert conn.exec_driver_sql("SHOW search_path").scalar() == "store_s05"
        with pytest.raises(RuntimeError), views.view.read_connection() as conn:
            conn.exec_driver_sql("SELECT 1")  # no store chosen: no search path at all
    with pytest.raises(UserError) as refused:
        hq_reports.chain_day_report("sqlite:///nowhere.db", day=TODAY)
    assert refused.value.message_id == "hq.needs_postgres"
    with pytest.raises(UserError) as refused:  # a store's database is no head office
        hq_reports.chain_stock(pg_demo_db.url)
    assert refused.value.message_id == "sync.not_hq"
