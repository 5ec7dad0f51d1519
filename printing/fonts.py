"""Fonts for the PDF documents, and measuring, fitting and drawing text in them.

Every font is a TrueType font shipped in printing/fonts/ (see its README for sources
and licences) and ReportLab embeds the subset of glyphs each document uses, so a PDF
prints the same on every machine, whether or not it has Adobe's Asian fonts or the PDF
base fonts. Chinese is set in Droid Sans Fallback; Latin in Liberation Sans (Helvetica's
metrics) and, on receipt previews, Liberation Mono (Courier's). Text is split into runs:
characters the Latin font shows (WinAnsi / cp1252: Latin, `¥`, `·`, `×`) go to it,
everything else to the Chinese font. A mixed name such
as "联想小新 Pro 14" thus gets tidy Latin and real Chinese glyphs. The Chinese font has
one weight; bold Chinese is drawn filled and stroked.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pos.kernel.resources import package_dir
from pos.kernel.text import printable

FONT_DIR = package_dir("printing") / "fonts"  # beside the modules, or in the frozen app
CJK_FONT = "DroidSansFallback"
CJK_FONT_FILE = FONT_DIR / "DroidSansFallback.ttf"
LATIN_FONT = "LiberationSans"
LATIN_BOLD = "LiberationSans-Bold"
MONO_FONT = "LiberationMono"
FONT_FILES = {
    CJK_FONT: CJK_FONT_FILE,
    LATIN_FONT: FONT_DIR / "LiberationSans-Regular.ttf",
    LATIN_BOLD: FONT_DIR / "LiberationSans-Bold.ttf",
    MONO_FONT: FONT_DIR / "LiberationMono-Regular.ttf",
}
ELLIPSIS = "..."
CLOSING = "）)」』】〉》，。、；：！？,.;:!?%"
DEFAULT_INK = HexColor("#1A1A1A")


def register_fonts() -> None:
    """Register the shipped fonts with ReportLab's process-wide registry (idempotent).
    ReportLab embeds a TrueType font as a subset of the glyphs used. A canvas starts in
    the Latin font rather than Helvetica, which ReportLab would otherwise name (and not
    embed) in every PDF's preamble."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, path in FONT_FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    # <b> in a paragraph of the Latin font means its bold face
    addMapping(LATIN_FONT, 0, 0, LATIN_FONT)
    addMapping(LATIN_FONT, 1, 0, LATIN_BOLD)
    addMapping(LATIN_FONT, 0, 1, LATIN_FONT)
    addMapping(LATIN_FONT, 1, 1, LATIN_BOLD)
    rl_config.canvas_basefontname = LATIN_FONT


# Measuring text needs the font registered, and measuring happens before any canvas
# exists (pagination), so register on import.
register_fonts()


def _is_latin(char: str) -> bool:
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def font_for(text: str, *, bold: bool = False) -> str:
    """The one font that shows all of `text`: the Latin font for WinAnsi text, else the
    Chinese font."""
    if all(_is_latin(char) for char in text):
        return LATIN_BOLD if bold else LATIN_FONT
    return CJK_FONT


@lru_cache(maxsize=4096)
def text_runs(text: str, bold: bool = False) -> tuple[tuple[str, str], ...]:
    """`text` as (font, segment) runs, so each character is drawn by a font that has it.
    Control characters (which no font draws) are spaces on paper."""
    runs: list[tuple[str, str]] = []
    latin = LATIN_BOLD if bold else LATIN_FONT
    for char in printable(text).replace("\n", " "):
        font = latin if _is_latin(char) else CJK_FONT
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return tuple(runs)


@lru_cache(maxsize=8192)
def _run_width(font: str, segment: str, size: float) -> float:
    return pdfmetrics.stringWidth(segment, font, size)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    return sum(_run_width(font, segment, size) for font, segment in text_runs(text, bold))


def draw_text(canvas, x: float, y: float, text: str, size: float, *, bold: bool = False,
              align: str = "left", color=DEFAULT_INK) -> float:
    """Draw one line of text on the baseline y; align is left, right or centre at x.
    Returns the width drawn. All runs go in one text object so extractors read one line."""
    if not text:
        return 0.0
    width = text_width(text, size, bold=bold)
    start = {"left": x, "right": x - width, "centre": x - width / 2}[align]
    canvas.saveState()
    canvas.setFillColor(color)
    canvas.setStrokeColor(color)
    if bold:
        # the stroke that thickens the Chinese glyphs into a readable bold
        canvas.setLineWidth(size * 0.045)
    line = canvas.beginText(start, y)
    for font, segment in text_runs(text, bold):
        line.setFont(font, size)
        line.setTextRenderMode(2 if bold and font == CJK_FONT else 0)
        line.textOut(segment)
    canvas.drawText(line)
    canvas.restoreState()
    return width


def fit_size(text: str, size: float, max_width: float, *, bold: bool = False,
             min_size: float | None = None) -> float:
    """The largest size up to `size` (and not below min_size) at which text fits."""
    floor = min_size if min_size is not None else size * 0.75
    width = text_width(text, size, bold=bold)
    if width <= max_width or width == 0:
        return size
    return max(floor, size * max_width / width)


def truncate(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """Text cut to fit max_width, with an ellipsis when something had to go."""
    if text_width(text, size, bold=bold) <= max_width:
        return text
    return _with_ellipsis(text, size, max_width, bold=bold)


def _with_ellipsis(text: str, size: float, max_width: float, *, bold: bool) -> str:
    room = max_width - text_width(ELLIPSIS, size, bold=bold)
    kept = text
    while kept and text_width(kept, size, bold=bold) > room:
        kept = kept[:-1]
    return kept.rstrip() + ELLIPSIS


def draw_fitted(canvas, x: float, y: float, text: str, size: float, max_width: float, *,
                bold: bool = False, align: str = "left", color=DEFAULT_INK,
                min_size: float | None = None) -> float:
    """Draw text within max_width: shrink it a little first, then cut it with an ellipsis,
    so nothing runs into the next column or off the page."""
    fitted = fit_size(text, size, max_width, bold=bold, min_size=min_size)
    shown = truncate(text, fitted, max_width, bold=bold)
    return draw_text(canvas, x, y, shown, fitted, bold=bold, align=align, color=color)


def _tokens(text: str) -> list[str]:
    """Break points for wrapping: a Latin word keeps together with the spaces after it;
    each Chinese character stands alone, since Chinese wraps between any two, except that
    closing brackets and punctuation stay with what they close."""
    tokens: list[str] = []
    for char in text:
        previous = tokens[-1] if tokens else ""
        inside_word = (char != " " and _is_latin(char) and previous != ""
                       and _is_latin(previous[-1]) and not previous.endswith(" "))
        closing = char in CLOSING and previous != ""  # never starts a line
        if inside_word or closing or (char == " " and previous):
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


def wrap(text: str, size: float, max_width: float, *, bold: bool = False,
         max_lines: int | None = None) -> list[str]:
    """Text broken into lines no wider than max_width; the last allowed line ends with an
    ellipsis when the text runs on past max_lines."""
    lines: list[str] = []
    current = ""
    for token in _tokens(text):
        candidate = current + token
        if current and text_width(candidate.rstrip(), size, bold=bold) > max_width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current = candidate
    if current.strip():
        lines.append(current.rstrip())
    lines = [truncate(line, size, max_width, bold=bold) for line in lines]
    if max_lines is not None and len(lines) > max_lines:
        last = _with_ellipsis(lines[max_lines - 1], size, max_width, bold=bold)
        lines = lines[:max_lines - 1] + [last]
    return lines
