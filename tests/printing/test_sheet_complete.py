"""The configuration sheet as a complete document: the sale's grand total and, on the
Chinese sheet, the amount in capitals (大写); quantities and unit prices; what else was
sold with the unit or with the sale; the store-stamp box and dated signatures; and the
blank pad's prices and legend."""

from __future__ import annotations

import pytest

from pos.kernel.money import chinese_capitals


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
