"""The day's and the month's report on a year of history: about 1,000,000 sale lines
(250,000 sales of a unit, two accessories from its sheet and a card, with an outcome for
each of its sheet's twenty items), with corrections: one sale in 20 has an accessory
returned the next day, one in 50 is voided, one in 30 gets an installer's add-on; on
SQLite and PostgreSQL.

    .venv/bin/python benchmarks/report.py [--lines 1000000] [--no-postgres]

The history is written in bulk (it is test data, not a path the till uses). Targets
(issues 7 and 13): the day report p95 under 500 ms with corrections in the data; the
month report's figures are printed alongside.
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
        items = session.execute(select(SheetItem.id, SheetItem.code, SheetItem.name).limit(20)).all()
    rng = random.Random(3)
    sales_count = lines_wanted // 4
    per_day = max(1, sales_count // 365)
    sale_rows, line_rows, payment_rows, outcome_rows = [], [], [], []
    sequence = {t: 0 for t in terminals}
    line_id = 0
    sale_id = 0
    corrections = []  # (day, kind, original sale id, [(line id, line)]) written after the sales
    for index in range(sales_count):
        sale_id += 1
        terminal = terminals[index % len(terminals)]
        day = YEAR_START + timedelta(days=index // per_day)
        seller = rng.choice(staff)
        unit = rng.choice(units)
        a, b = rng.sample(extras, 2)
        rows = [("main_unit", unit, None, None), ("accessory", a, 1, items[0][0]),
                ("accessory", b, 1, items[1][0]), ("card", (None, 29900, 0), 1, None)]
        sequence[terminal] += 1
        unit_line = line_id + 1
        written = []
        total = 0
        for position, (kind, (pid, price, cost), parent, sheet_item) in enumerate(rows, start=1):
            line_id += 1
            total += price
            row = {
                "id": line_id, "sale_id": sale_id, "position": position, "kind": kind,
                "parent_line_id": unit_line if parent else None, "product_id": pid,
                "tier_id": tier if kind == "card" else None, "sheet_item_id": sheet_item,
                "sku": f"S{pid}", "name": "x", "quantity": 1, "list_price": price,
                "unit_price": price, "discount": 0, "line_total": price, "unit_cost": cost,
                "vat_rate_bp": 1300, "seller_id": seller, "original_line_id": None}
            line_rows.append(row)
            written.append(row)
        sale_rows.append(_sale(sale_id, terminal, sequence[terminal], seller, day, total, "sale"))
        payment_rows.append({"sale_id": sale_id, "position": 1, "tender": rng.choice(
            ["cash", "wechat", "alipay", "bank_card"]), "amount": total})
        for position, (item_id, code, name) in enumerate(items):
            outcome = ("sold" if position < 2 else
                       rng.choice(["sold", "declined", "not_offered", "not_offered"]))
            outcome_rows.append({"sale_id": sale_id, "main_line_id": unit_line,
                                 "subject": "sheet_item", "sheet_item_id": item_id,
                                 "item_code": code, "item_name": name, "outcome": outcome,
                                 "added_on_site": False})
        if index % 50 == 7:
            corrections.append((day, "void", sale_id, written))
        elif index % 20 == 3:
            corrections.append((day + timedelta(days=1), "refund", sale_id, written[1:2]))
        if index % 30 == 11:
            corrections.append((day, "addon", sale_id, written[:1]))
    for day, kind, original, taken in corrections:
        sale_id += 1
        terminal = terminals[sale_id % len(terminals)]
        sequence[terminal] += 1
        total = 0
        for position, line in enumerate(taken, start=1):
            line_id += 1
            if kind == "addon":  # a mouse sold on site under the unit
                pid, price, cost = extras[0]
                row = dict(line, id=line_id, sale_id=sale_id, position=1, kind="accessory",
                           parent_line_id=line["id"], product_id=pid, list_price=price,
                           unit_price=price, line_total=price, unit_cost=cost,
                           sheet_item_id=items[2][0])
                outcome_rows.append({"sale_id": sale_id, "main_line_id": line["id"],
                                     "subject": "sheet_item", "sheet_item_id": items[2][0],
                                     "item_code": items[2][1], "item_name": items[2][2],
                                     "outcome": "sold", "added_on_site": True})
            else:
                row = dict(line, id=line_id, sale_id=sale_id, position=position,
                           quantity=-1, line_total=-line["line_total"], parent_line_id=None,
                           original_line_id=line["id"])
            total += row["line_total"]
            line_rows.append(row)
        sale_rows.append(_sale(sale_id, terminal, sequence[terminal], staff[0], day, total, kind,
                               original=original))
        payment_rows.append({"sale_id": sale_id, "position": 1, "tender": "cash", "amount": total})
    with db.write_connection() as conn:
        for table, rows in ((Sale.__table__, sale_rows), (SaleLine.__table__, line_rows),
                            (Payment.__table__, payment_rows), (SheetOutcome.__table__, outcome_rows)):
            for start in range(0, len(rows), 20_000):
                conn.execute(table.insert(), rows[start:start + 20_000])
    with db.engine.connect() as conn:  # fresh statistics, as autovacuum would have by now
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    print(f"history: {len(sale_rows):,} documents ({len(corrections):,} corrections and "
          f"add-ons), {len(line_rows):,} lines, {len(outcome_rows):,} sheet outcomes over "
          f"{sales_count // per_day + 1} days")


def _sale(sale_id, terminal, sequence, seller, day, total, kind, original=None) -> dict:
    return {"id": sale_id, "cart_uuid": f"bench-{sale_id}",
            "receipt_no": f"B{terminal}-{sequence:07d}", "terminal_id": terminal,
            "sequence": sequence, "staff_id": seller, "state": "completed", "kind": kind,
            "completed_at": datetime.combine(day, datetime.min.time(), timezone.utc),
            "business_date": day, "total": total, "discount_total": 0, "vat_total": 0,
            "tendered": total, "change_given": 0, "journal_hash": "bench",
            "original_sale_id": original}


def measure(label: str, db: Database) -> None:
    rng = random.Random(5)
    days = [YEAR_START + timedelta(days=rng.randrange(360)) for _ in range(40)]
    report = reports.day_report(db, day=days[0])  # warm
    assert report.documents, "the day should have sales"
    picks = iter(days)
    print(f"[{label}] " + figures("day report (all stores, one day)",
                                  timed(lambda: reports.day_report(db, day=next(picks)), len(days))))
    months = iter([YEAR_START.replace(day=1) + timedelta(days=31 * n + 40) for n in range(10)] * 2)

    def month_report():
        first = next(months).replace(day=1)
        last = (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        return reports.period_report(db, start=first, end=last)

    print(f"[{label}] " + figures("month report (all stores, one month)", timed(month_report, 10)))
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
