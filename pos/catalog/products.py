"""Categories and products: CSV import/export (all or nothing), barcode lookup and
name search. Returns plain dataclasses, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select, update

from pos.catalog import search
from pos.db.engine import Database
from pos.db.models import Category, Product, product_search_text
from pos.kernel.barcodes import validate_barcode
from pos.kernel.csvio import ErrorList, Row, decode_csv_bytes, read_rows, write_rows
from pos.kernel.enums import CategoryKind, PriceRole, SheetLayout
from pos.kernel.errors import UserError
from pos.kernel.money import parse_amount, parse_percent, percent_string, to_decimal_string

CATALOG_HEADER = (
    "sku", "barcode", "name", "category", "price", "cost", "stock", "role",
    "serial_tracked", "vat_rate",
)
CATEGORY_HEADER = ("code", "name", "kind", "sheet_layout")

_TRUE = {"yes", "y", "true", "1", "是"}
_FALSE = {"no", "n", "false", "0", "否", ""}
MAX_SKU, MAX_NAME = 40, 200


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
    rows = read_rows(decode_csv_bytes(data), CATEGORY_HEADER, errors)
    return import_categories(db, rows=rows, errors=errors)


def import_categories(
    db: Database, *, rows: list[Row], errors: ErrorList | None = None
) -> ImportResult:
    """Create or update categories by code."""
    errors = errors or ErrorList()
    seen: set[str] = set()
    clean: list[dict] = []
    for row in rows:
        v = row.values
        code = v["code"]
        if not code:
            errors.add(row.line, "code", "field.empty")
        elif len(code) > 40:
            errors.add(row.line, "code", "field.too_long", max=40)
        elif code in seen:
            errors.add(row.line, "code", "catalog.code_twice", code=code)
        seen.add(code)
        if not v["name"]:
            errors.add(row.line, "name", "field.empty")
        kind = _parse_enum(CategoryKind, v["kind"], row.line, "kind", errors)
        layout = None
        if v["sheet_layout"]:
            layout = _parse_enum(SheetLayout, v["sheet_layout"], row.line, "sheet_layout", errors)
        if kind is CategoryKind.MAIN_UNIT and not v["sheet_layout"]:
            errors.add(row.line, "sheet_layout", "catalog.needs_layout")
        if kind not in (None, CategoryKind.MAIN_UNIT) and v["sheet_layout"]:
            errors.add(row.line, "sheet_layout", "catalog.layout_main_only")
        clean.append({"code": code, "name": v["name"], "kind": kind, "sheet_layout": layout})
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
                updated += 1
    return ImportResult(created, updated)


def export_categories(db: Database) -> bytes:
    with db.read() as session:
        categories = session.scalars(select(Category).order_by(Category.code)).all()
        rows = [
            (c.code, c.name, c.kind.value, c.sheet_layout.value if c.sheet_layout else "")
            for c in categories
        ]
    return write_rows(CATEGORY_HEADER, rows)


def list_categories(db: Database) -> list[CategoryInfo]:
    with db.read() as session:
        return [
            CategoryInfo(c.code, c.name, c.kind, c.sheet_layout)
            for c in session.scalars(select(Category).order_by(Category.code))
        ]


# --- products -----------------------------------------------------------------------


def import_catalog_file(db: Database, *, data: bytes, currency: str = "CNY") -> ImportResult:
    """Import a catalog CSV. All or nothing: any bad row refuses the whole file."""
    errors = ErrorList()
    rows = read_rows(decode_csv_bytes(data), CATALOG_HEADER, errors)
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
    return ImportResult(len(inserts), len(updates))


def validate_product_rows(
    rows: list[Row],
    categories: dict[str, int],
    barcode_owner: dict[str, str],
    errors: ErrorList,
    currency: str,
) -> list[dict]:
    file_skus = {row.values["sku"] for row in rows}
    seen_skus: dict[str, int] = {}
    seen_barcodes: dict[str, int] = {}
    parsed = []
    for row in rows:
        v, line = row.values, row.line
        sku = v["sku"]
        if not sku:
            errors.add(line, "sku", "field.empty")
        elif len(sku) > MAX_SKU or any(ch.isspace() for ch in sku):
            errors.add(line, "sku", "catalog.sku_format", sku=sku, max=MAX_SKU)
        elif sku in seen_skus:
            errors.add(line, "sku", "catalog.sku_repeated", sku=sku, line=seen_skus[sku])
        else:
            seen_skus[sku] = line

        barcode = None
        if v["barcode"]:
            try:
                barcode = validate_barcode(v["barcode"])
            except UserError as exc:
                errors.add(line, "barcode", exc)
            else:
                owner = barcode_owner.get(barcode)
                if barcode in seen_barcodes:
                    errors.add(line, "barcode", "catalog.barcode_repeated", barcode=barcode,
                               line=seen_barcodes[barcode])
                elif owner is not None and owner != sku and owner not in file_skus:
                    errors.add(line, "barcode", "catalog.barcode_taken", barcode=barcode, owner=owner)
                seen_barcodes[barcode] = line

        name = v["name"]
        if not name:
            errors.add(line, "name", "field.empty")
        elif len(name) > MAX_NAME:
            errors.add(line, "name", "field.too_long", max=MAX_NAME)

        category_id = categories.get(v["category"])
        if category_id is None:
            errors.add(line, "category", "catalog.unknown_category", code=v["category"])

        price = _amount(v["price"], line, "price", errors, currency)
        cost = _amount(v["cost"], line, "cost", errors, currency)

        stock = 0
        if v["stock"]:
            try:
                stock = int(v["stock"])
            except ValueError:
                errors.add(line, "stock", "value.not_whole_number", text=v["stock"])
            else:
                if stock < 0:
                    errors.add(line, "stock", "value.negative", text=v["stock"])

        role = PriceRole.NONE
        if v["role"]:
            role = _parse_enum(PriceRole, v["role"], line, "role", errors)

        serial_text = v["serial_tracked"].lower()
        if serial_text not in _TRUE | _FALSE:
            errors.add(line, "serial_tracked", "catalog.not_yes_no", text=v["serial_tracked"])

        vat = None
        try:
            vat = parse_percent(v["vat_rate"])
        except UserError as exc:
            errors.add(line, "vat_rate", exc)
        else:
            if vat > 10_000:
                errors.add(line, "vat_rate", "catalog.vat_over_100", text=v["vat_rate"])

        parsed.append(
            {
                "sku": sku,
                "barcode": barcode,
                "name": name,
                "search_text": product_search_text(name, sku),
                "category_id": category_id,
                "price": price,
                "cost": cost,
                "vat_rate_bp": vat,
                "stock": stock,
                "price_role": role,
                "serial_tracked": serial_text in _TRUE,
                "active": True,
            }
        )
    return parsed


def export_catalog(db: Database, *, currency: str = "CNY") -> bytes:
    """The catalog as CSV, sorted by sku; importing it back changes nothing."""
    with db.read() as session:
        result = session.execute(
            select(
                Product.sku, Product.barcode, Product.name, Category.code, Product.price,
                Product.cost, Product.stock, Product.price_role, Product.serial_tracked,
                Product.vat_rate_bp,
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
            )
            for sku, barcode, name, category, price, cost, stock, role, serial, vat in result
        ]
    return write_rows(CATALOG_HEADER, rows)


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


# --- helpers ------------------------------------------------------------------------


def _amount(text: str, line: int, column: str, errors: ErrorList, currency: str) -> int | None:
    try:
        return parse_amount(text, currency=currency)
    except UserError as exc:
        errors.add(line, column, exc)
        return None


def _parse_enum(enum_cls, text: str, line: int, column: str, errors: ErrorList):
    value = text.strip().lower()
    for member in enum_cls:
        if member.value == value:
            return member
    errors.add(line, column, "value.not_one_of", text=text,
               allowed=[member.value for member in enum_cls])
    return None
