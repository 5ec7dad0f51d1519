"""Categories and products: CSV import (all or nothing; the rows are checked by
pos.catalog.catalog_file) and export, barcode lookup and name search. Returns plain
dataclasses, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select, update

from pos.catalog import search
from pos.catalog.catalog_file import (
    CATALOG_HEADER, CATALOG_OPTIONAL, CATEGORY_HEADER, CATEGORY_OPTIONAL, WARRANTY,
    validate_category_rows, validate_product_rows,
)
from pos.db.engine import Database
from pos.db.models import Category, Product
from pos.kernel.csvio import ErrorList, Row, decode_csv_bytes, read_rows, write_rows
from pos.kernel.enums import CategoryKind, PriceRole, SheetLayout
from pos.kernel.errors import UserError
from pos.kernel.money import percent_string, to_decimal_string
from pos.ledger import facts

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


def import_catalog_file(db: Database, *, data: bytes, currency: str = "CNY") -> ImportResult:
    """Import a catalog CSV. All or nothing: any bad row refuses the whole file. The
    warranty_months column may be left out: products then keep their warranty (a new
    one takes its category's)."""
    errors = ErrorList()
    rows = read_rows(decode_csv_bytes(data), CATALOG_HEADER, errors, CATALOG_OPTIONAL)
    return import_products(db, rows=rows, errors=errors, currency=currency)


def import_products(
    db: Database, *, rows: list[Row], errors: ErrorList | None = None, currency: str = "CNY"
) -> ImportResult:
    """Create products, or update them by sku. Every error in the file is reported."""
    errors = errors or ErrorList()
    with db.unit_of_work() as session:
        categories = dict(session.execute(select(Category.code, Category.id)).all())
        existing = {
            sku: (product_id, barcode)
            for product_id, sku, barcode in session.execute(
                select(Product.id, Product.sku, Product.barcode)
            )
        }
        barcode_owner = {barcode: sku for sku, (_, barcode) in existing.items() if barcode}
        parsed = validate_product_rows(rows, categories, barcode_owner, errors, currency)
        errors.raise_if_any("import.catalog")

        inserts, updates = [], []
        for values in parsed:
            found = existing.get(values["sku"])
            if found is None:
                inserts.append(values)
            else:
                updates.append({"id": found[0], **values})
        moving = [
            {"id": u["id"], "barcode": None}
            for u in updates
            if existing[u["sku"]][1] and existing[u["sku"]][1] != u["barcode"]
        ]
        if moving:  # free barcodes first so two products may swap theirs in one file
            session.execute(update(Product), moving)
        if updates:
            session.execute(update(Product), updates)
        if inserts:
            session.execute(Product.__table__.insert(), inserts)
        connection = session.connection()
        if len(inserts) + len(updates) > search.FULL_REFRESH_AT:
            search.refresh(connection)
        else:
            new_ids = session.scalars(
                select(Product.id).where(Product.sku.in_([i["sku"] for i in inserts]))
            ).all() if inserts else []
            search.refresh(connection, product_ids=[u["id"] for u in updates] + new_ids)
        # The stock the file sets is a fact `journal verify` accounts for: sealed here.
        stock = {values["sku"]: values["stock"] for values in parsed}
        ids = dict(session.execute(select(Product.sku, Product.id)).all())
        facts.seal_stock(connection, by=None, source="catalog import",
                         stock={ids[sku]: quantity for sku, quantity in stock.items()})
    return ImportResult(len(inserts), len(updates))


def export_catalog(db: Database, *, currency: str = "CNY") -> bytes:
    """The catalog as CSV, sorted by sku; importing it back changes nothing."""
    with db.read() as session:
        result = session.execute(
            select(
                Product.sku, Product.barcode, Product.name, Category.code, Product.price,
                Product.cost, Product.stock, Product.price_role, Product.serial_tracked,
                Product.vat_rate_bp, Product.warranty_months,
            )
            .join(Category)
            .where(Product.active.is_(True))
            .order_by(Product.sku)
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
    Product.price, Product.cost, Product.vat_rate_bp, Product.stock, Product.price_role,
    Product.serial_tracked, Product.active,
)


_BY_BARCODE = select(*_INFO_COLUMNS).join(Category).where(
    Product.active.is_(True), Product.barcode == bindparam("code"))
_BY_SKU = select(*_INFO_COLUMNS).join(Category).where(
    Product.active.is_(True), Product.sku == bindparam("code"))


def find_by_code(db: Database, code: str) -> ProductInfo:
    """A product by barcode (what a scanner sends) or by sku; UserError if none."""
    code = code.strip()
    if not code:
        raise UserError("catalog.scan_or_type")
    # A plain connection: this runs on every scan, and a Session costs more than the query.
    with db.read_connection() as connection:
        row = connection.execute(_BY_BARCODE, {"code": code}).first()
        if row is None:
            row = connection.execute(_BY_SKU, {"code": code}).first()
    if row is None:
        raise UserError("catalog.unknown_code", code=code)
    return ProductInfo(*row)


def search_products(db: Database, text: str, *, limit: int = 50) -> list[ProductInfo]:
    """Products whose name or sku contains the text, any case, highest price first."""
    rows = search.search_product_rows(db, text, _INFO_COLUMNS, limit=limit)
    return [ProductInfo(*row) for row in rows[:limit]]
