"""GTIN check digits: what a scanner reads must be a real barcode."""

import pytest
from hypothesis import given, strategies as st

from pos.kernel.barcodes import gtin_check_digit, make_ean13, validate_barcode
from pos.kernel.errors import UserError


@pytest.mark.parametrize("code", ["4006381333931", "6901234567892", "036000291452", "96385074"])
def test_real_barcodes_are_accepted(code):
    assert validate_barcode(code) == code


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_every_wrong_check_digit_is_refused(body):
    good = make_ean13(body)
    assert validate_barcode(good) == good
    for digit in "0123456789":
        if digit != good[-1]:
            with pytest.raises(UserError, match="check digit"):
                validate_barcode(body + digit)


@pytest.mark.parametrize(
    "code, reason",
    [("690123456789", "bad check digit"), ("12345", "has 5 digits"), ("69012345678A", "digits only"),
     ("６９０１２３４５６７８９２", "digits only")],
)
def test_malformed_barcodes_say_what_is_wrong(code, reason):
    with pytest.raises(UserError, match=reason):
        validate_barcode(code)


def test_check_digit_of_a_known_ean13():
    assert gtin_check_digit("400638133393") == 1
