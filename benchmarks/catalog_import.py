"""Catalog import at a chain's scale: 100,000 and 1,000,000 products, a first import
(every row new) and a re-import of the same file (every row an update by sku), on SQLite
and on PostgreSQL (a throwaway server with its normal durability: fsync and synchronous
commit on). Each import runs in a child process that prints its time and its peak
resident memory (VmHWM from /proc/self/status), so one import's memory is measured alone.

    flock /tmp/bench.lock .venv/bin/python benchmarks/catalog_import.py \
        [--rows 100000 1000000] [--data /tmp/$USER-import] [--no-postgres] [--no-sqlite]

The CSV files are built once into --data and reused. Target (issue 16): under 300 MB
peak at 1M rows, all or nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CATEGORIES = "code,name,kind,sheet_layout\n" + "".join(
    f"C{i:02d},Category {i},accessory,\n" for i in range(20))


def build_csv(path: Path, count: int, seed: int = 7) -> None:
    """The synthetic catalog of benchmarks/common.py, written line by line."""
    from common import BRANDS, THINGS

    from pos.kernel.barcodes import make_ean13

    rng = random.Random(seed)
    roles = ["traffic"] * 15 + ["mainstream"] * 60 + ["resource"] * 25
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        out.write("sku,barcode,name,category,price,cost,stock,role,serial_tracked,vat_rate\n")
        for i in range(count):
            name = f"{rng.choice(BRANDS)} {rng.choice(THINGS)} {rng.randint(1, 999)} {i:06d}"
            price = rng.randint(500, 2_000_000)
            cost = price * rng.randint(40, 95) // 100
            out.write(
                f"SKU{i:07d},{make_ean13(f'69{i:010d}')},{name},C{i % 20:02d},"
                f"{price // 100}.{price % 100:02d},{cost // 100}.{cost % 100:02d},"
                f"{rng.randint(0, 200)},{rng.choice(roles)},{'yes' if i % 10 == 0 else 'no'},13\n")
    tmp.rename(path)


def peak_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def child(url: str, path: str) -> None:
    """One import, as `pos catalog import` does it; prints 'seconds refresh_seconds peak_kib base_kib created updated'."""
    from pos.catalog import products, search
    from pos.db.engine import Database

    real, spent = search.refresh, [0.0]

    def timed_refresh(*args, **kwargs):  # the search structure's share of the time
        started = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    search.refresh = timed_refresh
    db = Database(url)
    base = peak_kib()
    start = time.perf_counter()
    if hasattr(products, "import_catalog_stream"):
        with open(path, "rb") as file:
            result = products.import_catalog_stream(db, file=file)
    else:  # the code before streaming: the command read the whole file
        result = products.import_catalog_file(db, data=Path(path).read_bytes())
    elapsed = time.perf_counter() - start
    used = resource.getrusage(resource.RUSAGE_SELF)
    db.dispose()
    # CPU time (this process; the database server's is not in it) tells the work apart
    # from waiting for a busy machine's CPUs: noted beside the data
    with open(Path(path).parent / "cpu.log", "a") as log:
        log.write(f"{url.split(':')[0]} {Path(path).name} {result.created} {result.updated} "
                  f"wall {elapsed:.1f} s cpu {used.ru_utime + used.ru_stime:.1f} s "
                  f"search refresh {spent[0]:.1f} s peak {peak_kib() // 1024} MiB\n")
    print(f"{elapsed:.3f} {spent[0]:.3f} {peak_kib()} {base} {result.created} {result.updated}")


def measure(label: str, url: str, path: Path, rows: int) -> None:
    from pos.catalog import products
    from pos.db import schema
    from pos.db.engine import Database

    db = Database(url)
    schema.upgrade(db.engine)
    products.import_categories_file(db, data=CATEGORIES.encode())
    db.dispose()
    for what in ("import (all new)", "re-import (all updated)"):
        out = subprocess.run([sys.executable, __file__, "--child", url, str(path)],
                             check=False, capture_output=True, text=True, cwd=ROOT)
        if out.returncode != 0:
            print(f"[{label}] {rows:>9,} rows {what}: FAILED\n{out.stderr[-3000:]}")
            return
        seconds, refresh, peak, base, created, updated = out.stdout.split()[-6:]
        print(f"[{label}] {rows:>9,} rows {what:<24} {float(seconds):7.1f} s "
              f"(search refresh {float(refresh):5.1f} s)   "
              f"peak RSS {int(peak) / 1024:7.0f} MiB (before the import "
              f"{int(base) / 1024:.0f} MiB)   created {created} updated {updated}",
              flush=True)


def durable_postgres():
    """A throwaway PostgreSQL server as a store runs one: fsync, synchronous commit and
    full-page writes on (the test server turns them off)."""
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
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--data", default=f"/tmp/{os.environ.get('USER', 'bench')}-import")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("URL", "CSV"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    folder = Path(args.data)
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for rows in args.rows:
        files[rows] = folder / f"catalog_{rows}.csv"
        if not files[rows].exists():
            started = time.perf_counter()
            build_csv(files[rows], rows)
            print(f"built {files[rows]} in {time.perf_counter() - started:.0f} s")
    if not args.no_sqlite:
        for rows, path in files.items():
            with tempfile.TemporaryDirectory(dir=folder) as scratch:
                measure("sqlite", f"sqlite:///{Path(scratch) / 'bench.db'}", path, rows)
    if args.no_postgres:
        return
    server = durable_postgres()
    try:
        for rows, path in files.items():
            server.execute(f"CREATE DATABASE bench_{rows}")
            measure("postgresql", server.url(f"bench_{rows}"), path, rows)
            server.execute(f"DROP DATABASE bench_{rows}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
