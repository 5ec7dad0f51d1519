"""Stock files of any size read in bounded memory, all or nothing (the pattern of
pos.catalog.catalog_import).

The rows stream in (pos.kernel.csvio.iter_rows over the file, never its whole text) and
are checked a batch of BATCH rows at a time: each cell as pos.stock.stock_file says,
the products the batch names looked up for the batch (by barcode, then by sku), and
the units its serials name (`serial_units`) against what the file does with them: a
unit received must be new to the store (not in stock anywhere, not sold), one sent,
taken or written off must be in stock at the file's store. What the check remembers
across the file (each serial and product seen, with its line) lives in a scratch
SQLite file, not in memory. Every problem is listed with its line (the first
MAX_LISTED; the others counted) and refuses the whole file: nothing is written.

`read_moves` gives the checked rows as MoveInput records (each with its line) for one
call of the service that posts them (pos.stock.receiving, transfers, counts,
adjustments); `import_stock` sets a store's on-hand outright (OPENING documents, sealed
in the journal, pos.ledger.stock_opening) and its reorder points, in one transaction."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import bindparam, or_, select, update

from pos.db import prepared
from pos.db.engine import Database
from pos.db.models import Category, Product, SerialUnit, Store, StoreStock
from pos.kernel.csvio import ErrorList, Row, iter_rows, open_csv_text
from pos.kernel.enums import UnitState
from pos.kernel.errors import UserError
from pos.ledger import audit
from pos.ledger.stock_opening import CHUNK, home_store, set_store_stock
from pos.ledger.stock_tables import SELLABLE, STATE_NAMES, UnitRow, unit_refusal
from pos.stock.records import MoveInput
from pos.stock.stock_file import (
    CODE,
    COST,
    KINDS,
    QUANTITY,
    REORDER,
    SERIAL,
    ProductRef,
    StockRows,
    kept_serial,
)
from pos.store.settings import get_setting

BATCH = 5_000  # rows checked at a time
MAX_LISTED = 10_000  # problems a refusal lists; the others it counts
_IN_CHUNK = 500  # values in one IN (...) of a lookup
WHAT = "import.stock"  # the refusal's name for the file
# A unit may come in again after it left the books this way (ledger: stock_tables)
_GONE = (UnitState.WRITTEN_OFF, UnitState.REPAIR)

_PRODUCTS = select(Product.id, Product.sku, Product.barcode, Product.name,
                   Product.serial_tracked, Category.code).join(Category)
_UNITS = select(SerialUnit.product_id, SerialUnit.serial, SerialUnit.id, SerialUnit.state,
                SerialUnit.store_id, SerialUnit.sale_line_id).where(
    SerialUnit.serial.in_(bindparam("serials", expanding=True)))


@dataclass(frozen=True, slots=True)
class SetLine:
    """A line of an import file: the product's on-hand set, and its reorder point."""

    product_id: int
    sku: str
    quantity: int
    reorder_point: int | None
    line_no: int


@dataclass(frozen=True)
class StockImport:
    store: str
    products: int  # rows of the file (one per product)
    documents: tuple[str, ...]  # the OPENING documents sealed
    reorder_points: int  # reorder points set


class Seen:
    """Keys (a product, a product's serial) the file has named so far, each with its
    first line, in a scratch SQLite file: bounded memory however long the file."""

    def __init__(self, folder: str):
        self.db = sqlite3.connect(str(Path(folder) / "seen.db"), isolation_level=None)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -8192"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.execute("CREATE TABLE seen (key TEXT PRIMARY KEY, line INTEGER) WITHOUT ROWID")

    def fetch(self, keys: Iterable[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        keys = list(keys)
        for start in range(0, len(keys), _IN_CHUNK):
            chunk = keys[start:start + _IN_CHUNK]
            found.update(self.db.execute(
                f"SELECT key, line FROM seen WHERE key IN ({','.join('?' * len(chunk))})",
                chunk))
        return found

    def store(self, entries: dict[str, int]) -> None:
        self.db.execute("BEGIN")
        self.db.executemany("INSERT OR IGNORE INTO seen (key, line) VALUES (?, ?)",
                            entries.items())
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()


def store_id_of(conn, code: str) -> int:
    found = conn.execute(select(Store.id).where(Store.code == code.strip())).scalar()
    if found is None:
        raise UserError("store.unknown", store=code)
    return found


def read_moves(db: Database, *, file: BinaryIO, kind: str, store: str) -> list[MoveInput]:
    """The lines of a stock file (`kind`: receive, transfer, transfer_in, count, adjust,
    write_off) checked against the store `store` (its code): each a MoveInput with its
    product's sku and its line. Any problem refuses the whole file (UserError listing
    every line)."""
    errors = ErrorList(limit=MAX_LISTED)
    text = open_csv_text(file)  # a file that is not text is refused before anything
    try:
        with db.read_connection() as conn:
            store_id = store_id_of(conn, store)
            rows = iter_rows(text, KINDS[kind].header, errors, KINDS[kind].optional)
            moves = check_rows(conn, rows, errors, kind=kind, store_id=store_id)
    finally:
        text.detach()  # the caller's file stays open
    return moves


def check_rows(conn, rows: Iterable[Row], errors: ErrorList, *, kind: str,
               store_id: int | None) -> list:
    """Every row checked (problems to `errors`, raised at the end as the file's refusal);
    the checked lines, while there is no problem, as MoveInputs (SetLines: an import)."""
    file_kind = KINDS[kind]
    currency = conn.execute(select(Store.currency).where(Store.id == store_id)).scalar() \
        if store_id is not None else None
    checker = StockRows(file_kind, errors, currency=currency or "CNY")
    imei_categories = {code.strip().upper() for code in get_setting(conn, "imei_categories")
                       if isinstance(code, str)}
    moves: list = []
    with tempfile.TemporaryDirectory(prefix="pos-stock-") as folder:
        seen = Seen(folder)
        try:
            for batch in _batches(rows):
                products = _products(conn, batch, imei_categories)
                _check_batch(conn, batch, products, checker, seen, moves, store_id=store_id)
                if errors.errors:
                    moves.clear()  # a refused file keeps nothing: bounded memory
        finally:
            seen.close()
    errors.raise_if_any(WHAT)
    return moves


def _batches(rows: Iterable[Row]) -> Iterator[list[Row]]:
    rows = iter(rows)
    while batch := list(islice(rows, BATCH)):
        yield batch


def _products(conn, batch: list[Row], imei_categories: set[str]) -> dict[str, ProductRef]:
    """The products a batch names, by the code it names them with (a barcode first, as
    a scanner sends it; else a sku)."""
    codes = list({row.values[CODE] for row in batch if row.values[CODE]})
    found: dict[str, ProductRef] = {}
    by_sku: dict[str, ProductRef] = {}
    for start in range(0, len(codes), _IN_CHUNK):
        chunk = codes[start:start + _IN_CHUNK]
        wanted = set(chunk)
        for pid, sku, barcode, name, tracked, category in conn.execute(
                _PRODUCTS.where(or_(Product.barcode.in_(chunk), Product.sku.in_(chunk)))):
            ref = ProductRef(pid, sku, name, tracked, (category or "").upper() in imei_categories)
            if barcode in wanted:
                found[barcode] = ref
            by_sku[sku] = ref
    for sku, ref in by_sku.items():
        found.setdefault(sku, ref)
    return found


def _check_batch(conn, batch, products, checker: StockRows, seen: Seen,
                 moves: list, *, store_id: int | None) -> None:
    kind = checker.kind
    keys = {}  # line -> the key of its serial (product id and serial), as far as it reads
    for row in batch:
        product = products.get(row.values[CODE])
        text = row.values.get(SERIAL) or ""
        if kind.name == "import" and product is not None:
            keys[row.line] = f"p{product.id}"
        elif product is not None and product.serial_tracked and text:
            try:
                keys[row.line] = f"{product.id}\t{kept_serial(text, name='', imei=product.imei)}"
            except UserError:
                pass
    earlier = seen.fetch(set(keys.values()))
    units = _units(conn, [key.split("\t", 1)[1] for key in keys.values() if "\t" in key])
    run = prepared.on(conn)
    errors = checker.errors
    for row in batch:
        values, line = row.values, row.line
        product = checker.code(values[CODE], line, products)
        serial_text = values.get(SERIAL) or ""
        quantity = checker.quantity(values[QUANTITY], line, serial=bool(serial_text))
        serial = checker.serial(serial_text, line, product, quantity)
        cost = checker.cost(values.get(COST), line)
        point = checker.reorder_point(values.get(REORDER), line)
        key = keys.get(line)
        if key is not None and (product is not None and (serial or kind.name == "import")):
            if key in earlier:
                if kind.name == "import":
                    errors.add(line, CODE, "stock.product_repeated_line",
                               code=values[CODE], line=earlier[key])
                else:
                    errors.add(line, SERIAL, "stock.serial_repeated_line", serial=serial,
                               line=earlier[key])
                continue
            earlier[key] = line
        if serial and quantity is not None and store_id is not None:
            refusal = _unit_refusal(conn, run, kind.name, units.get((product.id, serial)),
                                    serial=serial, quantity=quantity, store_id=store_id)
            if refusal is not None:
                errors.add(line, SERIAL, refusal)
                continue
        if product is None or quantity is None or errors.errors:
            continue
        if kind.name == "import":
            moves.append(SetLine(product.id, product.sku, quantity, point, line))
        else:
            moves.append(MoveInput(product.sku, quantity, serial=serial, unit_cost=cost,
                                   line_no=line))
    seen.store({key: line for key, line in earlier.items() if line is not None})


def _units(conn, serials: list[str]) -> dict[tuple[int, str], UnitRow]:
    found = {}
    serials = list(set(serials))
    for start in range(0, len(serials), _IN_CHUNK):
        for pid, serial, *unit in conn.execute(
                _UNITS, {"serials": serials[start:start + _IN_CHUNK]}):
            found[(pid, serial)] = UnitRow(*unit)
    return found


def _unit_refusal(conn, run, kind: str, unit: UnitRow | None, *, serial: str, quantity: int,
                  store_id: int) -> UserError | None:
    """Why the file cannot do this with this unit (as the ledger would refuse it, said
    first and with its line), or None."""
    incoming = kind == "receive" or (kind == "adjust" and quantity > 0)
    outgoing = kind in ("transfer", "write_off") or (kind == "adjust" and quantity < 0)
    if incoming:
        state = UnitState(unit.state) if unit is not None else None
        if state is UnitState.REPAIR and kind == "receive":  # back from repair: not new stock
            return UserError("stock.serial_unavailable", serial=serial,
                             state=STATE_NAMES[state])
        if state is not None and state not in _GONE:
            return unit_refusal(run, unit, serial=serial, store_id=store_id, receiving=True)
    elif outgoing:
        if unit is None:
            return UserError("stock.serial_unknown", serial=serial)
        state = UnitState(unit.state)
        if state not in SELLABLE or unit.store_id != store_id:
            if state in (*SELLABLE, UnitState.IN_TRANSIT, UnitState.SOLD):
                return unit_refusal(run, unit, serial=serial, store_id=store_id)
            code = conn.execute(select(Store.code).where(Store.id == store_id)).scalar()
            return UserError("stock.serial_not_here", serial=serial, store=code)
    return None


# --- pos stock import -------------------------------------------------------------------


def import_stock(db: Database, *, file: BinaryIO, store: str | None = None,
                 staff_id: int | None = None) -> StockImport:
    """Set a store's on-hand of each product the file names (`sku_or_barcode,quantity`,
    and its reorder point where the optional column gives one), all or nothing: the
    quantities become OPENING documents sealed in the journal, the reorder points one
    audit event. `store`: a store's code (None: this database's home store)."""
    errors = ErrorList(limit=MAX_LISTED)
    text = open_csv_text(file)
    try:
        with db.write_connection() as conn:
            store_id = store_id_of(conn, store) if store else home_store(conn)
            if store_id is None:
                raise UserError("catalog.stock_needs_store")
            rows = iter_rows(text, KINDS["import"].header, errors, KINDS["import"].optional)
            lines = check_rows(conn, rows, errors, kind="import", store_id=store_id)
            quantities = {line.product_id: line.quantity for line in lines}
            points = {line.product_id: line.reorder_point for line in lines
                      if line.reorder_point is not None}
            code = conn.execute(select(Store.code).where(Store.id == store_id)).scalar_one()
            documents = set_store_stock(conn, store_id=store_id, quantities=quantities,
                                        staff_id=staff_id, note="stock import", chunk=CHUNK)
            _set_reorder_points(conn, store_id, points)
            if points:
                audit.record(conn, staff_id=staff_id, action="reorder_point_set", ref=code,
                             details={"store": code, "products": len(points),
                                      "source": "stock import"})
    finally:
        text.detach()
    return StockImport(code, len(quantities), tuple(documents), len(points))


_POINT = update(StoreStock).where(StoreStock.store_id == bindparam("s"),
                                  StoreStock.product_id == bindparam("p")).values(
    reorder_point=bindparam("point"))


def _set_reorder_points(conn, store_id: int, points: dict[int, int]) -> None:
    """Reorder points on the store's rows (a row made for a product it never held)."""
    ids = sorted(points)
    for start in range(0, len(ids), BATCH):
        part = ids[start:start + BATCH]
        held = set(conn.execute(select(StoreStock.product_id).where(
            StoreStock.store_id == store_id, StoreStock.product_id.in_(part))).scalars())
        new = [{"store_id": store_id, "product_id": pid, "on_hand": 0, "in_transit": 0,
                "reorder_point": points[pid]} for pid in part if pid not in held]
        if new:
            conn.execute(StoreStock.__table__.insert(), new)
        old = [{"s": store_id, "p": pid, "point": points[pid]} for pid in part if pid in held]
        if old:
            conn.execute(_POINT, old)
