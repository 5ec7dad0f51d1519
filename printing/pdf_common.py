"""Drawing pieces the PDF documents share: page sizes and type scale, the carbon-copy
tints, tick boxes, labelled form fields, signature lines, the code128 barcode, and
money and date formatting for people."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache

from babel.dates import format_date
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4, A5
from reportlab.pdfgen.canvas import Canvas

from pos.kernel.errors import UserError
from pos.kernel.money import format_money

from .fonts import DEFAULT_INK, draw_fitted, draw_text, register_fonts

INK = DEFAULT_INK
MUTED = HexColor("#5C5C5C")
RULE = HexColor("#9A9A9A")
SOLD_INK = HexColor("#1B6E34")
DECLINED_INK = HexColor("#A32020")

# Carbon pads: white on top for the customer, then pink and yellow under it.
COPY_TINTS = {"customer": None, "store": HexColor("#FDE7EF"), "installer": HexColor("#FFF7CC")}


@dataclass(frozen=True)
class Scale:
    """Page size and the type and spacing that go with it; A5 uses smaller type."""

    name: str
    width: float
    height: float
    margin: float
    title: float  # the sheet's name
    heading: float  # the store's name, section titles
    body: float  # item names, field values
    small: float  # field labels, product names
    tiny: float  # footnotes, candidate lists
    row: float  # one checklist row
    field: float  # one header field box

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin


SCALES = {
    "A4": Scale("A4", *A4, margin=32, title=16, heading=11, body=8.8, small=7.2, tiny=6.2,
                row=13.5, field=22),
    "A5": Scale("A5", *A5, margin=20, title=11.5, heading=8.6, body=6.8, small=5.8, tiny=5.2,
                row=10.6, field=17.5),
}


def scale_for(page_size: str) -> Scale:
    try:
        return SCALES[page_size.upper()]
    except KeyError:
        raise UserError("print.page_size", size=page_size) from None


def new_canvas(buffer: io.BytesIO, *, width: float, height: float, title: str) -> Canvas:
    register_fonts()
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("Tickbox POS")
    return canvas


def paint_background(canvas, scale: Scale, tint: Color | None) -> None:
    if tint is not None:
        canvas.saveState()
        canvas.setFillColor(tint)
        canvas.rect(0, 0, scale.width, scale.height, stroke=0, fill=1)
        canvas.restoreState()


def with_alpha(color: Color, alpha: float) -> Color:
    return Color(color.red, color.green, color.blue, alpha=alpha)


# ------------------------------------------------------------------ tick boxes


def tick_box(canvas, x: float, y: float, size: float, outcome: str | None, *,
             ink: Color = INK) -> None:
    """A square box with its bottom-left at (x, y): a drawn tick for sold, a cross for
    declined, empty otherwise. Drawn, not typed, since no built-in font has ✓ or ✗."""
    canvas.saveState()
    canvas.setStrokeColor(ink)
    canvas.setLineWidth(max(0.6, size * 0.08))
    canvas.rect(x, y, size, size, stroke=1, fill=0)
    canvas.setLineWidth(max(0.9, size * 0.16))
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    if outcome == "sold":
        canvas.setStrokeColor(SOLD_INK)
        path = canvas.beginPath()
        path.moveTo(x + size * 0.18, y + size * 0.52)
        path.lineTo(x + size * 0.42, y + size * 0.22)
        path.lineTo(x + size * 0.86, y + size * 0.86)
        canvas.drawPath(path, stroke=1, fill=0)
    elif outcome == "declined":
        canvas.setStrokeColor(DECLINED_INK)
        inset = size * 0.22
        canvas.line(x + inset, y + inset, x + size - inset, y + size - inset)
        canvas.line(x + inset, y + size - inset, x + size - inset, y + inset)
    canvas.restoreState()


def state_ink(outcome: str | None) -> Color:
    return {"sold": SOLD_INK, "declined": DECLINED_INK}.get(outcome or "", MUTED)


# ------------------------------------------------------------------ form pieces


def field_box(canvas, scale: Scale, x: float, top: float, width: float, label: str,
              value: str | None, *, ink: Color = INK, bold: bool = False) -> None:
    """A labelled box of a printed form: the label small in its top-left corner, the
    value (or nothing, to write in by hand) along its bottom."""
    height = scale.field
    canvas.saveState()
    canvas.setStrokeColor(ink)
    canvas.setLineWidth(0.6)
    canvas.rect(x, top - height, width, height, stroke=1, fill=0)
    canvas.restoreState()
    pad = scale.tiny * 0.55
    draw_fitted(canvas, x + pad, top - scale.tiny - pad * 0.6, label, scale.tiny,
                width - 2 * pad, color=ink)
    if value:
        draw_fitted(canvas, x + pad, top - height + pad * 1.1, value, scale.body,
                    width - 2 * pad, bold=bold, color=INK, min_size=scale.tiny)


def field_row(canvas, scale: Scale, top: float, fields, *, ink: Color = INK,
              x: float | None = None, width: float | None = None) -> float:
    """Boxes side by side across the row; fields are (label, value, weight). Returns the
    row's bottom."""
    left = scale.margin if x is None else x
    span = scale.content_width if width is None else width
    total = sum(weight for _label, _value, weight in fields)
    for label, value, weight in fields:
        box_width = span * weight / total
        field_box(canvas, scale, left, top, box_width, label, value, ink=ink)
        left += box_width
    return top - scale.field


def signature_line(canvas, x: float, y: float, width: float, label: str, size: float, *,
                   name: str | None = None, ink: Color = INK) -> None:
    """A line to sign on with its caption under it (and the printed name, if known)."""
    canvas.saveState()
    canvas.setStrokeColor(ink)
    canvas.setLineWidth(0.6)
    canvas.line(x, y, x + width, y)
    canvas.restoreState()
    caption = f"{label}  ({name})" if name else label
    draw_fitted(canvas, x, y - size - 1.5, caption, size, width, color=ink)


def barcode(canvas, value: str, *, x: float, top: float, max_width: float, height: float,
            text_size: float, align: str = "right") -> float:
    """A code128 barcode of `value` ending (or centred) at x, with the value printed under
    it, on a white patch so scanners get full contrast on tinted copies. Returns its
    bottom."""
    symbol = Code128(value, barHeight=height, barWidth=1.0, humanReadable=False)
    bar_width = min(1.1, max_width / symbol.width)
    symbol = Code128(value, barHeight=height, barWidth=bar_width, humanReadable=False)
    left = x - symbol.width if align == "right" else x - symbol.width / 2
    bottom = top - height - text_size * 1.5
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(left, bottom, symbol.width, top - bottom, stroke=0, fill=1)
    canvas.restoreState()
    symbol.drawOn(canvas, left, top - height)
    draw_text(canvas, left + symbol.width / 2, bottom + text_size * 0.3, value, text_size,
              align="centre", color=INK)
    return bottom


def rule(canvas, x1: float, x2: float, y: float, *, color: Color = RULE,
         width: float = 0.4, dash: tuple[float, float] | None = None) -> None:
    canvas.saveState()
    canvas.setStrokeColor(color)
    canvas.setLineWidth(width)
    if dash:
        canvas.setDash(*dash)
    canvas.line(x1, y, x2, y)
    canvas.restoreState()


# ------------------------------------------------------------------ for people


@lru_cache(maxsize=1024)
def money(amount: int | None, *, currency: str, locale: str) -> str:
    # cached: Babel re-parses the locale on every call, a third of a sheet's time
    return "" if amount is None else format_money(amount, currency=currency, locale=locale)


def day(value: date | None, *, locale: str) -> str:
    return "" if value is None else format_date(value, "medium", locale=locale)


def local_time(value: datetime) -> datetime:
    """A stored sale time in the till's own time zone. Times are stored in UTC, and
    SQLite hands them back without a zone: naive means UTC here, not local time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone()


def moment(value: datetime, *, locale: str) -> str:
    local = local_time(value)
    return f"{day(local.date(), locale=locale)} {local:%H:%M}"
