"""The parts of a configuration-sheet page above its footer: the form being drawn
(`Form`) and its columns, the header (store, copy label, the family's title and
fields, the receipt barcode), and one section title or checklist row.
printing/sheet_pdf.py decides what goes on which page; printing/sheet_footer.py draws
the service card, signatures and notes; this module only draws, where it is told."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor, white

from pos.printjobs.records import SaleRecord, SheetItemRecord, StoreHeader, UnitSheet

from .fonts import draw_fitted, draw_text, text_width
from .pdf_common import (
    INK, MUTED, Scale, barcode, field_box, field_row, moment, money, rule, state_ink, tick_box,
    with_alpha,
)
from .pdf_labels import COPY_LABELS, FAMILY_WORDS, LABELS, STATE_WORDS

# Each family's pad is printed in its own ink, so a salesperson grabs the right one.
ACCENTS = {
    "desktop_pc": HexColor("#1F4E8C"),
    "notebook": HexColor("#0F6B5C"),
    "digital": HexColor("#6A2C7A"),
    "phone": HexColor("#B0452A"),
}


@dataclass(frozen=True)
class Form:
    """One unit's sheet as a form to draw: the sale is None on a blank sheet."""

    store: StoreHeader
    sheet: UnitSheet
    sale: SaleRecord | None
    lang: str
    scale: Scale
    stretch: float = 1.0  # rows drawn taller when a sheet leaves its page half empty

    @property
    def row(self) -> float:
        """The height of one checklist row on this form."""
        return self.scale.row * self.stretch

    @property
    def detail_size(self) -> float:
        """Type size of the product sold, or of the candidates on a blank sheet."""
        return self.scale.small if self.sale is not None else self.scale.tiny

    @property
    def words(self) -> dict[str, str]:
        return LABELS[self.lang]

    @property
    def family(self) -> tuple:
        """(tag, what the unit's number is called, the family's write-in fields)"""
        return FAMILY_WORDS.get(self.sheet.layout, FAMILY_WORDS["notebook"])[self.lang]

    @property
    def accent(self) -> Color:
        return ACCENTS.get(self.sheet.layout, ACCENTS["notebook"])

    @property
    def k(self) -> float:
        """Spacing factor: 1 on A4, smaller on A5, so gaps shrink with the type."""
        return self.scale.body / 8.8

    def money(self, amount: int | None) -> str:
        return money(amount, currency=self.store.currency, locale=self.lang)


@dataclass(frozen=True)
class Columns:
    """Where each column of a checklist row starts on this form."""

    box_x: float
    box: float
    state_x: float
    item_x: float
    item_width: float
    detail_x: float
    detail_width: float
    price_right: float
    price_width: float
    each_right: float = 0.0  # a sale's unit price column (right edge)
    qty_right: float = 0.0  # a sale's quantity column (right edge)

    @classmethod
    def for_form(cls, form: Form) -> Columns:
        s, k = form.scale, form.k
        box_x = s.margin + 4 * k
        box = s.body * 1.05
        state_x = box_x + box + 4 * k
        states = STATE_WORDS[form.lang].values()
        state_width = (max(text_width(w, s.tiny, bold=True) for w in states) + 6 * k
                       if form.sale is not None else 0.0)
        item_x = state_x + state_width
        item_width = s.content_width * (0.24 if form.sale is not None else 0.27)
        price_right = s.width - s.margin - 4 * k
        price_width = text_width(form.money(1_999_999), s.body) + 10 * k
        if form.sale is None:  # a blank pad prints each gift pack's price whole
            packs = [f"{form.words['pack']} {form.money(item.price)}"
                     for item in form.sheet.items if item.price is not None and not item.gift]
            price_width = max([price_width] + [text_width(p, s.small) + 10 * k for p in packs])
        detail_x = item_x + item_width + 4 * k
        each_right = qty_right = price_right - price_width
        if form.sale is not None:  # quantity and unit price before the amount
            each_right = price_right - price_width
            qty_right = each_right - price_width
            detail_end = qty_right - text_width("999", s.body) - 10 * k
        else:
            detail_end = price_right - price_width
        detail_width = detail_end - detail_x - 6 * k
        return cls(box_x, box, state_x, item_x, item_width, detail_x, detail_width,
                   price_right, price_width, each_right, qty_right)


# ------------------------------------------------------------------ header


def header_height(form: Form) -> float:
    s, k = form.scale, form.k
    return s.margin + _band_a(s) + _band_b(s) + 4 * k + 4 * s.field + 5 * k + s.row


def _band_a(s: Scale) -> float:
    return s.heading * 2.7


def _band_b(s: Scale) -> float:
    return s.title * 3.0


def draw_header(canvas, form: Form, copy: str | None, *, continued: bool) -> float:
    """Draw the header; returns the y where the first checklist row goes."""
    s, k = form.scale, form.k
    top = s.height - s.margin
    label_width = s.content_width * 0.34
    _store_lines(canvas, form, top, s.content_width - label_width - 8 * k)
    if copy is not None:
        _copy_label(canvas, form, copy, top, label_width)
    band_top = top - _band_a(s)
    _title(canvas, form, band_top, continued)
    _receipt_mark(canvas, form, band_top)
    rule_y = band_top - _band_b(s)
    rule(canvas, s.margin, s.width - s.margin, rule_y, color=form.accent, width=1.4)
    y = rule_y - 4 * k
    for fields in _header_fields(form):
        y = field_row(canvas, s, y, fields, ink=form.accent)
    y -= 5 * k
    _column_titles(canvas, form, y)
    return y - s.row


def _store_lines(canvas, form: Form, top: float, width: float) -> None:
    s = form.scale
    draw_fitted(canvas, s.margin, top - s.heading * 0.9, form.store.name, s.heading, width,
                bold=True)
    contact = "   ".join(part for part in (form.store.address, form.store.phone) if part)
    draw_fitted(canvas, s.margin, top - s.heading * 0.9 - s.tiny * 1.7, contact, s.tiny, width,
                color=MUTED)


def _copy_label(canvas, form: Form, copy: str, top: float, width: float) -> None:
    s = form.scale
    height = s.heading * 2.0
    left = s.width - s.margin - width
    canvas.saveState()
    canvas.setStrokeColor(form.accent)
    canvas.setFillColor(white)
    canvas.setLineWidth(1.1)
    canvas.roundRect(left, top - height, width, height, height * 0.18, stroke=1, fill=1)
    canvas.restoreState()
    draw_fitted(canvas, left + width / 2, top - height / 2 - s.body * 0.36, COPY_LABELS[copy],
                s.body * 1.05, width - 8, bold=True, align="centre", color=form.accent)


def _title(canvas, form: Form, top: float, continued: bool) -> None:
    s, k = form.scale, form.k
    tag = form.family[0]
    tag_size = s.small
    tag_width = text_width(tag, tag_size, bold=True) + 8 * k
    tag_height = s.title * 1.15
    baseline = top - s.title * 1.15
    canvas.saveState()
    canvas.setFillColor(form.accent)
    canvas.rect(s.margin, baseline - s.title * 0.25, tag_width, tag_height, stroke=0, fill=1)
    canvas.restoreState()
    draw_text(canvas, s.margin + 4 * k, baseline - s.title * 0.25 + tag_height / 2 - tag_size * 0.36,
              tag, tag_size, bold=True, color=white)
    title = form.sheet.template_name
    if continued:
        title = f"{title} ({form.words['continued']})"
    draw_fitted(canvas, s.margin + tag_width + 7 * k, baseline, title, s.title,
                s.content_width * 0.66 - tag_width, bold=True, color=form.accent)
    _legend(canvas, form, s.margin, baseline - s.title * 0.25 - s.tiny * 1.9)


def _legend(canvas, form: Form, x: float, baseline: float) -> None:
    """How to read the boxes: drawn, with the same marks as the rows."""
    s, k, words = form.scale, form.k, form.words
    box = s.tiny * 1.05
    for outcome, word in (("sold", words["legend_taken"]), ("declined", words["legend_declined"]),
                          (None, words["legend_empty"])):
        tick_box(canvas, x, baseline - box * 0.15, box, outcome, ink=form.accent)
        x += box + 3 * k
        x += draw_text(canvas, x, baseline, word, s.tiny, color=MUTED) + 10 * k


def _receipt_mark(canvas, form: Form, top: float) -> None:
    """The receipt number as code128 on a sale (installers scan it); a write-in box on a
    blank pad, whose number is only known once the sale rings up."""
    s = form.scale
    right = s.width - s.margin
    if form.sale is not None:
        barcode(canvas, form.sale.receipt_no, x=right, top=top - 2,
                max_width=s.content_width * 0.3, height=s.title * 1.55, text_size=s.small)
    else:
        width = s.content_width * 0.28
        field_box(canvas, s, right - width, top - 4, width, form.words["pad_no"], None,
                  ink=form.accent)


def _header_fields(form: Form) -> list[list[tuple[str, str | None, float]]]:
    words, sale, sheet = form.words, form.sale, form.sheet
    customer = sale.customer if sale is not None else None
    tag, id_label, extras = form.family
    warranty = None
    if sheet.warranty_months is not None:
        warranty = words["months"].format(n=sheet.warranty_months)
    return [
        [(words["receipt_no"], sale.receipt_no if sale else None, 1),
         (words["date"], moment(sale.completed_at, locale=form.lang) if sale else None, 1),
         (words["salesperson"], sale.staff_name if sale else None, 1)],
        [(words["customer"], customer.name if customer else None, 1),
         (words["phone"], customer.phone if customer else None, 1),
         (words["company"], customer.company if customer else None, 1)],
        [(words["unit"], sheet.unit_name, 2.0), (id_label, sheet.serial, 1.2),
         (words["unit_price"], form.money(sheet.unit_price) or None, 0.8),
         (words["warranty"], warranty, 0.8)],
        [(label, None, weight) for label, weight in extras],
    ]


def _column_titles(canvas, form: Form, top: float) -> None:
    s, words = form.scale, form.words
    columns = Columns.for_form(form)
    baseline = top - s.row * 0.62
    if form.sale is not None:
        draw_text(canvas, columns.state_x, baseline, words["state"], s.tiny, color=MUTED)
    draw_text(canvas, columns.item_x, baseline, words["item"], s.tiny, color=MUTED)
    detail = words["product"] if form.sale is not None else words["candidates"]
    draw_fitted(canvas, columns.detail_x, baseline, detail, s.tiny, columns.detail_width,
                color=MUTED)
    if form.sale is not None:
        draw_text(canvas, columns.qty_right, baseline, words["qty"], s.tiny, align="right",
                  color=MUTED)
        draw_text(canvas, columns.each_right, baseline, words["each"], s.tiny, align="right",
                  color=MUTED)
    draw_text(canvas, columns.price_right, baseline, words["price"], s.tiny, align="right",
              color=MUTED)
    rule(canvas, s.margin, s.width - s.margin, top - s.row + 1, color=form.accent, width=0.7)


# ------------------------------------------------------------------ rows


def draw_section_row(canvas, form: Form, top: float, title: str) -> None:
    s, k = form.scale, form.k
    height = form.row - 2 * k
    canvas.saveState()
    canvas.setFillColor(with_alpha(form.accent, 0.13))
    canvas.rect(s.margin, top - height - k, s.content_width, height, stroke=0, fill=1)
    canvas.setFillColor(form.accent)
    canvas.rect(s.margin, top - height - k, 2.5 * k, height, stroke=0, fill=1)
    canvas.restoreState()
    draw_text(canvas, s.margin + 7 * k, top - form.row / 2 - s.small * 0.36, title, s.small,
              bold=True, color=form.accent)


def row_baseline(form: Form, top: float) -> float:
    return top - form.row / 2 - form.scale.body * 0.34


def draw_item_row(canvas, form: Form, columns: Columns, top: float, item: SheetItemRecord,
                  detail: tuple[str, ...], height: float) -> None:
    """One tick box: the box, then (on a sale) the state word next to it, the item, the
    product sold or the candidates, and the price; all on one baseline, so text
    extraction reads the row as one line."""
    s = form.scale
    baseline = row_baseline(form, top)
    outcome = item.outcome if form.sale is not None else None
    tick_box(canvas, columns.box_x, baseline - columns.box * 0.16, columns.box, outcome,
             ink=form.accent)
    if form.sale is not None:
        draw_text(canvas, columns.state_x, baseline, STATE_WORDS[form.lang][item.outcome],
                  s.tiny, bold=True, color=state_ink(item.outcome))
    draw_fitted(canvas, columns.item_x, baseline, item.name, s.body, columns.item_width,
                color=INK)
    leading = form.detail_size * 1.18
    ink = INK if form.sale is not None else MUTED
    for index, line in enumerate(detail):
        draw_text(canvas, columns.detail_x, baseline - index * leading, line, form.detail_size,
                  color=ink)
    _price(canvas, form, columns, baseline, item)
    rule(canvas, s.margin, s.width - s.margin, top - height, dash=(1, 1.6))


def _price(canvas, form: Form, columns: Columns, baseline: float, item: SheetItemRecord) -> None:
    s = form.scale
    if item.gift and (form.sale is None or item.outcome == "sold"):  # given free
        draw_text(canvas, columns.price_right, baseline, form.words["gift"], s.body,
                  align="right", bold=True, color=form.accent)
    elif form.sale is not None:
        if item.outcome == "sold" and item.price is not None:
            quantity, each = quantity_and_price(form, item)
            draw_text(canvas, columns.qty_right, baseline, str(quantity), s.body, align="right")
            draw_text(canvas, columns.each_right, baseline, form.money(each), s.body,
                      align="right")
            draw_text(canvas, columns.price_right, baseline, form.money(item.price), s.body,
                      align="right")
    elif item.price is not None:  # a gift pack's printed pack price, never cut
        draw_text(canvas, columns.price_right, baseline,
                  f"{form.words['pack']} {form.money(item.price)}", s.small, align="right",
                  color=INK)
    else:  # a line to write the price on
        rule(canvas, columns.price_right - columns.price_width + 6 * form.k, columns.price_right,
             baseline - 1.5, color=MUTED, width=0.5)


def unit_position(form: Form) -> int | None:
    """The sale line of the unit this sheet is for."""
    sheet = form.sheet
    for line in form.sale.lines:
        if (line.kind == "main_unit" and line.name == sheet.unit_name
                and line.serial == sheet.serial):
            return line.position
    return None


def quantity_and_price(form: Form, item: SheetItemRecord) -> tuple[int, int]:
    """How many of an item's product were sold and at what unit price: its one sale line
    under the unit; a pack (several parts at one price) or an item sold on site later
    counts as one at its price."""
    names = set((item.product_name or "").split(" + "))
    unit = unit_position(form)
    lines = [line for line in form.sale.lines
             if unit is not None and line.parent == unit and line.name in names
             and line.kind == "accessory"]
    if len(lines) == 1 and not item.added_on_site and lines[0].quantity > 0:
        return lines[0].quantity, lines[0].unit_price
    return 1, item.price or 0
