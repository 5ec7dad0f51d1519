"""The files a new store starts from, read and checked before anything is written: its
categories (a CSV, else the chain's standard ones), its catalog (CSV) and its sheets and
service-card tiers (TOML). Each is checked by the catalog's own rules
(pos.catalog.catalog_file, checklist_file, tier_file) against what the database holds
and what the files before it bring, so a bad row in the checklists is found before the
catalog is imported, and a setup refused for it changes nothing. The same importers then
write them (pos.catalog.products, checklists)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from pos.catalog.catalog_file import (
    CATALOG_HEADER,
    CATALOG_OPTIONAL,
    CATEGORY_HEADER,
    CATEGORY_OPTIONAL,
    validate_category_rows,
    validate_product_rows,
)
from pos.catalog.checklist_file import Problems, parse_document, validate_sheets
from pos.catalog.tier_file import validate_tiers
from pos.db.engine import Database
from pos.db.models import Category, Product, SheetTemplate
from pos.demo import data as standard
from pos.kernel.csvio import ErrorList, Row, decode_csv_bytes, read_rows
from pos.kernel.errors import UserError, os_reason
from pos.kernel.messages import msg

FILE_MAX = 64 * 1024 * 1024  # bytes: a catalog of 100,000 products is about 15 MB


@dataclass(frozen=True)
class CheckedFiles:
    """What the setup imports, checked: the category rows (None when the database has
    categories already and no file was given), the catalog rows, the checklists."""

    category_rows: list[Row] | None
    standard_categories: bool  # the rows are the chain's standard categories
    catalog_rows: list[Row] | None
    checklists: tuple[dict, str] | None  # the document and its text
    products: int
    sheets: int
    tiers: int


def read_file(path: str | None) -> bytes | None:
    """A file the person named (None when none was), or a UserError saying why not."""
    if not path:
        return None
    try:
        file = Path(path)
        if file.is_file() and file.stat().st_size > FILE_MAX:
            raise UserError("setup.file_too_big", path=path, most=FILE_MAX // (1024 * 1024))
        return file.read_bytes()
    except OSError as exc:
        raise UserError("file.cannot_read", path=path, reason=os_reason(exc)) from exc


def standard_category_rows(locale: str) -> list[Row]:
    """The chain's categories (desktop PCs, notebooks, phones... and their accessories),
    named in the store's language: a catalog CSV can name them from the first day."""
    return [Row(line, values)
            for line, values in enumerate(standard.categories(locale), start=2)]


def check_files(db: Database, *, locale: str, currency: str, categories: bytes | None = None,
                catalog: bytes | None = None, checklists: bytes | None = None) -> CheckedFiles:
    """Every file checked as its import will check it, against the database as it is
    plus the files before it; a UserError lists every problem of the first bad file."""
    with db.read() as session:
        known = {c.code: Category(code=c.code, kind=c.kind)
                 for c in session.scalars(select(Category))}
        products = {sku: (pid, price) for pid, sku, price in session.execute(
            select(Product.id, Product.sku, Product.price))}
        barcodes = {barcode: sku for sku, barcode in session.execute(
            select(Product.sku, Product.barcode)) if barcode}
        owners = dict(session.execute(
            select(Category.code, SheetTemplate.code)
            .join(SheetTemplate, SheetTemplate.id == Category.sheet_template_id)).all())

    category_rows, is_standard = None, False
    errors = ErrorList()
    if categories is not None:
        category_rows = read_rows(decode_csv_bytes(categories), CATEGORY_HEADER, errors,
                                  CATEGORY_OPTIONAL)
    elif not known:
        category_rows, is_standard = standard_category_rows(locale), True
    for values in validate_category_rows(category_rows or [], errors):
        known[values["code"]] = Category(code=values["code"], kind=values["kind"])
    errors.raise_if_any("import.categories")

    catalog_rows = None
    if catalog is not None:
        errors = ErrorList()
        catalog_rows = read_rows(decode_csv_bytes(catalog), CATALOG_HEADER, errors,
                                 CATALOG_OPTIONAL)
        ids = {code: index for index, code in enumerate(known, start=1)}
        parsed = validate_product_rows(catalog_rows, ids, barcodes, errors, currency)
        errors.raise_if_any("import.catalog")
        for index, values in enumerate(parsed, start=1):
            found = products.get(values["sku"])
            products[values["sku"]] = (found[0] if found else -index, values["price"])

    document = None
    sheets = tiers = 0
    if checklists is not None:
        document = parse_document(checklists)
        problems = Problems(document[1])
        sheets = len(validate_sheets(document[0], known, products, problems, currency,
                                     owners=owners))
        tiers = len(validate_tiers(document[0], known, problems, currency))
        unknown = set(document[0]) - {"sheet", "tier"}
        if unknown:
            problems.add([msg("checklist.document")], "checklist.unknown_tables",
                         tables=sorted(unknown))
        if problems.errors:
            count = len(problems.errors)
            raise UserError("import.refused_one" if count == 1 else "import.refused",
                            what="import.checklists", count=count, details=problems.errors)
    return CheckedFiles(category_rows, is_standard, catalog_rows, document,
                        len(catalog_rows or ()), sheets, tiers)
