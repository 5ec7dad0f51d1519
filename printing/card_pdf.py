"""The service-card certificate: one A5 landscape page the store hands over with a
service card (Silver, Gold, Diamond, extensions ...). It shows the card number large
and as a code128 barcode (service staff scan it), the tier and what it gives (the
promise made from the card's tier and dates, pos.catalog.coverage: never the tier's
free description), the unit and serial it covers, the customer, the dates, the terms,
and a box for the store's stamp and signature."""

from __future__ import annotations

import io

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A5, landscape

from pos.printjobs.records import CardRecord, StoreHeader

from .fonts import draw_fitted, draw_text, wrap
from .labels import say
from .pdf_common import (
    INK, MUTED, barcode, day, money, new_canvas, rule, signature_line, with_alpha,
)
from .pdf_labels import LABELS, language

WIDTH, HEIGHT = landscape(A5)
FRAME = 14  # the outer frame's inset from the paper edge
MARGIN = 34  # the content's inset

# Each tier prints in its own metal or colour, so the card's value shows at a glance.
TIER_INKS = {
    "silver": HexColor("#6E7378"), "gold": HexColor("#A67C00"), "diamond": HexColor("#1F5F9E"),
    "blue-gold": HexColor("#1F4E8C"), "blue-diamond": HexColor("#173A73"),
    "digital-1y": HexColor("#6A2C7A"), "hw-1y": HexColor("#2F5D50"),
    "hw-2y": HexColor("#2F5D50"), "phone-ext": HexColor("#B0452A"),
    "screen-break": HexColor("#B0452A"),
}
DEFAULT_INK = HexColor("#2F4F6F")


def card_certificate_pdf(store: StoreHeader, card: CardRecord, *,
                         locale: str | None = None) -> bytes:
    """The certificate for one service card, in the store's language unless told."""
    lang = language(locale or store.locale)
    ink = TIER_INKS.get(card.tier_code, DEFAULT_INK)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, width=WIDTH, height=HEIGHT,
                        title=f"{card.tier_name} {card.card_no}")
    _frame(canvas, ink)
    words = LABELS[lang]
    _title_block(canvas, store, card, words, ink, lang)
    _details(canvas, card, words, lang, store.currency)
    _card_number(canvas, card, words, ink)
    _issuer(canvas, store, words)
    _terms(canvas, card, words, lang)
    _stamp_box(canvas, words, ink)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _frame(canvas, ink: Color) -> None:
    """A double rule around the page with small diamonds at the corners."""
    canvas.saveState()
    canvas.setFillColor(with_alpha(ink, 0.045))  # a faint wash of the tier's colour
    canvas.rect(FRAME, FRAME, WIDTH - 2 * FRAME, HEIGHT - 2 * FRAME, stroke=0, fill=1)
    canvas.setStrokeColor(ink)
    canvas.setLineWidth(2.2)
    canvas.rect(FRAME, FRAME, WIDTH - 2 * FRAME, HEIGHT - 2 * FRAME, stroke=1, fill=0)
    canvas.setLineWidth(0.6)
    inner = FRAME + 5
    canvas.rect(inner, inner, WIDTH - 2 * inner, HEIGHT - 2 * inner, stroke=1, fill=0)
    canvas.setFillColor(ink)
    for x in (inner, WIDTH - inner):
        for y in (inner, HEIGHT - inner):
            path = canvas.beginPath()
            path.moveTo(x, y - 5)
            path.lineTo(x + 5, y)
            path.lineTo(x, y + 5)
            path.lineTo(x - 5, y)
            path.close()
            canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _title_block(canvas, store: StoreHeader, card: CardRecord, words, ink: Color,
                 lang: str) -> None:
    centre = WIDTH / 2
    top = HEIGHT - MARGIN
    draw_fitted(canvas, centre, top - 9, store.name, 9.5, WIDTH - 2 * MARGIN, bold=True,
                align="centre", color=MUTED)
    draw_fitted(canvas, centre, top - 32, words["certificate"], 20, WIDTH - 2 * MARGIN,
                bold=True, align="centre", color=ink)
    draw_fitted(canvas, centre, top - 53, card.tier_name, 15, WIDTH - 2 * MARGIN, bold=True,
                align="centre", color=INK)
    promise = (say(card.terms, lang, day=lambda when: day(when, locale=lang))
               if card.terms is not None else "")
    draw_fitted(canvas, centre, top - 66, promise, 9, WIDTH - 2 * MARGIN, bold=True,
                align="centre", color=INK)
    rule(canvas, MARGIN + 60, WIDTH - MARGIN - 60, top - 74, color=ink, width=0.8)


def _details(canvas, card: CardRecord, words, lang: str, currency: str) -> None:
    """The card's particulars as label-over-value pairs, two to a row."""
    customer = card.customer
    units = words["units" if card.units_covered == 1 else "units_many"].format(
        n=card.units_covered)
    # What it covers and for how long is the promise under the title; here its dates.
    pairs = [
        ((words["start"], day(card.start_date, locale=lang)),
         (words["end"], day(card.end_date, locale=lang) if card.end_date else words["lifetime"])),
        ((words["unit"], card.unit_name), None),
        ((words["serial"], card.unit_serial or ""), (words["units_covered"], units)),
        ((words["customer"], customer.name if customer else ""),
         (words["phone"], customer.phone if customer else "")),
        ((words["receipt_no"], card.receipt_no),
         (words["price_paid"], money(card.price, currency=currency, locale=lang))),
    ]
    left, width, top = MARGIN + 6, 300.0, HEIGHT - MARGIN - 84
    for first, second in pairs:
        if second is None:
            _pair(canvas, left, top, width, *first)
        else:
            _pair(canvas, left, top, width / 2 - 6, *first)
            _pair(canvas, left + width / 2 + 6, top, width / 2 - 6, *second)
        top -= 25


def _pair(canvas, x: float, top: float, width: float, label: str, value: str) -> None:
    draw_text(canvas, x, top - 6.5, label, 6.5, color=MUTED)
    draw_fitted(canvas, x, top - 18, value, 10, width, color=INK, min_size=7)
    rule(canvas, x, x + width, top - 21.5, dash=(1, 1.5))


RIGHT_CENTRE = WIDTH - MARGIN - 106  # the middle of the right-hand column


def _card_number(canvas, card: CardRecord, words, ink: Color) -> None:
    width = 200.0
    top = HEIGHT - MARGIN - 84
    draw_text(canvas, RIGHT_CENTRE, top - 6.5, words["card_no"], 6.5, align="centre",
              color=MUTED)
    draw_fitted(canvas, RIGHT_CENTRE, top - 28, card.card_no, 21, width, bold=True,
                align="centre", color=ink)
    barcode(canvas, card.card_no, x=RIGHT_CENTRE, top=top - 36, max_width=width * 0.85,
            height=28, text_size=7, align="centre")


def _issuer(canvas, store: StoreHeader, words) -> None:
    """Who issued the card and where to bring the unit: the store's name and contacts."""
    width, top = 200.0, 196.0
    draw_text(canvas, RIGHT_CENTRE, top, words["issued_by"], 6.5, align="centre", color=MUTED)
    draw_fitted(canvas, RIGHT_CENTRE, top - 11, store.name, 8.5, width, bold=True,
                align="centre")
    lines = wrap(store.address, 6.5, width, max_lines=2) + [store.phone]
    for index, line in enumerate(lines):
        draw_text(canvas, RIGHT_CENTRE, top - 21 - index * 8, line, 6.5, align="centre")


def card_clauses(card: CardRecord, words, lang: str) -> list[str]:
    """The certificate's terms, made from the card's tier as sold: what it promises and
    from when to when, the units it covers, how service is given (on site or carry-in),
    then the conditions every card shares. The tier's description is the store's own
    note and is not printed as a promise."""
    promise = (say(card.terms, lang, day=lambda when: day(when, locale=lang))
               if card.terms is not None else "")
    start = day(card.start_date, locale=lang)
    end = day(card.end_date, locale=lang) if card.end_date else words["lifetime"]
    key = "clause_promise" if card.end_date else "clause_promise_lifetime"
    clauses = [words[key].format(tier=card.tier_name, promise=promise.rstrip("。."),
                                              start=start, end=end)]
    if card.units_covered == 1:
        clauses.append(words["clause_one_unit"].format(
            unit=card.unit_name, serial=card.unit_serial or words["clause_no_serial"]))
    else:
        clauses.append(words["clause_units"].format(n=card.units_covered, unit=card.unit_name))
    clauses.append(words["terms_on_site" if card.service_mode == "on_site" else "terms_carry_in"]
                   .strip())
    clauses.append(words["terms"])
    return [f"{index}. {clause}" for index, clause in enumerate(clauses, start=1)]


def _terms(canvas, card: CardRecord, words, lang: str = "en") -> None:
    left, width, top = MARGIN + 6, 330.0, 126.0
    draw_text(canvas, left, top, words["terms_title"], 7.5, bold=True, color=INK)
    size, leading = 6.0, 7.4
    lines = [line for clause in card_clauses(card, words, lang)
             for line in wrap(clause, size, width)]
    for index, line in enumerate(lines[:12]):
        draw_text(canvas, left, top - 10 - index * leading, line, size, color=INK)


def _stamp_box(canvas, words, ink: Color) -> None:
    """A dashed circle for the store's stamp over a line for the signature."""
    centre_x, centre_y, radius = RIGHT_CENTRE, 108.0, 32.0
    canvas.saveState()
    canvas.setStrokeColor(ink)
    canvas.setLineWidth(0.7)
    canvas.setDash(2, 2)
    canvas.circle(centre_x, centre_y, radius, stroke=1, fill=0)
    canvas.restoreState()
    draw_text(canvas, centre_x, centre_y - 3, words["stamp"], 7, align="centre", color=MUTED)
    signature_line(canvas, RIGHT_CENTRE - 82, 56, 164, words["authorised"], 7, ink=ink)
