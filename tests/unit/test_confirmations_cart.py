"""The till's card confirmation points on the cart (issue 20): kept per unit, the last
answer for a point, only the till's three points, copied with the cart, parked and
resumed through its JSON, a damaged record refused."""

import json

import pytest

from pos.kernel.enums import ConfirmPoint, LineKind
from pos.kernel.errors import UserError
from pos.selling.cart import Cart, CartLine
from pos.selling.confirmations import record_confirmation, unit_confirmations


def cart_with_unit() -> Cart:
    cart = Cart.new(staff_id=3, terminal="T01", store_id=1)
    for line_id, kind in (("u1", LineKind.MAIN_UNIT), ("a1", LineKind.ACCESSORY)):
        cart.lines.append(CartLine(line_id=line_id, product_id=1, sku="X", name="Notebook",
                                   kind=kind, quantity=1, list_price=100, unit_price=100,
                                   unit_cost=50, vat_rate_bp=1300, parent_line_id=None))
    return cart


def test_points_are_kept_per_unit_with_the_last_answer():
    cart = cart_with_unit()
    record_confirmation(cart, main_line_id="u1", point="before_agree", accepted=True, staff_id=3)
    record_confirmation(cart, main_line_id="u1", point="after_agree", accepted=False, staff_id=4)
    record_confirmation(cart, main_line_id="u1", point="before_agree", accepted=False,
                        staff_id=5)
    assert unit_confirmations(cart, "u1") == {ConfirmPoint.BEFORE_AGREE: False,
                                              ConfirmPoint.AFTER_AGREE: False}
    assert [(row[1], row[3]) for row in cart.confirmations] == [("after_agree", 4),
                                                                ("before_agree", 5)]


@pytest.mark.parametrize("point", ["at_pickup", "during_install", "later", None, 3])
def test_only_the_tills_three_points(point):
    cart = cart_with_unit()
    with pytest.raises(UserError) as refused:
        record_confirmation(cart, main_line_id="u1", point=point, accepted=True, staff_id=3)
    assert refused.value.message_id == "confirm.bad_point"
    assert cart.confirmations == []


def test_only_a_main_unit_and_a_yes_or_no():
    cart = cart_with_unit()
    with pytest.raises(UserError) as refused:
        record_confirmation(cart, main_line_id="a1", point="at_payment", accepted=True,
                            staff_id=3)
    assert refused.value.message_id == "cart.not_main_unit"
    with pytest.raises(UserError):
        record_confirmation(cart, main_line_id="gone", point="at_payment", accepted=True,
                            staff_id=3)
    with pytest.raises(UserError):
        record_confirmation(cart, main_line_id="u1", point="at_payment", accepted="yes",
                            staff_id=3)
    assert cart.confirmations == []


def test_a_copy_has_its_own_points():
    cart = cart_with_unit()
    record_confirmation(cart, main_line_id="u1", point="at_payment", accepted=True, staff_id=3)
    mine = cart.copy()
    record_confirmation(mine, main_line_id="u1", point="at_payment", accepted=False, staff_id=3)
    record_confirmation(mine, main_line_id="u1", point="after_agree", accepted=False, staff_id=3)
    assert unit_confirmations(cart, "u1") == {ConfirmPoint.AT_PAYMENT: True}


def test_parked_and_resumed_through_json():
    cart = cart_with_unit()
    record_confirmation(cart, main_line_id="u1", point="after_agree", accepted=True, staff_id=3)
    back = Cart.from_json_dict(json.loads(json.dumps(cart.to_json_dict())))
    assert back.confirmations == cart.confirmations
    assert unit_confirmations(back, "u1") == {ConfirmPoint.AFTER_AGREE: True}
    older = cart.to_json_dict()
    del older["confirmations"]  # parked before carts kept them
    assert Cart.from_json_dict(older).confirmations == []


@pytest.mark.parametrize("damaged", [
    "yes", [["u1", "after_agree", "yes", 3, "2026-12-01T10:00:00+00:00"]],
    [["u1", "after_agree", True, 3]], [["u1", "after_agree", True, "3", "now"]], [None]])
def test_a_damaged_record_is_refused(damaged):
    data = cart_with_unit().to_json_dict()
    data["confirmations"] = damaged
    with pytest.raises(UserError) as refused:
        Cart.from_json_dict(json.loads(json.dumps(data)))
    assert refused.value.message_id == "park.damaged"
