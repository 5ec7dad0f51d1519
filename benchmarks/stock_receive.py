"""Receiving a delivery of 10,000 serial-tracked units from a CSV file, as `pos stock
receive FILE` does it: the file checked as it streams (pos.stock.stock_import.read_moves:
every cell, the products, each serial against the file so far and against the units the
store knows), then posted in one call (pos.stock.receiving.receive: one RECEIPT document
of 10,000 lines, sealed in the journal, its movements, the store's quantities and 10,000
new serial units, in one transaction).

    flock /tmp/bench.lock .venv/bin/python benchmarks/stock_receive.py \
        [--units 10000] [--runs 5] [--data /tmp/$USER-stock-receive] [--no-postgres]

Each run receives its own file (serials of its own) into the demo store; the files are
built once into --data and reused. Figures: the whole receipt, and its two parts (the
file's check, the posting), median and p95 over the runs, on SQLite and on a throwaway
PostgreSQL server with its normal durability (fsync and synchronous commit on).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from common import figures  # noqa: E402

# Serial-tracked products of the demo catalog that take any serial (not IMEIs)
PRODUCTS = ("NB-LEN-Y9000P", "NB-LEN-XXPRO14", "NB-HW-D14", "NB-HON-X14", "DT-DELL-V3020")


def build_csv(path: Path, units: int, run: int) -> None:
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        out.write("sku_or_barcode,quantity,serial,unit_cost\n")
        out.writelines(f"{PRODUCTS[n % len(PRODUCTS)]},1,BENCH-R{run:02d}-{n:07d},3999.00\n"
                       for n in range(units))
    tmp.rename(path)


def demo_database(url: str) -> None:
    from pos.db import schema
    from pos.db.engine import Database
    from pos.demo.loader import load_demo

    db = Database(url)
    schema.upgrade(db.engine)
    load_demo(db, locale="en")
    db.dispose()


def receive_once(url: str, path: Path) -> tuple[float, float]:
    """(check ms, post ms) of one receipt of the file."""
    from pos.db.engine import Database
    from pos.people import staff
    from pos.stock import receiving
    from pos.stock.stock_import import read_moves

    db = Database(url)
    try:
        who = next(s.id for s in staff.list_staff(db) if s.role.value == "cashier")
        started = time.perf_counter()
        with open(path, "rb") as file:
            lines = read_moves(db, file=file, kind="receive", store="S01")
        checked = time.perf_counter()
        posted = receiving.receive(db, store="S01", staff_id=who, supplier="Bench",
                                   supplier_ref=path.stem, lines=lines,
                                   request_id=str(uuid.uuid4()))
        done = time.perf_counter()
        assert posted.lines == len(lines) and not posted.replayed
    finally:
        db.dispose()
    return (checked - started) * 1000, (done - checked) * 1000


def measure(label: str, url: str, files: list[Path]) -> None:
    check, post, whole = [], [], []
    for path in files:
        checked_ms, posted_ms = receive_once(url, path)
        check.append(checked_ms)
        post.append(posted_ms)
        whole.append(checked_ms + posted_ms)
    units = sum(1 for _ in open(files[0], encoding="utf-8")) - 1
    print(figures(f"[{label}] receive {units:,} serials (whole)", whole))
    print(figures(f"[{label}]   the file's check", check))
    print(figures(f"[{label}]   the posting", post), flush=True)


def durable_postgres():
    """A throwaway PostgreSQL server as a store runs one (fsync and synchronous commit on;
    the test server turns them off)."""
    import subprocess

    from tests.support.pgserver import PostgresServer

    server = PostgresServer().start()
    options = (f"-p {server.port} -k {server.root} -c listen_addresses=127.0.0.1 "
               "-c max_connections=60 -c shared_buffers=256MB")
    subprocess.run(server._cmd("pg_ctl", "-D", str(server.data), "-o", options, "-l",
                               str(server.root / "server.log"), "-w", "-t", "60", "restart"),
                   check=True, capture_output=True)
    return server


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", default=f"/tmp/{os.environ.get('USER', 'bench')}-stock-receive")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    folder = Path(args.data)
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("POS_DATA_DIR", str(folder / "data"))
    files = []
    for run in range(args.runs):
        path = folder / f"receive_{args.units}_{run:02d}.csv"
        if not path.exists():
            build_csv(path, args.units, run)
        files.append(path)
    template = folder / "demo.db"
    if not template.exists():
        demo_database(f"sqlite:///{template}")
    scratch = folder / "bench.db"
    shutil.copyfile(template, scratch)
    for suffix in ("-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    measure("sqlite", f"sqlite:///{scratch}", files)
    if args.no_postgres:
        return
    server = durable_postgres()
    try:
        server.execute("CREATE DATABASE bench_receive")
        url = server.url("bench_receive")
        demo_database(url)
        measure("postgresql", url, files)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
