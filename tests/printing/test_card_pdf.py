"""The service-card certificate PDF, from cards sold on real demo-store sales."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A5, landscape

from pos.printjobs.records import load_card
from printing.card_pdf import card_certificate_pdf
from tests.printing.test_sheet_pdf import chinese_database, sell_unit


def certificate_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) == 1
    return pages[0].extract_text()


@pytest.fixture(scope="module")
def zh_db(tmp_path_factory):
    db = chinese_database(tmp_path_factory.mktemp("zh_cards") / "zh.db")
    yield db
    db.dispose()


def test_the_certificate_shows_card_tier_unit_customer_and_dates(sqlite_demo_db):
    sale = sell_unit(sqlite_demo_db)
    store, card = load_card(sqlite_demo_db, card_no=sale.cards[0].card_no)
    text = certificate_text(card_certificate_pdf(store, card, locale="en"))
    for expected in (card.card_no, "Gold card", "PF3ABC12", card.unit_name,
                     "Chen Jie", "13800138000", "Nov 23, 2026", "Nov 23, 2029",
                     "On-site software service for 36 months from the sale (to Nov 23, 2029)",
                     sale.receipt_no, store.name, "Terms and conditions"):
        assert expected in text
    assert card.description not in text  # the store's note; the promise is generated


def test_the_certificate_is_an_a5_landscape_page(sqlite_demo_db):
    sale = sell_unit(sqlite_demo_db)
    store, card = load_card(sqlite_demo_db, card_no=sale.cards[0].card_no)
    page = PdfReader(io.BytesIO(card_certificate_pdf(store, card, locale="en"))).pages[0]
    width, height = landscape(A5)
    assert float(page.mediabox.width) == pytest.approx(width, abs=0.5)
    assert float(page.mediabox.height) == pytest.approx(height, abs=0.5)


def test_a_lifetime_card_says_lifetime_in_chinese(zh_db):
    sale = sell_unit(zh_db, serial="PF3LIFE01", card="diamond", customer_name="陈杰")
    store, card = load_card(zh_db, card_no=sale.cards[0].card_no)
    assert card.end_date is None
    text = certificate_text(card_certificate_pdf(store, card, locale="zh_CN"))
    for expected in ("服务卡证书", "钻石卡", card.card_no, "PF3LIFE01", "终身",
                     "自购买之日起终身上门软件服务", "陈杰", "2026年11月23日", "服务条款"):
        assert expected in text


def test_chinese_certificate_glyphs_render_according_to_pdftotext(zh_db):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    sale = sell_unit(zh_db, serial="PF3GOLD02", card="gold", customer_name="陈杰")
    store, card = load_card(zh_db, card_no=sale.cards[0].card_no)
    result = subprocess.run(["pdftotext", "-", "-"],
                            input=card_certificate_pdf(store, card, locale="zh_CN"),
                            capture_output=True, check=True)
    if b"Missing language pack" in result.stderr:
        pytest.skip("poppler-data (the Adobe-GB1 CMaps) is not installed")
    text = result.stdout.decode("utf-8")
    for expected in ("服务卡证书", "金卡", "自购买之日起上门软件服务36个月（至2029年11月23日）",
                     "2029年11月23日", "门店盖章"):
        assert expected in text
