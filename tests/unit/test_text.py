"""Free text made safe: card numbers masked whatever separates their digits, control
characters and over-long text refused, printer commands never printed."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.kernel.errors import UserError
from pos.kernel.text import clean_text, luhn_ok, mask_card_numbers, printable

CARD = "4111111111111111"  # a test Visa number: passes Luhn


@pytest.mark.parametrize("separator", [" ", "-", ".", "/", "_", "\u3000", "", "  "])
def test_a_card_number_is_masked_whatever_separates_its_groups(separator):
    typed = separator.join([CARD[0:4], CARD[4:8], CARD[8:12], CARD[12:16]])
    masked = mask_card_numbers(f"terminal ref {typed} ok")
    assert masked == "terminal ref **** 1111 ok"
    assert CARD not in masked.replace(" ", "")


def test_full_width_digits_are_card_digits_too():
    assert mask_card_numbers("\uff14\uff11\uff11\uff11" + CARD[4:]) == "**** 1111"


def test_numbers_that_are_no_card_stay():
    assert mask_card_numbers("phone 13800138000, order T01-000123, 2026-12-01") == \
        "phone 13800138000, order T01-000123, 2026-12-01"
    assert mask_card_numbers("4111 1111 1111 1112") == "4111 1111 1111 1112"  # fails Luhn


@given(st.text(alphabet="0123456789", min_size=12, max_size=19).filter(luhn_ok),
       st.text(alphabet="abc :,", max_size=5), st.text(alphabet="abc :,", max_size=5))
def test_every_luhn_valid_run_of_12_to_19_digits_is_masked(digits, before, after):
    masked = mask_card_numbers(f"x{before}{digits}{after}x")
    assert digits not in masked and digits[-4:] in masked


def test_clean_text_refuses_nul_and_control_characters_and_too_long_text():
    with pytest.raises(UserError) as nul:
        clean_text("Chen\x00Jie", max_length=40, field="field.name")
    assert nul.value.message_id == "text.control_characters"
    with pytest.raises(UserError) as long:
        clean_text("x" * 41, max_length=40, field="field.name")
    assert long.value.message_id == "text.too_long" and long.value.params["max"] == 40
    with pytest.raises(UserError):
        clean_text("  ", max_length=40, field="field.reason", required=True)
    assert clean_text("  paid by card 4111-1111-1111-1111  ", max_length=40) == \
        "paid by card **** 1111"


def test_printable_turns_printer_commands_into_spaces():
    assert printable("Cable\x1bp\x00\x19\xfaEnd\x1dV\x00") == "Cable p  \xfaEnd V "
    assert printable("line\nnext") == "line\nnext"
