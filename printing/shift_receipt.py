"""A closed shift's Z report on the receipt printer: pure layout, the same operations as a
receipt (printing/receipt.py), so it goes out through the same ESC/POS path (or the same
receipt-width PDF preview). Its words, in English and Chinese, are the A4 report's too
(printing/shift_pdf.py)."""

from __future__ import annotations

from pos.kernel.money import to_decimal_string
from pos.printjobs.shift_record import ZReportRecord

from .columns import DEFAULT_ENCODING
from .labels import labels_for
from .receipt import Barcode, Cut, Op, Paper, Rule, Text

WORDS = {
    "en": {"x": "X report", "z": "Z report", "z_no": "Z report {n}", "shift": "Shift", "opened": "Opened",
           "closed": "Closed", "opened_by": "Opened by", "closed_by": "Closed by",
           "till": "Till", "sales": "Sales", "returns": "Returns and voids",
           "float": "Opening float", "paid_in": "Paid in", "paid_out": "Paid out",
           "expected": "Expected cash", "counted": "Counted cash",
           "over_short": "Over / short", "over": "OVER", "short": "SHORT", "exact": "EXACT",
           "tender": "Tenders", "count": "Count by denomination", "seal": "Seal",
           "documents": "documents", "account_in": "Payments on account",
           "deposits_in": "Deposits taken", "deposits_out": "Deposits paid back"},
    "zh_CN": {"x": "X 报表（当班）", "z": "Z 报表（交班）", "z_no": "第 {n} 号 Z 报表（交班）",
              "shift": "班次", "opened": "开班时间",
              "closed": "交班时间", "opened_by": "开班人", "closed_by": "交班人",
              "till": "收银台", "sales": "销售", "returns": "退货及作废",
              "float": "备用金", "paid_in": "收入现金", "paid_out": "支出现金",
              "expected": "钱箱应有", "counted": "实点现金", "over_short": "长短款",
              "over": "长款", "short": "短款", "exact": "无差额", "tender": "收款方式",
              "count": "点钞明细", "seal": "封存码", "documents": "笔",
              "account_in": "收回欠款", "deposits_in": "收取定金", "deposits_out": "退还定金"},
}


# Account money that crossed the drawer (issue 19), each block only when there was any
ACCOUNT_MONEY = ("account_in", "deposits_in", "deposits_out")


def account_rows(report) -> list[tuple[str, str, int]]:
    """(block, tender, amount) of the shift's payments on account and deposits."""
    return [(key, tender, amount) for key in ACCOUNT_MONEY
            for tender, amount in (getattr(report, key, None) or {}).items()]


def words_for(locale: str) -> dict[str, str]:
    return WORDS["zh_CN" if locale.startswith("zh") else "en"]


def denomination_text(amount: int) -> str:
    """10000 -> '100', 50 -> '0.5': a note or a coin as people name it."""
    return to_decimal_string(amount).rstrip("0").rstrip(".")


def z_receipt_layout(record: ZReportRecord, *, width: int = 48,
                     encoding: str = DEFAULT_ENCODING) -> list[Op]:
    """The Z report for `width` columns, measured for a printer sending `encoding`."""
    paper = Paper(width, encoding)
    report, store = record.report, record.store
    words, labels = words_for(store.locale), labels_for(store.locale)
    money = lambda amount: to_decimal_string(amount, currency=store.currency)
    ops: list[Op] = []

    def add(text: str, **style) -> None:
        for piece in paper.wrap(text, width // 2 if style.get("double") else width):
            ops.append(Text(piece, **style))

    def row(left: str, amount: int, **style) -> None:
        for text in paper.left_right(left, money(amount), hang=2 if left.startswith("  ") else 0):
            add(text, **style)

    for line in paper.centre(store.name, width // 2):
        add(line.strip(), align="center", bold=True, double=True)
    for line in paper.centre(words["z_no"].format(n=report.z_number), width // 2):
        add(line.strip(), align="center", bold=True, double=True)
    ops.append(Rule("="))
    for text in paper.left_right(f"{words['till']} {report.terminal}",
                                 f"{words['shift']} {report.shift_id}"):
        add(text)
    add(f"{words['opened']} {report.opened_at.astimezone():%Y-%m-%d %H:%M}")
    if report.closed_at is not None:
        add(f"{words['closed']} {report.closed_at.astimezone():%Y-%m-%d %H:%M}")
    for key, name in (("opened_by", record.opened_by), ("closed_by", record.closed_by)):
        if name:
            add(f"{words[key]} {name}")
    ops.append(Rule())
    for text in paper.left_right(f"{words['sales']} {report.sales} {words['documents']}",
                                 money(report.sales_total)):
        add(text)
    row(words["returns"], report.refunds_total)
    ops.append(Rule())
    add(words["tender"], bold=True)
    for tender, amount in report.tenders.items():
        row("  " + labels.get(tender, tender), amount)
    block = None
    for key, tender, amount in account_rows(report):
        if key != block:
            add(words[key], bold=True)
            block = key
        row("  " + labels.get(tender, tender), amount)
    ops.append(Rule())
    row(words["float"], report.opening_float)
    row(words["paid_in"], report.paid_in)
    row(words["paid_out"], report.paid_out)
    row(words["expected"], report.expected_cash, bold=True)
    if report.counted_cash is not None:
        row(words["counted"], report.counted_cash, bold=True)
        diff = report.over_short
        verdict = words["over"] if diff > 0 else words["short"] if diff < 0 else words["exact"]
        row(f"{words['over_short']} {verdict}", diff, bold=True)
    if record.counts:
        ops.append(Rule())
        add(words["count"], bold=True)
        for denomination, pieces in record.counts.items():
            row(f"  {denomination_text(denomination)} x {pieces}", denomination * pieces)
    ops.append(Rule("="))
    if report.anchor:
        add(f"{words['seal']} {report.anchor}", align="center")
    ops.append(Barcode(record.ref))
    ops.append(Cut())
    return ops
