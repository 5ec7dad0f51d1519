"""The configuration sheet (配置单) as a PDF: the carbon-copy form of one sale's main
units, and the blank form for pads filled by hand.

A sale prints one set of copies per main unit, the way each unit has its own pad:
every customer page first, then the store's (pink), then the installer's (yellow), so
each party's pages come out together. A sheet whose items overflow a page continues
on the next with the header repeated; the service card and signatures close the last.
The drawing of a page's parts lives in printing/sheet_parts.py and sheet_footer.py.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

from pos.kernel.errors import UserError
from pos.printjobs.records import SaleRecord, SheetItemRecord, StoreHeader, UnitSheet

from .fonts import wrap
from .pdf_common import COPY_TINTS, new_canvas, paint_background, scale_for
from .pdf_labels import ON_SITE_WORDS, language
from .sheet_footer import draw_continuation_footer, draw_footer, draw_notes, footer_height
from .sheet_parts import Columns, Form, draw_header, draw_item_row, draw_section_row, header_height

COPIES = ("customer", "store", "installer")
MAX_STRETCH = 1.5  # rows taller than this look sparse rather than roomy
MIN_STRETCH = 0.92  # rows squeezed more than this get cramped


@dataclass(frozen=True)
class SectionRow:
    title: str
    height: float


@dataclass(frozen=True)
class ItemRow:
    item: SheetItemRecord
    detail: tuple[str, ...]  # the product sold, or the candidates on a blank sheet
    height: float


def sheet_pdf(record: SaleRecord, *, copies: tuple[str, ...] = COPIES, page_size: str = "A4",
              locale: str | None = None) -> bytes:
    """Every main unit's sheet in each copy (customer, store, installer by default)."""
    if not record.sheets:
        raise UserError("print.no_main_unit", receipt=record.receipt_no)
    unknown = [copy for copy in copies if copy not in COPY_TINTS]
    if unknown or not copies:
        raise UserError("print.unknown_sheet_copies", copies=unknown, allowed=list(COPIES))
    lang = language(locale or record.store.locale)
    scale = scale_for(page_size)
    laid_out = [paginate_form(Form(record.store, sheet, record, lang, scale))
                for sheet in record.sheets]
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, width=scale.width, height=scale.height,
                        title=f"{record.sheets[0].template_name} {record.receipt_no}")
    for copy in copies:
        for form, pages in laid_out:
            _draw_pages(canvas, form, pages, copy)
    canvas.save()
    return buffer.getvalue()


def blank_sheet_pdf(store: StoreHeader, sheet: UnitSheet, *, page_size: str = "A4",
                    locale: str | None = None) -> bytes:
    """The whole sheet with every box empty, its candidate products in small type and
    blank lines to write on: for stores that fill pads by hand."""
    form, pages = paginate_form(
        Form(store, sheet, None, language(locale or store.locale), scale_for(page_size)))
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, width=form.scale.width, height=form.scale.height,
                        title=sheet.template_name)
    _draw_pages(canvas, form, pages, None)
    canvas.save()
    return buffer.getvalue()


def _draw_pages(canvas, form: Form, pages: list[list], copy: str | None) -> None:
    columns = Columns.for_form(form)
    for number, rows in enumerate(pages, start=1):
        last = number == len(pages)
        paint_background(canvas, form.scale, COPY_TINTS.get(copy) if copy else None)
        y = draw_header(canvas, form, copy, continued=number > 1)
        for row in rows:
            if isinstance(row, SectionRow):
                draw_section_row(canvas, form, y, row.title)
            else:
                draw_item_row(canvas, form, columns, y, row.item, row.detail, row.height)
            y -= row.height
        if last:
            draw_notes(canvas, form, y)
            draw_footer(canvas, form, page=(number, len(pages)))
        else:
            draw_continuation_footer(canvas, form, page=(number, len(pages)))
        canvas.showPage()


# ------------------------------------------------------------------ layout


def build_rows(form: Form) -> list[SectionRow | ItemRow]:
    """The sheet's items grouped under their section titles, in the template's order,
    each row as tall as its wrapped product text needs."""
    columns = Columns.for_form(form)
    rows: list[SectionRow | ItemRow] = []
    section = None
    for item in form.sheet.items:
        if item.section != section or not rows:
            section = item.section
            rows.append(SectionRow(section, form.row))
        detail = _detail_lines(form, columns, item)
        leading = form.detail_size * 1.18
        height = max(form.row, len(detail) * leading + form.row - leading)
        rows.append(ItemRow(item, tuple(detail), height))
    return rows


def _detail_lines(form: Form, columns: Columns, item: SheetItemRecord) -> list[str]:
    if form.sale is None:
        text = " / ".join(item.candidates)
    else:
        text = item.product_name or ""
        if item.added_on_site and text:  # sold later by the installer, on this unit
            text = f"{ON_SITE_WORDS[form.lang]}: {text}"
    if not text:
        return []
    return wrap(text, form.detail_size, columns.detail_width, max_lines=2)


def paginate_form(form: Form) -> tuple[Form, list[list]]:
    """The form and its rows split into pages. When the sheet fits one page with room
    to spare its rows are drawn taller, so the form fills its page like a printed pad;
    when it misses by a little they are drawn a little tighter rather than carry one
    or two items over to a second page."""
    room_top = form.scale.height - header_height(form)
    bottom = form.scale.margin
    room_last = room_top - bottom - footer_height(form)
    room_other = room_top - bottom - form.scale.tiny * 4
    rows = build_rows(form)
    if rows and _height(rows) * MIN_STRETCH <= room_last:
        # rows with wrapped text stretch less than in proportion: converge in a few steps
        for _attempt in range(4):
            stretch = form.stretch * room_last / _height(rows) * 0.999
            form = replace(form, stretch=max(MIN_STRETCH, min(MAX_STRETCH, stretch)))
            rows = build_rows(form)
            if _height(rows) <= room_last:
                break
        else:  # no one-page fit after all: several pages at the normal row height
            form = replace(form, stretch=1.0)
            rows = build_rows(form)
    return form, paginate(rows, room_last=room_last, room_other=room_other,
                          section_height=form.row)


def paginate(rows: list, *, room_last: float, room_other: float,
             section_height: float) -> list[list]:
    """Rows into pages, filled from the top. The last page also holds the footer; when
    its rows leave the footer no room, the closing section (or, failing that, the
    closing items) moves on to a page of its own. A section title never ends a page,
    and a section cut by a page break is titled again at the top of the next page."""
    pages = _fill(rows, room_other, section_height) or [[]]
    last = pages[-1]
    if _height(last) <= room_last:
        return pages
    start = _last_page_start(last, room_last, section_height)
    tail = last[start:]
    if isinstance(tail[0], ItemRow):
        tail = [SectionRow(_section_of(last, start).title, section_height)] + tail
    return pages[:-1] + [last[:start], tail]


def _height(rows: list) -> float:
    return sum(row.height for row in rows)


def _last_page_start(rows: list, room: float, section_height: float) -> int:
    """Where the footer's page begins within the rows of an overfull last page: at the
    latest section title (not the first row) whose section fits above the footer, or
    else as many closing items as fit, titled again."""
    for index in range(len(rows) - 1, 0, -1):
        if isinstance(rows[index], SectionRow):
            if _height(rows[index:]) <= room:
                return index
            break
    start = len(rows) - 1  # at least one row moves, so the footer gets its room
    while start > 1 and isinstance(rows[start - 1], ItemRow) \
            and section_height + _height(rows[start - 1:]) <= room:
        start -= 1
    if isinstance(rows[start - 1], SectionRow):
        start -= 1  # a title never stays behind at the foot of a page
    return max(start, 1)


def _section_of(rows: list, index: int) -> SectionRow:
    return next(row for row in reversed(rows[:index + 1]) if isinstance(row, SectionRow))


def _fill(rows: list, room: float, section_height: float) -> list[list]:
    pages: list[list] = []
    current: list = []
    used = 0.0
    section = None
    for index, row in enumerate(rows):
        needed = row.height
        if isinstance(row, SectionRow):
            section = row
            if index + 1 < len(rows):
                needed += rows[index + 1].height  # never a title alone at a page's foot
        if current and used + needed > room:
            pages.append(current)
            current, used = [], 0.0
            if isinstance(row, ItemRow) and section is not None:
                current.append(SectionRow(section.title, section_height))
                used += section_height
        current.append(row)
        used += row.height
    if current:
        pages.append(current)
    return pages
