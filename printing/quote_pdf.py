"""The quote (报价单) as an A4 PDF for a business customer: the store's letterhead (name,
address, phone, tax id), the quote's number as a code128 barcode (the till opens it by
scanning), the customer's company and invoice details, the lines with their unit prices,
the totals with the VAT they include, the total in Chinese capitals (大写), how long the
quote stands, who made it, and lines to sign. Long quotes run on to further pages."""

from __future__ import annotations

import io

from reportlab.lib.colors import white

from pos.accounts.quotes import QuoteView
from pos.kernel.money import chinese_capitals, percent_string
from pos.printjobs.records import StoreHeader

from .fonts import draw_fitted, draw_text, wrap
from .pdf_common import (
    INK, MUTED, RULE, SCALES, barcode, day, money, new_canvas, rule, signature_line,
)

WORDS = {
    "en": {
        "title": "Quotation", "number": "Quote no.", "date": "Date",
        "valid_until": "Valid until", "staff": "Prepared by", "tax_id": "Tax ID",
        "tel": "Tel", "to": "To", "company": "Company", "address": "Address",
        "phone": "Phone", "bank": "Bank", "account": "Account", "contact": "Contact",
        "no": "#", "sku": "SKU", "item": "Item", "qty": "Qty", "unit_price": "Unit price",
        "discount": "Discount", "amount": "Amount", "vat_rate": "VAT",
        "subtotal": "Subtotal", "total": "Total", "vat_incl": "incl. VAT {rate}%",
        "capitals": "Total in words (RMB)", "validity":
            "Prices include VAT and stand until {date}. After that date a manager must "
            "approve them again. Stock is reserved only when the order is placed.",
        "note": "Note", "signed_store": "For the store", "signed_customer":
            "Accepted by the customer (signature and company stamp)",
        "page": "Page {n} of {of}", "continued": "continued on the next page",
        "state": {"cancelled": "CANCELLED", "converted": "SOLD", "expired": "EXPIRED"},
    },
    "zh_CN": {
        "title": "报价单", "number": "报价单号", "date": "日期", "valid_until": "有效期至",
        "staff": "报价人", "tax_id": "税号", "tel": "电话", "to": "致",
        "company": "单位名称", "address": "地址", "phone": "电话", "bank": "开户银行",
        "account": "银行账号", "contact": "联系人", "no": "序号", "sku": "编码",
        "item": "品名", "qty": "数量", "unit_price": "单价", "discount": "优惠",
        "amount": "金额", "vat_rate": "税率", "subtotal": "小计", "total": "合计",
        "vat_incl": "含增值税 {rate}%", "capitals": "合计金额（大写）",
        "validity": "以上价格含增值税，有效期至 {date}；逾期须经店长重新批准。下单后方为您预留库存。",
        "note": "备注", "signed_store": "报价方（签字）",
        "signed_customer": "客户确认（签字并加盖公章）",
        "page": "第 {n} 页，共 {of} 页", "continued": "接下页",
        "state": {"cancelled": "已作废", "converted": "已成交", "expired": "已过期"},
    },
}
SCALE = SCALES["A4"]
LEFT, RIGHT = SCALE.margin, SCALE.width - SCALE.margin
ROW = 15.5
NAME_LEADING = 10.5  # a long name's second line
BOTTOM = SCALE.margin + 24  # the page number sits below
# The table's columns: (key, right edge as a share of the width, align)
COLUMNS = (("no", 0.045, "right"), ("sku", 0.215, "left"), ("item", 0.50, "left"),
           ("qty", 0.55, "right"), ("unit_price", 0.675, "right"),
           ("discount", 0.79, "right"), ("amount", 0.935, "right"), ("vat_rate", 1.0, "right"))


def quote_pdf(quote: QuoteView, *, locale: str, store: StoreHeader) -> bytes:
    lang = "zh_CN" if locale.startswith("zh") else "en"
    words = WORDS[lang]
    cash = lambda amount: money(amount, currency=store.currency, locale=lang)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, width=SCALE.width, height=SCALE.height,
                        title=f"{words['title']} {quote.quote_no}")
    pages = _paginate(quote)
    for number, lines in enumerate(pages, start=1):
        top = _letterhead(canvas, quote, store, words, lang)
        if number == 1:
            top = _customer(canvas, quote, words, top)
        top = _table(canvas, quote, lines, words, cash, top)
        if number == len(pages):
            _totals(canvas, quote, words, cash, top, lang)
        else:
            draw_text(canvas, RIGHT, top - 12, words["continued"], SCALE.small, align="right",
                      color=MUTED)
        draw_text(canvas, SCALE.width / 2, SCALE.margin, words["page"].format(
            n=number, of=len(pages)), SCALE.tiny, align="centre", color=MUTED)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _paginate(quote: QuoteView) -> list[list]:
    """Lines per page, by the height they take (a long name takes more lines): the first
    page holds the customer's block, the last the totals."""
    first, middle, totals = 24 * ROW, 40 * ROW, 12 * ROW
    pages: list[list] = [[]]
    room = first - CUSTOMER_LEADING * _extra_customer_lines(quote)
    for line in quote.lines:
        height = _height(line)
        if height > room:
            pages.append([])
            room = middle
        pages[-1].append(line)
        room -= height
    if room < totals:
        pages.append([])  # the totals need room of their own
    return pages


CUSTOMER_LEADING = 13  # a line of the customer's block
CUSTOMER_WIDTH = SCALE.content_width * 0.62 - 68  # where its values go


def _detail_lines(value: str, *, bold: bool = False) -> list[str]:
    """A company, address or bank name whole, over as many lines as it takes (at most 8)."""
    return wrap(value, SCALE.body, CUSTOMER_WIDTH, bold=bold, max_lines=8)


def _extra_customer_lines(quote: QuoteView) -> int:
    """The lines the customer's wrapped details take beyond one each."""
    details = quote.invoice
    values = ((details.company or quote.customer.company or "", True),
              (details.address, False), (details.bank_name, False))
    return sum(max(0, len(_detail_lines(value, bold=bold)) - 1) for value, bold in values
               if value)


def _name_lines(line) -> list[str]:
    """A line's name in the item column: three lines at most, the rest cut."""
    left = COLUMNS[1][1]
    width = _x(COLUMNS[2][1]) - _x(left) - (18 if line.parent is not None else 10)
    return wrap(line.name, SCALE.body, width, max_lines=3) or [""]


def _height(line) -> float:
    return ROW + NAME_LEADING * (len(_name_lines(line)) - 1)


def _letterhead(canvas, quote: QuoteView, store: StoreHeader, words, lang) -> float:
    top = SCALE.height - SCALE.margin
    draw_fitted(canvas, LEFT, top - 16, store.name, 17, SCALE.content_width * 0.58, bold=True)
    y = top - 31
    for text in (store.address, f"{words['tel']} {store.phone}" if store.phone else "",
                 f"{words['tax_id']} {store.tax_id}" if store.tax_id else ""):
        if text:
            draw_fitted(canvas, LEFT, y, text, SCALE.small + 0.6, SCALE.content_width * 0.58,
                        color=MUTED)
            y -= 11
    draw_text(canvas, RIGHT, top - 16, words["title"], 19, bold=True, align="right")
    below = barcode(canvas, quote.quote_no, x=RIGHT, top=top - 24, max_width=170,
                    height=26, text_size=SCALE.small)
    stamp = words["state"].get(quote.state)
    if stamp:
        draw_text(canvas, RIGHT - 180, top - 16, stamp, 15, bold=True, align="right",
                  color=RULE)
    bottom = min(y, below) - 6
    rule(canvas, LEFT, RIGHT, bottom, color=INK, width=1.1)
    return bottom


def _customer(canvas, quote: QuoteView, words, top: float) -> float:
    """Who the quote is for (their invoice details) and the quote's own facts."""
    details = quote.invoice
    size, line = SCALE.body, 13
    left_rows = [(words["company"], details.company or quote.customer.company or ""),
                 (words["tax_id"], details.tax_id), (words["address"], details.address),
                 (words["phone"], details.phone), (words["bank"], details.bank_name),
                 (words["account"], details.bank_account),
                 (words["contact"], f"{quote.customer.name}  {quote.customer.phone}")]
    right_rows = [(words["number"], quote.quote_no),
                  (words["date"], day(quote.created_at.date(), locale=_lang(words))),
                  (words["valid_until"], day(quote.valid_until, locale=_lang(words))),
                  (words["staff"], quote.staff_name)]
    y = top - 16
    draw_text(canvas, LEFT, y, words["to"], SCALE.small, bold=True, color=MUTED)
    y -= line
    label_width, split = 58, LEFT + SCALE.content_width * 0.62
    wrapped = {words["company"], words["address"], words["bank"]}  # what a fapiao needs whole
    for label, value in left_rows:
        if not value:
            continue
        draw_fitted(canvas, LEFT, y, label, SCALE.small, label_width - 4, color=MUTED)
        width, bold = split - LEFT - label_width - 10, label == words["company"]
        if label in wrapped:
            for piece in _detail_lines(value, bold=bold):
                draw_text(canvas, LEFT + label_width, y, piece, size, bold=bold)
                y -= line
            continue
        draw_fitted(canvas, LEFT + label_width, y, value, size, width, bold=bold)
        y -= line
    ry = top - 16 - line
    for label, value in right_rows:
        draw_fitted(canvas, split, ry, label, SCALE.small, 62, color=MUTED)
        draw_fitted(canvas, split + 66, ry, value, size, RIGHT - split - 66)
        ry -= line
    return min(y, ry) - 4


def _lang(words) -> str:
    return "zh_CN" if words is WORDS["zh_CN"] else "en"


def _x(share: float) -> float:
    return LEFT + SCALE.content_width * share


def _table(canvas, quote: QuoteView, lines, words, cash, top: float) -> float:
    y = top - ROW
    canvas.saveState()
    canvas.setFillColor(INK)
    canvas.rect(LEFT, y - 4.5, SCALE.content_width, ROW, stroke=0, fill=1)
    canvas.restoreState()
    edges = [0.0] + [right for _key, right, _align in COLUMNS]
    for (key, right, align), left in zip(COLUMNS, edges):
        x = _x(right) - 3 if align == "right" else _x(left) + 4
        draw_text(canvas, x, y, words[key], SCALE.small, bold=True, align=align,
                  color=white)
    for line in lines:
        y -= ROW
        child = line.parent is not None
        values = {"no": str(line.position), "sku": line.sku,
                  "item": ("  " if child else "") + line.name, "qty": str(line.quantity),
                  "unit_price": cash(line.unit_price),
                  "discount": cash(-line.discount) if line.discount else "",
                  "amount": cash(line.line_total),
                  "vat_rate": percent_string(line.vat_rate_bp) + "%"}
        for (key, right, align), left in zip(COLUMNS, edges):
            width = (_x(right) - _x(left)) - 6
            x = _x(right) - 3 if align == "right" else _x(left) + (12 if key == "item"
                                                                     and child else 4)
            if key == "item":
                for index, text in enumerate(_name_lines(line)):
                    draw_text(canvas, x, y - index * NAME_LEADING, text, SCALE.body)
                continue
            draw_fitted(canvas, x, y, values[key], SCALE.body, width, align=align,
                        min_size=SCALE.tiny)
        y -= _height(line) - ROW
        rule(canvas, LEFT, RIGHT, y - 5)
    return y - 5


def _totals(canvas, quote: QuoteView, words, cash, top: float, lang: str) -> None:
    label_x, value_x = _x(0.74), RIGHT - 3
    y = top - 16
    rows = []
    if quote.discount_total:
        rows += [(words["subtotal"], cash(quote.gross), False),
                 (words["discount"], cash(-quote.discount_total), False)]
    rows.append((words["total"], cash(quote.total), True))
    for label, value, bold in rows:
        draw_text(canvas, label_x, y, label, SCALE.body + (2 if bold else 0), bold=bold,
                  align="right")
        draw_text(canvas, value_x, y, value, SCALE.body + (2 if bold else 0), bold=bold,
                  align="right")
        y -= 15
    for vat in quote.vat:
        if vat.vat:
            draw_text(canvas, label_x, y, words["vat_incl"].format(rate=percent_string(
                vat.rate_bp)), SCALE.small, align="right", color=MUTED)
            draw_text(canvas, value_x, y, cash(vat.vat), SCALE.small, align="right",
                      color=MUTED)
            y -= 12
    y -= 6
    canvas.saveState()
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.8)
    canvas.rect(LEFT, y - 8, SCALE.content_width, 22, stroke=1, fill=0)
    canvas.restoreState()
    draw_text(canvas, LEFT + 6, y, words["capitals"], SCALE.body, bold=True)
    draw_fitted(canvas, LEFT + 150, y, chinese_capitals(quote.total), SCALE.body + 1.5,
                SCALE.content_width - 156, bold=True)
    y -= 30
    text = words["validity"].format(date=day(quote.valid_until, locale=lang))
    for piece in wrap(text, SCALE.small + 0.5, SCALE.content_width):
        draw_text(canvas, LEFT, y, piece, SCALE.small + 0.5, color=MUTED)
        y -= 11
    if quote.note:
        y -= 4
        for piece in wrap(f"{words['note']}: {quote.note}", SCALE.body, SCALE.content_width,
                          max_lines=3):
            draw_text(canvas, LEFT, y, piece, SCALE.body)
            y -= 12
    y = max(BOTTOM + 20, min(y - 40, BOTTOM + 60))
    half = SCALE.content_width / 2 - 20
    signature_line(canvas, LEFT, y, half, words["signed_store"], SCALE.small,
                   name=quote.staff_name)
    signature_line(canvas, RIGHT - half, y, half, words["signed_customer"], SCALE.small)
