"""The configuration sheet as a complete document: the sale's grand total and, on the
Chinese sheet, the amount in capitals (大写); quantities and unit prices; what else was
sold with the unit or with the sale; the store-stamp box and dated signatures; and the
blank pad's prices and legend."""

from __future__ import annotations

import pytest

from pos.kernel.money import chinese_capitals
from pos.printjobs.records import load_blank_sheet
from printing.pdf_common import money
from printing.pdf_labels import LABELS, STATE_WORDS
from printing.sheet_pdf import blank_sheet_pdf
from tests.printing.test_sheet_pdf import chinese_database, pages_text


@pytest.mark.parametrize("fen, words", [
    (753690, "人民币柒仟伍佰叁拾陆元玖角整"),
    (100505, "人民币壹仟零伍元零伍分"),
    (0, "人民币零元整"),
    (5, "人民币伍分"),
    (90, "人民币玖角整"),
    (1000, "人民币壹拾元整"),
    (100000, "人民币壹仟元整"),
    (1000000, "人民币壹万元整"),
    (1010000, "人民币壹万零壹佰元整"),
    (10001000, "人民币壹拾万零壹拾元整"),
    (129900, "人民币壹仟贰佰玖拾玖元整"),
    (10000000000, "人民币壹亿元整"),
    (10001000000, "人民币壹亿零壹万元整"),
    (10100000000, "人民币壹亿零壹佰万元整"),
    (2000000005, "人民币贰仟万元零伍分"),
    (-12345, "人民币负壹佰贰拾叁元肆角伍分"),
])
def test_chinese_capitals(fen, words):
    assert chinese_capitals(fen) == words


def test_chinese_capitals_refuses_floats():
    with pytest.raises(TypeError):
        chinese_capitals(12.5)


# ------------------------------------------------------------------ the blank pad


@pytest.fixture(scope="module")
def zh_db(tmp_path_factory):
    db = chinese_database(tmp_path_factory.mktemp("zh_complete") / "zh.db")
    yield db
    db.dispose()


@pytest.mark.parametrize("size", ["A4", "A5"])
def test_a_chinese_blank_sheet_prints_every_pack_price_whole(zh_db, size):
    store, sheet = load_blank_sheet(zh_db, layout="desktop_pc")
    text = "\n".join(pages_text(blank_sheet_pdf(store, sheet, page_size=size, locale="zh_CN")))
    packs = [item for item in sheet.items if item.price is not None and not item.gift]
    assert packs
    for item in packs:
        assert f"礼包价 {money(item.price, currency=store.currency, locale='zh_CN')}" in text
    assert "...." not in text and "..." not in text


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_legend_names_the_state_the_rows_print(lang):
    assert LABELS[lang]["legend_taken"].casefold() == STATE_WORDS[lang]["sold"].casefold()
    assert LABELS[lang]["legend_declined"].casefold() == STATE_WORDS[lang]["declined"].casefold()
    assert LABELS[lang]["legend_empty"].casefold() == STATE_WORDS[lang]["not_offered"].casefold()
    assert "taken" not in LABELS[lang]["summary"]
