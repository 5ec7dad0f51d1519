"""X and Z reports as an A4 PDF: one table per shift with its documents, tenders, the
cash expected in the drawer, what was counted and the over/short (tinted red when short,
green when over), and a Z report's seal. A closed shift's Z report is saved as this PDF
in the documents folder when it closes (printing/dispatch.py)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pos.kernel.money import format_money

from .fonts import CJK_FONT, LATIN_BOLD, LATIN_FONT, text_runs
from .labels import labels_for
from .shift_receipt import account_rows, words_for


def shift_report_pdf(reports, *, locale: str = "en", store_name: str = "") -> bytes:
    words, tenders = words_for(locale), labels_for(locale)
    money = lambda amount: format_money(amount, currency="CNY", locale=locale)
    body = ParagraphStyle("body", fontName=LATIN_FONT, bulletFontName=LATIN_FONT, fontSize=9.5,
                          leading=12)
    title = ParagraphStyle("title", parent=body, fontName=LATIN_BOLD, fontSize=15, leading=19,
                           spaceBefore=8, spaceAfter=4)

    def para(text, style=body):
        bold = style.fontName == LATIN_BOLD
        return Paragraph("".join(escape(seg) if font != CJK_FONT
                                 else f'<font name="{CJK_FONT}">{escape(seg)}</font>'
                                 for font, seg in text_runs(str(text), bold)), style)

    story = [para(store_name, title)] if store_name else []
    for report in reports:
        heading = (words["z_no"].format(n=report.z_number) if report.z_number is not None
                   else words["x"])
        story.append(para(f"{heading} · {report.terminal} · {words['shift']} {report.shift_id}", title))
        rows = [(words["opened"], f"{report.opened_at.astimezone():%Y-%m-%d %H:%M}")]
        if report.closed_at is not None:
            rows.append((words["closed"], f"{report.closed_at.astimezone():%Y-%m-%d %H:%M}"))
        rows += [(words["sales"], f"{report.sales} · {money(report.sales_total)}"),
                 (words["returns"], money(report.refunds_total)),
                 (words["float"], money(report.opening_float))]
        rows += [(f"{words['tender']}: {tenders.get(tender, tender)}", money(amount))
                 for tender, amount in report.tenders.items()]
        rows += [(f"{words[key]}: {tenders.get(tender, tender)}", money(amount))
                 for key, tender, amount in account_rows(report)]
        rows += [(words["paid_in"], money(report.paid_in)), (words["paid_out"], money(report.paid_out)),
                 (words["expected"], money(report.expected_cash))]
        if report.counted_cash is not None:
            rows += [(words["counted"], money(report.counted_cash)),
                     (words["over_short"], money(report.over_short))]
        if report.anchor:
            rows.append((words["seal"], report.anchor))
        table = Table([[para(a), para(b)] for a, b in rows], colWidths=[220, 220])
        style = [("FONTNAME", (0, 0), (-1, -1), LATIN_FONT),  # not ReportLab's default
                 ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#D0D7DE")),
                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        if report.counted_cash is not None and report.over_short:  # short red, over green
            at = len(rows) - (2 if report.anchor else 1)
            tint = "#FDECEA" if report.over_short < 0 else "#E6F4EA"
            style.append(("BACKGROUND", (0, at), (-1, at), colors.HexColor(tint)))
        table.setStyle(TableStyle(style))
        story += [table, Spacer(1, 12)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, initialFontName=LATIN_FONT, title="Shift report",
                      creator="Tickbox POS").build(
        story or [para("—")])
    return buffer.getvalue()
