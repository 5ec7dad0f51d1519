"""The pre-order deposit slip (printing.preorder_pdf): an A5 landscape page with the
customer, the product, the deposit, the promised gift and the pre-order number (also as
a barcode), in English and Chinese, fonts embedded; a cancelled pre-order says so."""

from __future__ import annotations

import io
import shutil
import subprocess
import uuid

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A5, landscape

from pos.accounts import preorders
from pos.people import customers
from printing.preorder_pdf import preorder_slip_pdf
from tests.integration.checkout_helpers import staff_id
from tests.printing.test_pdf_fonts import assert_fonts_embedded


def slip_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) == 1
    return pages[0].extract_text()


def take(db, **kw):
    customers.create_customer(db, phone="13700000011", name="Wang Fang")
    posted = preorders.take_preorder(
        db, customer="13700000011", code="BAG-NB-156", deposit=10_000, tender="wechat",
        gift=kw.get("gift", "Screen cleaning kit"), price=45_900,
        staff_id=staff_id(db, "cashier"), terminal="T01", request_id=str(uuid.uuid4()))
    return preorders.preorder_slip(db, preorder_no=posted.preorder_no)


def test_the_slip_shows_customer_product_deposit_gift_and_number(sqlite_demo_db):
    view, store = take(sqlite_demo_db)
    data = preorder_slip_pdf(view, store=store, locale="en")
    text = slip_text(data)
    for expected in ("Pre-order deposit slip", "S01-PO-000001", "S01-DP-000001", "Wang Fang",
                     "13700000011", "Targus 15.6-inch shoulder bag", "BAG-NB-156",
                     "100.00", "459.00", "WeChat Pay", "Screen cleaning kit", store.name,
                     "Terms"):
        assert expected in text, expected
    assert "CANCELLED" not in text
    page = PdfReader(io.BytesIO(data)).pages[0]
    width, height = landscape(A5)
    assert float(page.mediabox.width) == pytest.approx(width, abs=0.5)
    assert float(page.mediabox.height) == pytest.approx(height, abs=0.5)
    assert_fonts_embedded(data, chinese=False)


def test_a_cancelled_pre_order_prints_cancelled_in_chinese(sqlite_demo_db):
    db = sqlite_demo_db
    view, store = take(db, gift="屏幕清洁套装")
    preorders.cancel_preorder(db, preorder_no=view.preorder_no,
                              staff_id=staff_id(db, "manager"), tender="wechat",
                              request_id=str(uuid.uuid4()))
    view, store = preorders.preorder_slip(db, preorder_no=view.preorder_no)
    data = preorder_slip_pdf(view, store=store, locale="zh_CN")
    assert_fonts_embedded(data, chinese=True)
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                            check=True)
    if b"Missing language pack" in result.stderr:
        pytest.skip("poppler-data (the Adobe-GB1 CMaps) is not installed")
    text = result.stdout.decode("utf-8")
    for expected in ("预订定金单", "预订有礼：屏幕清洁套装", "S01-PO-000001", "已取消",
                     "微信支付", "承诺赠品", "预订须知"):
        assert expected in text, expected
