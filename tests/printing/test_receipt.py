"""Receipts: exact ESC/POS bytes at both paper widths, Chinese counted as two columns and
sent as GB18030, the printer's own barcode command, copies, the drawer."""

import os
import time
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from printing.columns import display_width, left_right, wrap
from printing.escpos_out import CHINESE_MODE_ON, INIT, drawer_kick_bytes, receipt_bytes
from printing.receipt import Barcode, Text, receipt_layout
from tests.printing.known_sale import known_sale

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(autouse=True)
def shanghai_time(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("width", [32, 48])
def test_receipt_bytes_are_exactly_the_reviewed_ones(width):
    data = receipt_bytes(receipt_layout(known_sale(), width=width), width=width)
    golden = GOLDEN / f"receipt-{width}.bin"
    if os.environ.get("TICKBOX_WRITE_GOLDEN"):  # after a reviewed layout change only
        golden.write_bytes(data)
    assert data == golden.read_bytes()


@pytest.mark.parametrize("width", [32, 48])
def test_receipt_bytes_carry_chinese_barcode_and_cut_commands(width):
    data = receipt_bytes(receipt_layout(known_sale(), width=width), width=width)
    assert data.startswith(INIT + CHINESE_MODE_ON)
    assert "联想小新 Pro 14 笔记本".encode("gb18030") in data
    assert "合计".encode("gb18030") in data
    assert b"\x1dk" in data and b"{BT01-000001" in data  # GS k: the printer draws the barcode
    assert b"\x1dV" in data  # GS V: cut
    assert b"\x1b*" not in data and b"\x1dv0" not in data  # no raster images


@pytest.mark.parametrize("width", [32, 48])
def test_every_line_fits_the_paper_counting_chinese_as_two_columns(width):
    for op in receipt_layout(known_sale(), width=width):
        if isinstance(op, Text):
            limit = width // 2 if op.double else width
            assert display_width(op.text) <= limit, op.text


def test_lines_are_grouped_under_their_unit_with_serial_warranty_and_card_details():
    texts = [op.text for op in receipt_layout(known_sale(), width=48) if isinstance(op, Text)]
    unit = next(i for i, t in enumerate(texts) if t.startswith("联想小新"))
    assert texts[unit + 1].strip() == "编码 NB-LEN-XXPRO14"  # each item with its code
    assert texts[unit + 2].strip() == "序列号 PF3ABC12"
    assert texts[unit + 3].strip() == "厂商保修：12个月"
    assert texts[unit + 4].startswith("  + Targus")
    assert texts[unit + 5].strip() == "编码 BAG-NB-156"
    assert texts[unit + 6].startswith("  * 金卡")
    assert any(t.startswith("卡号 T01-C000001") for t in texts)
    # the gold card's promise, generated from its tier and dates: 36 months from the sale
    assert "自购买之日起上门软件服务36个月（至2029-11-23）" in "".join(texts)
    assert any("含增值税 13%" in t for t in texts) and any("找零" in t for t in texts)
    assert any("**** 1234" in t for t in texts)
    assert "138****8000" in " ".join(texts)  # the phone is masked on paper
    assert [op for op in receipt_layout(known_sale(), width=48) if isinstance(op, Barcode)]


def test_english_receipt_uses_english_words():
    texts = " ".join(op.text for op in receipt_layout(known_sale(locale="en"), width=48)
                     if isinstance(op, Text))
    assert "TOTAL" in texts and "Change" in texts and "Maker's warranty: 12 months" in texts
    assert "On-site software service for 36 months from the sale (to 2029-11-23)" in texts


def test_a_reprint_is_marked_as_a_copy():
    first = receipt_bytes(receipt_layout(known_sale(), width=48), width=48)
    copy = receipt_bytes(receipt_layout(known_sale(), width=48, copy=True), width=48)
    assert "*** 重印 ***".encode("gb18030") not in first
    assert "*** 重印 ***".encode("gb18030") in copy


def test_the_drawer_kick_is_the_pulse_command():
    assert drawer_kick_bytes().startswith(b"\x1bp")


@given(st.text(alphabet=st.sampled_from(list("abc XYZ 12 联想小新笔记本，。")), max_size=80),
       st.sampled_from([32, 48]))
def test_wrapped_text_never_overflows_and_loses_nothing(text, width):
    lines = wrap(text, width)
    assert all(display_width(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == "".join(text.split()).replace(" ", "")


@given(st.text(alphabet=st.sampled_from(list("abc XYZ 联想小新")), max_size=60),
       st.sampled_from(["1.00", "6499.00", "-7.98"]), st.sampled_from([32, 48]))
def test_left_right_lines_fit_and_keep_the_amount_right_aligned(left, right, width):
    lines = left_right(left, right, width)
    assert all(display_width(line) <= width for line in lines)
    assert lines[-1].endswith(right)
