"""The day's report on a year of history: about 1,000,000 sale lines (250,000 sales of a
unit, two accessories and a card, with sheet outcomes), on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/report.py [--lines 1000000] [--no-postgres]

The history is written in bulk (it is test data, not a path the till uses). Target
(issue 7): the day report p95 under 500 ms, aggregated in SQL.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from common import figures, timed
from sqlalchemy import select

from pos.day import reports
from pos.db import schema
from pos.db.engine import Database
from pos.db.models import (
    Payment, Product, Sale, SaleLine, ServiceTier, SheetItem, SheetOutcome, Staff, Terminal,
)
from pos.demo.loader import load_demo

YEAR_START = date(2025, 11, 24)


def build_history(db: Database, lines_wanted: int) -> None:
    schema.upgrade(db.engine)
    load_demo(db, locale="en")
    with db.read() as session:
        units = session.execute(select(Product.id, Product.price, Product.cost).where(
            Product.serial_tracked.is_(True))).all()
        extras = session.execute(select(Product.id, Product.price, Product.cost).where(
            Product.serial_tracked.is_(False))).all()
        staff = session.scalars(select(Staff.id)).all()
        terminals = session.scalars(select(Terminal.id)).all()
        tier = session.scalar(select(ServiceTier.id).where(ServiceTier.code == "gold"))
        items = session.execute(select(SheetItem.id, SheetItem.code, SheetItem.name).limit(6)).all()
    rng = random.Random(3)
    sales_count = lines_wanted // 4
    per_day = max(1, sales_count // 365)
    sale_rows, line_rows, payment_rows, outcome_rows = [], [], [], []
    sequence = {t: 0 for t in terminals}
    line_id = 0
    for index in range(sales_count):
        sale_id = index + 1
        terminal = terminals[index % len(terminals)]
        sequence[terminal] += 1
        day = YEAR_START + timedelta(days=index // per_day)
        seller = rng.choice(staff)
        unit = rng.choice(units)
        a, b = rng.sample(extras, 2)
        rows = [("main_unit", unit, None), ("accessory", a, 1), ("accessory", b, 1),
                ("card", (None, 29900, 0), 1)]
        total = 0
        unit_line = line_id + 1
        for position, (kind, (pid, price, cost), parent) in enumerate(rows, start=1):
            line_id += 1
            total += price
            line_rows.append({
                "id": line_id, "sale_id": sale_id, "position": position, "kind": kind,
                "parent_line_id": unit_line if parent else None, "product_id": pid,
                "tier_id": tier if kind == "card" else None, "sku": f"S{pid}", "name": "x",
                "quantity": 1, "list_price": price, "unit_price": price, "discount": 0,
                "line_total": price, "unit_cost": cost, "vat_rate_bp": 1300,
                "seller_id": seller})
        sale_rows.append({
            "id": sale_id, "cart_uuid": f"bench-{sale_id}", "receipt_no": f"B{terminal}-{sequence[terminal]:07d}",
            "terminal_id": terminal, "sequence": sequence[terminal], "staff_id": seller,
            "state": "completed", "kind": "sale",
            "completed_at": datetime.combine(day, datetime.min.time(), timezone.utc),
            "business_date": day, "total": total, "discount_total": 0, "vat_total": 0,
            "tendered": total, "change_given": 0, "journal_hash": "bench"})
        payment_rows.append({"sale_id": sale_id, "position": 1, "tender": rng.choice(
            ["cash", "wechat", "alipay", "bank_card"]), "amount": total})
        for item_id, code, name in items:
            outcome_rows.append({"sale_id": sale_id, "main_line_id": unit_line,
                                 "subject": "sheet_item", "sheet_item_id": item_id,
                                 "item_code": code, "item_name": name,
                                 "outcome": rng.choice(["sold", "declined", "not_offered"]),
                                 "added_on_site": False})
    with db.write_connection() as conn:
        for table, rows in ((Sale.__table__, sale_rows), (SaleLine.__table__, line_rows),
                            (Payment.__table__, payment_rows), (SheetOutcome.__table__, outcome_rows)):
            for start in range(0, len(rows), 20_000):
                conn.execute(table.insert(), rows[start:start + 20_000])
    with db.engine.connect() as conn:  # fresh statistics, as autovacuum would have by now
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    print(f"history: {len(sale_rows):,} sales, {len(line_rows):,} lines, "
          f"{len(outcome_rows):,} sheet outcomes over {(len(sale_rows) // per_day) + 1} days")


def measure(label: str, db: Database) -> None:
    rng = random.Random(5)
    days = [YEAR_START + timedelta(days=rng.randrange(360)) for _ in range(40)]
    report = reports.day_report(db, day=days[0])  # warm
    assert report.documents, "the day should have sales"
    picks = iter(days)
    print(f"[{label}] " + figures("day report (all stores, one day)",
                                  timed(lambda: reports.day_report(db, day=next(picks)), len(days))))
    try:
        from printing.report_pdf import report_pdf
    except ImportError:
        return
    print(f"[{label}] " + figures("day report PDF with charts",
                                  timed(lambda: report_pdf(report, locale="en"), 20)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{Path(folder) / 'year.db'}")
        started = time.perf_counter()
        build_history(db, args.lines)
        print(f"[sqlite] built in {time.perf_counter() - started:.0f} s")
        measure("sqlite", db)
        db.dispose()
    if args.no_postgres:
        return
    from tests.support.pgserver import PostgresServer

    server = PostgresServer().start()
    try:
        server.execute("CREATE DATABASE year")
        db = Database(server.url("year"))
        started = time.perf_counter()
        build_history(db, args.lines)
        print(f"[postgresql] built in {time.perf_counter() - started:.0f} s")
        measure("postgresql", db)
        db.dispose()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
