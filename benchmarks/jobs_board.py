"""The jobs board over 100,000 service jobs (issue 20): `pos.service.board.jobs_board`
for a store (every open job; today's and the overdue) and for a technician (today's
and the overdue), on SQLite and PostgreSQL. Target: p95 under 50 ms.

    flock /tmp/bench.lock .venv/bin/python benchmarks/jobs_board.py build
    flock /tmp/bench.lock .venv/bin/python benchmarks/jobs_board.py measure [--pg]

The history: three stores, 30 technicians, 20,000 customers, jobs registered over two
years (installations, on-site visits with their promise, repairs), all closed (done,
collected or cancelled) except those of the last three days and a few stragglers: about
1% open, as a store's board is. `build` writes it once by bulk inserts into --data
(default /tmp/j1/jobs.db); `--pg` builds the same on a throwaway PostgreSQL server
(tests/support/pgserver) and measures there too. Jobs are inserted as rows only (no
events): the board reads only service_jobs, customers and staff.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from common import figures, timed  # noqa: F401 - puts the checkout on sys.path

STORES = ("S01", "S02", "S03")
TECHNICIANS = 30
CUSTOMERS = 20_000
OPEN_DAYS = 3
SPAN_DAYS = 730


def _db(url: str):
    from pos.db.engine import Database

    return Database(url)


def build_one(url: str, *, jobs: int, now: datetime, seed: int = 11) -> None:
    from sqlalchemy import text

    from pos.db import schema
    from pos.db.models import Customer, ServiceJob, Staff, Store

    db = _db(url)
    schema.upgrade(db.engine)
    rng = random.Random(seed)
    started = time.perf_counter()
    with db.engine.begin() as conn:
        conn.execute(Store.__table__.insert(), [
            {"code": code, "name": f"Store {code}", "address": "", "phone": "", "tax_id": "",
             "currency": "CNY", "locale": "en", "receipt_footer": ""} for code in STORES])
        conn.execute(Staff.__table__.insert(), [
            {"name": f"Technician {i:02d}", "role": "installer", "pin_hash": "x",
             "active": True, "created_at": now, "failed_pins": 0}
            for i in range(1, TECHNICIANS + 1)])
        conn.execute(Customer.__table__.insert(), [
            {"phone": f"138{i:08d}", "name": f"Customer {i}", "kind": "consumer",
             "created_at": now} for i in range(1, CUSTOMERS + 1)])
        rows = []
        for n in range(1, jobs + 1):
            kind = rng.choices(("installation", "on_site", "repair"), (4, 4, 2))[0]
            registered = now - timedelta(minutes=rng.randint(0, SPAN_DAYS * 24 * 60))
            recent = registered > now - timedelta(days=OPEN_DAYS)
            straggler = rng.random() < 0.002
            area = (rng.choice(("city", "city", "county")) if kind == "on_site" or (
                kind == "installation" and rng.random() < 0.5) else None)
            due = registered + timedelta(minutes=120 if area == "city" else 360) if area else None
            store = rng.randint(1, len(STORES))
            tech = rng.randint(1, TECHNICIANS) if rng.random() < 0.9 else None
            start = registered + timedelta(minutes=rng.randint(30, 600))
            arrived = done = cancelled = None
            if recent or straggler:
                state = rng.choice(("registered", "scheduled", "on_the_way", "arrived") if kind
                                   != "repair" else ("received", "diagnosed", "waiting_parts",
                                                     "ready"))
                if state == "arrived":
                    arrived = registered + timedelta(minutes=rng.randint(20, 400))
            elif rng.random() < 0.05:
                state, cancelled = "cancelled", registered + timedelta(hours=2)
            else:
                state = "collected" if kind == "repair" else "done"
                arrived = registered + timedelta(minutes=rng.randint(20, 400))
                done = arrived + timedelta(minutes=rng.randint(20, 180))
            rows.append({
                "job_no": f"{STORES[store - 1]}-JB-{n:06d}", "store_id": store, "kind": kind,
                "state": state, "customer_id": rng.randint(1, CUSTOMERS), "serial": f"SN{n:08d}",
                "unit_name": "Lenovo Xiaoxin Pro 14", "not_sold_here": kind == "repair"
                and rng.random() < 0.3, "need": "Set up and check", "priority": rng.randint(1, 3),
                "area": area, "address": "12 Renmin Road" if area else "", "technician_id": tech,
                "appointment_start": start if kind != "repair" else None,
                "appointment_end": start + timedelta(hours=2) if kind != "repair" else None,
                "registered_at": registered, "due_at": due, "arrived_at": arrived,
                "done_at": done, "cancelled_at": cancelled, "fault": "", "accessories": "",
                "condition": "", "diagnosis": "", "created_by": 1, "request_id": f"req-{n}"})
            if len(rows) == 5000:
                conn.execute(ServiceJob.__table__.insert(), rows)
                rows = []
        if rows:
            conn.execute(ServiceJob.__table__.insert(), rows)
    with db.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
        opened = conn.execute(text("SELECT count(*) FROM service_jobs WHERE state NOT IN "
                                   "('done', 'collected', 'cancelled')")).scalar()
    db.dispose()
    print(f"built {url.rsplit('/', 1)[-1]}: {jobs} jobs, {opened} open "
          f"({time.perf_counter() - started:.0f} s)")


def measure_one(label: str, url: str, repeat: int, now: datetime) -> None:
    from pos.service.board import jobs_board

    db = _db(url)
    today = now.astimezone().date()
    cases = (("store S01, every open job", dict(store="S01")),
             ("store S01, today and overdue", dict(store="S01", day=today)),
             ("technician, today and overdue", dict(technician="Technician 07", day=today)),
             ("technician, every open job", dict(technician="Technician 07")))
    for name, kwargs in cases:
        rows = jobs_board(db, now=now, **kwargs)  # warm
        print(figures(f"{label}: {name} ({len(rows)} rows)",
                      timed(lambda: jobs_board(db, now=now, **kwargs), repeat)))
    db.dispose()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["build", "measure"])
    parser.add_argument("--data", type=Path, default=Path("/tmp/j1/jobs.db"))
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--pg", action="store_true", help="build and measure on PostgreSQL too")
    args = parser.parse_args(argv)
    # The history ends at a fixed time, so the board's "now" finds the same open jobs.
    now = datetime(2026, 12, 2, 10, 0, tzinfo=timezone.utc)
    if args.action == "build":
        args.data.parent.mkdir(parents=True, exist_ok=True)
        if args.data.exists():
            args.data.unlink()
        build_one(f"sqlite:///{args.data}", jobs=args.jobs, now=now)
        return 0
    measure_one("SQLite", f"sqlite:///{args.data}", args.repeat, now)
    if args.pg:
        from tests.support.pgserver import PostgresServer

        server = PostgresServer().start()
        try:
            server.execute("CREATE DATABASE jobs_board")
            url = server.url("jobs_board")
            build_one(url, jobs=args.jobs, now=now)
            measure_one("PostgreSQL", url, args.repeat, now)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
