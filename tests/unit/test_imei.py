"""IMEIs: 15 digits whose last is the Luhn check digit of the other fourteen."""

import pytest
from hypothesis import given, strategies as st

from pos.kernel.errors import UserError
from pos.kernel.imei import checked_imei, is_imei, luhn_check_digit, make_imei

# Published examples: the GSMA's sample IMEI and two found on handsets' boxes.
KNOWN_GOOD = ["490154203237518", "356938035643809", "352099001761481"]


@pytest.mark.parametrize("imei", KNOWN_GOOD)
def test_known_imeis_are_valid(imei):
    assert is_imei(imei)
    assert checked_imei(imei, name="Phone") == imei


def test_the_check_digit_of_a_known_imei():
    assert luhn_check_digit("49015420323751") == 8
    assert make_imei("49015420323751") == "490154203237518"


@pytest.mark.parametrize("typed", ["4901 5420 3237 518", "49-015420-323751-8",
                                   " 490154-203237-518 ", "49 015420 323751 8"])
def test_spaces_and_dashes_a_person_types_are_dropped(typed):
    assert checked_imei(typed, name="Phone") == "490154203237518"


@pytest.mark.parametrize("bad", ["490154203237517", "490154203237519", "940154203237518"])
def test_a_wrong_check_digit_or_swapped_digits_are_refused(bad):
    assert not is_imei(bad)
    with pytest.raises(UserError) as refused:
        checked_imei(bad, name="Phone")
    assert refused.value.message_id == "serial.imei_check_digit"
    assert refused.value.params == {"serial": bad, "name": "Phone"}


@pytest.mark.parametrize("bad", [
    "ABCD", "", "49015420323751", "4901542032375180", "49015420323751X",
    "４９０１５４２０３２３７５１８",  # full-width digits
    "49015420323751٨",  # an Arabic-Indic eight: str.isdigit() says yes
    "490154/203237518", "490154.203237518",
])
def test_anything_but_15_digits_is_refused(bad):
    assert not is_imei(bad)
    with pytest.raises(UserError) as refused:
        checked_imei(bad, name="Phone")
    assert refused.value.message_id == "serial.not_imei"
    assert refused.value.params["name"] == "Phone"


def test_what_is_refused_is_shown_without_control_characters_and_cut():
    with pytest.raises(UserError) as refused:
        checked_imei("\x1b[2J" + "9" * 500, name="Phone")
    shown = refused.value.params["serial"]
    assert "\x1b" not in shown and len(shown) <= 64


def test_not_text_is_refused():
    with pytest.raises(UserError):
        checked_imei(None, name="Phone")
    assert not is_imei(490154203237518)


@given(st.text(alphabet="0123456789", min_size=14, max_size=14))
def test_every_made_imei_is_valid_and_every_other_last_digit_is_not(body):
    good = make_imei(body)
    assert is_imei(good)
    assert [digit for digit in "0123456789" if is_imei(body + digit)] == [good[-1]]


@given(st.text(alphabet="0123456789", min_size=14, max_size=14),
       st.integers(min_value=0, max_value=13))
def test_one_mistyped_digit_is_always_caught(body, place):
    good = make_imei(body)
    for digit in "0123456789":
        if digit != good[place]:
            assert not is_imei(good[:place] + digit + good[place + 1:])


def test_a_body_is_14_ascii_digits():
    with pytest.raises(ValueError):
        make_imei("123")
    with pytest.raises(ValueError):
        luhn_check_digit("12a")
