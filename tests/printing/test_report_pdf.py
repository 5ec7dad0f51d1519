"""The day's report PDF, from a day of known sales, read back with pypdf."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from pos.day import reports
from pos.kernel.money import format_money
from printing.report_pdf import report_pdf
from tests.integration.test_reports import known_day


@pytest.fixture
def day_report(sqlite_demo_db):
    known_day(sqlite_demo_db)
    return reports.day_report(sqlite_demo_db, day=date.today())


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def assert_a4(reader: PdfReader) -> None:
    assert len(reader.pages) >= 1
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (round(A4[0]), round(A4[1]))


def test_english_report_has_net_total_and_categories(day_report):
    data = report_pdf(day_report, locale="en", store_name="Demo Store")
    assert data.startswith(b"%PDF")
    reader, text = pdf_text(data)
    assert_a4(reader)
    assert format_money(day_report.net, currency="CNY", locale="en") in text
    assert "Notebooks" in text
    assert "Day report" in text
    assert "Commissions" in text


def test_chinese_report_renders_chinese_title(day_report):
    data = report_pdf(day_report, locale="zh", store_name="演示门店")
    reader, text = pdf_text(data)
    assert_a4(reader)
    assert "日报表" in text
    assert format_money(day_report.net, currency="CNY", locale="zh") in text
    assert "Notebooks" in text


def test_an_empty_day_still_renders(sqlite_demo_db):
    report = reports.day_report(sqlite_demo_db, day=date(2000, 1, 1))
    reader, text = pdf_text(report_pdf(report, locale="en"))
    assert_a4(reader)
    assert "None." in text
