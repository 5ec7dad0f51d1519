"""Completing a sale on a 100,000-product SQLite database, next to the floor: a bare
SQLite transaction inserting as many rows with the same durability settings.

    .venv/bin/python benchmarks/checkout.py [--sales 400] [--products 100000] [--history 100000]

The database holds --history sales behind today's (tests.support.history: 685 a day,
cards on 40% of the units, twenty sheet outcomes each, returns, voids and add-ons), so
the sale is timed on a store with months of documents, not an empty one.

The sale: a notebook (serial-tracked) + 3 accessories from its sheet + a gold card,
paid with two tenders. Only complete_sale() is timed; the carts are built beforehand.
Target (issue 3): p95 within 3x the floor and under 20 ms.

Three figures, measured in turn for each sale so that the disk's slow moments fall on
all three alike:
- complete_sale: the engine, as the till calls it;
- replay: the same sale's statements, exactly as the engine sent them to SQLite (SQL
  and values), run through raw sqlite3 in one transaction on an identical copy of the
  database: what storing this sale costs with no Python logic at all;
- floor: the issue's floor, as many rows into one two-column table.
Each database's write-ahead log is in steady state before timing starts (the floor's is
cycled once; the store's was cycled by the catalog import and a warm-up of sales), so
none of them pays for growing its log file while the others do not.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from common import figures, synthetic_catalog
from sqlalchemy import func, select

from pos.catalog import products
from pos.db import prepared, schema
from pos.db.engine import Database
from pos.db.models import (
    JournalEntry, Payment, Product, SaleLine, SerialUnit, ServiceCard, SheetOutcome, StockMove,
)
from pos.demo.loader import load_demo
from pos.ledger.stock_opening import home_store, set_store_stock
from pos.people import customers, staff
from pos.selling import cards, checkout, completion, sheet
from pos.selling.cart import TenderInput
from tests.support.history import add_stores, analyze, write_history

NOTEBOOK = "6923150020022"
WARM_UP_SALES = 50
HISTORY_PER_DAY = 685  # 250,000 sales a year


def build_cart(db, cashier, customer_id, serial):
    cart = checkout.open_cart(db, staff_id=cashier, terminal="T01")
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    rows = {r.code: r for r in sheet.sheet_rows(db, cart, main_line_id=unit.line_id)}
    for code in ("bag", "wireless-mouse", "cleaning-kit"):
        sheet.mark_item(db, cart, main_line_id=unit.line_id, item_id=rows[code].item_id,
                        outcome="sold")
    sheet.mark_item(db, cart, main_line_id=unit.line_id, item_id=rows["screen-film"].item_id,
                    outcome="declined")
    checkout.set_customer(db, cart, customer_id=customer_id)
    gold = next(o for o in cards.eligible_tiers(db, cart, main_line_id=unit.line_id)
                if o.code == "gold")
    cards.add_card(db, cart, main_line_id=unit.line_id, tier_id=gold.tier_id)
    checkout.set_serial(db, cart, line_id=unit.line_id, serial=serial)
    due = sum(line.total for line in cart.lines)
    return cart, [TenderInput("bank_card", due - 10000, reference="R1", card_last4="1234"),
                  TenderInput("cash", 20000)]


def stock_up(db) -> None:
    """Enough of every demo product at the tills' store for all the sales (a sale may not
    take the stock below zero), set as an import sets it: an opening stock document
    sealed in the journal."""
    with db.write_connection() as conn:
        set_store_stock(conn, store_id=home_store(conn), staff_id=None, note="benchmark",
                        quantities={pid: 1_000_000
                                    for pid in conn.execute(select(Product.id)).scalars()})


def rows_per_sale(db) -> int:
    with db.read() as session:
        written = 1  # the sale
        for model in (SaleLine, SheetOutcome, ServiceCard, Payment, SerialUnit, JournalEntry):
            written += session.scalar(select(func.count()).select_from(model))
        # its stock movements (the opening document's are not the sale's)
        written += session.scalar(select(func.count()).select_from(StockMove)
                                  .where(StockMove.sale_line_id.is_not(None)))
    return written


class Recorder:
    """Stands between the engine's prepared statements and the sqlite3 cursor and keeps
    what was sent, for the replay. Costs a Python call per statement (~0.3 µs)."""

    def __init__(self):
        self.statements: list[tuple[str, object, bool]] = []

    def install(self) -> None:
        recorder, plain_init = self, prepared.Runner.__init__

        class RecordingCursor:
            def __init__(self, cursor):
                self.cursor = cursor

            def execute(self, sql, parameters):
                recorder.statements.append((sql, parameters, False))
                self.cursor.execute(sql, parameters)
                return self

            def executemany(self, sql, parameters):
                recorder.statements.append((sql, parameters, True))
                self.cursor.executemany(sql, parameters)
                return self

            def fetchone(self):
                return self.cursor.fetchone()

            def fetchall(self):
                return self.cursor.fetchall()

            @property
            def rowcount(self):  # the stock guard reads it
                return self.cursor.rowcount

        def recording_init(runner, dialect, dbapi_connection):
            plain_init(runner, dialect, dbapi_connection)
            runner.cursor = RecordingCursor(runner.cursor)

        prepared.Runner.__init__ = recording_init


def open_like_the_app(path: Path) -> sqlite3.Connection:
    """A raw connection with the app's pragmas (pos.db)."""
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON",
                   "cache_size = -65536"):
        connection.execute(f"PRAGMA {pragma}")
    return connection


def replay(connection: sqlite3.Connection, statements) -> None:
    connection.execute("BEGIN IMMEDIATE")
    for sql, parameters, many in statements:
        if many:
            connection.executemany(sql, parameters)
        else:
            connection.execute(sql, parameters).fetchall()
    connection.execute("COMMIT")


def wal_frames(path: Path) -> int:
    wal = Path(f"{path}-wal")
    if not wal.exists() or wal.stat().st_size < 32:
        return 0
    page_size = int.from_bytes(wal.read_bytes()[8:12], "big")
    return (wal.stat().st_size - 32) // (page_size + 24)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=400)
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--history", type=int, default=100_000,
                        help="sales of history written before timing (0: none)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store_path, copy_path = Path(folder) / "bench.db", Path(folder) / "replay.db"
        db = Database(f"sqlite:///{store_path}")
        schema.upgrade(db.engine)
        load_demo(db, locale="en")
        stock_up(db)
        categories, catalog_csv, _, _ = synthetic_catalog(args.products)
        products.import_categories_file(db, data=categories)
        products.import_catalog_file(db, data=catalog_csv)
        cashier = next(s.id for s in staff.list_staff(db) if s.role.value == "cashier")
        customer = customers.create_customer(db, phone="13800138000", name="Bench")

        # one sale to count its rows (plus 4 store_stock updates, 2 counters, the journal
        # head)
        cart, tenders = build_cart(db, cashier, customer.id, "SN-WARMUP")
        completion.complete_sale(db, cart, tenders=tenders)
        rows = rows_per_sale(db) + 7
        if args.history:  # months of sales behind today's, with cards, returns, add-ons
            days = -(-args.history // HISTORY_PER_DAY)
            add_stores(db)
            history = write_history(db, days=days, per_day=HISTORY_PER_DAY,
                                    first_day=date.today() - timedelta(days=days + 1))
            analyze(db)
            print(f"history: {history.documents:,} documents, {history.lines:,} lines, "
                  f"{history.outcomes:,} sheet outcomes, {history.cards:,} cards")
        carts = [build_cart(db, cashier, customer.id, f"SN-{i:06d}")
                 for i in range(WARM_UP_SALES + args.sales)]

        # The replay's copy: the store as it is now, log checkpointed into the file.
        db.dispose()
        with sqlite3.connect(store_path) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy(store_path, copy_path)
        db = Database(f"sqlite:///{store_path}")
        copy = open_like_the_app(copy_path)
        recorder = Recorder()
        recorder.install()

        floor_db = open_like_the_app(Path(folder) / "floor.db")
        floor_db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT)")

        def floor():
            floor_db.execute("BEGIN IMMEDIATE")
            floor_db.executemany("INSERT INTO t (a, b) VALUES (?, ?)",
                                 [(i, "x" * 40) for i in range(rows)])
            floor_db.execute("COMMIT")

        for _ in range(10):
            floor()
        floor_pages = wal_frames(Path(folder) / "floor.db") / 10
        for _ in range(1200):  # past the floor's first log checkpoint: steady state
            floor()

        sale_ms, replay_ms, floor_ms, frames = [], [], [], []
        for index, (cart, tenders) in enumerate(carts):
            recorder.statements.clear()
            start = time.perf_counter()
            completion.complete_sale(db, cart, tenders=tenders)
            sale = time.perf_counter() - start
            statements = list(recorder.statements)
            before = wal_frames(copy_path)
            start = time.perf_counter()
            replay(copy, statements)
            replayed = time.perf_counter() - start
            if wal_frames(copy_path) > before:
                frames.append(wal_frames(copy_path) - before)
            start = time.perf_counter()
            floor()
            bare = time.perf_counter() - start
            if index >= WARM_UP_SALES:
                sale_ms.append(sale * 1000)
                replay_ms.append(replayed * 1000)
                floor_ms.append(bare * 1000)
        db.dispose()
        copy.close()
        floor_db.close()

    def p95(samples):
        ordered = sorted(samples)
        return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]

    print(f"{args.products:,} products; a sale writes {rows} rows in {len(statements)} "
          f"statements, {statistics.median(frames):.0f} pages to the log "
          f"(the floor: {floor_pages:.1f} pages)")
    print(figures("complete_sale (unit + 3 acc + card + 2 tenders)", sale_ms))
    print(figures("replay: the sale's own SQL, raw sqlite3", replay_ms))
    print(figures(f"floor: bare SQLite txn of {rows} rows", floor_ms))
    print(f"p95 ratio sale/floor:    {p95(sale_ms) / p95(floor_ms):.2f}x   (issue 3's target: 3x)")
    print(f"p95 ratio replay/floor:  {p95(replay_ms) / p95(floor_ms):.2f}x   (storing the sale alone)")
    print(f"p95 ratio sale/replay:   {p95(sale_ms) / p95(replay_ms):.2f}x   (the engine's own cost)")
    print(f"median ratios sale/floor {statistics.median(sale_ms) / statistics.median(floor_ms):.2f}x, "
          f"replay/floor {statistics.median(replay_ms) / statistics.median(floor_ms):.2f}x")


if __name__ == "__main__":
    main()
