"""Receivables at scale: `pos.accounts.aging.aging` (every store, one store), `overdue`
and one customer's `statement` over 10,000 accounts and 500,000 documents (sales on
account, refunds to account, payments, write-offs; tests/support/account_history.py),
with 20% of the invoices open and with every one open (the worst case). Target: p95
under 500 ms.

    flock /tmp/bench.lock .venv/bin/python benchmarks/aging.py build
    flock /tmp/bench.lock .venv/bin/python benchmarks/aging.py measure [--pg]

`build` writes both databases once into --data (default /tmp/p2/aging): open20.db and
open100.db. `measure` times each call (--repeat times, after one warm call) and prints
the median and p95; --pg also builds the 20%-open history on a throwaway PostgreSQL
server (tests/support/pgserver) and measures it there.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from common import figures, timed  # noqa: F401 - puts the checkout on sys.path

CASES = (("open20", 0.2), ("open100", 1.0))


def _db(url: str):
    from pos.db.engine import Database

    return Database(url)


def build_one(url: str, open_share: float, *, accounts: int, documents: int) -> None:
    from sqlalchemy import text

    from pos.db import schema
    from tests.support.account_history import build_history

    db = _db(url)
    schema.upgrade(db.engine)
    start = time.perf_counter()
    done = build_history(db, accounts=accounts, documents=documents, open_share=open_share)
    with db.engine.connect() as conn:
        # PostgreSQL: VACUUM too, as autovacuum would have by now; without the visibility
        # map the index-only scan of the open items reads the table as well (2-3x slower)
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(
            text("VACUUM ANALYZE" if db.engine.dialect.name == "postgresql" else "ANALYZE"))
        opened = conn.execute(text("SELECT count(*) FROM account_items "
                                   "WHERE open_amount <> 0")).scalar()
    db.dispose()
    print(f"built {url.rsplit('/', 1)[-1]}: {done}, {opened} items open "
          f"({time.perf_counter() - start:.0f} s)")


def build(data: Path, *, accounts: int, documents: int) -> None:
    data.mkdir(parents=True, exist_ok=True)
    for name, share in CASES:
        path = data / f"{name}.db"
        if path.exists():
            path.unlink()
        build_one(f"sqlite:///{path}", share, accounts=accounts, documents=documents)


def measure_one(label: str, url: str, repeat: int) -> None:
    from sqlalchemy import func, select

    from pos.accounts.aging import aging, overdue
    from pos.accounts.statements import statement
    from pos.db.models import AccountItem

    db = _db(url)
    with db.read_connection() as conn:  # the accounts with the most items, for statements
        busy = [c for c, in conn.execute(
            select(AccountItem.customer_id).group_by(AccountItem.customer_id)
            .order_by(func.count().desc()).limit(50))]
    rng = random.Random(3)
    report = aging(db)  # warm
    print(f"{label}: {len(report.rows)} aging rows, {len(overdue(db))} overdue accounts")
    print(figures(f"{label}: aging(store=None)", timed(lambda: aging(db), repeat)))
    print(figures(f"{label}: aging(store='S01')", timed(lambda: aging(db, store="S01"), repeat)))
    print(figures(f"{label}: overdue()", timed(lambda: overdue(db), repeat)))
    print(figures(f"{label}: statement (busy account)",
                  timed(lambda: statement(db, customer=rng.choice(busy)), repeat)))
    db.dispose()


def measure(data: Path, *, pg: bool, repeat: int, accounts: int, documents: int,
            cases=("open20", "open100"), sqlite: bool = True) -> None:
    for name, _share in CASES:
        if sqlite and name in cases:
            measure_one(f"SQLite {name}", f"sqlite:///{data / f'{name}.db'}", repeat)
    if pg:
        from tests.support.pgserver import PostgresServer

        server = PostgresServer().start()
        try:
            for name, share in CASES:
                if name not in cases:
                    continue
                server.execute(f"CREATE DATABASE aging_{name}")
                url = server.url(f"aging_{name}")
                build_one(url, share, accounts=accounts, documents=documents)
                measure_one(f"PostgreSQL {name}", url, repeat)
        finally:
            server.stop()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["build", "measure"])
    parser.add_argument("--data", type=Path, default=Path("/tmp/p2/aging"))
    parser.add_argument("--pg", action="store_true", help="measure on PostgreSQL too")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--cases", default="open20,open100", help="which histories to measure")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only (with --pg)")
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--documents", type=int, default=500_000)
    args = parser.parse_args(argv)
    if args.action == "build":
        build(args.data, accounts=args.accounts, documents=args.documents)
    else:
        measure(args.data, pg=args.pg, repeat=args.repeat, accounts=args.accounts,
                documents=args.documents, cases=tuple(args.cases.split(",")),
                sqlite=not args.no_sqlite)
    return 0


if __name__ == "__main__":
    sys.exit(main())
