"""A service card's history (服务卡记录): A4 portrait pages the store prints for a customer
or head office. The card as sold (tier, promise, dates, unit, customer, receipt), its
number large and as a code128 barcode, whether it is in force today and why not, the
units it covers (a business card's registered units, n of its limit) and every claim
against it: the claim's number and day, the job and its kind, the work, covered or paid
and why (in the card's own words, pos.service.claims), and the technician. The tier's
colour is the certificate's (printing.card_pdf); long histories run onto more pages."""

from __future__ import annotations

import io

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4

from pos.kernel.messages import msg

from .card_pdf import DEFAULT_INK, TIER_INKS
from .fonts import draw_fitted, draw_text, wrap
from .labels import say
from .pdf_common import (
    DECLINED_INK, INK, MUTED, SOLD_INK, barcode, day, local_time, new_canvas, rule,
    with_alpha,
)
from .pdf_labels import language

WIDTH, HEIGHT = A4
JOB_KINDS = {"installation": msg("job.kind.installation"), "on_site": msg("job.kind.on_site"),
             "repair": msg("job.kind.repair")}
MARGIN = 36
BOTTOM = 54  # the last row's floor; the footer sits under it

LABELS = {
    "en": {
        "title": "Service card history", "card_no": "Card no.", "customer": "Customer",
        "phone": "Phone", "unit": "Unit", "serial": "S/N", "start": "Valid from",
        "end": "Valid until", "lifetime": "lifetime", "receipt": "Sold on receipt",
        "mode": "Service", "on_site": "on-site", "carry_in": "carry-in",
        "in_force": "IN FORCE", "not_in_force": "NOT IN FORCE", "cancelled": "CANCELLED",
        "units": "Units covered ({n} of {most})", "units_one": "Unit covered",
        "no": "#", "product": "Product", "registered": "Registered", "by": "By",
        "own": "sold with the card", "claims": "Claims ({n}, {covered} covered)",
        "no_claims": "No claims yet.", "claim": "Claim", "date": "Date", "job": "Job",
        "work": "Work", "result": "Result", "why": "Why paid", "technician": "Technician",
        "covered": "covered", "paid": "paid",
        "software": "software", "hardware": "hardware", "screen": "screen",
        "page": "Page {n}", "printed": "As of {day}", "continued": "(continued)",
    },
    "zh_CN": {
        "title": "服务卡记录", "card_no": "卡号", "customer": "客户", "phone": "电话",
        "unit": "设备", "serial": "序列号", "start": "生效日期", "end": "有效期至",
        "lifetime": "终身", "receipt": "销售小票", "mode": "服务方式", "on_site": "上门",
        "carry_in": "送修", "in_force": "有效", "not_in_force": "不在保障期内",
        "cancelled": "已取消", "units": "保障设备（{n}/{most}台）", "units_one": "保障设备",
        "no": "序号", "product": "商品", "registered": "登记时间", "by": "经办人",
        "own": "随卡售出", "claims": "索赔记录（{n}次，保障内{covered}次）",
        "no_claims": "暂无索赔记录。", "claim": "索赔单号", "date": "日期", "job": "工单",
        "work": "服务内容", "result": "结果", "why": "收费原因", "technician": "技术员",
        "covered": "保障内", "paid": "收费",
        "software": "软件", "hardware": "硬件", "screen": "屏幕",
        "page": "第{n}页", "printed": "截至 {day}", "continued": "（续）",
    },
}


class _Pages:
    """The canvas and where the next row goes; a new page when it runs out."""

    def __init__(self, canvas, history, words, lang, ink):
        self.canvas, self.history, self.words, self.lang, self.ink = (
            canvas, history, words, lang, ink)
        self.number, self.y = 1, 0.0

    def need(self, height: float, header=None) -> None:
        if self.y - height >= BOTTOM:
            return
        self.footer()
        self.canvas.showPage()
        self.number += 1
        self.y = HEIGHT - MARGIN
        draw_text(self.canvas, MARGIN, self.y - 10, f"{self.words['title']}  "
                  f"{self.history.card.card_no}  {self.words['continued']}", 9, bold=True,
                  color=self.ink)
        self.y -= 24
        if header is not None:
            header()

    def footer(self) -> None:
        words = self.words
        text = (f"{self.history.store.name}  ·  "
                f"{words['printed'].format(day=day(self.history.on, locale=self.lang))}  ·  "
                f"{words['page'].format(n=self.number)}")
        rule(self.canvas, MARGIN, WIDTH - MARGIN, BOTTOM - 14)
        draw_text(self.canvas, WIDTH / 2, BOTTOM - 26, text, 6.5, align="centre", color=MUTED)


def card_history_pdf(history, *, locale: str | None = None) -> bytes:
    """The history of one card (pos.service.card_history.CardHistory), in the store's
    language unless told."""
    lang = language(locale or history.store.locale)
    words = LABELS[lang]
    card = history.card
    ink = TIER_INKS.get(card.tier_code, DEFAULT_INK)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, width=WIDTH, height=HEIGHT,
                        title=f"{words['title']} {card.card_no}")
    pages = _Pages(canvas, history, words, lang, ink)
    pages.y = _head(canvas, history, words, lang, ink)
    _units(pages)
    _claims(pages)
    pages.footer()
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _head(canvas, history, words, lang: str, ink: Color) -> float:
    card, top = history.card, HEIGHT - MARGIN
    canvas.saveState()
    canvas.setFillColor(with_alpha(ink, 0.06))
    canvas.rect(MARGIN - 8, top - 192, WIDTH - 2 * MARGIN + 16, 200, stroke=0, fill=1)
    canvas.setFillColor(ink)
    canvas.rect(MARGIN - 8, top + 4, WIDTH - 2 * MARGIN + 16, 4, stroke=0, fill=1)
    canvas.restoreState()
    draw_fitted(canvas, MARGIN, top - 12, history.store.name, 9.5, 300, bold=True, color=MUTED)
    draw_fitted(canvas, MARGIN, top - 36, words["title"], 19, 300, bold=True, color=ink)
    draw_fitted(canvas, MARGIN, top - 56, card.tier_name, 13, 300, bold=True, color=INK)
    promise = say(card.terms, lang, day=lambda when: day(when, locale=lang)) if card.terms else ""
    lines = wrap(promise, 8.5, 300, max_lines=2)
    for index, line in enumerate(lines):
        draw_text(canvas, MARGIN, top - 70 - index * 10.5, line, 8.5, color=INK)
    right = WIDTH - MARGIN
    draw_text(canvas, right, top - 12, words["card_no"], 6.5, align="right", color=MUTED)
    draw_fitted(canvas, right, top - 34, card.card_no, 18, 190, bold=True, align="right",
                color=ink)
    bottom = barcode(canvas, card.card_no, x=right, top=top - 40, max_width=180, height=24,
                     text_size=6.5)
    _status(canvas, history, words, lang, right - 90, bottom - 18)
    # (label, value, columns it spans); how it serves is in the promise above
    fields = [
        ((words["customer"], card.customer.name if card.customer else "", 1),
         (words["phone"], card.customer.phone if card.customer else "", 1),
         (words["unit"], card.unit_name, 2)),
        ((words["serial"], card.unit_serial or "", 1),
         (words["start"], day(card.start_date, locale=lang), 1),
         (words["end"], day(card.end_date, locale=lang) if card.end_date
          else words["lifetime"], 1),
         (words["receipt"], card.receipt_no, 1)),
    ]
    width = (WIDTH - 2 * MARGIN - 3 * 12) / 4
    for row, pairs in enumerate(fields):
        row_top, column = top - 120 - row * 40, 0
        for label, value, span in pairs:
            x, w = MARGIN + column * (width + 12), width * span + 12 * (span - 1)
            draw_text(canvas, x, row_top - 7, label, 6.5, color=MUTED)
            draw_fitted(canvas, x, row_top - 20, value, 9.5, w, color=INK, min_size=6.5)
            rule(canvas, x, x + w, row_top - 24, dash=(1, 1.5))
            column += span
    return top - 210


def _status(canvas, history, words, lang: str, x: float, y: float) -> None:
    """In force today, or a stamp saying why not."""
    if history.in_force:
        text, colour = words["in_force"], SOLD_INK
    else:
        text = words["cancelled" if history.state.value == "cancelled" else "not_in_force"]
        colour = DECLINED_INK
    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setFillColor(with_alpha(colour, 0.07))
    canvas.setLineWidth(1.2)
    canvas.roundRect(x - 80, y - 8, 160, 22, 4, stroke=1, fill=1)
    canvas.restoreState()
    draw_fitted(canvas, x, y - 1, text, 11, 150, bold=True, align="centre", color=colour)
    if history.why_not is not None:
        why = say(history.why_not, lang, day=lambda when: day(when, locale=lang))
        for index, line in enumerate(wrap(why, 6.5, 190, max_lines=2)):
            draw_text(canvas, x, y - 18 - index * 8, line, 6.5, align="centre", color=colour)


def _heading(pages: _Pages, text: str) -> None:
    pages.need(40)
    draw_text(pages.canvas, MARGIN, pages.y - 12, text, 10.5, bold=True, color=pages.ink)
    rule(pages.canvas, MARGIN, WIDTH - MARGIN, pages.y - 16, color=pages.ink, width=0.8)
    pages.y -= 22


def _row(pages: _Pages, columns, values, *, size: float = 7.8, bold: bool = False,
         colours=None, height: float = 13.0) -> None:
    for index, ((x, width), value) in enumerate(zip(columns, values)):
        colour = (colours or {}).get(index, MUTED if bold else INK)
        draw_fitted(pages.canvas, x, pages.y - 9, value, size, width, bold=bold, color=colour,
                    min_size=5.5)
    pages.y -= height


UNIT_COLUMNS = ((MARGIN, 22), (MARGIN + 24, 110), (MARGIN + 138, 220), (MARGIN + 362, 80),
                (MARGIN + 446, 76))


def _units(pages: _Pages) -> None:
    history, words = pages.history, pages.words
    if history.card.units_covered == 1:
        return  # the unit is in the head
    _heading(pages, words["units"].format(n=len(history.units),
                                          most=history.card.units_covered))

    def header():
        _row(pages, UNIT_COLUMNS, [words["no"], words["serial"], words["product"],
                                   words["registered"], words["by"]], size=6.8, bold=True)

    header()
    for index, unit in enumerate(history.units, start=1):
        pages.need(13, header)
        product = unit.product_name or ""
        if unit.own:
            product = f"{product}  ({words['own']})" if product else words["own"]
        _row(pages, UNIT_COLUMNS, [str(index), unit.serial, product,
                                   day(unit.registered_at.date(), locale=pages.lang)
                                   if unit.registered_at else "", unit.staff_name or ""])
        rule(pages.canvas, MARGIN, WIDTH - MARGIN, pages.y + 2.5, dash=(0.5, 1.5))
    pages.y -= 10


CLAIM_COLUMNS = ((MARGIN, 74), (MARGIN + 76, 66), (MARGIN + 144, 92), (MARGIN + 238, 44),
                 (MARGIN + 284, 40), (MARGIN + 326, 138), (MARGIN + 466, 57))


def _claims(pages: _Pages) -> None:
    history, words, lang = pages.history, pages.words, pages.lang
    _heading(pages, words["claims"].format(n=len(history.claims),
                                           covered=history.covered_claims))
    if not history.claims:
        draw_text(pages.canvas, MARGIN, pages.y - 10, words["no_claims"], 8, color=MUTED)
        pages.y -= 16
        return

    def header():
        _row(pages, CLAIM_COLUMNS, [words["claim"], words["date"], words["job"], words["work"],
                                    words["result"], words["why"], words["technician"]],
             size=6.8, bold=True)

    header()
    for claim in history.claims:
        why = (say(claim.why, lang, day=lambda when: day(when, locale=lang))
               if claim.why is not None else "")
        why_lines = wrap(why, 6.4, CLAIM_COLUMNS[5][1], max_lines=3) if why else []
        height = max(22.0, 8.0 * len(why_lines) + 6)
        pages.need(height, header)
        kind = (say(JOB_KINDS[claim.job_kind.value], lang)
                if claim.job_kind is not None else "")
        result, colour = ((words["covered"], SOLD_INK) if claim.covered
                          else (words["paid"], DECLINED_INK))
        at = local_time(claim.at)
        top = pages.y
        _row(pages, CLAIM_COLUMNS, [claim.claim_no, day(at.date(), locale=lang),
                                    claim.job_no or "", words.get(claim.what, claim.what),
                                    result, "", claim.technician or claim.staff_name or ""],
             colours={4: colour}, height=0)
        for (x, width), under in ((CLAIM_COLUMNS[1], f"{at:%H:%M}"), (CLAIM_COLUMNS[2], kind)):
            draw_fitted(pages.canvas, x, top - 17, under, 6.4, width, color=MUTED, min_size=5)
        for index, line in enumerate(why_lines):
            draw_text(pages.canvas, CLAIM_COLUMNS[5][0], top - 9 - index * 8, line, 6.4,
                      color=DECLINED_INK)
        pages.y = top - height
        rule(pages.canvas, MARGIN, WIDTH - MARGIN, pages.y + 2.5, dash=(0.5, 1.5))
