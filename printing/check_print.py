"""The printer's test page, printed when a store sets up its receipt printer (`pos setup
--printer`, the first-run wizard's "Print a test page"): the receipt's header as the
store will see it (its name, address, phone and tax ID), the paper's columns ruled, a
line of Chinese (sent as GB18030 with the printer's Chinese mode on, as receipts are), a
CODE128 barcode drawn by the printer, and a cut. It goes the way receipts go
(printing.printers: a network, USB, serial or file printer, or a PDF preview), at once
and not through the queue: whoever is setting up is waiting to see the paper."""

from __future__ import annotations

from datetime import datetime

from .columns import centre, wrap
from .escpos_out import receipt_bytes
from .printers import parse_printer_uri, save_pdf, send
from .receipt import PAPER_COLUMNS, Barcode, Cut, Op, Rule, Text
from .receipt_pdf import receipt_pdf

WORDS = {
    "en": {"title": "Printer test", "paper": "Paper: {mm} mm, {columns} columns",
           "chinese": "Chinese: 中文打印测试", "done": "If you can read this, receipts will "
           "print here.", "tax_id": "Tax ID"},
    "zh_CN": {"title": "打印测试", "paper": "纸宽：{mm} 毫米，每行 {columns} 列",
              "chinese": "中文：收银小票打印正常", "done": "能看清本页，小票即可在此打印。",
              "tax_id": "税号"},
}
BARCODE = "TEST-0123456789"
PDF_NAME = "printer-test.pdf"


def check_page(*, name: str, address: str = "", phone: str = "", tax_id: str = "",
               locale: str = "en", paper_mm: int = 80,
               now: datetime | None = None) -> list[Op]:
    """The test page's operations (printing.receipt's), for 58 or 80 mm paper."""
    width = PAPER_COLUMNS.get(paper_mm)
    if width is None:
        raise ValueError(f"paper is 58 or 80 mm, not {paper_mm}")
    words = WORDS["zh_CN" if locale.startswith("zh") else "en"]
    ops: list[Op] = [Text(line.strip(), align="center", bold=True, double=True)
                     for line in centre(name, width // 2)]
    for detail in (address, phone, f"{words['tax_id']} {tax_id}" if tax_id else ""):
        ops += [Text(line, align="center") for line in (wrap(detail, width) if detail else [])]
    ops.append(Rule("="))
    ops.append(Text(words["title"], align="center", bold=True))
    ops.append(Text((now or datetime.now()).strftime("%Y-%m-%d %H:%M"), align="center"))
    ops.append(Text(words["paper"].format(mm=paper_mm, columns=width)))
    ops.append(Text("".join(str(i % 10) for i in range(1, width + 1))))  # the columns, ruled
    ops.append(Text(words["chinese"]))
    ops.append(Rule("-"))
    ops.append(Barcode(BARCODE))
    ops += [Text(line) for line in wrap(words["done"], width)]
    ops.append(Cut())
    return ops


def print_check_page(uri: str, *, paper_mm: int = 80, encoding: str = "gb18030",
                     timeout: float = 5.0, **store) -> str:
    """Print the test page to the printer `uri` now; where it went (the URI, or the PDF's
    path), or a pos UserError (printing.printers.PrinterError) saying why not.
    `store`: name, address, phone, tax_id, locale (check_page's)."""
    target = parse_printer_uri(uri)
    ops = check_page(paper_mm=paper_mm, **store)
    width = PAPER_COLUMNS[paper_mm]
    if target.is_pdf:
        return str(save_pdf(target, PDF_NAME, receipt_pdf(ops, width=width)))
    send(target, receipt_bytes(ops, width=width, encoding=encoding), timeout=timeout)
    return uri
