"""Completing a sale on a 100,000-product SQLite database, next to the floor: a bare
SQLite transaction inserting as many rows with the same durability settings.

    .venv/bin/python benchmarks/checkout.py [--sales 300] [--products 100000]

The sale: a notebook (serial-tracked) + 3 accessories from its sheet + a gold card,
paid with two tenders. Only complete_sale() is timed; the cart is built beforehand.
Target (issue 3): p95 within 3x the floor and under 20 ms.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path

from common import figures, synthetic_catalog, timed

from pos import catalog, checkout, customers, schema, staff
from pos.cart import TenderInput
from pos.db import Database
from pos.demo import load_demo
from pos.models import JournalEntry, Payment, SaleLine, ServiceCard, SheetOutcome, SoldSerial
from sqlalchemy import func, select

NOTEBOOK = "6923150020022"


def build_cart(db, cashier, customer_id, serial):
    cart = checkout.open_cart(db, staff_id=cashier, terminal="T01")
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    rows = {r.code: r for r in checkout.sheet_rows(db, cart, main_line_id=unit.line_id)}
    for code in ("bag", "wireless-mouse", "cleaning-kit"):
        checkout.mark_item(db, cart, main_line_id=unit.line_id, item_id=rows[code].item_id,
                           outcome="sold")
    checkout.mark_item(db, cart, main_line_id=unit.line_id, item_id=rows["screen-film"].item_id,
                       outcome="declined")
    checkout.set_customer(db, cart, customer_id=customer_id)
    gold = next(o for o in checkout.eligible_tiers(db, cart, main_line_id=unit.line_id)
                if o.code == "gold")
    checkout.add_card(db, cart, main_line_id=unit.line_id, tier_id=gold.tier_id)
    checkout.set_serial(db, cart, line_id=unit.line_id, serial=serial)
    due = sum(line.total for line in cart.lines)
    return cart, [TenderInput("bank_card", due - 10000, reference="R1", card_last4="1234"),
                  TenderInput("cash", 20000)]


def rows_per_sale(db) -> int:
    with db.read() as session:
        written = 1  # the sale
        for model in (SaleLine, SheetOutcome, ServiceCard, Payment, SoldSerial, JournalEntry):
            written += session.scalar(select(func.count()).select_from(model))
    return written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=300)
    parser.add_argument("--products", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{Path(folder) / 'bench.db'}")
        schema.upgrade(db.engine)
        load_demo(db, locale="en")
        categories, products, _, _ = synthetic_catalog(args.products)
        catalog.import_categories_file(db, data=categories)
        catalog.import_catalog_file(db, data=products)
        cashier = next(s.id for s in staff.list_staff(db) if s.role.value == "cashier")
        customer = customers.create_customer(db, phone="13800138000", name="Bench")

        # one sale to count its rows (plus 4 stock updates, 2 counters, the journal head)
        cart, tenders = build_cart(db, cashier, customer.id, "SN-WARMUP")
        checkout.complete_sale(db, cart, tenders=tenders)
        rows = rows_per_sale(db) + 7

        carts = [build_cart(db, cashier, customer.id, f"SN-{i:06d}") for i in range(args.sales)]
        work = iter(carts)

        def complete():
            cart, tenders = next(work)
            checkout.complete_sale(db, cart, tenders=tenders)

        sale_ms = timed(complete, args.sales)
        db.dispose()

        floor_db = sqlite3.connect(Path(folder) / "floor.db", isolation_level=None)
        floor_db.execute("PRAGMA journal_mode = WAL")
        floor_db.execute("PRAGMA synchronous = FULL")
        floor_db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT)")

        def bare():
            floor_db.execute("BEGIN IMMEDIATE")
            floor_db.executemany("INSERT INTO t (a, b) VALUES (?, ?)",
                                 [(i, "x" * 40) for i in range(rows)])
            floor_db.execute("COMMIT")

        floor_ms = timed(bare, args.sales)
        floor_db.close()
    print(f"{args.products:,} products; a sale writes {rows} rows")
    print(figures("complete_sale (unit + 3 acc + card + 2 tenders)", sale_ms))
    print(figures(f"floor: bare SQLite txn of {rows} rows", floor_ms))
    ratio = sorted(sale_ms)[int(0.95 * (len(sale_ms) - 1))] / sorted(floor_ms)[int(0.95 * (len(floor_ms) - 1))]
    print(f"p95 ratio sale/floor: {ratio:.2f}x")


if __name__ == "__main__":
    main()
