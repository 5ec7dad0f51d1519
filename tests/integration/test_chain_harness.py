"""The chain harness (issue 21): head office on a PostgreSQL cluster of its own, a store
on PostgreSQL with two tills (T01 here, T02 in a child process at the same time) and a
store on SQLite; sales on all three tills; the line cut (head office stopped with
`pg_ctl stop -m immediate`) while every till keeps selling and a sync attempt reports
head office unreachable; master data changed at head office while the stores cannot
pull; sync processes killed mid-batch (before head office commits, and after it
committed but before the store forgot what it shipped); then everything synced, and:
every document exactly once at head office, every chain verifying at both ends (at the
store by `journal verify`, at head office by `pos hq verify` on its copy), head
office's day report the sum of the stores' to the cent, the master data changed during
the cut at both stores (a price and a new product, sold there; a new person)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from pos.catalog.products import export_catalog, find_by_code, import_catalog_file
from pos.day.reports import day_report, report_csv
from pos.db import schema
from pos.db.engine import Database
from pos.db.models import HqAlert, HqStream, JournalHead, SyncOutbox, SyncState
from pos.hq import replica
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people.staff import add_staff, list_staff
from tests.integration.checkout_helpers import restock
from tests.support.chain import (
    CuttableServer, run_cli, run_killed_sync, sell, sqlite_store, start_cli,
)
from tests.support.pgserver import PostgresUnavailable

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
NEW_SKU, NEW_BARCODE = "CHAIN-NEW-1", "6900000210017"
NEW_PERSON = "Chain Hire"
PRICED_SKU = "PRO-NBF-16"  # sold on every till; its price changes at head office
DOCUMENT_TABLES = ("journal_entries", "sales", "sale_lines", "payments", "stock_documents",
                   "stock_moves", "audit_events", "shifts")


@pytest.fixture
def hq_server():
    try:
        server = CuttableServer().start()
    except PostgresUnavailable as exc:
        if os.environ.get("CI") or os.environ.get("POS_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is required here (CI) but could not start: {exc}")
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    yield server
    server.stop()


@pytest.fixture
def chain(hq_server, pg_server, tmp_path, sqlite_demo_template):
    """Head office (demo master data) and two stores joined to it: S01 on PostgreSQL
    (tills T01, T02), S02 on SQLite (till T01)."""
    from pos.hq.link import join
    from pos.hq.setup import init_hq

    hq_url = hq_server.new_database("hq")
    hq = Database(hq_url)
    schema.upgrade(hq.engine)
    init_hq(hq, demo=True)
    name = f"chain_store_{os.getpid()}"
    pg_server.execute(f"CREATE DATABASE {name} TEMPLATE tickbox_demo_template")
    s01 = Database(pg_server.url(name))
    s02 = Database(sqlite_store(tmp_path, sqlite_demo_template, "S02"))
    join(s01, hq_url=hq_url, store_code="S01")
    join(s02, hq_url=hq_url, store_code="S02")
    yield hq_url, hq, {"S01": s01, "S02": s02}
    for db in (hq, s01, s02):
        db.dispose()
    pg_server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _sync(store, hq_url, rounds: int = 6) -> None:
    """Push and pull until nothing is left to send (a pull's changes are sent next)."""
    from pos.hq.link import sync_once

    for _ in range(rounds):
        sync_once(store, hq_url)
        if _pending(store) == 0:
            return
    raise AssertionError(f"{store.url}: outbox not empty after {rounds} syncs")


def _pending(store) -> int:
    with store.read_connection() as conn:
        return conn.execute(select(func.count()).select_from(SyncOutbox)).scalar()


def _stream(hq, code):
    with hq.read_connection() as conn:
        return conn.execute(select(HqStream).where(HqStream.store_code == code)).one()


def _head(store) -> tuple[int, str]:
    with store.read_connection() as conn:
        return tuple(conn.execute(select(JournalHead.last_seq, JournalHead.last_hash)).one())


def _entries(db, where: str = "") -> list[tuple[int, str]]:
    with db.read_connection() as conn:
        return [tuple(r) for r in conn.execute(text(
            f"SELECT seq, hash FROM {where}journal_entries ORDER BY seq"))]


def _receipts(db, where: str = "") -> list[str]:
    with db.read_connection() as conn:
        return [r[0] for r in conn.execute(text(
            f"SELECT receipt_no FROM {where}sales ORDER BY receipt_no"))]


def _worker(url: str, terminal: str, count: int) -> subprocess.Popen:
    """Till T02 of the PostgreSQL store selling in a process of its own."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "tests.support.sales_worker", url, terminal,
                             str(count)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT, env=env)


def _worker_receipts(process: subprocess.Popen) -> list[str]:
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    lines = out.split()
    assert lines[0] == "READY" and lines[-1] == "DONE"
    return lines[1:-1]


def _price_at(store, sku: str) -> int:
    with store.read_connection() as conn:
        return conn.execute(text("SELECT price FROM products WHERE sku = :s"), {"s": sku}).scalar()


def test_a_chain_through_a_cut_line_and_killed_syncs_loses_and_doubles_nothing(chain, hq_server):
    from pos.hq.link import sync_once
    from pos.hq.reports import chain_day_report, store_report
    from pos.hq.verify import verify_store

    hq_url, hq, stores = chain
    s01, s02 = stores["S01"], stores["S02"]
    sold: dict[str, list[str]] = {"S01": [], "S02": []}

    # --- selling on all three tills, synced ------------------------------------------
    t02 = _worker(s01.url, "T02", 3)
    sold["S01"] += sell(s01, "T01", 3)
    sold["S02"] += sell(s02, "T01", 3)
    sold["S01"] += _worker_receipts(t02)
    for store in (s01, s02):
        _sync(store, hq_url)
    assert _stream(hq, "S01").last_seq == _head(s01)[0]
    assert _stream(hq, "S02").last_seq == _head(s02)[0]

    # --- the cut: head office stops as a crash does; every till goes on selling -------
    acked = {code: (_stream(hq, code).last_seq, _stream(hq, code).last_hash)
             for code in stores}
    hq.dispose()
    hq_server.cut()
    t02 = _worker(s01.url, "T02", 4)
    sold["S01"] += sell(s01, "T01", 4)
    sold["S02"] += sell(s02, "T01", 4)
    sold["S01"] += _worker_receipts(t02)
    with pytest.raises(UserError) as refused:  # the SQLite store's sync, here
        sync_once(s02, hq_url)
    assert refused.value.message_id == "sync.hq_unreachable"
    said = run_cli("sync", "--db", s01.url)  # the PostgreSQL store's, as `pos sync`
    assert said.returncode == 1 and "Head office cannot be reached" in said.stderr, said
    for store in (s01, s02):
        with store.read_connection() as conn:
            state = conn.execute(select(SyncState)).one()
        assert state.unreachable_since is not None
        assert _pending(store) > 0  # kept, to send when the line is back

    # --- head office back, its master data changed while no store can pull ----------
    hq_server.restore()
    for code, store in stores.items():  # what head office acknowledged survived the crash
        assert (_stream(hq, code).last_seq, _stream(hq, code).last_hash) == acked[code]
    old_price = _price_at(hq, PRICED_SKU)
    new_price = old_price + 1_000
    _change_master(hq, new_price)
    add_staff(hq, name=NEW_PERSON, role="cashier", pin="480516")  # hired at head office
    sold["S01"] += sell(s01, "T01", 2)  # still the old price: nothing pulled yet
    sold["S02"] += sell(s02, "T01", 2)
    assert _price_at(s01, PRICED_SKU) == old_price
    assert NEW_PERSON not in {p.name for p in list_staff(s02)}

    # --- syncs killed mid-batch ------------------------------------------------------
    for code, store in (("S02", s02), ("S01", s01)):
        before = _stream(hq, code).last_seq
        outbox = _pending(store)
        died = run_killed_sync(store.url, hq_url, "before_commit")
        assert died.returncode == -9, (died.stdout, died.stderr)
        assert _killed_at(died, "in transaction") > before  # the batch was being applied
        assert _stream(hq, code).last_seq == before  # and nothing of it committed
        assert _pending(store) == outbox
        died = run_killed_sync(store.url, hq_url, "after_commit")
        assert died.returncode == -9, (died.stdout, died.stderr)
        assert _killed_at(died, "committed") == _stream(hq, code).last_seq > before
        assert _pending(store) == outbox  # still in the store's outbox: it is sent again

    # --- the line back: `pos sync` at one store, `pos sync --loop` (the service) at the
    # other, then everything synced --------------------------------------------------
    said = run_cli("sync", "--db", s01.url)
    assert said.returncode == 0, said
    loop = start_cli("sync", "--loop", "--interval", "0.5", "--db", s02.url)
    try:
        deadline = time.monotonic() + 40
        while _pending(s02) or _price_at(s02, PRICED_SKU) != new_price:
            assert loop.poll() is None and time.monotonic() < deadline, loop.stderr.read()
            time.sleep(0.3)
    finally:
        loop.terminate()  # SIGTERM: the service ends between two syncs
        out, err = loop.communicate(timeout=30)
    assert loop.returncode == 0, err

    for store in (s01, s02):
        _sync(store, hq_url)
        with store.read_connection() as conn:
            assert conn.execute(select(SyncState.unreachable_since)).scalar() is None
    # the master data changed during the cut arrived at both stores, and sells there
    for store in (s01, s02):
        assert _price_at(store, PRICED_SKU) == new_price
        assert find_by_code(store, NEW_BARCODE).sku == NEW_SKU
        hired = [p for p in list_staff(store) if p.name == NEW_PERSON]
        assert [(p.role.value, p.active) for p in hired] == [("cashier", True)]
    for code, store in stores.items():
        restock(store, {NEW_SKU: 5}, store=code)  # the new product's first delivery
        receipt, = sell(store, "T01", 1, items=(NEW_BARCODE, PRICED_SKU))
        sold[code].append(receipt)
        with store.read_connection() as conn:
            charged = dict(conn.execute(text(
                "SELECT l.sku, l.unit_price FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
                "WHERE s.receipt_no = :r"), {"r": receipt}).all())
        assert charged == {NEW_SKU: 1990, PRICED_SKU: new_price}
    for store in (s01, s02):
        _sync(store, hq_url)

    # --- every document exactly once, every chain verifying --------------------------
    for code, store in stores.items():
        where = replica.schema_name(code) + "."
        assert _entries(hq, where) == _entries(store)
        assert len({seq for seq, _ in _entries(hq, where)}) == len(_entries(store))
        receipts = _receipts(hq, where)
        assert receipts == _receipts(store) and len(set(receipts)) == len(receipts)
        assert set(sold[code]) <= set(receipts) and len(set(sold[code])) == len(sold[code])
        with hq.read_connection() as conn, store.read_connection() as local:
            for name in DOCUMENT_TABLES:
                held = conn.execute(text(f"SELECT count(*) FROM {where}{name}")).scalar()
                assert held == local.execute(text(f"SELECT count(*) FROM {name}")).scalar(), name
        assert verify(store).ok, verify(store).problem
        verdict = verify_store(hq_url, code)  # head office's copy against its seals
        assert verdict.ok and verdict.checked > 0, verdict.problem
        stream = _stream(hq, code)
        assert stream.state == "ok", stream.error
        assert (stream.last_seq, stream.last_hash) == _head(store)
        assert stream.batches > 0 and stream.rows > 0
    with hq.read_connection() as conn:
        kinds = [k for (k,) in conn.execute(select(HqAlert.kind))]
    assert not {"chain_gap", "chain_broken"} & set(kinds), kinds
    assert verify(hq).ok  # head office's own journal (its master data edits)

    # --- head office's day report is the sum of the stores' -------------------------
    today = date.today()
    theirs = {code: day_report(store, day=today, store=code) for code, store in stores.items()}
    for code, report in theirs.items():
        assert report_csv(store_report(hq_url, code, day=today)) == report_csv(report)
    chain_report = chain_day_report(hq_url, day=today)
    assert chain_report.net == sum(r.net for r in theirs.values()) > 0
    assert chain_report.documents == _summed(r.documents for r in theirs.values())
    assert chain_report.tenders == _summed_amounts(r.tenders for r in theirs.values())
    assert sorted(chain_report.vat) == _summed_vat(r.vat for r in theirs.values())


def _killed_at(died, where: str) -> int:
    """The end of the store's chain head office saw where the sync process was killed."""
    line = next(x for x in died.stdout.splitlines() if x.startswith("KILLING"))
    assert line.startswith(f"KILLING {where}: stream at "), line
    return int(line.rsplit(" ", 1)[1])


def _change_master(hq, new_price: int) -> None:
    """At head office, with its normal command (a catalog file): PRICED_SKU at a new price
    (its stock there as it is) and a product it did not have."""
    lines = list(csv.reader(io.StringIO(export_catalog(hq).decode("utf-8-sig"))))
    header = lines[0]
    row = next(r for r in lines[1:] if r[0] == PRICED_SKU)
    row[header.index("price")] = f"{new_price // 100}.{new_price % 100:02d}"
    added = dict(zip(header, row))
    added.update(sku=NEW_SKU, barcode=NEW_BARCODE, name="Chain cable", price="19.90",
                 cost="5.00", stock="0")
    out = io.StringIO()
    csv.writer(out).writerows([header, row, [added[h] for h in header]])
    result = import_catalog_file(hq, data=out.getvalue().encode())
    assert (result.created, result.updated) == (1, 1)


def _summed(parts) -> dict:
    out: dict[str, tuple[int, int]] = {}
    for part in parts:
        for kind, (count, total) in part.items():
            had = out.get(kind, (0, 0))
            out[kind] = (had[0] + count, had[1] + total)
    return out


def _summed_amounts(parts) -> dict:
    out: dict[str, int] = {}
    for part in parts:
        for key, amount in part.items():
            out[key] = out.get(key, 0) + amount
    return out


def _summed_vat(parts) -> list:
    out: dict[int, list[int]] = {}
    for part in parts:
        for rate, gross, vat in part:
            had = out.setdefault(rate, [0, 0])
            had[0] += gross
            had[1] += vat
    return sorted((rate, g, v) for rate, (g, v) in out.items())
