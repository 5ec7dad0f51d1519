"""Reading the catalog and category CSV files: each row checked field by field before
anything is written, every problem reported as `line N, column: reason` (a message with
its values), so a store fixes a whole file in one go. pos.catalog.products writes what
passes, all or nothing.

What passes fits the database the same way on SQLite and PostgreSQL: text within its
column's length and free of NUL and other control characters (pos.kernel.text), numbers
within their column and within what a store sells (MAX_STOCK, MAX_AMOUNT)."""

from __future__ import annotations

from pos.catalog.coverage import MAX_WARRANTY_MONTHS
from pos.db.models import Category, Product, product_search_text
from pos.kernel.barcodes import validate_barcode
from pos.kernel.csvio import ErrorList, Row
from pos.kernel.enums import CategoryKind, PriceRole, SheetLayout
from pos.kernel.errors import UserError
from pos.kernel.messages import Message, msg
from pos.kernel.money import parse_amount, parse_percent
from pos.kernel.text import clean_text

CATALOG_HEADER = (
    "sku", "barcode", "name", "category", "price", "cost", "stock", "role",
    "serial_tracked", "vat_rate",
)
CATEGORY_HEADER = ("code", "name", "kind", "sheet_layout")
# Columns a file may leave out. The maker's warranty in months: a product's when given
# (empty: its category's); left out of a catalog file, products keep the one they have.
WARRANTY = "warranty_months"
CATALOG_OPTIONAL = (WARRANTY,)
CATEGORY_OPTIONAL = (WARRANTY,)

TRUE_WORDS = {"yes", "y", "true", "1", "是"}
FALSE_WORDS = {"no", "n", "false", "0", "否", ""}
# The columns' lengths (String(n) in pos.db.models.catalog).
MAX_SKU, MAX_NAME = Product.sku.type.length, Product.name.type.length
MAX_CODE, MAX_CATEGORY_NAME = Category.code.type.length, Category.name.type.length
MAX_SEARCH_TEXT = Product.search_text.type.length
# A unit count and an amount (minor units: 99,999,999.99 yuan) beyond anything a store
# stocks or sells; well inside the columns (32- and 64-bit), and sums of them too.
MAX_STOCK = 1_000_000
MAX_AMOUNT = 9_999_999_999
_LONGEST_NUMBER = 24  # characters: anything longer is refused before it is converted


def text_problem(text: str, max_length: int) -> Message | None:
    """Why a file's text cannot be kept (pos.kernel.text's rule: no NUL or other control
    characters, at most `max_length` characters), as a reason for the file's error list;
    None when it can."""
    if len(text) <= max_length and text.isprintable():
        return None  # at once, for a million rows: no control character, and not too long
    try:
        clean_text(text, max_length=max_length)
    except UserError as exc:
        if exc.message_id == "text.control_characters":
            return msg("field.control_characters")
        return msg("field.too_long", max=max_length)
    return None


def shown(text: str, length: int = 24) -> str:
    """A value as an error message repeats it: shortened when long."""
    return text if len(text) <= length else text[:length] + "…"


def bounded_amount(text: str, *, currency: str) -> int:
    """An amount of at most MAX_AMOUNT (a UserError otherwise, never an OverflowError
    further on)."""
    if len(text.strip()) > _LONGEST_NUMBER:
        raise UserError("amount.too_large", text=shown(text.strip()), max=MAX_AMOUNT)
    amount = parse_amount(text, currency=currency)
    if amount > MAX_AMOUNT:
        raise UserError("amount.too_large", text=text.strip(), max=MAX_AMOUNT)
    return amount


def validate_category_rows(rows: list[Row], errors: ErrorList) -> list[dict]:
    """Category rows as column values; problems go to `errors`."""
    seen: set[str] = set()
    clean: list[dict] = []
    for row in rows:
        v, line = row.values, row.line
        code = v["code"]
        if not code:
            errors.add(line, "code", "field.empty")
        elif problem := text_problem(code, MAX_CODE):
            errors.add(line, "code", problem)
        elif code in seen:
            errors.add(line, "code", "catalog.code_twice", code=code)
        seen.add(code)
        if not v["name"]:
            errors.add(line, "name", "field.empty")
        elif problem := text_problem(v["name"], MAX_CATEGORY_NAME):
            errors.add(line, "name", problem)
        kind = parse_enum(CategoryKind, v["kind"], line, "kind", errors)
        layout = None
        if v["sheet_layout"]:
            layout = parse_enum(SheetLayout, v["sheet_layout"], line, "sheet_layout", errors)
        if kind is CategoryKind.MAIN_UNIT and not v["sheet_layout"]:
            errors.add(line, "sheet_layout", "catalog.needs_layout")
        if kind not in (None, CategoryKind.MAIN_UNIT) and v["sheet_layout"]:
            errors.add(line, "sheet_layout", "catalog.layout_main_only")
        values = {"code": code, "name": v["name"], "kind": kind, "sheet_layout": layout}
        if WARRANTY in v:
            values[WARRANTY] = warranty_months(v[WARRANTY], line, errors)
        clean.append(values)
    return clean


def warranty_months(text: str, line: int, errors: ErrorList) -> int | None:
    """The maker's warranty in whole months (0 to MAX_WARRANTY_MONTHS), or None when the
    cell is empty; anything else is an error of its line."""
    if not text:
        return None
    if len(text) <= _LONGEST_NUMBER and text.isascii() and text.isdigit() \
            and int(text) <= MAX_WARRANTY_MONTHS:
        return int(text)
    errors.add(line, WARRANTY, "catalog.bad_warranty", text=shown(text),
               max=MAX_WARRANTY_MONTHS)
    return None


class ProductRows:
    """Checks a catalog file's rows against the categories and the barcodes already in
    use, remembering the skus and barcodes seen so far in the file.

    `file_skus`, every sku the file names, lets a barcode move to a product of the file
    from one that the file also changes. A file read as it streams does not know them
    until its end: without them, the check is held (`held`) until `finish` is told."""

    def __init__(self, categories: dict[str, int], barcode_owner: dict[str, str],
                 errors: ErrorList, currency: str, *, file_skus: set[str] | None = None):
        self.categories, self.barcode_owner = categories, barcode_owner
        self.errors, self.currency = errors, currency
        self.file_skus = file_skus
        # sku -> its line, barcode -> the line it was last on; a file read as it streams
        # swaps in, for each batch, only the entries of the batch's values
        self.seen_skus: dict[str, int] = {}
        self.seen_barcodes: dict[str, int] = {}
        self.odd_skus: set[str] = set()  # skus the file names that are not kept (bad ones)
        # (place in the error list, line, barcode, owner) of a barcode taken from a
        # product the file may also change
        self.held: list[tuple[int, int, str, str]] = []

    def finish(self, in_file) -> None:
        """Decide the held barcode checks now the file's skus are known: `in_file(sku)`
        says whether the file names a sku. Errors go where they would have been."""
        for place, line, barcode, owner in reversed(self.held):
            if not (owner in self.odd_skus or in_file(owner)):
                self.errors.insert(place, msg(
                    "csv.problem", line=line, column="barcode",
                    reason=msg("catalog.barcode_taken", barcode=barcode, owner=owner)))
        self.held = []

    def values(self, row: Row) -> dict:
        """The row as product columns; problems go to the error list, in column order."""
        v, line = row.values, row.line
        sku = self.sku(v["sku"], line)
        barcode = self.barcode(v["barcode"], sku, line)
        name = self.name(v["name"], line)
        category_id = self.categories.get(v["category"])
        if category_id is None:
            self.errors.add(line, "category", "catalog.unknown_category",
                            code=shown(v["category"]))
        price, cost = self.amount(v["price"], line, "price"), self.amount(v["cost"], line, "cost")
        stock = self.stock(v["stock"], line)
        role = PriceRole.NONE
        if v["role"]:
            role = parse_enum(PriceRole, v["role"], line, "role", self.errors)
        values = {
            "sku": sku, "barcode": barcode, "name": name,
            # derived, for searching: case folding may lengthen a name (ß -> ss)
            "search_text": product_search_text(name, sku)[:MAX_SEARCH_TEXT],
            "category_id": category_id,
            "price": price, "cost": cost, "stock": stock, "price_role": role,
            "serial_tracked": self.yes_no(v["serial_tracked"], line),
            "vat_rate_bp": self.vat(v["vat_rate"], line), "active": True,
        }
        if WARRANTY in v:  # a file without the column leaves products' warranties alone
            values[WARRANTY] = warranty_months(v[WARRANTY], line, self.errors)
        return values

    def sku(self, sku: str, line: int) -> str:
        if not sku:
            self.errors.add(line, "sku", "field.empty")
        elif problem := text_problem(sku, MAX_SKU):
            self.errors.add(line, "sku", problem)
            self.odd_skus.add(sku)
        elif not (sku.isprintable() and " " not in sku) and any(ch.isspace() for ch in sku):
            self.errors.add(line, "sku", "catalog.sku_format", sku=sku, max=MAX_SKU)
            self.odd_skus.add(sku)
        elif sku in self.seen_skus:
            self.errors.add(line, "sku", "catalog.sku_repeated", sku=sku, line=self.seen_skus[sku])
        else:
            self.seen_skus[sku] = line
        return sku

    def barcode(self, text: str, sku: str, line: int) -> str | None:
        """A valid GTIN used once in the file, and not by another product staying as it is
        (two products in the file may swap theirs)."""
        if not text:
            return None
        if len(text) > _LONGEST_NUMBER:
            self.errors.add(line, "barcode", "barcode.bad_length", code=shown(text),
                            digits=len(text))
            return None
        try:
            barcode = validate_barcode(text)
        except UserError as exc:
            self.errors.add(line, "barcode", exc)
            return None
        owner = self.barcode_owner.get(barcode)
        if barcode in self.seen_barcodes:
            self.errors.add(line, "barcode", "catalog.barcode_repeated", barcode=barcode,
                            line=self.seen_barcodes[barcode])
        elif owner is not None and owner != sku:
            if self.file_skus is None:  # known at the file's end: decided by finish()
                self.held.append((len(self.errors.errors), line, barcode, owner))
            elif owner not in self.file_skus:
                self.errors.add(line, "barcode", "catalog.barcode_taken", barcode=barcode,
                                owner=owner)
        self.seen_barcodes[barcode] = line
        return barcode

    def name(self, name: str, line: int) -> str:
        if not name:
            self.errors.add(line, "name", "field.empty")
        elif problem := text_problem(name, MAX_NAME):
            self.errors.add(line, "name", problem)
        return name

    def amount(self, text: str, line: int, column: str) -> int | None:
        try:
            return bounded_amount(text, currency=self.currency)
        except UserError as exc:
            self.errors.add(line, column, exc)
            return None

    def stock(self, text: str, line: int) -> int:
        if not text:
            return 0
        if len(text) > _LONGEST_NUMBER:
            self.errors.add(line, "stock", "value.too_large", text=shown(text), max=MAX_STOCK)
            return 0
        try:
            stock = int(text)
        except ValueError:
            self.errors.add(line, "stock", "value.not_whole_number", text=shown(text))
            return 0
        if stock < 0:
            self.errors.add(line, "stock", "value.negative", text=text)
        elif stock > MAX_STOCK:
            self.errors.add(line, "stock", "value.too_large", text=text, max=MAX_STOCK)
        return stock

    def yes_no(self, text: str, line: int) -> bool:
        if text.lower() not in TRUE_WORDS | FALSE_WORDS:
            self.errors.add(line, "serial_tracked", "catalog.not_yes_no", text=shown(text))
        return text.lower() in TRUE_WORDS

    def vat(self, text: str, line: int) -> int | None:
        if len(text) > _LONGEST_NUMBER:
            self.errors.add(line, "vat_rate", "catalog.vat_over_100", text=shown(text))
            return None
        try:
            vat = parse_percent(text)
        except UserError as exc:
            self.errors.add(line, "vat_rate", exc)
            return None
        if vat > 10_000:
            self.errors.add(line, "vat_rate", "catalog.vat_over_100", text=text)
        return vat


def validate_product_rows(rows: list[Row], categories: dict[str, int],
                          barcode_owner: dict[str, str], errors: ErrorList,
                          currency: str) -> list[dict]:
    """Catalog rows as product columns; problems go to `errors`."""
    checker = ProductRows(categories, barcode_owner, errors, currency,
                          file_skus={row.values["sku"] for row in rows})
    return [checker.values(row) for row in rows]


def parse_enum(enum_cls, text: str, line: int, column: str, errors: ErrorList):
    value = text.strip().lower()
    for member in enum_cls:
        if member.value == value:
            return member
    errors.add(line, column, "value.not_one_of", text=shown(text),
               allowed=[member.value for member in enum_cls])
    return None
