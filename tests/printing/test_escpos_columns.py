"""Columns measured by what the printer does with the bytes: the layout's width function
follows the encoding sent, currency signs a printer lacks are swapped, double size reaches
Chinese, and lines break where Chinese and Latin typesetting allow. The printer's side is
tests/printing/escpos_reader.py, which reads the bytes as an Epson-style printer does."""

from dataclasses import replace

import pytest

from printing.columns import char_width, display_width, left_right, printer_text, wrap
from printing.escpos_out import receipt_bytes
from printing.receipt import Text, receipt_layout
from tests.printing.escpos_reader import read
from tests.printing.known_sale import known_sale


def test_width_follows_the_encoding_sent():
    # ¥ is four bytes in GB18030 (double width); · is A1 A4 (double width)
    assert char_width("¥", "gb18030") == 2 and char_width("·", "gb18030") == 2
    assert display_width("合计 ¥9,138.81", "gb18030") == 15
    assert char_width("￥", "gbk") == 2 and char_width("中", "gbk") == 2
    assert char_width("A", "gbk") == 1
    assert char_width("中", "ascii") == 1  # goes out as "?"


def test_currency_sign_the_printer_can_print():
    assert printer_text("¥9,138.81", "gbk") == "￥9,138.81"
    assert "￥".encode("gbk") == b"\xa3\xa4"
    assert printer_text("¥9,138.81", "gb18030") == "¥9,138.81"
    assert printer_text("¥9,138.81", "ascii") == "RMB9,138.81"


def _big_sale(locale="zh_CN"):
    """A sale whose total prints as ¥9,138.81: the old layout padded `合计   ¥9,138.81`
    to 16 half-columns counting ¥ as one; the printer prints it in 17 (34 columns)."""
    record = known_sale(locale=locale)
    return replace(record, total=913881)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "ascii"])
@pytest.mark.parametrize("width", [32, 48])
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_the_total_line_fits_at_double_size_on_every_profile(width, encoding, locale):
    data = receipt_bytes(receipt_layout(_big_sale(locale), width=width, encoding=encoding),
                         width=width, encoding=encoding)
    printout = read(data, width, encoding if encoding != "ascii" else "gb18030")
    assert printout.overflows == []
    total = [line for line in printout.lines if "9,138.81" in line.text]
    assert total and all(line.columns <= width and line.end == width for line in total)
    if encoding == "gbk":
        assert "¥".encode("gb18030") not in data and "￥".encode("gbk") in data
    if encoding == "ascii":
        assert max(data) < 0x80 or b"?" in data  # nothing multibyte reaches the printer


def test_the_old_count_overflowed_the_total_line():
    """What the printer did with the bytes before: ¥ counted as one column, double size
    only on alphanumerics. Re-measured with FS ! the same line takes 34 of 32 columns."""
    old = "合计   ¥9,138.81"  # padded to 16 by the old count (¥ = 1)
    assert display_width(old, "gb18030") == 17  # 34 columns at double size


@pytest.mark.parametrize("width", [32, 48])
def test_double_size_reaches_chinese_and_digits_alike(width):
    printout = read(receipt_bytes(receipt_layout(known_sale(), width=width), width=width), width)
    doubled = [line for line in printout.lines if line.doubled]
    assert doubled  # the store name and the total
    for line in doubled:
        chinese = [g for g in line.glyphs if g.chinese]
        latin = [g for g in line.glyphs if not g.chinese and g.char != " "]
        assert all(g.double_width and g.double_height for g in chinese), line.text
        assert all(g.double_width and g.double_height for g in latin), line.text
    # and every line after a double one is back to normal size
    after = printout.lines[printout.lines.index(doubled[-1]) + 1:]
    assert all(not line.doubled for line in after)


def test_gbk_and_ascii_printers_get_no_chinese_size_commands_they_lack():
    data = receipt_bytes(receipt_layout(known_sale(locale="en"), width=48, encoding="ascii"),
                         width=48, encoding="ascii")
    assert b"\x1c\x21" not in data and b"\x1c&" not in data


def test_the_store_name_breaks_at_a_space_not_inside_a_word():
    assert wrap("Tickbox 数码 徐家汇店", 16) == ["Tickbox 数码", "徐家汇店"]


def test_an_opening_bracket_never_ends_a_line():
    lines = wrap("自购买之日起上门软件服务36个月（至2029-11-23）", 32)
    assert not any(line.endswith("（") for line in lines)
    assert lines == ["自购买之日起上门软件服务36个月", "（至2029-11-23）"]
    for width in range(6, 40):
        for line in wrap("一二三四五（六七八九十）一二三（四五六）", width):
            assert not line.endswith("（") and not line.startswith("）"), (width, line)


def test_a_long_chinese_run_still_breaks_anywhere():
    lines = wrap("谢谢惠顾请保留小票作为保修凭证谢谢惠顾请保留小票作为保修凭证", 16)
    assert all(display_width(line) <= 16 for line in lines) and len(lines) == 4


@pytest.mark.parametrize("width", [32, 48])
def test_reference_and_its_value_stay_together(width):
    texts = [op.text for op in receipt_layout(known_sale(), width=width) if isinstance(op, Text)]
    assert any("参考号 889911" in text for text in texts)


def test_continuation_lines_hang_under_the_name_not_the_marker():
    lines = left_right("+ Targus 15.6-inch shoulder bag", "399.00", 32, 2, hang=2)
    assert lines == ["  + Targus 15.6-inch", "    shoulder bag          399.00"]
    texts = [op.text for op in receipt_layout(known_sale(), width=32) if isinstance(op, Text)]
    bag = texts.index("  + Targus 15.6-inch")
    assert texts[bag + 1].startswith("    shoulder bag")


from hypothesis import given, strategies as st  # noqa: E402


@given(st.text(alphabet=st.sampled_from(list("ab 12¥·联想（）。，、Targus")), max_size=60),
       st.integers(min_value=1, max_value=48), st.sampled_from(["gb18030", "gbk", "ascii"]))
def test_wrap_never_overflows_on_any_profile_and_keeps_every_character(text, width, encoding):
    lines = wrap(text, width, encoding)
    assert all(display_width(line, encoding) <= max(width, 2) for line in lines)
    assert "".join(lines).replace(" ", "") == printer_text(text, encoding).replace(" ", "")
