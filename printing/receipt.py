"""A sale as a receipt: pure layout, no printer. `receipt_layout` turns a SaleRecord into
a list of operations (text lines with style, rules, the receipt-number barcode, cut) for
32-column (58 mm) or 48-column (80 mm) paper; printing/escpos_out.py sends them.

Every text on a receipt comes from people (product and staff names, the store's footer,
references): a printer takes control bytes in it as commands (ESC p kicks the drawer,
GS V cuts), so a Text or Barcode holds printable characters only; any control character
becomes a space (pos.kernel.text.printable), the one column it took in the layout."""

from __future__ import annotations

from dataclasses import dataclass

from pos.catalog.coverage import maker_warranty_text
from pos.kernel.money import format_money, percent_string, to_decimal_string
from pos.kernel.text import printable
from pos.ledger.documents import DocLine
from pos.printjobs.records import SaleRecord

from .columns import centre, display_width, left_right, wrap
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


def receipt_layout(record: SaleRecord, *, width: int = 48, copy: bool = False) -> list[Op]:
    if width not in PAPER_COLUMNS.values():
        raise ValueError(f"receipt width is 32 or 48 columns, not {width}")
    words = labels_for(record.store.locale)
    money = lambda amount: to_decimal_string(amount, currency=record.store.currency)  # noqa: E731
    ops: list[Op] = []
    add = lambda text, **style: ops.append(Text(text, **style))  # noqa: E731

    for line in centre(record.store.name, width // 2):
        add(line.strip(), align="center", bold=True, double=True)
    for detail in (record.store.address, record.store.phone,
                   f"{words['tax_id']} {record.store.tax_id}" if record.store.tax_id else ""):
        for line in wrap(detail, width) if detail else []:
            add(line, align="center")
    if copy:
        add(words["copy"], align="center", bold=True)
    ops.append(Rule("="))
    add(f"{words['receipt']} {record.receipt_no}", bold=True)
    for text in left_right(f"{words['date']} {record.completed_at.astimezone():%Y-%m-%d %H:%M}",
                           f"{words['till']} {record.terminal}", width):
        add(text)
    add(f"{words['staff']} {record.staff_name}")
    if record.original_receipt:
        for text in wrap(words[f"{record.kind}_of"].format(receipt=record.original_receipt), width):
            add(text, bold=True)
        if record.addon_unit:
            for text in wrap(record.addon_unit, width - 2):
                add("  " + text)
    if record.customer is not None:
        company = f" {record.customer.company}" if record.customer.company else ""
        for line in wrap(f"{words['customer']} {record.customer.name} "
                         f"{_masked(record.customer.phone)}{company}", width):
            add(line)
    ops.append(Rule())

    locale = record.store.locale
    for line in record.lines:
        if line.parent is None:
            _line(ops, line, width, 0, words, money)
            warranty = maker_warranty_text(record.warranties.get(line.position))
            for text in wrap(say(warranty, locale), width - 2) if warranty else ():
                add("  " + text)
            for child in record.children(line.position):
                _line(ops, child, width, 2, words, money,
                      gift=child.position in record.gift_lines)
    ops.append(Rule())

    count = sum(line.quantity for line in record.lines)
    add(f"{words['items']} {count}")
    if record.discount_total:
        for text in left_right(words["discount"], "-" + money(record.discount_total), width):
            add(text)
    total = format_money(record.total, currency=record.store.currency, locale=record.store.locale)
    if display_width(f"{words['total']} {total}") <= width // 2:  # double width: half the columns
        for text in left_right(words["total"], total, width // 2):
            add(text, bold=True, double=True)
    else:
        add(words["total"], bold=True)
        add(" " * (width // 2 - display_width(total)) + total, bold=True, double=True)
    for vat in record.vat:
        if vat.vat:
            for text in left_right(words["vat"].format(rate=percent_string(vat.rate_bp)),
                                   money(vat.vat), width):
                add(text)
    ops.append(Rule())
    for payment in record.payments:
        name = words.get(payment.tender, payment.tender)
        extra = []
        if payment.card_last4:
            extra.append(f"**** {payment.card_last4}")
        if payment.reference:
            extra.append(f"{words['reference']} {payment.reference}")
        if payment.due_date:
            extra.append(f"{words['due']} {payment.due_date:%Y-%m-%d}")
        for text in left_right(" ".join([name, *extra]), money(payment.amount), width):
            add(text)
    if record.change:
        for text in left_right(words["change"], money(record.change), width):
            add(text, bold=True)

    for card in record.cards:
        ops.append(Rule())
        add(f"{words['card']}: {card.tier_name}", bold=True)
        add(f"{words['card_no']} {card.card_no}")
        for text in wrap(say(card.terms, locale), width) if card.terms else ():
            add(text)  # the promise, with its dates (pos.catalog.coverage)
        if card.unit_serial:
            for text in wrap(f"{words['serial']} {card.unit_serial}", width):
                add(text)

    ops.append(Rule("="))
    if record.store.footer:
        for line in wrap(record.store.footer, width):
            add(line, align="center")
    ops.append(Barcode(record.receipt_no))
    ops.append(Cut())
    return ops


def _line(ops: list[Op], line: DocLine, width: int, indent: int, words, money, *,
          gift: bool = False) -> None:
    """One line; a gift's says so where its amount would be."""
    marker = {"card": "* ", "accessory": "+ "}.get(line.kind, "") if indent else ""
    if gift or (line.quantity == 1 and not line.discount):
        amount = words["gift"] if gift else money(line.line_total)
        for text in left_right(marker + line.name, amount, width, indent):
            ops.append(Text(text, bold=line.kind == "main_unit"))
    else:
        for text in wrap(marker + line.name, width - indent):
            ops.append(Text(" " * indent + text, bold=line.kind == "main_unit"))
        qty = f"{line.quantity} x {money(line.unit_price)}"
        for text in left_right(qty, money(line.line_total + line.discount), width, indent + 2):
            ops.append(Text(text))
        if line.discount:
            for text in left_right(words["discount"], "-" + money(line.discount), width, indent + 2):
                ops.append(Text(text))
    notes = []
    if line.pack and not gift:  # a gift is one: it says so instead of its amount
        notes.append(words["pack"])
    if line.override_reason:
        notes.append(f"{words['price_changed']}: {line.override_reason}")
    if line.serial:
        notes.append(f"{words['serial']} {line.serial}")
    for note in notes:
        for text in wrap(note, width - indent - 2):
            ops.append(Text(" " * (indent + 2) + text))


def _masked(phone: str) -> str:
    """138****8000: enough for the customer to recognise, not enough to copy."""
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 8 else phone
