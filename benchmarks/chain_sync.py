"""A chain at scale: N stores (200) each pushing a day of sales (500) into one head-office
PostgreSQL on this machine, all reconnecting at once after a cut.

    flock /tmp/bench.lock .venv/bin/python benchmarks/chain_sync.py
    flock /tmp/bench.lock .venv/bin/python benchmarks/chain_sync.py --stores 10 --sales 100

What is real and what is simulated:
- ONE real store day is built once (and kept in --data): an SQLite store made from the
  demo (`load_demo`), stocked, joined to a head office (`pos.sync.join.join`), its
  history pushed for real (`pos.sync.push.push_once` into `pos.hq.receive.apply_batch`),
  then SALES sales completed through the real checkout (one to three lines of
  accessories, cash / WeChat / Alipay / bank card), and the day's outbox read as the store would ship
  it (`pos.sync.batch.read_batch`, --batch rows a batch) and saved.
- The N stores are that day replayed: each simulated store has its own stream at head
  office (`hq_streams`, store code B000..) and its own replica schema (`store_b000`..),
  whose history is a copy of the real store's (an SQL copy of `store_s01`, standing for
  each store's join) with the stream registered at the end of that chain. Every store
  then pushes the same day's batches through the real `apply_batch` (one transaction a
  batch: the stream locked, the chain checked and re-hashed, rows upserted, conflicts
  looked for). The stores' chains are identical in content, which head office does not
  compare across stores (streams are per store); the items sold carry no serials, so no
  "sold twice" alert is raised. Each batch gets the replay's clock as its sending time.
- Not simulated: the store side's reading (timed once while building, printed), the
  network (head office is on this machine's loopback).
- Head office's cluster is kept in --data between runs (the built day's head office is
  a template database; each run copies it) and runs with synchronous_commit on, as a
  head office must (a store forgets what head office acknowledged), fsync off as every
  benchmark here, and max_locks_per_transaction 256 (ANALYZE of 200 stores' tables).

Figures: the join copy; the reconnect after a cut (all N stores at once, --workers
processes each taking the next store and pushing its whole day): wall time until the
last store's last document is at head office, documents (journal entries) and rows
applied per second, each batch's apply time (median, p95), each store's lag (time from
the reconnect until its day is all at head office: median, p95, max); then head
office's day report over all stores (`pos.hq.reports.chain_day_report`) and one
store's (`store_report`), and the same store's report at the store itself.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import os
import pickle
import random
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from common import figures, timed  # noqa: F401 - puts the checkout on sys.path

ITEMS = ("PRO-NBF-16", "PRO-NBF-14", "PRO-CLN-PC", "CBL-HDMI-3M", "CBL-DP-2M", "CBL-USBC-1M",
         "CBL-USB-EXT", "BAG-NB-14", "BAG-SLV-14", "PRO-CAM-FILM")
REAL = "S01"


def code_of(n: int) -> str:
    return f"B{n:03d}"


# --- building the one real store day -------------------------------------------------

def build_day(hq_url: str, folder: Path, sales: int, batch: int) -> dict:
    from pos.db import schema
    from pos.db.engine import Database
    from pos.db.models import Product, Store
    from pos.demo.loader import load_demo
    from pos.hq.receive import apply_batch
    from pos.ledger.stock_opening import set_store_stock
    from pos.people import staff
    from pos.selling import checkout, completion
    from pos.selling.cart import TenderInput
    from pos.sync.batch import read_batch
    from pos.hq.link import join
    from pos.sync.push import forget_shipped, push_once
    from sqlalchemy import select

    path = folder / f"store_day_{sales}.db"
    path.unlink(missing_ok=True)
    store = Database(f"sqlite:///{path}")
    schema.upgrade(store.engine)
    load_demo(store, locale="en")
    with store.write_connection() as conn:
        ids = dict(conn.execute(select(Product.sku, Product.id)
                                .where(Product.sku.in_(ITEMS))).all())
        store_id = conn.execute(select(Store.id).where(Store.code == REAL)).scalar_one()
        set_store_stock(conn, store_id=store_id, staff_id=None, note="benchmark stock",
                        quantities={pid: 10 * sales for pid in ids.values()})
    join(store, hq_url=hq_url, store_code=REAL)
    hq = Database(hq_url)

    def deliver(b):
        return apply_batch(hq, b)

    history = []
    while True:  # the history, shipped for real (and kept, to register each store)
        b = read_batch(store, limit=batch)
        if b is None:
            break
        history.append(b)
        push_once(store, deliver=deliver, limit=batch)
    cashier = next(s.id for s in staff.list_staff(store) if s.role.value == "cashier")
    rng = random.Random(21)
    started = time.perf_counter()
    for n in range(sales):
        cart = checkout.open_cart(store, staff_id=cashier, terminal="T01")
        for code in rng.sample(ITEMS, rng.choice((1, 1, 2, 2, 3))):
            checkout.add_product(store, cart, code=code)
        due = sum(line.total for line in cart.lines)
        kind = rng.choice(("cash", "wechat", "alipay", "bank_card"))
        completion.complete_sale(store, cart, tenders=[TenderInput(kind, due)])
    selling = time.perf_counter() - started
    day, reads = [], []
    while True:  # the day as the store ships it, read and forgotten (not delivered)
        t0 = time.perf_counter()
        b = read_batch(store, limit=batch)
        reads.append((time.perf_counter() - t0) * 1000)
        if b is None:
            break
        day.append(b)
        forget_shipped(store, b.outbox_ids)
    store.dispose()
    hq.dispose()
    return {"sales": sales, "batch": batch, "day": date.today(), "history": history,
            "batches": day, "selling_s": selling, "read_ms": reads}


# --- head office ---------------------------------------------------------------------

def start_hq(folder: Path):
    """Head office's cluster, kept in `folder` between runs (as benchmarks/report.py)."""
    from report import KeptPostgres

    kept = KeptPostgres(folder / "pg")
    server = kept.start()
    kept.stop()  # and again as a head office runs: commits acknowledged once in the WAL
    options = (f"-p {server.port} -k {server.root} -c listen_addresses=127.0.0.1 "
               "-c fsync=off -c synchronous_commit=on -c full_page_writes=off "
               "-c max_connections=40 -c shared_buffers=256MB -c max_wal_size=4GB "
               "-c max_locks_per_transaction=256")
    started = subprocess.run(server._cmd("pg_ctl", "-D", str(server.data), "-o", options, "-l",
                                         str(server.root / "server.log"), "-w", "-t", "120",
                                         "start"), capture_output=True, text=True)
    if started.returncode != 0:
        raise RuntimeError(started.stderr)
    return kept, server


def new_hq(server, name: str):
    from pos.db import schema
    from pos.db.engine import Database
    from pos.hq.setup import init_hq

    server.execute(f"CREATE DATABASE {name}")
    hq = Database(server.url(name))
    schema.upgrade(hq.engine)
    init_hq(hq, demo=True)
    return hq


def register_copies(hq, stores: int, history: list) -> None:
    """Each simulated store as if it had joined with the real store's history: its
    schema a copy of store_s01, its stream at the end of that chain, a store row."""
    from pos.hq import replica
    from pos.sync.capture import replicated_tables

    names = [t.name for t in replicated_tables()]
    source = replica.schema_name(REAL)
    for n in range(stores):
        code = code_of(n)
        with hq.write_connection() as conn:  # a transaction a store (its locks)
            schema = replica.schema_name(code)
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
            for name in names:  # what ensure_replica makes (keys, indexes), by copy
                conn.exec_driver_sql(f'CREATE TABLE "{schema}"."{name}" '
                                     f'(LIKE "{source}"."{name}" INCLUDING ALL)')
                conn.exec_driver_sql(f'INSERT INTO "{schema}"."{name}" '
                                     f'SELECT * FROM "{source}"."{name}"')
            conn.exec_driver_sql(f"UPDATE \"{schema}\".stores SET code = '{code}' "
                                 f"WHERE code = '{REAL}'")
            conn.exec_driver_sql(
                "INSERT INTO stores (code, name, address, phone, tax_id, currency, locale, "
                f"receipt_footer) SELECT '{code}', 'Simulated store {code}', address, phone, "
                f"tax_id, currency, locale, receipt_footer FROM stores WHERE code = '{REAL}'")
            conn.exec_driver_sql(
                "INSERT INTO hq_streams (store_code, chain_first, schema_rev, joined_at, "
                "last_seq, last_hash, last_document_at, last_received_at, state, error, "
                f"clock_skew_s, batches, rows) SELECT '{code}', chain_first, schema_rev, "
                "joined_at, last_seq, last_hash, last_document_at, last_received_at, state, "
                f"error, clock_skew_s, 0, 0 FROM hq_streams WHERE store_code = '{REAL}'")
    analyze(hq)


def analyze(hq) -> None:
    """ANALYZE outside a transaction (in one, it would lock every table of every store
    at once: more locks than the server's table holds)."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(hq.url)
    with psycopg.connect(host=url.host, port=url.port, user=url.username,
                         dbname=url.database, autocommit=True) as conn:
        conn.execute("ANALYZE")


def _as_store(b, code: str):
    """A batch of the real store as store `code` sends it now."""
    from pos.kernel.clock import utcnow

    upserts = b.upserts
    if "stores" in upserts:
        upserts = dict(upserts, stores=[dict(r, code=code) if r.get("code") == REAL else r
                                        for r in upserts["stores"]])
    return dataclasses.replace(b, store_code=code, sent_at=utcnow(), upserts=upserts)


_DAY: list = []


def _init_worker(path: str) -> None:
    with open(path, "rb") as f:
        _DAY[:] = pickle.load(f)["batches"]


def _push_store(job) -> tuple:
    """One simulated store's reconnect: its day, batch after batch, in order."""
    hq_url, code, t0 = job
    from pos.db.engine import Database
    from pos.hq.receive import apply_batch

    db = _push_store.db = getattr(_push_store, "db", None) or Database(hq_url)
    entries = rows = 0
    samples = []
    for b in _DAY:
        start = time.perf_counter()
        applied = apply_batch(db, _as_store(b, code))
        samples.append((time.perf_counter() - start) * 1000)
        entries += applied.new_entries
        rows += applied.rows
    return code, time.time() - t0, entries, rows, samples


def reconnect(hq_url: str, stores: int, workers: int, day_file: Path) -> dict:
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(str(day_file),)) as pool:
        pool.map(abs, range(workers))  # the workers up and loaded before the clock starts
        t0 = time.time()
        jobs = [(hq_url, code_of(n), t0) for n in range(stores)]
        done = list(pool.imap_unordered(_push_store, jobs))
        wall = time.time() - t0
    return {"wall": wall, "done": done}


def _pct(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stores", type=int, default=200)
    parser.add_argument("--sales", type=int, default=500)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--batch", type=int, default=2000,
                        help="outbox rows a batch (pos sync's)")
    parser.add_argument("--data", default="/tmp/p6/chain")
    parser.add_argument("--rebuild", action="store_true", help="build the store day again")
    parser.add_argument("--no-reports", action="store_true", help="the reconnect only")
    args = parser.parse_args()
    os.environ.setdefault("POS_DATA_DIR", str(Path(args.data) / "pos-data"))
    folder = Path(args.data)
    folder.mkdir(parents=True, exist_ok=True)
    from pos.db.engine import Database
    from pos.day.reports import day_report
    from pos.hq import replica
    from pos.hq.reports import chain_day_report, store_report

    kept, server = start_hq(folder)
    try:
        from pos.db.schema import HEAD

        # a day built at another schema revision is built again (head office refuses it)
        day_file = folder / f"day_{args.sales}_{args.batch}_r{HEAD}.pickle"
        template = f"hq_built_{args.sales}_{args.batch}_r{HEAD}"
        if args.rebuild or not day_file.exists() or not kept.has(template):
            server.execute(f"DROP DATABASE IF EXISTS {template}")
            builder = new_hq(server, template)
            print(f"building one store day of {args.sales} sales ...", flush=True)
            built = build_day(builder.url, folder, args.sales, args.batch)
            builder.dispose()
            with open(day_file, "wb") as f:
                pickle.dump(built, f)
        with open(day_file, "rb") as f:
            built = pickle.load(f)
        day, batches, history = built["day"], built["batches"], built["history"]
        day_rows = sum(len(b.outbox_ids) for b in batches)
        print(f"one store day: {built['sales']} sales, {len(batches)} batches of up to "
              f"{built['batch']} outbox rows ({day_rows:,} rows), history {len(history)} "
              f"batches; selling took {built['selling_s']:.1f} s at the store "
              f"(built {day}); reading a batch at the store: median "
              f"{statistics.median(built['read_ms']):.1f} ms", flush=True)

        server.execute("DROP DATABASE IF EXISTS hq_run WITH (FORCE)")
        server.execute(f"CREATE DATABASE hq_run TEMPLATE {template}")
        hq = Database(server.url("hq_run"))
        started = time.perf_counter()
        register_copies(hq, args.stores, history)
        print(f"{args.stores} stores joined (schema copies of one real join): "
              f"{time.perf_counter() - started:.1f} s", flush=True)

        result = reconnect(hq.url, args.stores, args.workers, day_file)
        done, wall = result["done"], result["wall"]
        entries = sum(d[2] for d in done)
        rows = sum(d[3] for d in done)
        lags = [d[1] for d in done]
        samples = [s for d in done for s in d[4]]
        print(f"reconnect after a cut: {args.stores} stores x {built['sales']} sales, "
              f"{args.workers} pushers: all at head office after {wall:.1f} s", flush=True)
        print(f"  applied {entries:,} documents ({entries / wall:,.0f}/s), {rows:,} rows "
              f"({rows / wall:,.0f}/s)", flush=True)
        print("  " + figures("batch apply", samples), flush=True)
        print(f"  store lag: median {statistics.median(lags):.1f} s, p95 {_pct(lags, .95):.1f}"
              f" s, max {max(lags):.1f} s", flush=True)
        expected = args.stores * sum(len(b.upserts.get("journal_entries", ())) for b in batches)
        assert entries == expected, (entries, expected)

        if args.no_reports:
            hq.dispose()
            return
        analyze(hq)
        found = []
        first = timed(lambda: found.append(chain_day_report(hq.url, day=day)), 1)
        sales = found[0].documents.get("sale", (0, 0))[0]
        assert sales == args.stores * built["sales"], sales
        again = timed(lambda: chain_day_report(hq.url, day=day), 3 if args.stores <= 20 else 1)
        print(f"  chain day report, {args.stores} stores ({sales:,} sales): first "
              f"{first[0] / 1000:.1f} s, then " + figures("", again).strip(), flush=True)
        print("  " + figures(f"store day report at head office ({code_of(0)})",
                             timed(lambda: store_report(hq.url, code_of(0), day=day), 10)),
              flush=True)
        view = Database(replica.view_url(hq.url, code_of(0)))
        print("  " + figures("the same, day_report on the store's view",
                             timed(lambda: day_report(view, day=day, store=code_of(0)), 10)),
              flush=True)
        with hq.read_connection() as conn:
            size = conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar()
        print(f"  head office database: {size / 2**20:,.0f} MiB", flush=True)
        view.dispose()
        hq.dispose()
    finally:
        kept.stop()


if __name__ == "__main__":
    sys.exit(main())
