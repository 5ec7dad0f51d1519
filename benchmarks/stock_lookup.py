"""A product across the chain's stores: `pos.stock.levels.lookup` on a catalog of 100,000
products stocked in 50 stores (5,000,000 store_stock rows; every tenth product
serial-tracked, with a few units in stock at a few stores), on SQLite and optionally
PostgreSQL.

    flock /tmp/bench.lock .venv/bin/python benchmarks/stock_lookup.py build
    flock /tmp/bench.lock .venv/bin/python benchmarks/stock_lookup.py measure [--pg]

`build` writes the data once into --data (default /tmp/p6/stock_lookup): the catalog by
the importer, the 49 other stores, then the stock rows and units in bulk (a lookup reads
store_stock by its (product_id, store_id) index and serial_units by product; the
movements behind the quantities are not needed to read them, so this data does not pass
`journal verify`). `--pg` copies it into a PostgreSQL cluster kept under the data folder.
`measure` looks up random products by barcode (and by sku), each answer naming all 50
stores, and prints the median and p95.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from common import figures, synthetic_catalog, timed  # noqa: F401 - puts the checkout on sys.path

PRODUCTS = 100_000
STORES = 50
UNITS_PER_TRACKED = 4


def _db(url: str):
    from pos.db.engine import Database

    return Database(url)


def build(data: Path) -> None:
    from sqlalchemy import select

    from pos.catalog.products import import_catalog_file, import_categories_file
    from pos.db import schema
    from pos.db.models import Product, Store
    from pos.store.details import ensure_store

    data.mkdir(parents=True, exist_ok=True)
    path = data / "stock.db"
    if path.exists():
        path.unlink()
    db = _db(f"sqlite:///{path}")
    schema.upgrade(db.engine)
    ensure_store(db, code="S01", name="Store S01", terminal="T01")
    categories, catalog, barcodes, _names = synthetic_catalog(PRODUCTS)
    import_categories_file(db, data=categories)
    import_catalog_file(db, data=catalog)  # S01's stock: opening documents, sealed
    with db.write_connection() as conn:
        for number in range(2, STORES + 1):
            conn.execute(Store.__table__.insert().values(
                code=f"S{number:02d}", name=f"Store S{number:02d}", address="", phone="",
                tax_id="", currency="CNY", locale="en", receipt_footer=""))
        stores = [sid for sid, in conn.execute(select(Store.id).order_by(Store.id))]
        products = conn.execute(select(Product.id, Product.serial_tracked)
                                .order_by(Product.id)).all()
    rng = random.Random(18)
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        # a bulk load: no fsync, a large cache, and the product index built once at the end
        # (kept up row by row, its random inserts take an hour on a busy disk)
        cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA cache_size = -500000")
        cursor.execute("DROP INDEX ix_store_stock_product_id")
        for store_id in stores[1:]:
            cursor.executemany(
                "INSERT INTO store_stock (store_id, product_id, on_hand, in_transit) "
                "VALUES (?, ?, ?, 0)", [(store_id, pid, rng.randint(0, 40))
                                       for pid, _tracked in products])
        units = [(pid, f"U{pid:07d}-{n}", "in_stock", rng.choice(stores))
                 for pid, tracked in products if tracked for n in range(UNITS_PER_TRACKED)]
        cursor.executemany("INSERT INTO serial_units (product_id, serial, state, store_id) "
                           "VALUES (?, ?, ?, ?)", units)
        cursor.execute("CREATE INDEX ix_store_stock_product_id ON store_stock "
                       "(product_id, store_id)")
        raw.commit()
        cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
    db.dispose()
    (data / "barcodes.txt").write_text("\n".join(barcodes))
    print(f"built {path}: {PRODUCTS} products x {len(stores)} stores, {len(units)} serial units")


def postgres_copy(data: Path):
    """A throwaway PostgreSQL server holding a copy of the built data (COPY), analysed."""
    from sqlalchemy import text

    from pos.db import schema
    from tests.support.pgserver import PostgresServer

    server = PostgresServer().start()
    server.execute("CREATE DATABASE stock_lookup")
    url = server.url("stock_lookup")
    target = _db(url)
    schema.upgrade(target.engine)
    source = _db(f"sqlite:///{data / 'stock.db'}")
    with source.engine.connect() as read, target.engine.begin() as write:
        raw = write.connection.driver_connection
        for table in ("store_counters", "journal_head", "terminals"):
            write.execute(text(f"DELETE FROM {table}"))
        for table in ("stores", "terminals", "categories", "products", "store_stock",
                      "serial_units"):
            result = read.execute(text(f"SELECT * FROM {table}"))
            columns = list(result.keys())
            with raw.cursor() as cursor:
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in result:
                        copy.write_row(row)
    with target.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
    source.dispose()
    target.dispose()
    return server, url


def measure(data: Path, *, pg: bool, repeat: int) -> None:
    from pos.stock import levels

    barcodes = (data / "barcodes.txt").read_text().split()
    targets = [("SQLite", f"sqlite:///{data / 'stock.db'}", None)]
    if pg:
        server, url = postgres_copy(data)
        targets.append(("PostgreSQL", url, server))
    for name, url, server in targets:
        rng = random.Random(5)
        db = _db(url)
        picked = iter([rng.choice(barcodes) for _ in range(repeat + 1)])
        tracked = iter(rng.sample(barcodes[::10], min(repeat, len(barcodes) // 10)))
        skus = iter([f"SKU{rng.randrange(PRODUCTS):07d}" for _ in range(repeat)])
        answer = levels.lookup(db, code=next(picked))  # a warm connection
        assert len(answer.stores) == STORES, len(answer.stores)
        print(figures(f"{name}: by barcode, {STORES} stores",
                      timed(lambda: levels.lookup(db, code=next(picked)), repeat)))
        print(figures(f"{name}: serial-tracked, with its units",
                      timed(lambda: levels.lookup(db, code=next(tracked)), repeat)))
        print(figures(f"{name}: by sku", timed(lambda: levels.lookup(db, code=next(skus)),
                                                repeat)))
        db.dispose()
        if server is not None:
            server.stop()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["build", "measure"])
    parser.add_argument("--data", type=Path, default=Path("/tmp/p6/stock_lookup"))
    parser.add_argument("--pg", action="store_true", help="measure on PostgreSQL too")
    parser.add_argument("--repeat", type=int, default=400)
    args = parser.parse_args(argv)
    if args.action == "build":
        build(args.data)
    else:
        measure(args.data, pg=args.pg, repeat=args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
