"""Catalog search at a chain's scale: every query shape a cashier types, at 100k and 1M
products, on SQLite and on PostgreSQL with its normal durability (fsync on, default
settings: a server of our own, not the tests' fsync-off one).

    flock /tmp/bench.lock .venv/bin/python benchmarks/catalog.py \
        [--sizes 100000 1000000] [--dir /tmp/search16] [--no-postgres] [--repeat 200]

The catalogs are built once into --dir (SQLite files and a PostgreSQL data folder) and
reused by later runs; building writes the products straight in and files them with
`search.refresh` (the import's own speed is benchmarks/catalog_import.py's). A search
runs the whole path a till runs: `products.search_products` (the first page of 50
rows with their category). Target (issue 16): p95 under 16 ms for every shape, at 1M.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import time
from pathlib import Path

from common import BRANDS, THINGS, figures, timed

from pos.catalog import products, search
from pos.db import schema
from pos.db.engine import Database
from pos.db.models import Category, Product, product_search_text
from pos.kernel.barcodes import make_ean13

TARGET_MS = 16.0


# --- the catalogs ------------------------------------------------------------------------


def _product(i: int, rng: random.Random) -> dict:
    name = f"{rng.choice(BRANDS)} {rng.choice(THINGS)} {rng.randint(1, 999)} {i:06d}"
    price = rng.randint(500, 2_000_000)
    sku = f"SKU{i:07d}"
    return {"sku": sku, "barcode": make_ean13(f"69{i:010d}"), "name": name,
            "search_text": product_search_text(name, sku), "category_id": 1 + i % 20,
            "price": price, "cost": price * rng.randint(40, 95) // 100, "vat_rate_bp": 1300,
            "stock": rng.randint(0, 200), "price_role": "mainstream",
            "serial_tracked": False, "active": True}


def build(db: Database, count: int) -> None:
    """Migrate, then write `count` synthetic products and file them for search."""
    schema.upgrade(db.engine)
    with db.read_connection() as connection:
        if connection.execute(Product.__table__.select().limit(1)).first() is not None:
            return
    start = time.perf_counter()
    rng = random.Random(7)
    with db.engine.begin() as connection:
        connection.execute(Category.__table__.insert(), [
            {"id": i + 1, "code": f"C{i:02d}", "name": f"Category {i}", "kind": "accessory"}
            for i in range(20)])
        for first in range(0, count, 20_000):
            connection.execute(Product.__table__.insert(), [
                _product(i, rng) for i in range(first, min(count, first + 20_000))])
        written = time.perf_counter()
        search.refresh(connection)
    print(f"  built {count:,} products in {written - start:.1f} s, "
          f"filed for search in {time.perf_counter() - written:.1f} s", flush=True)


class DurablePostgres:
    """A PostgreSQL server with its default settings (fsync, synchronous commit, full
    page writes on), its data kept in a folder for later runs."""

    def __init__(self, root: Path) -> None:
        from tests.support.pgserver import PostgresServer, _free_port

        self._helper = PostgresServer()
        os.rmdir(self._helper.root)  # we keep our own folder
        self.root = root
        self.data = root / "data"
        self.port = _free_port()
        self._helper.root, self._helper.data, self._helper.port = root, self.data, self.port
        root.mkdir(parents=True, exist_ok=True)
        if self._helper._run_as is not None:
            os.chown(root, self._helper._run_as.pw_uid, self._helper._run_as.pw_gid)

    def start(self) -> "DurablePostgres":
        cmd = self._helper._cmd
        if not self.data.exists():
            subprocess.run(cmd("initdb", "-D", str(self.data), "-U", "tickbox", "-A", "trust",
                               "-E", "UTF8"), check=True, capture_output=True)
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        subprocess.run(cmd("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                           str(self.root / "server.log"), "-w", "-t", "120", "start"),
                       check=True, capture_output=True)
        return self

    def create(self, name: str) -> bool:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user="tickbox",
                             dbname="postgres", autocommit=True) as connection:
            if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                  (name,)).fetchone():
                return False
            connection.execute(f"CREATE DATABASE {name}")
            return True

    def settings(self) -> str:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user="tickbox",
                             dbname="postgres") as connection:
            return ", ".join(f"{name}={connection.execute(f'SHOW {name}').fetchone()[0]}"
                             for name in ("fsync", "synchronous_commit", "full_page_writes",
                                          "shared_buffers"))

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://tickbox@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        subprocess.run(self._helper._cmd("pg_ctl", "-D", str(self.data), "-m", "fast", "-w",
                                         "stop"), capture_output=True)


# --- the query shapes --------------------------------------------------------------------

_LATIN = [w.casefold() for w in BRANDS + THINGS if w.isascii()]
_CHINESE = [w for w in BRANDS + THINGS if not w.isascii()]


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:  # one wrong letter
        letter = rng.choice([c for c in "abcdefghijklmnopqrstuvwxyz" if c != word[i]])
        return word[:i] + letter + word[i + 1:]
    if kind == 1:  # one missing
        return word[:i] + word[i + 1:]
    if kind == 2:  # two swapped
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + word[i:]  # one extra


def shapes(count: int, repeat: int, rng: random.Random) -> dict[str, list[str]]:
    def some(make):
        return [make() for _ in range(repeat)]

    def chinese_piece(size):
        word = rng.choice([w for w in _CHINESE if len(w) >= size])
        start = rng.randrange(len(word) - size + 1)
        return word[start:start + size]

    return {
        "barcode (full, scanned as typed)": some(
            lambda: make_ean13(f"69{rng.randrange(count):010d}")),
        "barcode prefix (9-11 digits)": some(
            lambda: f"69{rng.randrange(count):010d}"[:rng.randint(9, 11)]),
        "sku prefix (SKU + 3-5 digits)": some(
            lambda: f"sku{rng.randrange(count):07d}"[:rng.randint(6, 8)].upper()),
        "1 character (letter, digit)": some(
            lambda: rng.choice("abcdefghiklmnoprstuvwxy0123456789")),
        "2 characters (letters, digits)": some(
            lambda: rng.choice([rng.choice(_LATIN)[:2], f"{rng.randint(10, 99)}",
                                rng.choice("abcdefghiklmnoprstuvwxyz") * 2])),
        "word": some(lambda: rng.choice(_LATIN + [str(rng.randint(1, 999))])),
        "two words (brand + model number)": some(
            lambda: f"{rng.choice(_LATIN)} {rng.randint(1, 999)}"),
        "typo (one letter wrong/missing/extra/swapped)": some(
            lambda: _typo(rng.choice([w for w in _LATIN if len(w) >= 4]), rng)),
        "Chinese 1 character (inside a name)": some(lambda: chinese_piece(1)),
        "Chinese 2 characters (inside a name)": some(lambda: chinese_piece(2)),
        "Chinese 3-4 characters": some(lambda: chinese_piece(rng.choice([3, 4]))),
        "inside a word (4-5 digits of a number)": some(
            lambda: f"{rng.randrange(count):06d}"[1:rng.randint(5, 6)]),
        "no match": some(lambda: rng.choice(["zzzz-no-match", "qxjw", "xq", "wvkz"])),
    }


def measure(label: str, db: Database, count: int, repeat: int) -> list[tuple[str, float, float]]:
    rng = random.Random(count)
    worst = []
    for shape, queries in shapes(count, repeat, rng).items():
        for query in queries[:20]:  # warm the caches the way a day of searching does
            products.search_products(db, query)
        found = iter(queries)
        samples = timed(lambda: products.search_products(db, next(found)), len(queries))
        print(f"[{label}] " + figures(shape, samples), flush=True)
        ordered = sorted(samples)
        worst.append((shape, ordered[len(ordered) // 2],
                      ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]))
    codes = iter(make_ean13(f"69{rng.randrange(count):010d}") for _ in range(repeat))
    print(f"[{label}] " + figures("scan (find_by_code, not a search)",
                                  timed(lambda: products.find_by_code(db, next(codes)), repeat)),
          flush=True)
    over = [w for w in worst if w[2] >= TARGET_MS]
    print(f"[{label}] p95 target {TARGET_MS:.0f} ms: "
          + ("every shape under it" if not over else
             "over it: " + ", ".join(f"{s} ({p:.1f} ms)" for s, _, p in over)), flush=True)
    return worst


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/search16"))
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--build-only", action="store_true",
                        help="build the catalogs that are missing, measure nothing")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    if not args.no_sqlite:
        for count in args.sizes:
            db = Database(f"sqlite:///{args.dir / f'catalog_{count}.db'}")
            build(db, count)
            if not args.build_only:
                measure(f"sqlite {count:,}", db, count, args.repeat)
            db.dispose()
    if args.no_postgres:
        return
    server = DurablePostgres(args.dir / "pg").start()
    try:
        print(f"[postgresql] {server.settings()}", flush=True)
        for count in args.sizes:
            server.create(f"catalog_{count}")
            db = Database(server.url(f"catalog_{count}"))
            build(db, count)
            with db.engine.connect() as connection:  # what autovacuum does after a load
                connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                    "VACUUM ANALYZE")
            if not args.build_only:
                measure(f"postgresql {count:,}", db, count, args.repeat)
            db.dispose()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
