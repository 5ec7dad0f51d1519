"""The stock reports (pos.stock.reports) as A4 PDFs, in English or Simplified Chinese:
stock at cost per store and category, a period's movements (landscape: one line per
movement with its document), aged stock (landscape) and sell-through.

Owns the layout and labels of these documents only; the figures come from the records.
Every cell, heading and footer names the shipped fonts (printing.fonts), which are
embedded; money stays in minor units until formatted here for people. The names of
document kinds and reasons are the message catalog's (stock.kind.*, stock.reason.*).
"""

from __future__ import annotations

import io
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pos.kernel.messages import msg, render
from pos.kernel.translations import load_translations
from pos.stock.report_records import AgedStock, Movements, SellThrough, StockValue

from .fonts import CJK_FONT, LATIN_BOLD, LATIN_FONT, draw_text, register_fonts, text_runs
from .pdf_common import INK, MUTED, RULE, day as format_day, local_time, money as format_money

MARGIN = 36
HEAD_BG = colors.HexColor("#ECEFF3")

LABELS = {
    "stock_value": ("Stock at cost", "库存成本"),
    "movements": ("Stock movements", "库存变动"),
    "aged": ("Aged stock", "库龄报表"),
    "sell_through": ("Sell-through", "售罄率"),
    "as_of": ("As of", "截至"), "period": ("Period", "时段"), "scope": ("Scope", "范围"),
    "all": ("All stores", "全部门店"), "store_scope": ("Store", "门店"),
    "store": ("Store", "门店"), "category": ("Category", "品类"), "units": ("Units", "数量"),
    "value": ("Value at cost", "成本金额"), "total": ("Total", "合计"),
    "all_by_category": ("All stores by category", "全部门店（按品类）"),
    "by_store": ("Per store", "按门店"),
    "time": ("Time", "时间"), "document": ("Document", "单据"), "kind": ("Kind", "类型"),
    "sku": ("SKU", "货号"), "name": ("Name", "名称"), "qty": ("Qty", "数量"),
    "serial": ("Serial", "序列号"), "reason": ("Reason", "原因"),
    "received_at": ("In stock since", "入库时间"), "fifo": ("before {day} (FIFO)", "{day} 之前（先进先出）"),
    "unit_cost": ("Unit cost", "单位成本"),
    "older_than": ("In stock longer than {days} days (since before {day})",
                   "库存超过 {days} 天（{day} 之前入库）"),
    "at_start": ("On hand at start", "期初库存"), "received": ("Received", "期间入库"),
    "sold": ("Sold", "售出"), "rate": ("Sell-through", "售罄率"),
    "rate_def": ("sold (net of returns) ÷ (on hand at the start + received in the period)",
                 "净售出数 ÷（期初库存 + 期间入库）"),
    "none": ("None.", "无。"), "transit": ("in transit", "在途"),
    "sale": ("Sale", "销售"), "refund": ("Return", "退货"), "void": ("Void", "作废"),
    "addon": ("Add-on", "加购"),
}


class _Page:
    def __init__(self, *, locale: str, store_name: str, title: str, when: str, scope: str | None,
                 wide: bool = False) -> None:
        register_fonts()
        self.locale, self.zh = locale, locale.lower().startswith("zh")
        self.translate = load_translations("zh_CN").message_template if self.zh else None
        self.store_name, self.size = store_name, landscape(A4) if wide else A4
        self.width = self.size[0] - 2 * MARGIN
        self.title_key, self.when = title, when
        self.body = ParagraphStyle("body", fontName=LATIN_FONT, bulletFontName=LATIN_FONT,
                                   fontSize=8.5, leading=10.5, textColor=INK)
        self.right = ParagraphStyle("right", parent=self.body, alignment=TA_RIGHT)
        self.head = ParagraphStyle("head", parent=self.body, fontName=LATIN_BOLD)
        self.head_right = ParagraphStyle("head_right", parent=self.head, alignment=TA_RIGHT)
        self.h2 = ParagraphStyle("h2", parent=self.head, fontSize=11.5, leading=14,
                                 spaceBefore=10, spaceAfter=4)
        self.big = ParagraphStyle("title", parent=self.head, fontSize=18, leading=22)
        self.sub = ParagraphStyle("sub", parent=self.body, fontSize=9.5, leading=12,
                                  textColor=MUTED)
        self.scope = (f"{self.t('store_scope')} {scope}" if scope else self.t("all"))

    def t(self, key: str, **values) -> str:
        pair = LABELS[key]
        return pair[1 if self.zh else 0].format(**values)

    def catalog(self, message_id: str) -> str:
        return render(msg(message_id), translate=self.translate)

    def money(self, amount: int) -> str:
        return format_money(amount, currency="CNY", locale=self.locale)

    def day(self, moment) -> str:
        return format_day(local_time(moment).date(), locale=self.locale)

    def moment(self, moment: datetime) -> str:
        return f"{local_time(moment):%Y-%m-%d %H:%M}"

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        style = style or self.body
        bold = style.fontName == LATIN_BOLD
        parts = [escape(seg) if font != CJK_FONT else f'<font name="{CJK_FONT}">{escape(seg)}</font>'
                 for font, seg in text_runs(str(text), bold)]
        return Paragraph("".join(parts), style)

    def table(self, header: list[str], rows: list[list], widths: list[float], *,
              bold_last: bool = False) -> Table:
        """Text columns have positive widths; figure columns (right-aligned) negative ones."""
        first_figure = next((i for i, w in enumerate(widths) if w < 0), len(widths))
        cells = [[self.para(h, self.head_right if i >= first_figure else self.head)
                  for i, h in enumerate(header)]]
        cells += [[self.para(v, self.right if i >= first_figure else self.body)
                   for i, v in enumerate(row)] for row in rows]
        style = [("FONTNAME", (0, 0), (-1, -1), LATIN_FONT),
                 ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                 ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
                 ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#D5D9DE")),
                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                 ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
        if bold_last:
            style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, INK))
        table = Table(cells, colWidths=[abs(w) for w in widths], repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(style))
        return table

    def header(self) -> list:
        story = []
        if self.store_name:
            story.append(self.para(self.store_name, ParagraphStyle(
                "store", parent=self.head, fontSize=12, leading=15)))
        story.append(self.para(self.t(self.title_key), self.big))
        story.append(self.para(f"{self.when}  ·  {self.t('scope')}: {self.scope}", self.sub))
        return story + [Spacer(1, 6)]

    def footer(self, canvas, _doc) -> None:
        number = canvas.getPageNumber()
        label = f"第 {number} 页" if self.zh else f"Page {number}"
        left = f"{self.store_name}  {self.t(self.title_key)}  {self.when}  {self.scope}"
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, MARGIN, self.size[0] - MARGIN, MARGIN)
        draw_text(canvas, MARGIN, MARGIN - 11, left.strip(), 7.5, color=MUTED)
        draw_text(canvas, self.size[0] - MARGIN, MARGIN - 11, label, 7.5, align="right",
                  color=MUTED)

    def build(self, story: list) -> bytes:
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(buffer, pagesize=self.size, initialFontName=LATIN_FONT,
                                leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                bottomMargin=MARGIN + 12, creator="Tickbox POS",
                                title=f"{self.t(self.title_key)} {self.when}")
        doc.build(self.header() + story, onFirstPage=self.footer, onLaterPages=self.footer)
        return buffer.getvalue()

    def heading(self, text: str) -> Paragraph:
        return self.para(text, self.h2)


def _period(page_locale: str, start, end) -> str:
    first = format_day(start, locale=page_locale)
    return first if start == end else f"{first} – {format_day(end, locale=page_locale)}"


def stock_value_pdf(report: StockValue, *, locale: str = "en", store_name: str = "") -> bytes:
    page = _Page(locale=locale, store_name=store_name, title="stock_value", when="",
                 scope=report.store)
    page.when = f"{page.t('as_of')} {page.moment(report.at)}"
    widths = [page.width - 200, -80, -120]
    header = [page.t("category"), page.t("units"), page.t("value")]
    story = []
    for store in report.stores:
        story.append(page.heading(f"{store.store} {store.name}"))
        rows = [[c.name, str(c.units), page.money(c.value)] for c in store.categories]
        rows.append([page.t("total"), str(store.units), page.money(store.value)])
        story.append(page.table(header, rows, widths, bold_last=True))
    if len(report.stores) > 1:
        story.append(page.heading(page.t("by_store")))
        rows = [[f"{s.store} {s.name}", str(s.units), page.money(s.value)] for s in report.stores]
        rows.append([page.t("total"), str(report.units), page.money(report.value)])
        story.append(page.table([page.t("store")] + header[1:], rows, widths, bold_last=True))
        story.append(page.heading(page.t("all_by_category")))
        rows = [[c.name, str(c.units), page.money(c.value)] for c in report.categories]
        rows.append([page.t("total"), str(report.units), page.money(report.value)])
        story.append(page.table(header, rows, widths, bold_last=True))
    if not report.stores:
        story.append(page.para(page.t("none")))
    return page.build(story)


def _kind(page: _Page, kind: str) -> str:
    return page.t(kind) if kind in ("sale", "refund", "void", "addon") else page.catalog(
        f"stock.kind.{kind}")


def movements_pdf(report: Movements, *, locale: str = "en", store_name: str = "") -> bytes:
    page = _Page(locale=locale, store_name=store_name, title="movements",
                 when=_period(locale, report.start, report.end), scope=report.store, wide=True)
    if report.kind:
        page.when += f"  ·  {page.t('kind')}: {_kind(page, report.kind)}"
    header = [page.t("time"), page.t("store"), page.t("document"), page.t("kind"), page.t("sku"),
              page.t("name"), page.t("serial"), page.t("reason"), page.t("qty")]
    fixed = [78, 34, 86, 80, 92, 0, 96, 90, -40]
    fixed[5] = page.width - sum(abs(w) for w in fixed)
    rows = [[page.moment(r.at), r.store, r.document, _kind(page, r.kind), r.sku, r.name,
             r.serial or "", (page.catalog(f"stock.reason.{r.reason.value}") if r.reason else "")
             + (f" ({page.t('transit')})" if r.bucket.value == "transit" else ""),
             f"{r.qty:+d}"] for r in report.rows]
    story = [page.table(header, rows, fixed)] if rows else [page.para(page.t("none"))]
    return page.build(story)


def aged_pdf(report: AgedStock, *, locale: str = "en", store_name: str = "") -> bytes:
    page = _Page(locale=locale, store_name=store_name, title="aged", when="", scope=report.store,
                 wide=True)
    page_day = page.day(report.cutoff)
    page.when = page.t("older_than", days=report.days, day=page_day)
    cutoff = page.t("fifo", day=page_day)
    header = [page.t("store"), page.t("sku"), page.t("name"), page.t("serial"),
              page.t("received_at"), page.t("qty"), page.t("unit_cost"), page.t("value")]
    widths = [34, 96, 0, 110, 136, -34, -70, -80]
    widths[2] = page.width - sum(abs(w) for w in widths)
    rows = [[r.store, r.sku, r.name, r.serial or "",
             page.day(r.received) if r.received else cutoff, str(r.qty), page.money(r.cost),
             page.money(r.value)] for r in report.rows]
    if not rows:
        return page.build([page.para(page.t("none"))])
    rows.append([page.t("total"), "", "", "", "", str(report.units), "", page.money(report.value)])
    return page.build([page.table(header, rows, widths, bold_last=True)])


def sell_through_pdf(report: SellThrough, *, locale: str = "en", store_name: str = "") -> bytes:
    page = _Page(locale=locale, store_name=store_name, title="sell_through",
                 when=_period(locale, report.start, report.end), scope=report.store)
    header = [page.t("store"), page.t("sku"), page.t("name"), page.t("at_start"),
              page.t("received"), page.t("sold"), page.t("rate")]
    widths = [34, 86, 0, -66, -56, -44, -72]
    widths[2] = page.width - sum(abs(w) for w in widths)
    rows = [[r.store, r.sku, r.name, str(r.opening), str(r.received), str(r.sold),
             "–" if r.rate_bp is None else f"{r.rate_bp / 100:.2f}%"] for r in report.rows]
    story = [page.table(header, rows, widths)] if rows else [page.para(page.t("none"))]
    story += [Spacer(1, 4), page.para(page.t("rate_def"), page.sub)]
    return page.build(story)
