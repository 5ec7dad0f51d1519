"""The quote PDF (issue 19): the store's letterhead, the customer's company and invoice
details, the lines at their unit prices, totals with VAT, the total in Chinese capitals,
the validity, the staff member and the number; in English and Chinese, fonts embedded,
and a long quote runs on to further pages."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from pos.accounts.quotes import QuoteLineView, QuoteView
from pos.accounts.records import CustomerRef
from pos.kernel.enums import CustomerKind, LineKind, QuoteState
from pos.kernel.money import chinese_capitals
from pos.kernel.vat import vat_by_rate
from pos.people.customers import InvoiceDetails
from pos.printjobs.records import StoreHeader
from printing.quote_pdf import quote_pdf

STORE = StoreHeader("Tickbox Electronics Xujiahui", "88 Caoxi North Rd, Shanghai",
                    "021-6400 1234", "91310104MA1FP0TX7K", "CNY", "zh_CN", "")


def line(position, sku, name, quantity, price, discount=0, parent=None, vat=1300,
         kind=LineKind.ACCESSORY):
    return QuoteLineView(position, parent, kind, position, None, None, None, sku, name, quantity,
                         price, price, discount, price * quantity - discount, vat)


def quote(lines=None, state="open", note="Delivery to the 5th floor, Tuesday morning"):
    lines = lines or (
        line(1, "LEN-XX-PRO14", "Lenovo Xiaoxin Pro 14 notebook", 5, 649_900, 50_000,
             kind=LineKind.MAIN_UNIT),
        line(2, "BAG-NB-156", "Targus 15.6-inch shoulder bag", 5, 19_900, parent=1),
        line(3, "CARD-GOLD", "Gold service card, 3 years", 5, 59_900, parent=1, vat=600),
    )
    total = sum(l.line_total for l in lines)
    vat = vat_by_rate((l.vat_rate_bp, l.line_total) for l in lines)
    return QuoteView(
        "S01-QT-000042", state, QuoteState.OPEN, "S01",
        CustomerRef(7, "13700000001", "Zhou Min", CustomerKind.BUSINESS, "上海安科信息技术有限公司"),
        InvoiceDetails("上海安科信息技术有限公司", "91310000MA1FL8XQ3X", "上海市徐汇区漕溪北路1号",
                       "021-5555 0000", "工商银行上海徐汇支行", "6222021234567890128"),
        "Zhang Wei", datetime(2026, 12, 2, 3, 0, tzinfo=UTC), date(2026, 12, 17),
        total, sum(l.discount for l in lines), sum(v.vat for v in vat), vat, tuple(lines),
        note, None, None)


def text_of(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def keep(name: str, data: bytes) -> None:
    """QUOTE_PDF_DIR=/tmp/x keeps the PDFs, to render and look at."""
    folder = os.environ.get("QUOTE_PDF_DIR")
    if folder:
        with open(os.path.join(folder, name), "wb") as out:
            out.write(data)


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_the_quote_holds_what_the_customer_and_the_accountant_need(locale):
    q = quote()
    data = quote_pdf(q, locale=locale, store=STORE)
    keep(f"quote-{locale}.pdf", data)
    reader, text = text_of(data)
    assert len(reader.pages) == 1
    compact = text.replace(" ", "")
    for expected in (STORE.name, STORE.tax_id, "021-64001234", "S01-QT-000042",
                     "91310000MA1FL8XQ3X", "6222021234567890128", "LEN-XX-PRO14",
                     "Zhang Wei", chinese_capitals(q.total)):
        assert expected.replace(" ", "") in compact, expected
    assert chinese_capitals(q.total) == "人民币叁万伍仟玖佰捌拾伍元整"
    if locale == "en":
        for expected in ("Quotation", "Valid until", "Unit price", "incl. VAT 13%",
                         "¥35,985.00", "¥6,499.00", "Tax ID"):
            assert expected in text, expected
    else:
        for expected in ("报价单", "有效期至", "单价", "含增值税13%", "合计金额（大写）",
                         "上海安科信息技术有限公司", "工商银行上海徐汇支行", "2026年12月17日"):
            assert expected.replace(" ", "") in compact, expected
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get(
                "/FontDescriptor")
            if descriptor is not None:
                descriptor = descriptor.get_object()
                fonts.add(any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")))
    assert fonts == {True}  # every font with a descriptor is embedded


def test_a_long_quote_runs_on_and_a_sold_one_says_so():
    many = tuple(line(i, f"SKU-{i:03d}", f"Cable {i}", 1, 1_000 + i) for i in range(1, 51))
    data = quote_pdf(quote(many, state="converted"), locale="en", store=STORE)
    keep("quote-long.pdf", data)
    reader, text = text_of(data)
    assert len(reader.pages) == 2
    assert "SKU-001" in reader.pages[0].extract_text()
    assert "SKU-050" in reader.pages[1].extract_text() and "SOLD" in text
    assert "Page 2 of 2" in text and "Total in words" in reader.pages[1].extract_text()


def test_chinese_glyphs_render_according_to_pdftotext():
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(["pdftotext", "-", "-"], capture_output=True, check=True,
                            input=quote_pdf(quote(), locale="zh_CN", store=STORE))
    if b"Missing language pack" in result.stderr:
        pytest.skip("poppler-data (the Adobe-GB1 CMaps) is not installed")
    text = result.stdout.decode("utf-8")
    for expected in ("报价单", "人民币叁万伍仟玖佰捌拾伍元整", "客户确认"):
        assert expected in text


def test_the_capitals_a_quote_prints():
    assert chinese_capitals(1_234_567) == "人民币壹万贰仟叁佰肆拾伍元陆角柒分"
    assert chinese_capitals(3_598_500) == "人民币叁万伍仟玖佰捌拾伍元整"
    assert chinese_capitals(5_000_060) == "人民币伍万元陆角整"  # 零 may be left out here


def test_a_long_name_takes_more_lines_rather_than_being_cut():
    name = "TP-Link XDR6088 AX6000 Wi-Fi 6 router with eight aerials, two 2.5G ports and mesh"
    data = quote_pdf(quote((line(1, "NET-RT-XDR6088", name, 1, 69_900),)), locale="en",
                     store=STORE)
    keep("quote-long-name.pdf", data)
    _, text = text_of(data)
    assert "".join(name.split()) in "".join(text.split())
