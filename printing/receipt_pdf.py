"""A receipt as a PDF on receipt-width paper: the preview for a store without a
receipt printer, and what a reprint looks like on screen."""

from __future__ import annotations

import io

from reportlab.graphics import renderPDF
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from .columns import char_width, display_width
from .fonts import CJK_FONT, MONO_FONT, register_fonts
from .qr import Qr, qr_drawing
from .receipt import Barcode, Cut, Op, Rule, Text

FONT = CJK_FONT  # embedded (printing/fonts/); WinAnsi characters in the monospaced Latin font
LINE = 11  # points


def _register() -> None:
    register_fonts()


def _font_for(char: str) -> str:
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return FONT
    return MONO_FONT


def _qr_side(paper: float) -> float:
    """A QR code's side on the preview: about what the printer draws (issue 15)."""
    return 30 * mm if paper < 70 * mm else 36 * mm


def receipt_pdf(ops: list[Op], *, width: int) -> bytes:
    """One long page, like the paper roll; monospaced by column count."""
    from reportlab.graphics.barcode import code128

    _register()
    paper = (58 if width == 32 else 80) * mm
    column = (paper - 8 * mm) / width
    rows = sum(2 if isinstance(op, Text) and op.double else 1 for op in ops) + 8
    height = rows * LINE + 30 * mm + sum(_qr_side(paper) + 4 * mm for op in ops if isinstance(op, Qr))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(paper, height))
    y = height - 8 * mm
    for op in ops:
        if isinstance(op, Text):
            step = column * (2 if op.double else 1)
            size = min(step * 1.9, 18 if op.double else 9.5)
            text = op.text.strip() if op.align == "center" else op.text
            x = 4 * mm
            if op.double:
                y -= LINE  # a double-height line rises a full line above its baseline
            if op.align == "center":
                x = (paper - display_width(text) * step) / 2
            # Character by character on the printer's grid: a wide (Chinese) character
            # takes two columns, so amounts line up as they do on paper.
            for char in text:
                if char != " ":
                    pdf.setFont(_font_for(char), size)
                    pdf.drawString(x, y, char)
                x += step * char_width(char)
            y -= LINE
        elif isinstance(op, Rule):
            pdf.setDash(2, 2) if op.char == "-" else pdf.setDash()
            pdf.line(4 * mm, y + 3, paper - 4 * mm, y + 3)
            pdf.setDash()
            y -= LINE
        elif isinstance(op, Barcode):
            barcode = code128.Code128(op.data, barHeight=10 * mm, barWidth=0.9)
            barcode.drawOn(pdf, (paper - barcode.width) / 2, y - 10 * mm)
            pdf.setFont(MONO_FONT, 8)
            pdf.drawCentredString(paper / 2, y - 14 * mm, op.data)
            y -= 18 * mm
        elif isinstance(op, Qr):
            side = _qr_side(paper)
            renderPDF.draw(qr_drawing(op.data, side), pdf, (paper - side) / 2, y - side + LINE)
            y -= side + 4 * mm - LINE
        elif isinstance(op, Cut):
            y -= LINE
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
