"""A catalog import of any size in bounded memory, all or nothing.

The rows stream in (pos.kernel.csvio.iter_rows over the file, never its whole text) and
are handled a batch at a time, in two passes inside ONE transaction:

1. Check: each batch is checked as pos.catalog.catalog_file checks a file (every
   problem with its line), against the products it names, looked up for the batch. What
   the check remembers across the file (the skus and barcodes seen, with their lines)
   lives in a scratch SQLite file (Seen), not in memory; the checked rows are spooled
   to a scratch file as plain tuples. Any problem: the whole file is refused and
   nothing was written.
2. Write: barcodes that move are freed first (two products may swap theirs), then each
   spooled batch is written with one executemany per kind (updates by id, inserts) and
   the search structures refreshed for its products (pos.catalog.search.refresh; a file
   of most of the catalog rebuilds them once at the end instead); the stock the file sets
   becomes the store's on-hand through OPENING stock documents sealed in the journal
   (pos.ledger.stock_opening: one per SEAL_CHUNK products that change).

A failure anywhere rolls the one transaction back: the database is as it was."""

from __future__ import annotations

import marshal
import sqlite3
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from sqlalchemy import Connection, bindparam, func, select

from pos.catalog import search
from pos.catalog.catalog_file import MAX_SKU, WARRANTY, ProductRows, text_problem
from pos.db.models import Category, Product
from pos.db.pg_link import lift_timeouts
from pos.kernel.barcodes import validate_barcode
from pos.kernel.csvio import ErrorList, Row
from pos.kernel.enums import PriceRole
from pos.kernel.errors import UserError
from pos.ledger.stock_opening import home_store, set_store_stock

BATCH = 5_000  # rows checked, spooled and written at a time
MAX_LISTED = 10_000  # problems a refusal lists; the others it counts
SEAL_CHUNK = 50_000  # products whose stock one opening document sets
_IN_CHUNK = 500  # values in one IN (...) of the scratch file's lookups

_PRODUCTS = Product.__table__
_COLUMNS = ("sku", "barcode", "name", "search_text", "category_id", "price", "cost",
            "stock", "price_role", "serial_tracked", "vat_rate_bp", "active")
_BY_SKU = select(Product.sku, Product.id, Product.barcode).where(
    Product.sku.in_(bindparam("skus", expanding=True)))
_OWNERS = select(Product.barcode, Product.sku).where(
    Product.barcode.in_(bindparam("barcodes", expanding=True)))
_IDS = select(Product.sku, Product.id).where(Product.sku.in_(bindparam("skus", expanding=True)))
_FREE = _PRODUCTS.update().where(Product.id.in_(bindparam("ids", expanding=True))).values(
    barcode=None)
_UPDATE = _PRODUCTS.update().where(_PRODUCTS.c.id == bindparam("product_id"))


@dataclass(frozen=True)
class Counts:
    created: int
    updated: int


class Seen:
    """The skus and barcodes a file has named so far, with their lines, in a scratch
    SQLite file: bounded memory however long the file. A batch's entries are fetched
    into dicts (ProductRows.seen_skus / seen_barcodes), checked against, and stored back."""

    def __init__(self, folder: str):
        self.db = sqlite3.connect(str(Path(folder) / "seen.db"), isolation_level=None)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -8192"):
            self.db.execute(f"PRAGMA {pragma}")
        for table in ("sku", "barcode"):
            self.db.execute(f"CREATE TABLE {table} (value TEXT PRIMARY KEY, line INTEGER) "
                            "WITHOUT ROWID")

    def fetch(self, table: str, values: Iterable[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        values = list(values)
        for start in range(0, len(values), _IN_CHUNK):
            chunk = values[start:start + _IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(
                f"SELECT value, line FROM {table} WHERE value IN ({marks})", chunk))
        return found

    def store(self, table: str, entries: dict[str, int]) -> None:
        self.db.execute("BEGIN")
        self.db.executemany(f"INSERT OR REPLACE INTO {table} (value, line) VALUES (?, ?)",
                            entries.items())
        self.db.execute("COMMIT")

    def has_sku(self, sku: str) -> bool:
        return self.db.execute("SELECT 1 FROM sku WHERE value = ?", (sku,)).fetchone() is not None

    def close(self) -> None:
        self.db.close()


def import_rows(connection: Connection, rows: Iterable[Row], errors: ErrorList, *,
                what: str, currency: str, store_id: int | None = None,
                with_stock: bool = True) -> Counts:
    """Check then write the catalog rows on `connection`, inside its transaction (which
    the caller commits). `errors` may already hold the file's reading problems; any
    problem raises the file's refusal (UserError) before anything is written. The
    file's stock column sets the on-hand of `store_id` (None: the first till's store)."""
    with tempfile.TemporaryDirectory(prefix="pos-import-") as folder:
        seen = Seen(folder)
        try:
            with open(Path(folder) / "rows.spool", "w+b") as spool:
                counts, moving, warranty = _check(connection, rows, errors, seen, spool,
                                                  currency=currency)
                seen.close()  # not needed to write: its cache goes before the writes
                errors.raise_if_any(what)
                spool.seek(0)
                _write(connection, spool, moving, warranty, counts, store_id, with_stock)
        finally:
            seen.close()
    return counts


def _batches(rows: Iterable[Row]) -> Iterator[list[Row]]:
    rows = iter(rows)
    while batch := list(islice(rows, BATCH)):
        yield batch


def _check(connection, rows, errors: ErrorList, seen: Seen, spool, *, currency: str):
    """Pass 1: every row checked (problems to `errors`, in the order of a whole-file
    check: reading problems first, then each row's); while there is none, the checked
    rows are spooled. Returns the counts, the ids whose barcode moves, and whether the
    file has the warranty column."""
    categories = dict(connection.execute(select(Category.code, Category.id)).all())
    problems = ErrorList(limit=errors.limit)  # the rows' own, after the reading problems
    checker = ProductRows(categories, {}, problems, currency)
    created = updated = 0
    moving = array("q")  # ids: 8 bytes each
    warranty = None
    for batch in _batches(rows):
        # the skus a product may have (PostgreSQL refuses NUL even to compare)
        skus = [sku for sku in {row.values["sku"] for row in batch}
                if sku and text_problem(sku, MAX_SKU) is None]
        existing = {sku: (pid, barcode) for sku, pid, barcode in
                    connection.execute(_BY_SKU, {"skus": skus})}
        barcodes = _barcodes(batch)
        checker.barcode_owner = dict(connection.execute(_OWNERS, {"barcodes": barcodes}).all()) \
            if barcodes else {}
        checker.seen_skus = seen.fetch("sku", skus)
        checker.seen_barcodes = seen.fetch("barcode", barcodes)
        spooled = []
        for row in batch:
            values = checker.values(row)
            if warranty is None:
                warranty = WARRANTY in values
            found = existing.get(values["sku"])
            if found is None:
                created += 1
            else:
                updated += 1
                if found[1] and found[1] != values["barcode"]:
                    moving.append(found[0])
            if not (errors.errors or problems.errors or problems.beyond):
                spooled.append(_spooled(values, found[0] if found else None, warranty))
        seen.store("sku", checker.seen_skus)
        seen.store("barcode", checker.seen_barcodes)
        if spooled:
            marshal.dump(spooled, spool)
    checker.finish(seen.has_sku)
    errors.extend(problems)
    return Counts(created, updated), moving, bool(warranty)


def _barcodes(batch: list[Row]) -> list[str]:
    """The valid barcodes a batch names, as they are kept (validate_barcode's form)."""
    found = set()
    for row in batch:
        text = row.values["barcode"]
        if text and len(text) <= 24:
            try:
                found.add(validate_barcode(text))
            except UserError:
                pass
    return list(found)


def _spooled(values: dict, product_id: int | None, warranty: bool) -> tuple:
    row = [product_id, *(values[name] for name in _COLUMNS)]
    row[1 + _COLUMNS.index("price_role")] = values["price_role"].value
    if warranty:
        row.append(values[WARRANTY])
    return tuple(row)


def _read_spool(spool) -> Iterator[list[tuple]]:
    while True:
        try:
            yield marshal.load(spool)
        except EOFError:
            return


def _write(connection, spool, moving: array, warranty: bool, counts: Counts,
           store_id: int | None, with_stock: bool) -> None:
    """Pass 2: the checked rows written batch by batch, stock sealed, search refreshed."""
    written = counts.created + counts.updated
    catalog = connection.execute(select(func.count()).select_from(_PRODUCTS)).scalar_one()
    # Most of the catalog (a first import, a chain's whole file): one rebuild at the end
    # writes each page of the search structure once; a few products: theirs, per batch.
    rebuild = written > search.FULL_REFRESH_AT and written * 4 >= catalog + counts.created
    for start in range(0, len(moving), BATCH):  # free moving barcodes before any is taken
        connection.execute(_FREE, {"ids": moving[start:start + BATCH].tolist()})
    names = _COLUMNS + ((WARRANTY,) if warranty else ())
    role = names.index("price_role")
    stock: dict[int, int] = {}
    new_stock: dict[str, int] = {}
    for batch in _read_spool(spool):
        updates, inserts, ids = [], [], []
        for product_id, *values in batch:
            values[role] = PriceRole(values[role])
            row = dict(zip(names, values))
            quantity = row.pop("stock")
            if product_id is None:
                inserts.append(row)
                new_stock[row["sku"]] = quantity
            else:
                row["product_id"] = product_id
                updates.append(row)
                stock[product_id] = quantity
                ids.append(product_id)
        if updates:
            connection.execute(_UPDATE, updates)
        if inserts:
            connection.execute(_PRODUCTS.insert(), inserts)
            new_ids = dict(connection.execute(_IDS, {"skus": [r["sku"] for r in inserts]}).all())
            for row in inserts:
                stock[new_ids[row["sku"]]] = new_stock.pop(row["sku"])
                ids.append(new_ids[row["sku"]])
        if not rebuild:
            search.refresh(connection, product_ids=ids)  # its cost is the batch's
    if with_stock:
        _set_stock(connection, stock, store_id)
    if rebuild:  # one statement over the whole catalog: longer than a till's limit
        lift_timeouts(connection)
        search.refresh(connection)


def _set_stock(connection, stock: dict[int, int], store_id: int | None) -> None:
    """The stock the file sets is the store's on-hand: OPENING documents, sealed."""
    if store_id is None:
        store_id = home_store(connection)
    if store_id is None:
        if any(stock.values()):
            raise UserError("catalog.stock_needs_store")
        return
    set_store_stock(connection, store_id=store_id, quantities=stock, staff_id=None,
                    note="catalog import", chunk=SEAL_CHUNK)
