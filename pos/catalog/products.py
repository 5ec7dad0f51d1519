"""Categories and products: CSV import (all or nothing; the rows are checked by
pos.catalog.catalog_file) and export, barcode lookup and name search. Returns plain
dataclasses, never ORM objects."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

from sqlalchemy import bindparam, select

from pos.catalog import catalog_import, search
from pos.catalog.catalog_file import (
    CATALOG_HEADER, CATALOG_OPTIONAL, CATEGORY_HEADER, CATEGORY_OPTIONAL, WARRANTY,
    validate_category_rows,
)
from pos.catalog.stock_here import stock_here
from pos.db.engine import Database
from pos.db.models import Category, Product, Store
from pos.kernel.csvio import (
    ErrorList, Row, decode_csv_bytes, iter_rows, open_csv_text, read_rows, write_rows,
)
from pos.kernel.enums import CategoryKind, PriceRole, SheetLayout
from pos.kernel.errors import UserError
from pos.kernel.money import percent_string, to_decimal_string


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated"


@dataclass(frozen=True)
class ProductInfo:
    id: int
    sku: str
    barcode: str | None
    name: str
    category_code: str
    category_kind: CategoryKind
    price: int
    cost: int
    vat_rate_bp: int
    stock: int
    price_role: PriceRole
    serial_tracked: bool
    active: bool


@dataclass(frozen=True)
class CategoryInfo:
    code: str
    name: str
    kind: CategoryKind
    sheet_layout: SheetLayout | None


# --- categories ---------------------------------------------------------------------


def import_categories_file(db: Database, *, data: bytes) -> ImportResult:
    errors = ErrorList()
    rows = read_rows(decode_csv_bytes(data), CATEGORY_HEADER, errors, CATEGORY_OPTIONAL)
    return import_categories(db, rows=rows, errors=errors)


def import_categories(
    db: Database, *, rows: list[Row], errors: ErrorList | None = None
) -> ImportResult:
    """Create or update categories by code. A file without the warranty_months column
    leaves the categories' warranties as they are."""
    errors = errors or ErrorList()
    clean = validate_category_rows(rows, errors)
    errors.raise_if_any("import.categories")
    created = updated = 0
    with db.unit_of_work() as session:
        existing = {c.code: c for c in session.scalars(select(Category))}
        for values in clean:
            category = existing.get(values["code"])
            if category is None:
                session.add(Category(**values))
                created += 1
            else:
                category.name = values["name"]
                category.kind = values["kind"]
                category.sheet_layout = values["sheet_layout"]
                if WARRANTY in values:
                    category.warranty_months = values[WARRANTY]
                updated += 1
    return ImportResult(created, updated)


def export_categories(db: Database) -> bytes:
    with db.read() as session:
        categories = session.scalars(select(Category).order_by(Category.code)).all()
        rows = [
            (c.code, c.name, c.kind.value, c.sheet_layout.value if c.sheet_layout else "",
             "" if c.warranty_months is None else str(c.warranty_months))
            for c in categories
        ]
    return write_rows(CATEGORY_HEADER + CATEGORY_OPTIONAL, rows)


def list_categories(db: Database) -> list[CategoryInfo]:
    with db.read() as session:
        return [
            CategoryInfo(c.code, c.name, c.kind, c.sheet_layout)
            for c in session.scalars(select(Category).order_by(Category.code))
        ]


# --- products -----------------------------------------------------------------------


def store_id_of(connection, code: str) -> int:
    """A store's id by its code (UserError store.unknown when there is none)."""
    found = connection.execute(select(Store.id).where(Store.code == code.strip())).scalar()
    if found is None:
        raise UserError("store.unknown", store=code)
    return found


def import_catalog_file(db: Database, *, data: bytes, currency: str = "CNY",
                        store: str | None = None) -> ImportResult:
    """Import a catalog CSV. All or nothing: any bad row refuses the whole file. The
    warranty_months column may be left out: products then keep their warranty (a new
    one takes its category's)."""
    return import_catalog_stream(db, file=io.BytesIO(data), currency=currency, store=store)


def import_catalog_stream(db: Database, *, file: BinaryIO, currency: str = "CNY",
                          store: str | None = None) -> ImportResult:
    """import_catalog_file for a seekable binary file (an open CSV file): read as it
    streams, in bounded memory whatever its size (pos.catalog.catalog_import)."""
    errors = ErrorList(limit=catalog_import.MAX_LISTED)
    text = open_csv_text(file)  # a file that is not text is refused before anything
    try:
        rows = iter_rows(text, CATALOG_HEADER, errors, CATALOG_OPTIONAL)
        return _import(db, rows, errors, currency, store)
    finally:
        text.detach()  # the caller's file stays open


def import_products(
    db: Database, *, rows: Iterable[Row], errors: ErrorList | None = None, currency: str = "CNY",
    store: str | None = None, with_stock: bool = True,
) -> ImportResult:
    """Create products, or update them by sku. Every error in the file is reported. The
    stock column sets the store's on-hand unless `with_stock` is False (a new store's
    setup sets it once the store exists: pos.setup.new_store)."""
    return _import(db, rows, errors or ErrorList(), currency, store, with_stock)


def _import(db: Database, rows: Iterable[Row], errors: ErrorList, currency: str,
            store: str | None = None, with_stock: bool = True) -> ImportResult:
    with db.write_connection() as connection:
        store_id = store_id_of(connection, store) if store else None
        counts = catalog_import.import_rows(connection, rows, errors, what="import.catalog",
                                            currency=currency, store_id=store_id,
                                            with_stock=with_stock)
    return ImportResult(counts.created, counts.updated)


def export_catalog(db: Database, *, currency: str = "CNY", store: str | None = None) -> bytes:
    """The catalog as CSV, sorted by sku, with the store's on-hand (None: the first
    till's store); importing it back into that store changes nothing."""
    with db.read() as session:
        store_id = store_id_of(session.connection(), store) if store else None
        result = session.execute(
            select(
                Product.sku, Product.barcode, Product.name, Category.code, Product.price,
                Product.cost, stock_here(), Product.price_role, Product.serial_tracked,
                Product.vat_rate_bp, Product.warranty_months,
            )
            .join(Category)
            .where(Product.active.is_(True))
            .order_by(Product.sku), {"stock_store": store_id}
        )
        rows = [
            (
                sku, barcode or "", name, category,
                to_decimal_string(price, currency=currency),
                to_decimal_string(cost, currency=currency),
                str(stock), role.value, "yes" if serial else "no", percent_string(vat),
                "" if warranty is None else str(warranty),
            )
            for sku, barcode, name, category, price, cost, stock, role, serial, vat, warranty
            in result
        ]
    return write_rows(CATALOG_HEADER + CATALOG_OPTIONAL, rows)


# --- lookup -------------------------------------------------------------------------

_INFO_COLUMNS = (
    Product.id, Product.sku, Product.barcode, Product.name, Category.code, Category.kind,
    Product.price, Product.cost, Product.vat_rate_bp, stock_here(), Product.price_role,
    Product.serial_tracked, Product.active,
)


_BY_BARCODE = select(*_INFO_COLUMNS).join(Category).where(
    Product.active.is_(True), Product.barcode == bindparam("code"))
_BY_SKU = select(*_INFO_COLUMNS).join(Category).where(
    Product.active.is_(True), Product.sku == bindparam("code"))


def find_by_code(db: Database, code: str, *, store_id: int | None = None) -> ProductInfo:
    """A product by barcode (what a scanner sends) or by sku, with its on-hand at the
    store (None: the first till's); UserError if none."""
    code = code.strip()
    if not code:
        raise UserError("catalog.scan_or_type")
    # A plain connection: this runs on every scan, and a Session costs more than the query.
    with db.read_connection() as connection:
        values = {"code": code, "stock_store": store_id}
        row = connection.execute(_BY_BARCODE, values).first()
        if row is None:
            row = connection.execute(_BY_SKU, values).first()
    if row is None:
        raise UserError("catalog.unknown_code", code=code)
    return ProductInfo(*row)


def search_products(db: Database, text: str, *, limit: int = 50,
                    store_id: int | None = None) -> list[ProductInfo]:
    """Products matching the text as a cashier types it (pos.catalog.search): the exact
    barcode or sku first, then words starting so, then inside a word, then one typo
    away; each highest price first."""
    rows = search.search_product_rows(db, text, _INFO_COLUMNS, limit=limit,
                                      params={"stock_store": store_id})
    return [ProductInfo(*row) for row in rows[:limit]]
