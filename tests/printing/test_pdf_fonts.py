"""Every PDF the store prints carries its Chinese font: each font a page uses is embedded
(a subset of a TrueType font shipped in printing/fonts/), so a sheet, certificate,
report or receipt prints the same on a machine without Adobe's Asian fonts. No font is
left to the reader, not even the PDF base 14 (Helvetica, Courier): a printer's or
viewer's stand-in for them has other widths and glyphs."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from pos.day import commissions, reports, shifts
from pos.printjobs.records import load_blank_sheet, load_card, load_sale
from printing.card_pdf import card_certificate_pdf
from printing.fonts import CJK_FONT, CJK_FONT_FILE, FONT_FILES, LATIN_FONT, text_runs
from printing.receipt import receipt_layout
from printing.receipt_pdf import receipt_pdf
from printing.report_pdf import commission_pdf, report_pdf
from printing.sheet_pdf import blank_sheet_pdf, sheet_pdf
from printing.shift_pdf import shift_report_pdf
from tests.printing.test_sheet_pdf import chinese_database, sell_unit


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _fonts_in(resources, found: dict[str, DictionaryObject]) -> None:
    resources = _resolve(resources)
    if not resources:
        return
    for font in (_resolve(resources.get("/Font")) or {}).values():
        font = _resolve(font)
        found[str(font["/BaseFont"])] = font
    for xobject in (_resolve(resources.get("/XObject")) or {}).values():
        xobject = _resolve(xobject)
        if "/Resources" in xobject:
            _fonts_in(xobject["/Resources"], found)


def pdf_fonts(data: bytes) -> dict[str, DictionaryObject]:
    """BaseFont name -> font dictionary, for every font any page (or form on it) uses."""
    found: dict[str, DictionaryObject] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        _fonts_in(page.get("/Resources"), found)
    return found


def is_embedded(font: DictionaryObject) -> bool:
    if font["/Subtype"] == "/Type0":
        font = _resolve(font["/DescendantFonts"][0])
    descriptor = _resolve(font.get("/FontDescriptor"))
    return bool(descriptor) and any(key in descriptor
                                    for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def assert_fonts_embedded(data: bytes, *, chinese: bool) -> None:
    fonts = pdf_fonts(data)
    assert fonts, "the PDF uses no font at all"
    loose = [name for name, font in fonts.items() if not is_embedded(font)]
    assert not loose, f"fonts not embedded: {loose}"
    embedded = [name for name, font in fonts.items() if is_embedded(font)]
    assert not any("STSong" in name for name in fonts)
    if chinese:
        # ReportLab names a subset "AAAAAA+DroidSansFallback" (or by the file's own name)
        assert embedded, f"no embedded Chinese font among {list(fonts)}"


# ------------------------------------------------------------------ the documents


@pytest.fixture(scope="module")
def zh_db(tmp_path_factory):
    db = chinese_database(tmp_path_factory.mktemp("zh_fonts") / "zh.db")
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def zh_sale(zh_db):
    return sell_unit(zh_db, customer_name="陈杰")


def documents(db, sale, locale: str) -> dict[str, bytes]:
    store, card = load_card(db, card_no=sale.cards[0].card_no)
    blank_store, blank = load_blank_sheet(db, layout="desktop_pc")
    today = date.today()
    day = reports.day_report(db, day=today)
    period = reports.period_report(db, start=today.replace(day=1), end=today)
    start, end = commissions.month_bounds(today.isoformat()[:7])
    statement = commissions.commission_statement(db, start=start, end=end, terminal="T01")
    x = [shifts.x_report(db, terminal="T01")]
    record = load_sale(db, receipt_no=sale.receipt_no)
    return {
        "sheet": sheet_pdf(sale, locale=locale),
        "blank sheet": blank_sheet_pdf(blank_store, blank, locale=locale),
        "card certificate": card_certificate_pdf(store, card, locale=locale),
        "day report": report_pdf(day, locale=locale, store_name=store.name),
        "period report": report_pdf(period, locale=locale, store_name=store.name),
        "commission report": commission_pdf(statement, locale=locale, store_name=store.name),
        "shift report": shift_report_pdf(x, locale=locale, store_name=store.name),
        "receipt 58": receipt_pdf(receipt_layout(record, width=32), width=32),
        "receipt 80": receipt_pdf(receipt_layout(record, width=48), width=48),
    }


def test_every_chinese_pdf_embeds_its_fonts(zh_db, zh_sale):
    for name, data in documents(zh_db, zh_sale, "zh_CN").items():
        try:
            assert_fonts_embedded(data, chinese=True)
        except AssertionError as error:
            raise AssertionError(f"{name}: {error}") from error


def test_every_english_pdf_embeds_its_fonts(sqlite_demo_db):
    sale = sell_unit(sqlite_demo_db)
    for name, data in documents(sqlite_demo_db, sale, "en").items():
        try:
            assert_fonts_embedded(data, chinese=False)
        except AssertionError as error:
            raise AssertionError(f"{name}: {error}") from error


def test_a_referenced_cid_font_is_caught():
    """The check itself: ReportLab's STSong-Light (referenced, never embedded) fails it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("STSong-Light", 12)
    page.drawString(72, 720, "礼包价")
    page.save()
    with pytest.raises(AssertionError, match="not embedded"):
        assert_fonts_embedded(buffer.getvalue(), chinese=True)


def test_the_font_files_are_shipped_with_their_licences():
    for path in FONT_FILES.values():
        assert path.read_bytes()[:4] == b"\x00\x01\x00\x00", path  # TrueType (glyf) outlines
    assert "Apache License" in (CJK_FONT_FILE.parent / "LICENSE-Apache-2.0").read_text()
    assert "SIL OPEN FONT LICENSE" in (CJK_FONT_FILE.parent / "LICENSE-OFL-1.1").read_text()
    readme = (CJK_FONT_FILE.parent / "README.md").read_text()
    assert all(path.name in readme for path in FONT_FILES.values())


def test_middle_dot_and_yen_are_drawn_by_a_font_that_has_them():
    assert text_runs("礼包价 ¥1,299.00 · 3年") == (
        (CJK_FONT, "礼包价"), (LATIN_FONT, " ¥1,299.00 · 3"), (CJK_FONT, "年"))


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")
def test_pdffonts_reports_every_font_embedded(zh_sale):
    data = sheet_pdf(zh_sale, locale="zh_CN")
    listing = subprocess.run(["pdffonts", "-"], input=data, capture_output=True,
                             check=True).stdout.decode()
    rows = [line.split() for line in listing.splitlines()[2:]]
    names = [row[0] for row in rows]
    assert any("DroidSansFallback" in name for name in names)
    assert any("LiberationSans" in name for name in names)
    assert rows and all(row[-5] == "yes" for row in rows), listing  # the "emb" column


def test_a_base_14_font_is_caught():
    """The check itself: Helvetica, which a reader substitutes with its own, fails it."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("Helvetica", 12)
    page.drawString(72, 720, "Gold card 399.00")
    page.save()
    with pytest.raises(AssertionError, match="not embedded.*Helvetica"):
        assert_fonts_embedded(buffer.getvalue(), chinese=False)


def test_fonts_stay_embedded_when_reportlab_was_imported_first(tmp_path):
    """ReportLab's modules take their default font (Helvetica) when first imported: a
    table cell, a bullet or a chart label left to that default would name it. Another
    part of the process (a barcode, a QR drawing) may import them before printing.fonts
    sets its own; every PDF must still embed every font it names."""
    script = f"""
import sys, pathlib
import reportlab.graphics.shapes, reportlab.lib.styles, reportlab.platypus.tables
import reportlab.graphics.charts.barcharts, reportlab.graphics.charts.legends
from tests.printing.test_pdf_fonts import documents, pdf_fonts, is_embedded
from tests.printing.test_sheet_pdf import chinese_database, sell_unit
db = chinese_database(pathlib.Path({str(tmp_path)!r}) / "zh.db")
sale = sell_unit(db, customer_name="陈杰")
loose = {{name: [n for n, f in pdf_fonts(data).items() if not is_embedded(f)]
         for name, data in documents(db, sale, "zh_CN").items()}}
print({{name: fonts for name, fonts in loose.items() if fonts}})
"""
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "{}"
