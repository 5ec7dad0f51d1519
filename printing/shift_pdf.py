"""X and Z reports as an A4 PDF: one table per shift with its documents, tenders, the
cash expected in the drawer, what was counted and the over/short."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pos.kernel.money import format_money

from .fonts import CJK_FONT, LATIN_BOLD, LATIN_FONT, text_runs

WORDS = {
    "en": {"x": "X report", "z": "Z report", "shift": "Shift", "opened": "Opened",
           "sales": "Sales", "returns": "Returns and voids", "float": "Opening float",
           "paid_in": "Paid in", "paid_out": "Paid out", "expected": "Expected cash",
           "counted": "Counted cash", "over_short": "Over / short", "tender": "Tenders"},
    "zh_CN": {"x": "X 报表（当班）", "z": "Z 报表（交班）", "shift": "班次", "opened": "开班时间",
              "sales": "销售", "returns": "退货及作废", "float": "备用金",
              "paid_in": "收入现金", "paid_out": "支出现金", "expected": "钱箱应有",
              "counted": "实点现金", "over_short": "长短款", "tender": "收款方式"},
}


def shift_report_pdf(reports, *, locale: str = "en", store_name: str = "") -> bytes:
    words = WORDS["zh_CN" if locale.startswith("zh") else "en"]
    money = lambda amount: format_money(amount, currency="CNY", locale=locale)  # noqa: E731
    body = ParagraphStyle("body", fontName=LATIN_FONT, fontSize=9.5, leading=12)
    title = ParagraphStyle("title", parent=body, fontName=LATIN_BOLD, fontSize=15, leading=19,
                           spaceBefore=8, spaceAfter=4)

    def para(text, style=body):
        bold = style.fontName == LATIN_BOLD
        return Paragraph("".join(escape(seg) if font != CJK_FONT
                                 else f'<font name="{CJK_FONT}">{escape(seg)}</font>'
                                 for font, seg in text_runs(str(text), bold)), style)

    story = [para(store_name, title)] if store_name else []
    for report in reports:
        kind = "z" if report.z_number is not None else "x"
        heading = words[kind] + (f" {report.z_number}" if report.z_number else "")
        story.append(para(f"{heading} · {report.terminal} · {words['shift']} {report.shift_id}", title))
        rows = [(words["opened"], f"{report.opened_at.astimezone():%Y-%m-%d %H:%M}"),
                (words["sales"], f"{report.sales} · {money(report.sales_total)}"),
                (words["returns"], money(report.refunds_total)),
                (words["float"], money(report.opening_float))]
        rows += [(f"{words['tender']}: {tender}", money(amount))
                 for tender, amount in report.tenders.items()]
        rows += [(words["paid_in"], money(report.paid_in)), (words["paid_out"], money(report.paid_out)),
                 (words["expected"], money(report.expected_cash))]
        if report.counted_cash is not None:
            rows += [(words["counted"], money(report.counted_cash)),
                     (words["over_short"], money(report.over_short))]
        table = Table([[para(a), para(b)] for a, b in rows], colWidths=[220, 220])
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#D0D7DE")),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        story += [table, Spacer(1, 12)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title="Shift report", creator="Tickbox POS").build(
        story or [para("—")])
    return buffer.getvalue()
