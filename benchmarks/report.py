"""The day's report against the size of the history, on SQLite and PostgreSQL.

Histories of 1M and 5M sale lines with the same daily volume (685 sales a day over 3
stores and 7 tills; a service card on 40% of the units, so `service_cards` grows with
the history too; twenty sheet outcomes per unit; returns, voids and add-ons), plus one
busy day of 3,424 sales in the last month. A report whose cost follows the day must
take the same time at 1M and 5M lines.

    flock /tmp/bench.lock .venv/bin/python benchmarks/report.py build --lines 1m,5m
    flock /tmp/bench.lock .venv/bin/python benchmarks/report.py measure --lines 1m,5m

`build` writes each history once (tests.support.history: bulk inserts on SQLite, COPY on
PostgreSQL) into --data (default /tmp/report16): an SQLite file per size and a
PostgreSQL cluster kept between runs, one database per size. `measure` times, on each:
the day report for all stores, one store and one till on 30 ordinary days, the busy day,
a month's report and a month's commissions, and the Z reports of a till's day; `--upgrade`
first migrates the stored databases to head (the index build is timed: what a store's
update costs once). `--schema` builds at an older revision and `--code` runs another
checkout's `pos` (before/after figures on the same data).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from common import figures, timed  # noqa: F401 - puts the checkout on sys.path

PER_DAY = 685  # 250,000 sales a year
BUSY = 3424
LINES_PER_DAY = 2_460  # what PER_DAY sales write with this mix (measured on a 1M build)
LAST_DAY = date(2026, 10, 31)


def parse_size(text: str) -> int:
    text = text.strip().lower()
    return int(float(text[:-1]) * (1_000_000 if text.endswith("m") else 1_000)) if text[-1] in "mk" \
        else int(text)


def size_name(lines: int) -> str:
    return f"{lines / 1_000_000:g}m" if lines >= 1_000_000 else f"{lines // 1000}k"


class KeptPostgres:
    """A PostgreSQL cluster under `root`, kept between runs (the histories take minutes to
    write); started and stopped like the tests' throwaway server."""

    def __init__(self, root: Path):
        from tests.support.pgserver import PostgresServer

        self.server = PostgresServer()
        os.rmdir(self.server.root)
        self.server.root = root
        self.server.data = root / "data"
        root.mkdir(parents=True, exist_ok=True)
        if self.server._run_as is not None:
            os.chown(root, self.server._run_as.pw_uid, self.server._run_as.pw_gid)

    def start(self):
        import subprocess

        s = self.server
        if not (s.data / "PG_VERSION").exists():
            return s.start()
        options = (f"-p {s.port} -k {s.root} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=20 -c shared_buffers=256MB -c max_wal_size=4GB")
        started = subprocess.run(s._cmd("pg_ctl", "-D", str(s.data), "-o", options, "-l",
                                        str(s.root / "server.log"), "-w", "-t", "120", "start"),
                                 capture_output=True, text=True)
        if started.returncode != 0:
            raise RuntimeError(started.stderr)
        return s

    def stop(self) -> None:
        import subprocess

        s = self.server
        subprocess.run(s._cmd("pg_ctl", "-D", str(s.data), "-m", "fast", "-w", "stop"),
                       capture_output=True)

    def has(self, name: str) -> bool:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.server.port, user=self.server.user,
                             dbname="postgres") as conn:
            return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                (name,)).fetchone() is not None


def build(db, lines: int, revision: str) -> None:
    from pos.db import schema
    from pos.demo.loader import load_demo
    from tests.support.history import add_stores, analyze, write_history

    schema.upgrade(db.engine, revision)
    load_demo(db, locale="en")
    add_stores(db)
    days = max(2, lines // LINES_PER_DAY)
    first = LAST_DAY - timedelta(days=days - 1)
    started = time.perf_counter()

    def progress(h):
        if h.days % 200 == 0:
            print(f"  {h.days}/{days} days, {h.lines:,} lines, "
                  f"{time.perf_counter() - started:.0f} s", flush=True)

    history = write_history(db, days=days, per_day=PER_DAY, first_day=first,
                            busy={LAST_DAY - timedelta(days=10): BUSY}, progress=progress)
    analyze(db)
    print(f"  history: {history.documents:,} documents ({history.corrections:,} corrections "
          f"and add-ons), {history.lines:,} lines, {history.outcomes:,} sheet outcomes, "
          f"{history.cards:,} service cards over {history.days} days "
          f"({history.first_day} .. {history.last_day})", flush=True)


def measure(label: str, db, repeat: int) -> None:
    from pos.day import commissions, reports, shifts

    rng = random.Random(5)
    busy = LAST_DAY - timedelta(days=10)
    # ordinary days of the last year: the same dates at every size
    days = [d for d in (LAST_DAY - timedelta(days=rng.randrange(1, 300)) for _ in range(200))
            if d != busy][:repeat]
    reports.day_report(db, day=days[0])  # warm
    for scope_name, scope in (("all stores", {}), ("store S01", {"store": "S01"}),
                              ("till T01", {"terminal": "T01"})):
        picks = iter(days)
        found = []

        def one(scope=scope, picks=picks, found=found):
            report = reports.day_report(db, day=next(picks), **scope)
            found.append(report.documents.get("sale", (0, 0))[0])

        samples = timed(one, len(days))
        print(f"[{label}] " + figures(f"day report, {scope_name} ({sum(found) // len(found)} sales)",
                                      samples), flush=True)
    sales = reports.day_report(db, day=busy).documents["sale"][0]
    print(f"[{label}] " + figures(f"busy day report, all stores ({sales} sales)",
                                  timed(lambda: reports.day_report(db, day=busy), 10)), flush=True)
    print(f"[{label}] " + figures("busy day report, till T01",
                                  timed(lambda: reports.day_report(db, day=busy, terminal="T01"),
                                        10)), flush=True)
    months = [(LAST_DAY.replace(day=1) - timedelta(days=31 * n)).replace(day=1) for n in range(1, 4)]

    def bounds(first):
        return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)

    month_iter = iter(months * 3)
    print(f"[{label}] " + figures("month report, all stores",
                                  timed(lambda: reports.period_report(
                                      db, start=(b := bounds(next(month_iter)))[0], end=b[1]), 3)),
          flush=True)
    month_iter = iter(months * 3)
    print(f"[{label}] " + figures("month commissions, store S01",
                                  timed(lambda: commissions.commission_statement(
                                      db, start=(b := bounds(next(month_iter)))[0], end=b[1],
                                      store="S01"), 3)), flush=True)
    # the Z reports are looked up in local dates: the history's shifts close at 13:00 UTC
    picks = iter(days)
    print(f"[{label}] " + figures("Z reports of a till's day",
                                  timed(lambda: shifts.z_reports(db, terminal="T01",
                                                                 day=next(picks)), len(days))),
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=("build", "measure"))
    parser.add_argument("--lines", default="1m,5m", help="history sizes, e.g. 1m,5m")
    parser.add_argument("--data", default="/tmp/report16")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--schema", default="head", help="build at this revision")
    parser.add_argument("--upgrade", action="store_true", help="migrate to head first, timed")
    parser.add_argument("--code", help="run the `pos` of another checkout (its root folder)")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    if args.code:  # common imported this checkout's pos.kernel: forget it
        for name in [n for n in sys.modules if n == "pos" or n.startswith("pos.")]:
            del sys.modules[name]
        sys.path.insert(0, str(Path(args.code).resolve()))
    from pos.db import schema
    from pos.db.engine import Database

    data = Path(args.data)
    data.mkdir(parents=True, exist_ok=True)
    sizes = [parse_size(s) for s in args.lines.split(",")]
    tag = f" {args.label}" if args.label else ""

    def run(engine_name: str, url: str, exists: bool, lines: int) -> None:
        label = f"{engine_name} {size_name(lines)}{tag}"
        db = Database(url)
        try:
            if args.action == "build":
                if exists:
                    print(f"[{label}] already built")
                    return
                started = time.perf_counter()
                print(f"[{label}] building {lines:,} lines", flush=True)
                build(db, lines, args.schema)
                print(f"[{label}] built in {time.perf_counter() - started:.0f} s", flush=True)
                return
            if args.upgrade:
                before = schema.current_revision(db.engine)
                started = time.perf_counter()
                schema.upgrade(db.engine)
                print(f"[{label}] upgraded {before} -> {schema.current_revision(db.engine)} in "
                      f"{time.perf_counter() - started:.1f} s", flush=True)
            print(f"[{label}] schema {schema.current_revision(db.engine)}", flush=True)
            measure(label, db, args.repeat)
        finally:
            db.dispose()

    if not args.no_sqlite:
        for lines in sizes:
            path = data / f"history-{size_name(lines)}.db"
            run("sqlite", f"sqlite:///{path}", path.exists(), lines)
    if args.no_postgres:
        return
    cluster = KeptPostgres(data / "pg")
    server = cluster.start()
    try:
        for lines in sizes:
            name = f"history_{size_name(lines)}"
            exists = cluster.has(name)
            if not exists and args.action == "build":
                server.execute(f"CREATE DATABASE {name}")
            run("postgresql", server.url(name), exists, lines)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
