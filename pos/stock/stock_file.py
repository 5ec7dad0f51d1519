"""The stock files a store writes in a spreadsheet, row by row: which columns each kind
of file has and what each cell must hold, every problem reported as `line N, column:
reason` (pos.kernel.csvio), so a whole file is fixed in one go. pos.stock.stock_import
reads a file through these checks as it streams, and looks up what the rows name.

    import       sku_or_barcode,quantity[,reorder_point]   the store's on-hand, set
    receive      sku_or_barcode,quantity[,serial][,unit_cost]  goods from a supplier
    transfer     sku_or_barcode,quantity[,serial]          goods sent to another store
    transfer_in  sku_or_barcode,quantity[,serial]          what arrived of a transfer
    count        sku_or_barcode,quantity[,serial]          what was found (0 or more)
    adjust       sku_or_barcode,quantity[,serial]          +N found, -N taken
    write_off    sku_or_barcode,quantity[,serial]          units written off

A serial-tracked product moves one row per unit, with its serial (the quantity 1, or
left empty); a product that is not takes no serial.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.catalog.catalog_file import MAX_STOCK, bounded_amount, shown
from pos.kernel.csvio import ErrorList
from pos.kernel.errors import UserError
from pos.kernel.serials import serial_as_kept
from pos.kernel.text import printable

CODE, QUANTITY, SERIAL, COST, REORDER = (
    "sku_or_barcode", "quantity", "serial", "unit_cost", "reorder_point")
_LONGEST_NUMBER = 24  # characters: anything longer is refused before it is converted


@dataclass(frozen=True)
class FileKind:
    name: str
    header: tuple[str, ...]
    optional: tuple[str, ...]
    sign: str  # "positive" (1 or more), "zero_up" (0 or more), "signed" (not 0), "set"
    serials: bool  # a serial-tracked product's rows must name their serial


KINDS = {kind.name: kind for kind in (
    FileKind("import", (CODE, QUANTITY), (REORDER,), "set", serials=False),
    FileKind("receive", (CODE, QUANTITY), (SERIAL, COST), "positive", serials=True),
    FileKind("transfer", (CODE, QUANTITY), (SERIAL,), "positive", serials=True),
    FileKind("transfer_in", (CODE, QUANTITY), (SERIAL,), "zero_up", serials=True),
    FileKind("count", (CODE, QUANTITY), (SERIAL,), "zero_up", serials=True),
    FileKind("adjust", (CODE, QUANTITY), (SERIAL,), "signed", serials=True),
    FileKind("write_off", (CODE, QUANTITY), (SERIAL,), "positive", serials=True),
)}


@dataclass(frozen=True, slots=True)
class ProductRef:
    """What a row's product is, as the file's check needs it."""

    id: int
    sku: str
    name: str
    serial_tracked: bool
    imei: bool  # its category takes IMEIs (setting imei_categories)


class StockRows:
    """Checks a stock file's cells; problems go to `errors` with their line."""

    def __init__(self, kind: FileKind, errors: ErrorList, *, currency: str = "CNY"):
        self.kind, self.errors, self.currency = kind, errors, currency

    def code(self, text: str, line: int, products: dict[str, ProductRef]) -> ProductRef | None:
        """The product a row names by barcode or sku (`products`: the batch's, by code)."""
        if not text:
            self.errors.add(line, CODE, "field.empty")
            return None
        found = products.get(text)
        if found is None:
            self.errors.add(line, CODE, "stock.product_unknown", code=shown(printable(text)))
        return found

    def quantity(self, text: str, line: int, *, serial: bool) -> int | None:
        """The row's quantity as its kind takes it; a row with a serial may leave it
        empty (one unit; for an adjustment, a unit found)."""
        if not text:
            if serial:
                return 1
            self.errors.add(line, QUANTITY, "field.empty")
            return None
        if len(text) > _LONGEST_NUMBER:
            self.errors.add(line, QUANTITY, "value.too_large", text=shown(text), max=MAX_STOCK)
            return None
        try:
            quantity = int(text)
        except ValueError:
            self.errors.add(line, QUANTITY, "value.not_whole_number", text=shown(text))
            return None
        if abs(quantity) > MAX_STOCK:
            self.errors.add(line, QUANTITY, "value.too_large", text=text, max=MAX_STOCK)
            return None
        sign = self.kind.sign
        if sign == "positive" and quantity < 1:
            self.errors.add(line, QUANTITY, "stock.negative_quantity", text=text)
        elif sign in ("zero_up", "set") and quantity < 0:
            self.errors.add(line, QUANTITY, "stock.negative_count", text=text)
        elif sign == "signed" and quantity == 0:
            self.errors.add(line, QUANTITY, "stock.adjust_zero", text=text)
        else:
            return quantity
        return None

    def serial(self, text: str, line: int, product: ProductRef | None,
               quantity: int | None) -> str | None:
        """The row's serial as it is kept (upper case; an IMEI without separators), or
        None; a serial-tracked product's rows must have one, others none."""
        if product is None:
            return None
        if not text:  # a count's 0 of a serial-tracked product: none of its units found
            if product.serial_tracked and self.kind.serials and not (
                    quantity == 0 and self.kind.sign == "zero_up"):
                self.errors.add(line, SERIAL, "stock.serial_needed", name=product.name)
            return None
        if not product.serial_tracked:
            self.errors.add(line, SERIAL, "stock.serial_not_tracked", name=product.name)
            return None
        try:
            serial = kept_serial(text, name=product.name, imei=product.imei)
        except UserError as exc:
            self.errors.add(line, SERIAL, exc)
            return None
        if quantity is not None and abs(quantity) != 1:
            self.errors.add(line, QUANTITY, "stock.serial_one_unit", quantity=quantity)
        return serial

    def cost(self, text: str | None, line: int) -> int | None:
        """A receipt's unit cost in minor units, or None when the cell is empty."""
        if not text:
            return None
        try:
            return bounded_amount(text, currency=self.currency)
        except UserError as exc:
            if exc.message_id == "amount.too_large":
                self.errors.add(line, COST, exc)
            else:
                self.errors.add(line, COST, "stock.cost_invalid", text=shown(text))
            return None

    def reorder_point(self, text: str | None, line: int) -> int | None:
        """An import's reorder point (0 or more), or None when left empty."""
        if not text:
            return None
        if len(text) <= _LONGEST_NUMBER and text.isascii() and text.isdigit() \
                and int(text) <= MAX_STOCK:
            return int(text)
        self.errors.add(line, REORDER, "stock.reorder_invalid")
        return None


def kept_serial(text: str, *, name: str, imei: bool) -> str:
    """A serial as the till keeps it (pos.selling.serials.checked_serial's rule: upper
    case, 4 to 64 letters, digits, dashes and slashes; an IMEI for the categories that
    take one), so a unit received is the unit sold."""
    return serial_as_kept(text, name=name, imei=imei)
