"""The foot of a configuration-sheet page: the unit's tally, the service card (sold,
declined or not offered; write-in fields on a blank pad), the signature lines and
which copy is which, plus the lined notes box a short sheet gets above it."""

from __future__ import annotations

from dataclasses import replace

from pos.kernel.money import chinese_capitals

from .fonts import draw_fitted, draw_text, text_width, wrap
from .labels import say
from .pdf_common import INK, MUTED, day, field_row, rule, signature_line, state_ink, tick_box
from .pdf_labels import STATE_WORDS
from .sheet_parts import Columns, Form, draw_section_row, row_baseline, unit_position


def _signature_space(form: Form) -> float:
    # the line to sign on, its caption, and the date written under it
    return 24 * form.k + form.scale.small * 4.0


def other_lines(form: Form) -> list:
    """What else the sale sold that no checklist row shows: products scanned under this
    unit that match none of its items, and (on the first unit's sheet) the accessories
    sold loose with the sale."""
    sale = form.sale
    if sale is None:
        return []
    on_rows = {name for item in form.sheet.items if item.product_name
               for name in item.product_name.split(" + ")}
    unit = unit_position(form)
    first = bool(sale.sheets) and sale.sheets[0] is form.sheet
    lines = []
    for line in sale.lines:
        if line.kind != "accessory" or line.quantity <= 0:
            continue
        under_unit = unit is not None and line.parent == unit
        loose = line.parent is None and first
        if (under_unit and line.sheet_item_id is None and line.name not in on_rows) or loose:
            lines.append(line)
    return lines


def _others_space(form: Form) -> float:
    count = len(other_lines(form))
    return form.scale.row * (count + 1) if count else 0.0


def _total_space(form: Form) -> float:
    return form.scale.row * 1.5


CARD_ROW = 1.6  # rows a sold card takes: its promise, and its number under its name


def _card_space(form: Form) -> float:
    s = form.scale
    if form.sale is None:
        return s.row + s.field + 4 * form.k
    return s.row * (1 + (len(form.sheet.cards) * CARD_ROW or 1)) + 2 * form.k


def footer_height(form: Form) -> float:
    s = form.scale
    return (s.row + _others_space(form) + _card_space(form) + _total_space(form)
            + _signature_space(form) + s.tiny * 2.6)


def draw_footer(canvas, form: Form, *, page: tuple[int, int]) -> None:
    form = replace(form, stretch=1.0)  # the footer's height was reserved unstretched
    s = form.scale
    top = s.margin + footer_height(form)
    _summary(canvas, form, top)
    top -= s.row
    _others(canvas, form, top)
    top -= _others_space(form)
    _card_block(canvas, form, top)
    top -= _card_space(form)
    _grand_total(canvas, form, top)
    top -= _total_space(form)
    _signatures(canvas, form, top)
    _footnote(canvas, form, page)


def draw_notes(canvas, form: Form, rows_end: float) -> None:
    """A lined notes box in the room a short sheet leaves above the footer, as printed
    pads have: for the installer's and the customer's remarks."""
    s, k = form.scale, form.k
    top = rows_end - 6 * k
    bottom = s.margin + footer_height(form) + 4 * k
    if top - bottom < 3 * s.row:
        return
    canvas.saveState()
    canvas.setStrokeColor(form.accent)
    canvas.setLineWidth(0.6)
    canvas.rect(s.margin, bottom, s.content_width, top - bottom, stroke=1, fill=0)
    canvas.restoreState()
    draw_text(canvas, s.margin + 4 * k, top - s.tiny * 1.4, form.words["notes"], s.tiny,
              color=form.accent)
    line_y = top - s.tiny * 1.4 - s.row * 1.2
    while line_y > bottom + s.row * 0.5:
        rule(canvas, s.margin + 4 * k, s.width - s.margin - 4 * k, line_y, dash=(1, 1.6))
        line_y -= s.row * 1.2


def draw_continuation_footer(canvas, form: Form, *, page: tuple[int, int]) -> None:
    s = form.scale
    draw_text(canvas, s.width / 2, s.margin + s.tiny * 2.6, form.words["continued_next"],
              s.small, align="centre", color=MUTED)
    _footnote(canvas, form, page)


def _summary(canvas, form: Form, top: float) -> None:
    """Sold / declined / not offered for this unit: the form's own attach tally."""
    if form.sale is None:
        return
    s, items = form.scale, form.sheet.items
    counts = {outcome: sum(1 for item in items if item.outcome == outcome)
              for outcome in ("sold", "declined", "not_offered")}
    amount = sum(item.price or 0 for item in items if item.outcome == "sold")
    amount += sum(card.price for card in form.sheet.cards)
    text = form.words["summary"].format(**counts, amount=form.money(amount))
    draw_fitted(canvas, s.width - s.margin - 4 * form.k, top - s.row * 0.62, text, s.small,
                s.content_width, align="right", color=INK)


def _others(canvas, form: Form, top: float) -> None:
    """Products sold with the unit or the sale that no checklist row shows, each with its
    quantity, unit price and amount."""
    lines = other_lines(form)
    if not lines:
        return
    s, k, words = form.scale, form.k, form.words
    columns = Columns.for_form(form)
    draw_section_row(canvas, form, top, words["others"])
    qty_right, unit_right = columns.qty_right, columns.each_right
    label_y = top - s.row / 2 - s.tiny * 0.36
    draw_text(canvas, qty_right, label_y, words["qty"], s.tiny, align="right", color=MUTED)
    draw_text(canvas, unit_right, label_y, words["each"], s.tiny, align="right", color=MUTED)
    draw_text(canvas, columns.price_right, label_y, words["price"], s.tiny, align="right",
              color=MUTED)
    for line in lines:
        top -= s.row
        baseline = row_baseline(form, top)
        tick_box(canvas, columns.box_x, baseline - columns.box * 0.16, columns.box, "sold",
                 ink=form.accent)
        draw_text(canvas, columns.state_x, baseline, STATE_WORDS[form.lang]["sold"], s.tiny,
                  bold=True, color=state_ink("sold"))
        name = line.name if line.parent is not None else line.name + words['with_sale']
        draw_fitted(canvas, columns.item_x, baseline, name,
                    s.body, qty_right - columns.item_x - 40 * k)
        draw_text(canvas, qty_right, baseline, str(line.quantity), s.body, align="right")
        draw_text(canvas, unit_right, baseline, form.money(line.unit_price), s.body,
                  align="right")
        draw_text(canvas, columns.price_right, baseline, form.money(line.line_total), s.body,
                  align="right")
        rule(canvas, s.margin, s.width - s.margin, top - s.row, dash=(1, 1.6))


def _grand_total(canvas, form: Form, top: float) -> None:
    """The whole sale's total (every unit, card and accessory on the receipt); on the
    Chinese sheet with the amount in capitals (大写), as a store's sales slip has it."""
    s, k, words = form.scale, form.k, form.words
    baseline = top - s.row * 0.95
    right = s.width - s.margin - 4 * k
    if form.sale is None:  # a blank pad: lines to write the total on
        _write_in_total(canvas, form, baseline, right)
        return
    amount = f"{words['grand_total']} {form.money(form.sale.total)}"
    width = draw_text(canvas, right, baseline, amount, s.heading, bold=True, align="right",
                      color=form.accent)
    if form.lang == "zh_CN":
        capitals = f"{words['in_capitals']} {chinese_capitals(form.sale.total)}"
        draw_fitted(canvas, s.margin + 4 * k, baseline, capitals, s.body,
                    s.content_width - width - 20 * k, bold=True)
    rule(canvas, s.margin, s.width - s.margin, top - s.row * 1.4, color=form.accent,
         width=0.9)


def _write_in_total(canvas, form: Form, baseline: float, right: float) -> None:
    s, k, words = form.scale, form.k, form.words
    blank = s.content_width * 0.2
    symbol = "".join(char for char in form.money(0) if not char.isdigit() and char not in ".,")
    label = f"{words['grand_total']} {symbol.strip()}"
    rule(canvas, right - blank, right, baseline - 1.5, color=MUTED, width=0.5)
    draw_text(canvas, right - blank - 3 * k, baseline, label, s.body, bold=True, align="right",
              color=form.accent)
    if form.lang == "zh_CN":
        x = s.margin + 4 * k
        x += draw_text(canvas, x, baseline, words["in_capitals"], s.body, bold=True) + 3 * k
        end = right - blank - 3 * k - text_width(label, s.body, bold=True) - 14 * k
        rule(canvas, x, end, baseline - 1.5, color=MUTED, width=0.5)


def _card_block(canvas, form: Form, top: float) -> None:
    s, k, words = form.scale, form.k, form.words
    draw_section_row(canvas, form, top, words["card"])
    draw_fitted(canvas, s.width - s.margin - 4 * k, top - s.row / 2 - s.tiny * 0.36,
                words["card_reminder"], s.tiny, s.content_width * 0.62, align="right",
                color=MUTED)
    top -= s.row
    if form.sale is None:
        field_row(canvas, s, top - 2 * k, [(words["card_no"], None, 1), (words["tier"], None, 1),
                                          (words["term"], None, 1),
                                          (words["valid_until"], None, 1)], ink=form.accent)
        return
    columns = Columns.for_form(form)
    for card in form.sheet.cards:
        _card_row(canvas, form, columns, top, card)
        top -= s.row * CARD_ROW
    if not form.sheet.cards:
        outcome = form.sheet.card_outcome if form.sheet.card_outcome == "declined" else "not_offered"
        baseline = row_baseline(form, top)
        tick_box(canvas, columns.box_x, baseline - columns.box * 0.16, columns.box, outcome,
                 ink=form.accent)
        draw_text(canvas, columns.state_x, baseline, STATE_WORDS[form.lang][outcome], s.tiny,
                  bold=True, color=state_ink(outcome))
        message = words["card_declined" if outcome == "declined" else "card_not_offered"]
        draw_text(canvas, columns.item_x, baseline, message, s.body)


def _card_row(canvas, form: Form, columns: Columns, top: float, card) -> None:
    s, words = form.scale, form.words
    baseline = row_baseline(form, top)
    tick_box(canvas, columns.box_x, baseline - columns.box * 0.16, columns.box, "sold",
             ink=form.accent)
    draw_text(canvas, columns.state_x, baseline, STATE_WORDS[form.lang]["sold"], s.tiny,
              bold=True, color=state_ink("sold"))
    draw_fitted(canvas, columns.item_x, baseline, card.tier_name, s.body, columns.item_width,
                bold=True)
    draw_fitted(canvas, columns.item_x, baseline - s.small * 1.45,
                f"{words['card_no']} {card.card_no}", s.tiny, columns.item_width, color=MUTED)
    # the promise made from the card's tier and dates (pos.catalog.coverage)
    promise = (say(card.terms, form.lang, day=lambda when: day(when, locale=form.lang))
               if card.terms is not None else "")
    # the promise runs on over the quantity and unit price columns: a card is one
    room = columns.each_right - columns.detail_x - 6 * form.k
    for index, line in enumerate(wrap(promise, s.small, room, max_lines=2)):
        draw_text(canvas, columns.detail_x, baseline - index * s.small * 1.45, line, s.small)
    draw_text(canvas, columns.price_right, baseline, form.money(card.price), s.body,
              align="right")
    rule(canvas, s.margin, s.width - s.margin, top - s.row * CARD_ROW, dash=(1, 1.6))


def _signatures(canvas, form: Form, top: float) -> None:
    """Three signature lines, each with a date to write under it, and the store's stamp
    box beside them."""
    s, k, words = form.scale, form.k, form.words
    line_y = top - 24 * k
    gap = 12 * k
    stamp_width = s.content_width * 0.17
    width = (s.content_width - stamp_width - 3 * gap) / 3
    signers = ((words["sign_customer"], None),
               (words["sign_salesperson"], form.sale.staff_name if form.sale else None),
               (words["sign_installer"], None))
    for index, (label, name) in enumerate(signers):
        x = s.margin + index * (width + gap)
        signature_line(canvas, x, line_y, width, label, s.small, name=name, ink=form.accent)
        draw_fitted(canvas, x, line_y - s.small * 3.1, words["sign_date"], s.small, width,
                    color=MUTED)
    _stamp_box(canvas, form, s.width - s.margin - stamp_width, top - 2 * k, stamp_width,
               _signature_space(form) - 2 * k)


def _stamp_box(canvas, form: Form, x: float, top: float, width: float, height: float) -> None:
    s = form.scale
    canvas.saveState()
    canvas.setStrokeColor(form.accent)
    canvas.setLineWidth(0.6)
    canvas.setDash(2, 2)
    canvas.rect(x, top - height, width, height, stroke=1, fill=0)
    canvas.restoreState()
    draw_text(canvas, x + width / 2, top - s.tiny * 1.5, form.words["stamp"], s.tiny,
              align="centre", color=form.accent)


def _footnote(canvas, form: Form, page: tuple[int, int]) -> None:
    s = form.scale
    baseline = s.margin + s.tiny * 0.4
    draw_text(canvas, s.margin, baseline, form.words["copies"], s.tiny, color=MUTED)
    number, total = page
    draw_text(canvas, s.width - s.margin, baseline,
              form.words["page"].format(n=number, total=total), s.tiny, align="right",
              color=MUTED)
