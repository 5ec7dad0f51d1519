"""The day's (or a period's) report as an A4 PDF: header with the scope and dates, summary
(documents, net, tenders, VAT), sales by category and price role with margin, the selling
KPIs, three charts drawn with ReportLab's graphics package (attach rate by staff,
service-card take-up by tier, every sheet item's sold / declined / not offered as a
stacked bar, with the full table), figures per salesperson, lines sold without profit,
installers' add-ons and commissions; and the month's commission statement.

Owns the layout and the English / Simplified Chinese labels of that document only; the
figures come from `pos.day.reports.DayReport`. Money stays in integer minor units and is
formatted for people here; charts plot yuan and percentages for display only.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle,
)

from pos.day.commissions import CommissionStatement
from pos.day.reports import DayReport, Rate

from .fonts import CJK_FONT, LATIN_BOLD, LATIN_FONT, draw_text, font_for, text_runs, truncate
from .pdf_common import INK, MUTED, RULE, day as format_day, money as format_amount
from .report_accounts import account_section
from .report_departments import department_section
from .report_labels import LABELS

MARGIN = 36
WIDTH = A4[0] - 2 * MARGIN
SOLD, DECLINED, NOT_OFFERED = (colors.HexColor(c) for c in ("#2E7D4F", "#C9A227", "#B23A3A"))
BAR = colors.HexColor("#3B6EA5")
HEAD_BG = colors.HexColor("#ECEFF3")
ITEMS_PER_CHART = 32  # a stacked bar chart per this many sheet items (one page each)

DOC_ORDER = ("sale", "addon", "refund", "void")


def report_pdf(report: DayReport, *, locale: str = "en", store_name: str = "") -> bytes:
    """The day's report as A4 PDF bytes, labelled in English or Simplified Chinese."""
    page = _Page(locale=locale, store_name=store_name, report=report)
    return page.build()


class _Page:
    def __init__(self, *, locale: str, store_name: str, report: DayReport) -> None:
        self.locale = locale
        self.zh = locale.lower().startswith("zh")
        self.store_name = store_name
        self.report = report
        self.body = ParagraphStyle("body", fontName=LATIN_FONT, bulletFontName=LATIN_FONT,
                                   fontSize=8.5, leading=10.5, textColor=INK)
        self.right = ParagraphStyle("right", parent=self.body, alignment=TA_RIGHT)
        self.head = ParagraphStyle("head", parent=self.body, fontName=LATIN_BOLD)
        self.head_right = ParagraphStyle("head_right", parent=self.head, alignment=TA_RIGHT)
        self.h2 = ParagraphStyle("h2", parent=self.head, fontSize=11.5, leading=14,
                                 spaceBefore=10, spaceAfter=4)
        self.title = ParagraphStyle("title", parent=self.head, fontSize=18, leading=22)
        self.sub = ParagraphStyle("sub", parent=self.body, fontSize=9.5, leading=12,
                                  textColor=MUTED)

    # ------------------------------------------------------------------ text

    def t(self, key: str) -> str:
        pair = LABELS.get(key)
        return key if pair is None else pair[1 if self.zh else 0]

    def money(self, amount: int) -> str:
        return format_amount(amount, currency="CNY", locale=self.locale)

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph whose Latin runs use the style's Latin font and others the Chinese font."""
        style = style or self.body
        bold = style.fontName == LATIN_BOLD
        parts = [escape(seg) if font != CJK_FONT else f'<font name="{CJK_FONT}">{escape(seg)}</font>'
                 for font, seg in text_runs(str(text), bold)]
        return Paragraph("".join(parts), style)

    def heading(self, key: str) -> Paragraph:
        return self.para(self.t(key), self.h2)

    # ------------------------------------------------------------------ building

    def title_text(self) -> str:
        return self.t("title" if self.report.is_day else "period_title")

    def when(self) -> str:
        r = self.report
        first = format_day(r.start, locale=self.locale)
        return first if r.is_day else f"{first} – {format_day(r.end, locale=self.locale)}"

    def build(self) -> bytes:
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(buffer, pagesize=A4, initialFontName=LATIN_FONT,
                                leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + 12,
                                title=f"{self.title_text()} {self.when()}", creator="Tickbox POS")
        story = self.header() + self.summary() + account_section(self) + self.groups() + self.kpis()
        story += self.rate_chart("attach", self.report.attach_by_staff)
        story += self.rate_chart("cards", self.report.cards_by_tier)
        story += self.items_chart() + self.items_table() + self.by_staff()
        story += self.without_profit() + self.addons() + department_section(self)
        story += self.commissions()
        doc.build(story, onFirstPage=self.footer, onLaterPages=self.footer)
        return buffer.getvalue()

    def footer(self, canvas, doc) -> None:
        number = canvas.getPageNumber()
        label = f"第 {number} 页" if self.zh else f"Page {number}"
        left = f"{self.store_name}  {self.title_text()} {self.when()}  {self.scope_text()}"
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, MARGIN, A4[0] - MARGIN, MARGIN)
        draw_text(canvas, MARGIN, MARGIN - 11, left.strip(), 7.5, color=MUTED)
        draw_text(canvas, A4[0] - MARGIN, MARGIN - 11, label, 7.5, align="right", color=MUTED)

    def scope_text(self) -> str:
        return scope_text(self, self.report.scope, self.report.scope_kind)

    def header(self) -> list:
        story = []
        if self.store_name:
            story.append(self.para(self.store_name, ParagraphStyle("store", parent=self.head,
                                                                   fontSize=12, leading=15)))
        story.append(self.para(self.title_text(), self.title))
        label = self.t("date" if self.report.is_day else "period")
        story.append(self.para(f"{label}: {self.when()}  ·  {self.t('scope')}: "
                               f"{self.scope_text()}", self.sub))
        return story + [Spacer(1, 6)]

    def table(self, header: list[str], rows: list[list], widths: list[float], *,
              bold_last: bool = False) -> Table:
        """Text columns have positive widths; figure columns (right-aligned) negative ones."""
        first_figure = next((i for i, w in enumerate(widths) if w < 0), len(widths))
        sizes = [abs(w) for w in widths]
        cells = [[self.para(h, self.head_right if i >= first_figure else self.head)
                  for i, h in enumerate(header)]]
        for row in rows:
            cells.append([self.para(v, self.right if i >= first_figure else self.body)
                          for i, v in enumerate(row)])
        style = [("FONTNAME", (0, 0), (-1, -1), LATIN_FONT),  # not ReportLab's default
                 ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                 ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
                 ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#D5D9DE")),
                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                 ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
        if bold_last:
            style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, INK))
        table = Table(cells, colWidths=sizes, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(style))
        return table

    # ------------------------------------------------------------------ sections

    def summary(self) -> list:
        r = self.report
        docs = [[self.t(kind), str(r.documents[kind][0]), self.money(r.documents[kind][1])]
                for kind in sorted(r.documents, key=lambda k: (DOC_ORDER + (k,)).index(k))]
        docs.append([self.t("net"), "", self.money(r.net)])
        left = self.table([self.t("documents"), self.t("count"), self.t("total")], docs,
                          [62, -38, -76], bold_last=True)
        tenders = [[self.t(k), self.money(v)] for k, v in r.tenders.items()] or [[self.t("none"), ""]]
        middle = self.table([self.t("tenders"), self.t("total")], tenders, [68, -76])
        vat = [[f"{rate / 100:g}%", self.money(gross), self.money(tax)] for rate, gross, tax in r.vat]
        right = self.table([self.t("rate"), self.t("gross"), self.t("vat")], vat or [["", "", ""]],
                           [32, -76, -70])
        gap = (WIDTH - 176 - 144 - 178) / 2
        row = Table([[left, middle, right]], colWidths=[176 + gap, 144 + gap, 178], hAlign="LEFT")
        row.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), LATIN_FONT),
                                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [self.heading("summary"), row]

    def groups(self) -> list:
        story = []
        for key, groups in (("by_category", self.report.by_category),
                            ("by_role", self.report.by_role)):
            rows = [[self.t(g.key if key == "by_category" or g.key != "none" else "none_role"),
                     str(g.quantity), self.money(g.revenue), self.money(g.margin),
                     f"{g.margin * 100 / g.revenue:.1f}%" if g.revenue else "–"] for g in groups]
            header = [self.t("category" if key == "by_category" else "role_col"), self.t("qty"), self.t("revenue"), self.t("margin"),
                      self.t("margin_pct")]
            story.append(self.heading(key))
            story.append(self.table(header, rows, [WIDTH - 330, -50, -100, -100, -80])
                         if rows else self.para(self.t("none")))
        return story

    def _category_labels(self, chart, names: list[str], max_width: float, size: float) -> list[str]:
        """Names cut to fit; each label in the Latin font unless it needs the Chinese font."""
        chart.categoryAxis.labels.fontSize = size
        chart.categoryAxis.labels.fillColor = INK
        for index, name in enumerate(names):
            chart.categoryAxis.labels[index].fontName = font_for(name)
        return [truncate(n, size, max_width) for n in names]

    def rate_chart(self, key: str, rates: list[Rate]) -> list:
        title = self.heading(key)
        if not rates:
            return [CondPageBreak(60), title, self.para(self.t("none"))]
        height = 150
        drawing = Drawing(WIDTH, height)
        chart = VerticalBarChart()
        chart.x, chart.y, chart.width, chart.height = 40, 36, WIDTH - 60, height - 52
        values = [r.rate_bp / 100 for r in rates]
        chart.data = [values]
        slot = chart.width / len(rates)
        chart.categoryAxis.categoryNames = self._category_labels(
            chart, [r.key for r in rates], slot - 6, 8)
        chart.categoryAxis.labels.dy = -4
        chart.barWidth = 10
        chart.groupSpacing = max(4, slot * 0.5) if len(rates) < 4 else 6
        top = max(100.0, max(values))
        step = 25 if top <= 150 else 50 if top <= 300 else 100
        chart.valueAxis.valueMin, chart.valueAxis.valueStep = 0, step
        chart.valueAxis.valueMax = (int(top * 1.15) // step + 1) * step
        chart.valueAxis.labelTextFormat = "%d%%"
        chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = LATIN_FONT, 7.5
        chart.valueAxis.visibleGrid = 1
        chart.valueAxis.gridStrokeColor = colors.HexColor("#E1E4E8")
        chart.bars[0].fillColor, chart.bars[0].strokeColor = BAR, None
        chart.barLabelFormat = lambda v: f"{v:.0f}%" if v == int(v) else f"{v:.1f}%"
        chart.barLabels.nudge, chart.barLabels.fontName, chart.barLabels.fontSize = 6, LATIN_FONT, 7.5
        drawing.add(chart)
        counts = f"{self.t(key + '_note')}:  " + "   ".join(
            f"{r.key} {r.count}/{r.base}" for r in rates)
        return [CondPageBreak(height + 60), title, drawing, self.para(counts, self.sub)]

    def items_chart(self) -> list:
        """Every sheet item as a stacked bar, a chart per ITEMS_PER_CHART items."""
        items = self.report.items
        if not items:
            return [CondPageBreak(60), self.heading("items"), self.para(self.t("none"))]
        story = []
        for first in range(0, len(items), ITEMS_PER_CHART):
            story += self._items_chart(self.heading("items") if first == 0 else Spacer(1, 4),
                                       items[first:first + ITEMS_PER_CHART])
        return story

    def _items_chart(self, title, items) -> list:
        row = 17
        label_room = 150
        height = len(items) * row + 56
        drawing = Drawing(WIDTH, height)
        chart = HorizontalBarChart()
        chart.x, chart.y = label_room + 6, 30
        chart.width, chart.height = WIDTH - label_room - 20, len(items) * row
        chart.data = [[i.sold for i in items], [i.declined for i in items],
                      [i.not_offered for i in items]]
        chart.categoryAxis.style = "stacked"
        chart.categoryAxis.reverseDirection = 1
        chart.categoryAxis.categoryNames = self._category_labels(
            chart, [i.name or i.code for i in items], label_room - 6, 8)
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
        chart.barWidth = row * 0.7
        chart.groupSpacing = row * 0.3
        most = max(i.sold + i.declined + i.not_offered for i in items)
        step = max(1, -(-most // 8))
        chart.valueAxis.valueMin, chart.valueAxis.valueStep = 0, step
        chart.valueAxis.valueMax = -(-most // step) * step
        chart.valueAxis.labelTextFormat = "%d"
        chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = LATIN_FONT, 7.5
        chart.valueAxis.visibleGrid = 1
        chart.valueAxis.gridStrokeColor = colors.HexColor("#E1E4E8")
        for index, color in enumerate((SOLD, DECLINED, NOT_OFFERED)):
            chart.bars[index].fillColor, chart.bars[index].strokeColor = color, colors.white
        drawing.add(chart)
        legend = Legend()
        names = [self.t(k) for k in ("sold", "declined", "not_offered")]
        legend.colorNamePairs = list(zip((SOLD, DECLINED, NOT_OFFERED), names))
        legend.fontName, legend.fontSize = font_for("".join(names)), 8
        legend.alignment, legend.columnMaximum = "right", 1
        legend.x, legend.y = chart.x, height - 6
        legend.dx, legend.dy, legend.deltax = 8, 8, 70
        legend.boxAnchor = "nw"
        drawing.add(legend)
        return [CondPageBreak(height + 30), KeepTogether([title, drawing])]

    def without_profit(self) -> list:
        rows = [[sku, name, self.money(revenue), self.money(margin)]
                for sku, name, revenue, margin in self.report.without_profit]
        header = [self.t("sku"), self.t("name"), self.t("revenue"), self.t("margin")]
        return [self.heading("without_profit"),
                self.table(header, rows, [110, WIDTH - 310, -100, -100]) if rows
                else self.para(self.t("none"))]

    def addons(self) -> list:
        rows = [[name, str(count), self.money(total)]
                for name, count, total in self.report.addons_by_staff]
        header = [self.t("installer"), self.t("count"), self.t("total")]
        return [self.heading("addons"),
                self.table(header, rows, [WIDTH - 200, -70, -130]) if rows
                else self.para(self.t("none"))]

    def items_table(self) -> list:
        items = self.report.items
        if not items:
            return []
        rows = [[i.name or i.code, str(i.sold), str(i.declined), str(i.not_offered),
                 f"{i.sold * 100 // i.units}%" if i.units else "–"] for i in items]
        header = [self.t("item"), self.t("sold"), self.t("declined"), self.t("not_offered"), "%"]
        return [CondPageBreak(80), self.heading("items_table"),
                self.table(header, rows, [WIDTH - 260, -60, -60, -80, -60])]

    def kpis(self) -> list:
        k = self.report.kpis
        rows = [[self.t("units"), "", str(k.units), ""],
                [self.t("attach_rate"), self.t("attach_def"), f"{k.attach.count}/{k.attach.base}",
                 f"{k.attach.rate_bp / 100:g}%"],
                [self.t("items_per_unit"), self.t("items_def"),
                 f"{k.items_per_unit.count}/{k.items_per_unit.base}",
                 f"{k.items_per_unit.per_unit_x100 / 100:.2f}"],
                [self.t("any_card"), self.t("card_def"), f"{k.any_card.count}/{k.any_card.base}",
                 f"{k.any_card.rate_bp / 100:g}%"]]
        return [self.heading("kpis"),
                self.table(["", "", self.t("count"), ""], rows, [120, WIDTH - 270, -80, -70])]

    def by_staff(self) -> list:
        rows = [[s.name, str(s.units), str(s.attached), str(s.items_sold),
                 f"{s.carded}/{s.card_eligible}", self.money(s.sales)] for s in self.report.by_staff]
        header = [self.t("staff"), self.t("units"), self.t("attached"), self.t("items_sold"),
                  self.t("cards_col"), self.t("sales")]
        return [CondPageBreak(80), self.heading("by_staff"),
                self.table(header, rows, [WIDTH - 390, -60, -70, -60, -70, -130]) if rows
                else self.para(self.t("none"))]

    def commissions(self) -> list:
        statement = self.report.commissions
        if statement is None:
            return []
        key = "commissions" if statement.start == self.report.start else "commissions_mtd"
        return [CondPageBreak(80), self.heading(key)] + commission_table(self, statement)


def commission_table(page: _Page, statement: CommissionStatement) -> list:
    t, money = page.t, page.money
    rows = [[p.staff, t(p.scheme_name) if p.scheme_name else t("no_scheme"), money(p.sales), money(p.reversals),
             money(p.basis), f"{p.step} · {p.rate_bp / 100:g}%", money(p.amount)]
            for p in statement.people]
    if not rows:
        return [page.para(t("none"))]
    rows.append([t("sum"), "", "", "", "", "", money(statement.total)])
    header = [t("staff"), t("scheme"), t("sold_basis"), t("returns"), t("basis"), t("step"),
              t("amount")]
    table = page.table(header, rows, [WIDTH - 440, 100, -75, -70, -75, -50, -70], bold_last=True)
    note = (f"{t('net_sales')}: {money(statement.net_sales)}  ·  "
            f"{t('unattributed')}: {money(statement.unattributed)}")
    return [table, Spacer(1, 4), page.para(note, page.sub)]


def scope_text(page: _Page, code: str, kind: str) -> str:
    """"Store S01", "Till T02", "All stores" in the page's language."""
    return page.t(code) if kind == "all" else f"{page.t(kind + '_scope')} {code}"


def commission_pdf(statement: CommissionStatement, *, locale: str = "en",
                   store_name: str = "") -> bytes:
    """A month's commission statement as A4 PDF bytes (English or Simplified Chinese)."""
    page = _Page(locale=locale, store_name=store_name, report=None)
    buffer = io.BytesIO()
    first = format_day(statement.start, locale=locale)
    when = f"{first} – {format_day(statement.end, locale=locale)}"
    doc = SimpleDocTemplate(buffer, pagesize=A4, initialFontName=LATIN_FONT,
                            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + 12,
                            title=f"{page.t('commission_title')} {when}", creator="Tickbox POS")
    story = []
    if store_name:
        story.append(page.para(store_name, ParagraphStyle("store", parent=page.head,
                                                          fontSize=12, leading=15)))
    story.append(page.para(page.t("commission_title"), page.title))
    story.append(page.para(f"{page.t('period')}: {when}  ·  {page.t('scope')}: "
                           f"{scope_text(page, statement.scope, statement.scope_kind)}", page.sub))
    story.append(Spacer(1, 8))
    story += commission_table(page, statement)
    doc.build(story)
    return buffer.getvalue()
