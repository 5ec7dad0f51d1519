"""The pre-order deposit slip (预订单): one A5 landscape page handed to the customer when
a deposit is taken (预订有礼). It shows the pre-order number large and as a code128
barcode (the till scans it to spend the deposit), the customer, the product and
quantity, a promised price, the deposit and how it was paid, the promised gift, the
terms, and lines for the customer's and the staff member's signatures. A pre-order that
was completed or cancelled prints so across the number (a reprint is never a voucher)."""

from __future__ import annotations

import io

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A5, landscape

from pos.printjobs.records import StoreHeader

from .fonts import draw_fitted, draw_text, text_width, wrap
from .pdf_common import (
    INK,
    MUTED,
    barcode,
    local_time,
    money,
    new_canvas,
    rule,
    signature_line,
    with_alpha,
)
from .pdf_labels import language

WIDTH, HEIGHT = landscape(A5)
FRAME, MARGIN = 14, 34
ACCENT = HexColor("#B0452A")  # a launch's red
STAMP = HexColor("#9E1B1B")

LABELS = {
    "en": {
        "title": "Pre-order deposit slip", "gift_banner": "Pre-order gift: {gift}",
        "customer": "Customer", "phone": "Phone", "product": "Product", "sku": "SKU",
        "quantity": "Quantity", "price": "Promised price", "price_day": "the price on the day",
        "deposit": "Deposit", "paid_by": "Paid by", "taken": "Taken on", "staff": "Staff",
        "gift": "Promised gift", "no_gift": "none", "number": "Pre-order number",
        "document": "Deposit document {doc}", "issued_by": "Issued by",
        "terms_title": "Terms",
        "terms": [
            ("Keep this slip: bring it (or its number) when we call to say the product has "
             "arrived. The deposit is taken off the price at the till, whole."),
            "The promised gift is handed over with the product when the sale is completed.",
            "Pre-orders are served in the order they were taken, as stock arrives.",
            ("If you cancel before collecting, a store manager pays the deposit back in full, "
             "in cash or the way it was paid."),
        ],
        "customer_sign": "Customer", "staff_sign": "For the store",
        "completed": "COMPLETED", "cancelled": "CANCELLED",
        "cash": "Cash", "bank_card": "Bank card", "wechat": "WeChat Pay", "alipay": "Alipay",
        "transfer": "Bank transfer",
    },
    "zh_CN": {
        "title": "预订定金单", "gift_banner": "预订有礼：{gift}",
        "customer": "客户", "phone": "电话", "product": "商品", "sku": "货号",
        "quantity": "数量", "price": "承诺价格", "price_day": "以到货当日价格为准",
        "deposit": "定金", "paid_by": "付款方式", "taken": "收取日期", "staff": "经办人",
        "gift": "承诺赠品", "no_gift": "无", "number": "预订单号",
        "document": "定金单据 {doc}", "issued_by": "开具门店",
        "terms_title": "预订须知",
        "terms": [
            "请妥善保管本单，到货通知后凭本单（或单号）到店提货，定金在结账时全额抵扣货款。",
            "承诺赠品于提货完成销售时一并交付。",
            "到货后按预订先后顺序供货。",
            "提货前取消预订的，由店长全额退还定金，以现金或原付款方式退回。",
        ],
        "customer_sign": "客户签字", "staff_sign": "门店签章",
        "completed": "已提货", "cancelled": "已取消",
        "cash": "现金", "bank_card": "银行卡", "wechat": "微信支付", "alipay": "支付宝",
        "transfer": "银行转账",
    },
}


def preorder_slip_pdf(preorder, *, store: StoreHeader, locale: str | None = None) -> bytes:
    """The slip of one pre-order (pos.accounts.preorders.PreorderView), in the store's
    language unless told."""
    lang = language(locale or store.locale)
    words = LABELS[lang]
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, width=WIDTH, height=HEIGHT,
                        title=f"{words['title']} {preorder.preorder_no}")
    _frame(canvas)
    _title(canvas, store, preorder, words)
    _details(canvas, preorder, words, lang, store.currency)
    _number(canvas, preorder, words)
    _issuer(canvas, store, words)
    _terms(canvas, words)
    signature_line(canvas, MARGIN + 6, 52, 150, words["customer_sign"], 7, ink=INK)
    signature_line(canvas, MARGIN + 186, 52, 150, words["staff_sign"], 7,
                   name=preorder.created_by or None, ink=INK)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _frame(canvas) -> None:
    canvas.saveState()
    canvas.setFillColor(with_alpha(ACCENT, 0.04))
    canvas.rect(FRAME, FRAME, WIDTH - 2 * FRAME, HEIGHT - 2 * FRAME, stroke=0, fill=1)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.6)
    canvas.rect(FRAME, FRAME, WIDTH - 2 * FRAME, HEIGHT - 2 * FRAME, stroke=1, fill=0)
    canvas.restoreState()


def _title(canvas, store: StoreHeader, preorder, words) -> None:
    centre, top = WIDTH / 2, HEIGHT - MARGIN
    draw_fitted(canvas, centre, top - 9, store.name, 9.5, WIDTH - 2 * MARGIN, bold=True,
                align="centre", color=MUTED)
    draw_fitted(canvas, centre, top - 32, words["title"], 20, WIDTH - 2 * MARGIN, bold=True,
                align="centre", color=ACCENT)
    if preorder.gift:
        draw_fitted(canvas, centre, top - 50, words["gift_banner"].format(gift=preorder.gift),
                    11, WIDTH - 2 * MARGIN, bold=True, align="centre", color=INK, min_size=8)
    rule(canvas, MARGIN + 60, WIDTH - MARGIN - 60, top - 58, color=ACCENT, width=0.8)


def _details(canvas, p, words, lang: str, currency: str) -> None:
    def cash(amount):
        return money(amount, currency=currency, locale=lang)

    tender = words.get(p.deposit_tender.value, p.deposit_tender.value) if p.deposit_tender \
        else ""
    taken = local_time(p.created_at).strftime("%Y-%m-%d %H:%M")
    pairs = [
        ((words["customer"], p.customer.name), (words["phone"], p.customer.phone)),
        ((words["product"], p.product_name), None),
        ((words["sku"], p.sku), (words["quantity"], str(p.quantity))),
        ((words["deposit"], cash(p.deposit)),
         (words["price"], cash(p.price) if p.price is not None else words["price_day"])),
        ((words["paid_by"], tender), (words["taken"], taken)),
        ((words["gift"], p.gift or words["no_gift"]), None),
    ]
    left, width, top = MARGIN + 6, 300.0, HEIGHT - MARGIN - 66
    for first, second in pairs:
        if first[0] == words["gift"]:
            _gift(canvas, left, top, width, *first)
        elif second is None:
            _pair(canvas, left, top, width, *first)
        else:
            _pair(canvas, left, top, width / 2 - 6, *first)
            _pair(canvas, left + width / 2 + 6, top, width / 2 - 6, *second)
        top -= 24


def _pair(canvas, x: float, top: float, width: float, label: str, value: str) -> None:
    draw_text(canvas, x, top - 6.5, label, 6.5, color=MUTED)
    draw_fitted(canvas, x, top - 18, value, 10, width, color=INK, min_size=7)
    rule(canvas, x, x + width, top - 21.5, dash=(1, 1.5))


def _gift(canvas, x: float, top: float, width: float, label: str, value: str) -> None:
    """The gift promised: the customer keeps this slip, so it prints whole, over up to
    seven smaller lines when it does not fit on one (the terms start below them)."""
    if text_width(value, 7) <= width:
        _pair(canvas, x, top, width, label, value)
        return
    draw_text(canvas, x, top - 6.5, label, 6.5, color=MUTED)
    lines = wrap(value, 7.5, width, max_lines=7)
    for index, piece in enumerate(lines):
        draw_text(canvas, x, top - 16 - index * 8.5, piece, 7.5, color=INK)
    rule(canvas, x, x + width, top - 19.5 - (len(lines) - 1) * 8.5, dash=(1, 1.5))


RIGHT_CENTRE = WIDTH - MARGIN - 106


def _number(canvas, p, words) -> None:
    width, top = 200.0, HEIGHT - MARGIN - 66
    draw_text(canvas, RIGHT_CENTRE, top - 6.5, words["number"], 6.5, align="centre",
              color=MUTED)
    draw_fitted(canvas, RIGHT_CENTRE, top - 28, p.preorder_no, 19, width, bold=True,
                align="centre", color=ACCENT)
    bottom = barcode(canvas, p.preorder_no, x=RIGHT_CENTRE, top=top - 36,
                     max_width=width * 0.85, height=28, text_size=7, align="centre")
    if p.deposit_doc_no:
        draw_text(canvas, RIGHT_CENTRE, bottom - 10, words["document"].format(
            doc=p.deposit_doc_no), 6.5, align="centre", color=MUTED)
    if p.state.value in ("completed", "cancelled"):
        canvas.saveState()
        canvas.translate(RIGHT_CENTRE, bottom - 40)  # under the number, clear of the bars
        canvas.rotate(6)
        canvas.setStrokeColor(STAMP)
        canvas.setFillColor(with_alpha(STAMP, 0.06))
        canvas.setLineWidth(1.4)
        canvas.roundRect(-70, -14, 140, 28, 4, stroke=1, fill=1)
        draw_fitted(canvas, 0, -6, words[p.state.value], 16, 130, bold=True, align="centre",
                    color=STAMP)
        canvas.restoreState()


def _issuer(canvas, store: StoreHeader, words) -> None:
    width, top = 200.0, 150.0
    draw_text(canvas, RIGHT_CENTRE, top, words["issued_by"], 6.5, align="centre", color=MUTED)
    draw_fitted(canvas, RIGHT_CENTRE, top - 11, store.name, 8.5, width, bold=True,
                align="centre")
    lines = wrap(store.address, 6.5, width, max_lines=2) + [store.phone]
    for index, line in enumerate(lines):
        draw_text(canvas, RIGHT_CENTRE, top - 21 - index * 8, line, 6.5, align="centre")


def _terms(canvas, words) -> None:
    left, width, top = MARGIN + 6, 330.0, 118.0
    draw_text(canvas, left, top, words["terms_title"], 7.5, bold=True, color=INK)
    size, leading = 6.0, 7.4
    lines = [line for index, clause in enumerate(words["terms"], start=1)
             for line in wrap(f"{index}. {clause}", size, width)]
    for index, line in enumerate(lines[:7]):
        draw_text(canvas, left, top - 10 - index * leading, line, size, color=INK)
