"""A sale as a receipt: pure layout, no printer. `receipt_layout` turns a SaleRecord into
a list of operations (text lines with style, rules, the receipt-number barcode, cut) for
32-column (58 mm) or 48-column (80 mm) paper; printing/escpos_out.py sends them.

Every text on a receipt comes from people (product and staff names, the store's footer,
references): a printer takes control bytes in it as commands (ESC p kicks the drawer,
GS V cuts), so a Text or Barcode holds printable characters only; any control character
becomes a space (pos.kernel.text.printable), the one column it took in the layout."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pos.catalog.coverage import maker_warranty_text
from pos.kernel.money import format_money, percent_string, to_decimal_string
from pos.kernel.text import printable
from pos.ledger.documents import DocLine
from pos.people.customers import InvoiceDetails
from pos.printjobs.records import SaleRecord

from .columns import DEFAULT_ENCODING, NBSP, centre, display_width, fit, left_right, printer_text, wrap
from .labels import labels_for, say

PAPER_COLUMNS = {58: 32, 80: 48}


def one_line(text: str) -> str:
    """Text for one printed line: control characters (line breaks too) as spaces."""
    return printable(text).replace("\n", " ")


@dataclass(frozen=True)
class Text:
    text: str
    align: str = "left"  # left / center
    bold: bool = False
    double: bool = False  # double width and height: counts as half the columns

    def __post_init__(self):
        object.__setattr__(self, "text", one_line(self.text))


@dataclass(frozen=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True)
class Barcode:
    data: str  # CODE128, with the number printed under it

    def __post_init__(self):
        object.__setattr__(self, "data", one_line(self.data))


@dataclass(frozen=True)
class Cut:
    pass


Op = Text | Rule | Barcode | Cut


@dataclass(frozen=True)
class ReprintNote:
    """When a receipt was printed again and by whom (the job's payload)."""
    at: datetime
    by: str


class Paper:
    """Measuring for one printer: its columns and its encoding (gb18030 / gbk / ascii
    profile, printing/columns.py), so every line is counted as the printer prints it."""

    def __init__(self, width: int, encoding: str = DEFAULT_ENCODING):
        if width not in PAPER_COLUMNS.values():
            raise ValueError(f"receipt width is 32 or 48 columns, not {width}")
        self.width, self.encoding = width, encoding

    def text(self, text: str) -> str:
        return printer_text(text, self.encoding)

    def width_of(self, text: str) -> int:
        return display_width(printer_text(text, self.encoding), self.encoding)

    def wrap(self, text: str, width: int | None = None) -> list[str]:
        return wrap(text, self.width if width is None else width, self.encoding)

    def centre(self, text: str, width: int | None = None) -> list[str]:
        return centre(text, self.width if width is None else width, self.encoding)

    def left_right(self, left: str, right: str, width: int | None = None, indent: int = 0,
                   hang: int = 0) -> list[str]:
        return left_right(left, right, self.width if width is None else width, indent,
                          hang=hang, encoding=self.encoding)

    def fit(self, text: str, width: int | None = None) -> str:
        return fit(printer_text(text, self.encoding), self.width if width is None else width,
                   self.encoding)


def receipt_layout(record: SaleRecord, *, width: int = 48, copy: bool = False,
                   encoding: str = DEFAULT_ENCODING, reprint: ReprintNote | None = None,
                   invoice: InvoiceDetails | None = None) -> list[Op]:
    """The receipt's operations for `width` columns, measured for a printer sending
    `encoding`. `copy` marks a reprint; `reprint` says when and by whom; `invoice`: the
    details kept when the customer asked for a fapiao (pos.accounts.invoices)."""
    paper = Paper(width, encoding)
    words = labels_for(record.store.locale)
    money = lambda amount: to_decimal_string(amount, currency=record.store.currency)  # noqa: E731
    ops: list[Op] = []

    def add(text: str, **style) -> None:
        for piece in paper.wrap(text, width // 2 if style.get("double") else width):
            ops.append(Text(piece, **style))

    for line in paper.centre(record.store.name, width // 2):
        add(line.strip(), align="center", bold=True, double=True)
    for detail in (record.store.address, record.store.phone,
                   f"{words['tax_id']} {record.store.tax_id}" if record.store.tax_id else ""):
        for line in paper.centre(detail) if detail else []:
            add(line.strip(), align="center")
    if copy or reprint is not None:
        add(words["copy"], align="center", bold=True)
    if reprint is not None:
        at = f"{reprint.at.astimezone():%Y-%m-%d %H:%M}"
        for text in paper.centre(words["reprinted"].format(at=at, by=reprint.by) if reprint.by
                                 else words["reprinted_at"].format(at=at)):
            add(text.strip(), align="center")
    ops.append(Rule("="))
    add(f"{words[_TITLES.get(record.kind, 'receipt')]} {record.receipt_no}", bold=True)
    for text in paper.left_right(f"{words['date']} {record.completed_at.astimezone():%Y-%m-%d %H:%M}",
                                 f"{words['till']} {record.terminal}"):
        add(text)
    add(f"{words['staff']} {record.staff_name}")
    original = record.original_receipt or _exchanged_from(record)
    if original:
        kind = record.kind if record.original_receipt else "exchange"
        add(words[f"{kind}_of"].format(receipt=original), bold=True)
        if record.addon_unit:
            for text in paper.wrap(record.addon_unit, width - 2):
                add("  " + text)
    if record.customer is not None:
        company = f" {record.customer.company}" if record.customer.company else ""
        add(f"{words['customer']} {record.customer.name} "
            f"{_masked(record.customer.phone)}{company}")
    if invoice is not None:
        _invoice_block(add, invoice, record.store.locale)
    ops.append(Rule())

    locale = record.store.locale
    for line in record.lines:
        if line.parent is None:
            _line(ops, paper, line, 0, words, money)
            warranty = maker_warranty_text(record.warranties.get(line.position))
            for text in paper.wrap(say(warranty, locale), width - 2) if warranty else ():
                add("  " + text)
            for child in record.children(line.position):
                _line(ops, paper, child, 2, words, money,
                      gift=child.position in record.gift_lines)
    ops.append(Rule())

    count = sum(line.quantity for line in record.lines)
    add(f"{words['items']} {count}")
    if record.discount_total:
        for text in paper.left_right(words["discount"], money(-record.discount_total)):
            add(text)
    total = paper.text(format_money(record.total, currency=record.store.currency,
                                    locale=record.store.locale))
    half = width // 2  # double width: half the columns, Chinese and digits alike (FS !)
    if paper.width_of(f"{words['total']} {total}") <= half:
        for text in paper.left_right(words["total"], total, half):
            add(text, bold=True, double=True)
    elif paper.width_of(total) <= half:
        add(words["total"], bold=True)
        add(" " * (half - paper.width_of(total)) + total, bold=True, double=True)
    else:  # too long to print double: the amount at normal size, right-aligned
        for text in paper.left_right(words["total"], total):
            add(text, bold=True)
    for vat in record.vat:
        if vat.vat:
            for text in paper.left_right(words["vat"].format(rate=percent_string(vat.rate_bp)),
                                         money(vat.vat)):
                add(text)
    ops.append(Rule())
    for payment in record.payments:
        name = words.get(payment.tender, payment.tender)
        extra = []
        if payment.card_last4:
            extra.append(f"****{NBSP}{payment.card_last4}")
        if payment.reference:
            extra.append(f"{words['reference']}{NBSP}{payment.reference}")
        if payment.due_date:
            extra.append(f"{words['due']}{NBSP}{payment.due_date:%Y-%m-%d}")
        for text in paper.left_right(" ".join([name, *extra]), money(payment.amount)):
            add(text)
    if record.change:
        for text in paper.left_right(words["change"], money(record.change)):
            add(text, bold=True)

    for card in record.cards:
        ops.append(Rule())
        add(f"{words['card']}: {card.tier_name}", bold=True)
        add(f"{words['card_no']} {card.card_no}")
        if card.terms:
            add(say(card.terms, locale))  # the promise, with its dates (pos.catalog.coverage)
        if card.unit_serial:
            add(f"{words['serial']} {card.unit_serial}")

    ops.append(Rule("="))
    if record.store.footer:
        for line in paper.centre(record.store.footer):
            add(line.strip(), align="center")
    ops.append(Barcode(record.receipt_no))
    ops.append(Cut())
    return ops


_TITLES = {"refund": "refund_title", "void": "void_title", "addon": "addon_title"}


def _exchanged_from(record: SaleRecord) -> str | None:
    """A sale paid (in part) with exchange credit names the refund the credit came from,
    when the payment carries it as its reference."""
    if record.kind != "sale":
        return None
    return next((payment.reference for payment in record.payments
                 if payment.tender == "exchange" and payment.reference), None)


def _line(ops: list[Op], paper: Paper, line: DocLine, indent: int, words, money, *,
          gift: bool = False) -> None:
    """One line; a gift's says so where its amount would be. Lines after the first hang
    under the name, not under its "+" or "*" marker."""
    width = paper.width
    marker = {"card": "* ", "accessory": "+ "}.get(line.kind, "") if indent else ""
    hang = len(marker)
    bold = line.kind == "main_unit"
    if gift or (line.quantity == 1 and not line.discount):
        amount = words["gift"] if gift else money(line.line_total)
        for text in paper.left_right(marker + line.name, amount, width, indent, hang):
            ops.append(Text(text, bold=bold))
    else:
        pieces = paper.wrap(marker + line.name, width - indent)
        if len(pieces) > 1:
            rest = paper.wrap(paper.text(marker + line.name)[len(pieces[0]):].strip(),
                              width - indent - hang)
            pieces = [pieces[0], *(" " * hang + piece for piece in rest)]
        for text in pieces:
            ops.append(Text(" " * indent + text, bold=bold))
        qty = f"{line.quantity} x {money(line.unit_price)}"
        for text in paper.left_right(qty, money(line.line_total + line.discount), width,
                                     indent + 2):
            ops.append(Text(text))
        if line.discount:
            for text in paper.left_right(words["discount"], money(-line.discount), width,
                                         indent + 2):
                ops.append(Text(text))
    notes = []
    if line.sku:
        notes.append(f"{words['code']} {line.sku}")
    if line.pack and not gift:  # a gift is one: it says so instead of its amount
        notes.append(words["pack"])
    if line.override_reason:
        notes.append(f"{words['price_changed']}: {line.override_reason}")
    if line.serial:
        notes.append(f"{words['serial']} {line.serial}")
    for note in notes:
        for text in paper.wrap(note, width - indent - 2):
            ops.append(Text(" " * (indent + 2) + text))


def _masked(phone: str) -> str:
    """138****8000: enough for the customer to recognise, not enough to copy."""
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 8 else phone


INVOICE_WORDS = {
    "en": ("Invoice requested", "Company", "Tax ID", "Address", "Bank"),
    "zh_CN": ("需开发票", "单位", "税号", "地址电话", "开户行及账号"),
}


def _invoice_block(add, invoice: InvoiceDetails, locale: str) -> None:
    """What the fapiao is to be made out to, as the customer gave it at the sale."""
    title, company, tax_id, address, bank = INVOICE_WORDS[
        "zh_CN" if locale.startswith("zh") else "en"]
    add(title, bold=True)
    add(f"{company} {invoice.company}")
    add(f"{tax_id} {invoice.tax_id}")
    where = " ".join(part for part in (invoice.address, invoice.phone) if part)
    if where:
        add(f"{address} {where}")
    account = " ".join(part for part in (invoice.bank_name, invoice.bank_account) if part)
    if account:
        add(f"{bank} {account}")
