"""A customer's account statement (对账单) as A4 PDF: the store's letterhead, the
customer's invoice details (company, tax id, address, bank), the account's terms, the
balance brought forward, every item with its running balance, due date and what is
still open, and the closing balance, also in Chinese capitals. English or Chinese."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pos.kernel.money import chinese_capitals, to_decimal_string

from .fonts import CJK_FONT, LATIN_BOLD, LATIN_FONT, draw_text, register_fonts, text_runs
from .pdf_common import INK, MUTED, RULE, day as format_day, money as format_money

MARGIN = 36
WIDTH = A4[0] - 2 * MARGIN
HEAD_BG = colors.HexColor("#ECEFF3")
OVERDUE = colors.HexColor("#A32020")

LABELS = {
    "title": ("Account statement", "客户对账单"),
    "customer": ("Customer", "客户"),
    "company": ("Company", "单位名称"),
    "tax_id": ("Tax id", "纳税人识别号"),
    "address": ("Address", "地址"),
    "phone": ("Phone", "电话"),
    "bank": ("Bank and account", "开户行及账号"),
    "terms": ("Terms", "账期"),
    "limit": ("Credit limit", "信用额度"),
    "no_limit": ("none", "不限"),
    "days": ("{n} days", "{n} 天"),
    "period": ("Period", "期间"),
    "all": ("all items", "全部"),
    "printed": ("Printed", "打印日期"),
    "state": ("State", "状态"),
    "open": ("open", "正常"),
    "transferred": ("with the big-account team", "已转大客户团队"),
    "closed": ("closed", "已关闭"),
    "date": ("Date", "日期"),
    "ref": ("Reference", "单号"),
    "kind": ("Item", "项目"),
    "debit": ("Charged", "应收"),
    "currency": ("Amounts in CNY", "金额单位：人民币元"),
    "credit": ("Paid", "已收/冲减"),
    "balance": ("Balance", "余额"),
    "due": ("Due", "到期日"),
    "open_amount": ("Open", "未清"),
    "brought_forward": ("Brought forward", "上期结余"),
    "closing": ("Balance due", "期末余额"),
    "overdue": ("of which overdue", "其中逾期"),
    "in_words": ("In words", "大写"),
    "credit_balance": ("in the customer's favour", "客户预收余额"),
    "invoice": ("Sale on account", "赊销"),
    "sale_credit": ("Refund to account", "退货冲账"),
    "payment": ("Payment", "收款"),
    "write_off": ("Write-off", "坏账核销"),
    "page": ("Page {n}", "第 {n} 页"),
    "tender.cash": ("cash", "现金"),
    "tender.bank_card": ("card", "银行卡"),
    "tender.transfer": ("transfer", "转账"),
    "tender.wechat": ("WeChat Pay", "微信支付"),
    "tender.alipay": ("Alipay", "支付宝"),
    "footer": ("Please pay by the due dates shown. Questions: call the store.",
               "请于到期日前付款。如有疑问，请致电门店。"),
}


def statement_pdf(statement, *, locale: str = "en", store=None) -> bytes:
    """`statement`: pos.accounts.statements.Statement; `store`: the store's details (name,
    address, phone, tax_id; a pos.store.details.StoreInfo)."""
    register_fonts()
    return _Page(statement, locale, store).build()


class _Page:
    def __init__(self, statement, locale: str, store) -> None:
        self.s, self.locale, self.store = statement, locale, store
        self.zh = locale.lower().startswith("zh")
        self.body = ParagraphStyle("body", fontName=LATIN_FONT, fontSize=8.5, leading=10.5,
                                   textColor=INK)
        self.right = ParagraphStyle("right", parent=self.body, alignment=TA_RIGHT)
        self.head = ParagraphStyle("head", parent=self.body, fontName=LATIN_BOLD)
        self.head_right = ParagraphStyle("head_right", parent=self.head, alignment=TA_RIGHT)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=7.5, leading=9.5,
                                    textColor=MUTED)
        self.title = ParagraphStyle("title", parent=self.head, fontSize=17, leading=21)
        self.store_style = ParagraphStyle("store", parent=self.head, fontSize=12, leading=15)

    def t(self, key: str, **values) -> str:
        pair = LABELS.get(key)
        text = key if pair is None else pair[1 if self.zh else 0]
        return text.format(**values) if values else text

    def money(self, amount: int | None) -> str:
        return format_money(amount, currency="CNY", locale=self.locale)

    def day(self, value: date | None) -> str:
        return format_day(value, locale=self.locale)

    @staticmethod
    def figure(amount: int) -> str:
        """An amount in the table: 12,998.00 (the currency is said once, above it)."""
        return f"{Decimal(to_decimal_string(amount)):,.2f}"

    @staticmethod
    def iso(value: date | None) -> str:
        return "" if value is None else value.isoformat()

    def para(self, text: str, style: ParagraphStyle | None = None, color=None) -> Paragraph:
        style = style or self.body
        bold = style.fontName == LATIN_BOLD
        parts = [escape(seg) if font != CJK_FONT else f'<font name="{CJK_FONT}">{escape(seg)}</font>'
                 for font, seg in text_runs(str(text), bold)]
        body = "".join(parts)
        if color is not None:
            body = f'<font color="{color.hexval()}">{body}</font>'
        return Paragraph(body, style)

    def build(self) -> bytes:
        buffer = io.BytesIO()
        c = self.s.customer
        doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                                topMargin=MARGIN, bottomMargin=MARGIN + 14,
                                title=f"{self.t('title')} {c.company or c.name}",
                                creator="Tickbox POS", initialFontName=LATIN_FONT)
        story = self.letterhead() + self.parties() + [Spacer(1, 8), self.para(
            self.t("currency"), self.small), Spacer(1, 2), self.lines()]
        story += [Spacer(1, 8), self.totals(), Spacer(1, 14), self.para(self.t("footer"),
                                                                         self.small)]
        doc.build(story, onFirstPage=self.footer, onLaterPages=self.footer)
        return buffer.getvalue()

    def footer(self, canvas, doc) -> None:
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, MARGIN, A4[0] - MARGIN, MARGIN)
        name = self.store.name if self.store else ""
        left = f"{name}  {self.t('title')}  {self.s.customer.phone}".strip()
        draw_text(canvas, MARGIN, MARGIN - 11, left, 7.5, color=MUTED)
        draw_text(canvas, A4[0] - MARGIN, MARGIN - 11, self.t("page", n=canvas.getPageNumber()),
                  7.5, align="right", color=MUTED)

    def letterhead(self) -> list:
        story = []
        store = self.store
        if store is not None:
            story.append(self.para(store.name, self.store_style))
            facts = [store.address, f"{self.t('phone')}: {store.phone}" if store.phone else "",
                     f"{self.t('tax_id')}: {store.tax_id}" if store.tax_id else ""]
            line = "  ·  ".join(f for f in facts if f)
            if line:
                story.append(self.para(line, self.small))
        rule = Table([[""]], colWidths=[WIDTH], rowHeights=[4])
        rule.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 1.2, INK),
                               ("FONTNAME", (0, 0), (-1, -1), LATIN_FONT)]))
        story += [rule, Spacer(1, 6), self.para(self.t("title"), self.title), Spacer(1, 6)]
        return story

    def parties(self) -> list:
        s, d, c = self.s, self.s.details, self.s.customer
        who = [(self.t("customer"), f"{c.name}  {c.phone}"), (self.t("company"), d.company or c.company or ""),
               (self.t("tax_id"), d.tax_id), (self.t("address"), d.address),
               (self.t("phone"), d.phone),
               (self.t("bank"), "  ".join(x for x in (d.bank_name, d.bank_account) if x))]
        period = (f"{self.day(s.start) if s.start else '…'} – {self.day(s.end) if s.end else '…'}"
                  if s.start or s.end else self.t("all"))
        terms = [(self.t("period"), period), (self.t("printed"), self.day(s.as_of)),
                 (self.t("terms"), self.t("days", n=s.term_days)),
                 (self.t("limit"), self.money(s.credit_limit) if s.credit_limit is not None
                  else self.t("no_limit")),
                 (self.t("state"), self.t(s.state.value))]
        left = self.pairs([p for p in who if p[1]], 300)
        right = self.pairs(terms, WIDTH - 310)
        box = Table([[left, right]], colWidths=[310, WIDTH - 310], hAlign="LEFT")
        box.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("FONTNAME", (0, 0), (-1, -1), LATIN_FONT)]))
        return [box]

    def pairs(self, pairs, width) -> Table:
        label_width = 78 if self.zh else 90
        rows = [[self.para(k, self.small), self.para(v)] for k, v in pairs]
        table = Table(rows, colWidths=[label_width, width - label_width], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("FONTNAME", (0, 0), (-1, -1), LATIN_FONT),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return table

    def kind_text(self, line) -> str:
        text = self.t(line.kind.value)
        if line.tender:
            text += f" · {self.t('tender.' + line.tender)}"
        if line.reference:
            text += f" · {line.reference}"
        return text

    def lines(self) -> Table:
        s = self.s
        widths = [54, 72, 100, 62, 62, 62, 54, 0]
        widths[-1] = WIDTH - sum(widths[:-1])
        head = ["date", "ref", "kind", "debit", "credit", "balance", "due", "open_amount"]
        cells = [[self.para(self.t(h), self.head_right if i >= 3 and i != 6 else self.head)
                  for i, h in enumerate(head)]]
        cells.append([self.para(""), self.para(""), self.para(self.t("brought_forward")),
                      self.para(""), self.para(""), self.para(self.figure(s.opening), self.right),
                      self.para(""), self.para("")])
        for line in s.lines:
            late = (line.open_amount > 0 and line.due_date is not None
                    and line.due_date < s.as_of)
            cells.append([
                self.para(self.iso(line.day)), self.para(line.ref),
                self.para(self.kind_text(line)),
                self.para(self.figure(line.debit) if line.debit else "", self.right),
                self.para(self.figure(line.credit) if line.credit else "", self.right),
                self.para(self.figure(line.balance), self.right),
                self.para(self.iso(line.due_date), color=OVERDUE if late else None),
                self.para(self.figure(line.open_amount) if line.open_amount else "", self.right,
                          color=OVERDUE if late else None)])
        table = Table(cells, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), LATIN_FONT),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#D5D9DE")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
        return table

    def totals(self) -> Table:
        s = self.s
        closing = self.money(s.closing)
        if s.closing < 0:
            closing += f"  ({self.t('credit_balance')})"
        rows = [[self.para(self.t("closing"), self.head), self.para(closing, self.head_right)]]
        if s.overdue:
            rows.append([self.para(self.t("overdue"), color=OVERDUE),
                         self.para(self.money(s.overdue), self.right, color=OVERDUE)])
        if s.closing > 0:
            rows.append([self.para(self.t("in_words"), self.small),
                         self.para(chinese_capitals(s.closing), self.right)])
        table = Table(rows, colWidths=[150, 180], hAlign="RIGHT")
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), LATIN_FONT),
                                   ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2.5)]))
        return table
