"""Catalog at store scale: import 100,000 products, then barcode lookup and name search,
on SQLite and on PostgreSQL (a throwaway server started here).

    .venv/bin/python benchmarks/catalog.py [--products 100000] [--no-postgres]

Targets (issue 2): import < 10 s; barcode lookup p95 < 1 ms; name search p95 < 20 ms
on SQLite.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from common import figures, synthetic_catalog, timed

from pos.catalog import products
from pos.db import schema
from pos.db.engine import Database


def run(label: str, db: Database, categories: bytes, catalog_csv: bytes,
        barcodes: list[str], names: list[str]) -> None:
    schema.upgrade(db.engine)
    products.import_categories_file(db, data=categories)
    start = time.perf_counter()
    result = products.import_catalog_file(db, data=catalog_csv)
    print(f"[{label}] import {result.created:,} products: {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    products.import_catalog_file(db, data=catalog_csv)
    print(f"[{label}] re-import (update all by sku): {time.perf_counter() - start:.2f} s")

    rng = random.Random(11)
    sample = [rng.choice(barcodes) for _ in range(2000)]
    lookups = iter(sample)
    print(f"[{label}] " + figures("barcode lookup", timed(lambda: products.find_by_code(db, next(lookups)), len(sample))))

    queries = []
    for _ in range(400):
        words = rng.choice(names).split()
        kind = rng.random()
        if kind < 0.3:
            queries.append(words[1][:4].upper())          # common, mixed case
        elif kind < 0.6:
            queries.append(words[1][:2])                   # Chinese or short
        elif kind < 0.8:
            queries.append(words[-1][1:])                  # rare: near-unique number
        else:
            queries.append("zzzz-no-match")                # full scan, no hit
    found = iter(queries)
    print(f"[{label}] " + figures("name search (substring, any case, Chinese)",
                                  timed(lambda: products.search_products(db, next(found)), len(queries))))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    categories, catalog_csv, barcodes, names = synthetic_catalog(args.products)
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{Path(folder) / 'bench.db'}")
        run("sqlite", db, categories, catalog_csv, barcodes, names)
        db.dispose()
    if args.no_postgres:
        return
    from tests.support.pgserver import PostgresServer

    server = PostgresServer().start()
    try:
        server.execute("CREATE DATABASE bench")
        db = Database(server.url("bench"))
        run("postgresql", db, categories, catalog_csv, barcodes, names)
        db.dispose()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
