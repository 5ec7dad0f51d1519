"""Receipt operations to ESC/POS through python-escpos: the printer's own barcode command
(no raster images), Chinese text in GB18030 with the printer's Chinese mode on, a cut,
and the cash drawer kick."""

from __future__ import annotations

from escpos.printer import Dummy

from .columns import printer_text, profile
from .qr import Qr, qr_bytes
from .receipt import Barcode, Cut, Op, Rule, Text, one_line

CHINESE_MODE_ON = b"\x1c\x26"  # FS &: two-byte (GB18030/GBK) characters
INIT = b"\x1b\x40"  # ESC @


def chinese_size(double: bool) -> bytes:
    """ESC ! (python-escpos's set) sizes only alphanumerics on Epson-style printers: FS !
    sizes the Chinese characters and GS ! both, so a double line is double in both scripts
    (and a normal one normal again)."""
    return (b"\x1c\x21" + (b"\x0c" if double else b"\x00")
            + b"\x1d\x21" + (b"\x11" if double else b"\x00"))


def render(ops: list[Op], printer, *, width: int, encoding: str = "gb18030") -> None:
    """Send the operations to a python-escpos printer object."""
    printer._raw(INIT)
    chinese = profile(encoding) in ("gb18030", "gbk")
    if chinese:
        printer._raw(CHINESE_MODE_ON)
    for op in ops:
        if isinstance(op, Text):
            printer.set(align=op.align, bold=op.bold, double_width=op.double,
                        double_height=op.double, normal_textsize=not op.double)
            if chinese and op.double:
                printer._raw(chinese_size(True))
            # Text ops hold no control characters; checked again where bytes are made.
            text = printer_text(one_line(op.text), encoding)
            printer._raw(text.encode(encoding, errors="replace") + b"\n")
            if chinese and op.double:
                printer._raw(chinese_size(False))  # rules and barcodes after it at normal size
        elif isinstance(op, Rule):
            printer.set(align="left", bold=False, normal_textsize=True)
            printer._raw((op.char * width).encode("ascii") + b"\n")
        elif isinstance(op, Barcode):
            printer.set(align="center", bold=False, normal_textsize=True)
            # The printer draws it (not a raster image). _hw_barcode is what barcode() calls
            # for hardware rendering, minus its print() to stdout on every receipt.
            printer._hw_barcode("{B" + one_line(op.data), "CODE128", height=60, width=2, pos="BELOW",
                                function_type="B", check=False)
        elif isinstance(op, Qr):
            printer.set(align="left", bold=False, normal_textsize=True)
            printer._raw(qr_bytes(op.data, size=op.size))  # the printer's own GS ( k
        elif isinstance(op, Cut):
            printer.cut()
    printer.set(align="left", bold=False, normal_textsize=True)


def receipt_bytes(ops: list[Op], *, width: int, encoding: str = "gb18030") -> bytes:
    """The exact bytes a printer would receive (python-escpos's Dummy printer)."""
    dummy = Dummy()
    render(ops, dummy, width=width, encoding=encoding)
    return dummy.output


def drawer_kick_bytes() -> bytes:
    dummy = Dummy()
    dummy.cashdraw(2)
    return dummy.output
