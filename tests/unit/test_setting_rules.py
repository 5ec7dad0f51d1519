"""Each store setting's rule (pos.store.setting_rules): good values come back normalized,
bad ones are refused naming the key, what it takes, and where each problem is."""

import copy

import pytest

from pos.kernel.errors import UserError
from pos.store.setting_rules import RULES, validate
from pos.store.settings import DEFAULTS, parse_value

ROLES_OK = {"cashier": 500, "installer": 0, "manager": 10000, "admin": 10000}


def refused(key, value) -> str:
    """The English text of the refusal of `value` for `key` (its details included)."""
    with pytest.raises(UserError) as caught:
        validate(key, value)
    assert caught.value.message_id == "setting.bad_value"
    assert caught.value.message.startswith(f"{key} was not changed: it takes ")
    return str(caught.value)


def test_every_key_has_a_rule_and_every_default_passes_it_unchanged():
    assert set(RULES) == set(DEFAULTS)
    for key, value in DEFAULTS.items():
        assert validate(key, copy.deepcopy(value)) == value, key


# --- discount_limit_bp and pin_min_digits: a number per role ----------------------------


def test_discount_limits_per_role_are_taken_in_role_order():
    value = {"admin": 10000, "manager": 10000, "installer": 0, "cashier": 500}
    assert list(validate("discount_limit_bp", value)) == ["cashier", "installer", "manager",
                                                          "admin"]


@pytest.mark.parametrize("value, problem", [
    ({"cashier": 500}, "discount_limit_bp: missing: installer, manager, admin"),
    ({**ROLES_OK, "cashier": 10001},
     "discount_limit_bp > cashier: a whole number from 0 to 10000 is needed, not 10001"),
    ({**ROLES_OK, "manager": -1}, "discount_limit_bp > manager: a whole number"),
    ({**ROLES_OK, "admin": 12.5}, "discount_limit_bp > admin: a whole number"),
    ({**ROLES_OK, "admin": True}, "discount_limit_bp > admin: a whole number"),
    ({**ROLES_OK, "cashier": "500"}, 'not "500"'),
    ({**ROLES_OK, "boss": 1}, "discount_limit_bp: not known here: boss"),
    (1000, "discount_limit_bp: a JSON object is needed, not 1000"),
    ([1000], "a JSON object is needed"),
])
def test_bad_discount_limits_are_refused_saying_where(value, problem):
    assert problem in refused("discount_limit_bp", value)


def test_pin_min_digits_are_4_to_8_per_role():
    six = {"cashier": 4, "installer": 4, "manager": 6, "admin": 8}
    assert validate("pin_min_digits", six) == six
    assert "pin_min_digits > manager: a whole number from 4 to 8 is needed, not 3" in refused(
        "pin_min_digits", {**six, "manager": 3})
    assert "pin_min_digits > admin: a whole number from 4 to 8 is needed, not 9" in refused(
        "pin_min_digits", {**six, "admin": 9})


# --- account_days: the store's practice, 3 days for consumers, 30 for businesses --------


def test_account_days_within_the_stores_practice_are_taken():
    assert validate("account_days", {"consumer": 0, "business": 30}) == {"consumer": 0,
                                                                         "business": 30}
    assert validate("account_days", {"business": 14, "consumer": 3}) == {"consumer": 3,
                                                                         "business": 14}


@pytest.mark.parametrize("value, problem", [
    ({"consumer": 4, "business": 30}, "account_days > consumer: a whole number from 0 to 3"),
    ({"consumer": 3, "business": 31}, "account_days > business: a whole number from 0 to 30"),
    ({"consumer": -1, "business": 30}, "account_days > consumer"),
    ({"consumer": 3}, "account_days: missing: business"),
    ({"consumer": 3, "business": 30, "vip": 60}, "account_days: not known here: vip"),
    (30, "account_days: a JSON object is needed, not 30"),
])
def test_account_days_past_the_practice_are_refused(value, problem):
    assert problem in refused("account_days", value)


# --- margin_threshold_bp, allow_negative_stock --------------------------------------------


@pytest.mark.parametrize("value", [0, 800, 10000])
def test_margin_threshold_is_0_to_10000_basis_points(value):
    assert validate("margin_threshold_bp", value) == value


@pytest.mark.parametrize("value", [-1, 10001, 8.5, "800", None, True, [800]])
def test_a_margin_threshold_out_of_range_or_not_a_whole_number_is_refused(value):
    assert "margin_threshold_bp: a whole number from 0 to 10000 is needed" in refused(
        "margin_threshold_bp", value)


@pytest.mark.parametrize("value, expected", [(True, True), (False, False), ("yes", True),
                                             ("No", False), ("true", True)])
def test_allow_negative_stock_is_true_or_false(value, expected):
    assert validate("allow_negative_stock", value) is expected


@pytest.mark.parametrize("value", [1, 0, "maybe", None, [], {}])
def test_allow_negative_stock_refuses_anything_else(value):
    assert "allow_negative_stock: true or false is needed" in refused("allow_negative_stock",
                                                                      value)


# --- imei_categories ------------------------------------------------------------------------


def test_imei_categories_are_codes_once_each_in_upper_case_without_a_database():
    assert validate("imei_categories", ["PHONE", " tablet ", "phone"]) == ["PHONE", "TABLET"]
    assert validate("imei_categories", "PHONE, TABLET") == ["PHONE", "TABLET"]
    assert validate("imei_categories", []) == []  # no category asks for IMEIs
    assert validate("imei_categories", " ") == []


@pytest.mark.parametrize("value, problem", [
    (5, "imei_categories: a list [...] is needed, not 5"),
    ({"PHONE": True}, "imei_categories: a list [...] is needed"),
    (["PHONE", ""], "imei_categories > 2: text of 1 to 40 characters is needed"),
    (["PHONE", 7], "imei_categories > 2: text of 1 to 40 characters is needed, not 7"),
    (["PH\x1bONE"], "imei_categories > 1: text of 1 to 40"),
    (["X" * 41], "imei_categories > 1: text of 1 to 40"),
    ([f"C{n}" for n in range(21)], "imei_categories: at most 20 entries"),
])
def test_bad_imei_categories_are_refused(value, problem):
    assert problem in refused("imei_categories", value)


# --- printers ---------------------------------------------------------------------------


def test_printers_per_terminal_keep_print_queues_fields():
    value = {"T01": {"receipt": "network://192.168.1.50:9100", "documents": "pdf:///srv/x",
                     "paper_mm": 58, "sheet_after_sale": "no", "encoding": "gb18030"},
             "T02": {}}
    assert validate("printers", value) == {
        "T01": {"receipt": "network://192.168.1.50:9100", "documents": "pdf:///srv/x",
                "paper_mm": 58, "sheet_after_sale": False, "encoding": "gb18030"},
        "T02": {}}


@pytest.mark.parametrize("value, problem", [
    ([], "printers: a JSON object is needed"),
    ({"T01": "network://x"}, "printers > T01: a JSON object is needed"),
    ({"T01": {"paper_mm": 70}}, "printers > T01 > paper_mm: one of 58, 80 is needed, not 70"),
    ({"T01": {"receipt": "http://x"}}, 'printers > T01 > receipt: "http://x" is not a printer'),
    ({"T01": {"receipt": ""}}, "printers > T01 > receipt: text of 1 to 500"),
    ({"T01": {"sheet_after_sale": 2}}, "printers > T01 > sheet_after_sale: true or false"),
    ({"T01": {"encoding": "klingon"}}, "printers > T01 > encoding: \"klingon\" is not a text"),
    ({"T01": {"color": "red"}}, "printers > T01: not known here: color"),
])
def test_bad_printers_are_refused(value, problem):
    assert problem in refused("printers", value)


# --- commission_schemes -------------------------------------------------------------------


def scheme(**changes):
    return {"code": "adviser", "name": "Store sales advisers", "basis": "all",
            "steps": [[0, 500], [10_000_000, 1000]], "roles": ["cashier"], **changes}


def test_a_scheme_is_completed_with_its_defaults_in_a_fixed_order():
    assert validate("commission_schemes", [scheme()]) == [
        {"code": "adviser", "name": "Store sales advisers", "basis": "all", "categories": [],
         "period": "month", "steps": [[0, 500], [10_000_000, 1000]], "roles": ["cashier"],
         "staff": []}]
    by_category = validate("commission_schemes", [scheme(
        basis="categories", categories=["notebook-acc"], staff=["Li Na"], roles=[])])
    assert by_category[0]["categories"] == ["NOTEBOOK-ACC"]
    assert by_category[0]["staff"] == ["Li Na"]
    assert validate("commission_schemes", []) == []  # a store without commissions


@pytest.mark.parametrize("schemes, problem", [
    ({"code": "a"}, "commission_schemes: a list [...] is needed"),
    ([scheme(code="Adviser")], 'commission_schemes > 1 > code: a code of lower-case letters'),
    ([scheme(code="a b")], "commission_schemes > 1 > code"),
    ([scheme(), scheme()], "commission_schemes > 2 > code: \"adviser\" is named twice"),
    ([{"code": "x", "name": "X"}], "commission_schemes > 1: missing: basis, steps"),
    ([scheme(bonus=1)], "commission_schemes > 1: not known here: bonus"),
    ([scheme(name="")], "commission_schemes > adviser > name: text of 1 to 60"),
    ([scheme(basis="profit")],
     'commission_schemes > adviser > basis: one of all, attach, categories is needed'),
    ([scheme(basis="categories")],
     "commission_schemes > adviser > categories: the basis categories needs at least one"),
    ([scheme(categories=["PHONE"])],
     "commission_schemes > adviser > categories: the basis all takes no categories"),
    ([scheme(period="week")], "commission_schemes > adviser > period: one of month"),
    ([scheme(steps=[])], "commission_schemes > adviser > steps: the first step's threshold is 0"),
    ([scheme(steps=[[100, 500]])], "adviser > steps: the first step's threshold is 0"),
    ([scheme(steps=[[0, 500], [200, 600], [200, 700]])], "adviser > steps: the first step's"),
    ([scheme(steps=[[0, 500], [100, 10001]])],
     "commission_schemes > adviser > steps > 2: a step is [threshold in fen, rate in basis"),
    ([scheme(steps=[[0, 500], [-5, 600]])], "adviser > steps > 2: a step is"),
    ([scheme(steps=[[0, 500, 1]])], "adviser > steps > 1: a step is"),
    ([scheme(steps=[[0, 5.5]])], "adviser > steps > 1: a step is"),
    ([scheme(roles=["boss"])], 'adviser > roles: one of cashier, installer, manager, admin, customer_manager is'
                               ' needed, not "boss"'),
    ([scheme(staff=["Li Na"]), scheme(code="other", staff=["Li Na"])],
     "commission_schemes > other > staff > 1: Li Na is already paid by the scheme adviser"),
    ([scheme(staff=[""])], "adviser > staff > 1: text of 1 to 120"),
])
def test_bad_commission_schemes_are_refused_saying_where(schemes, problem):
    assert problem in refused("commission_schemes", schemes)


def test_every_problem_of_a_value_is_listed_at_once():
    text = refused("commission_schemes", [scheme(basis="profit", roles=["boss"],
                                                 steps=[[5, 500]])])
    assert "> basis:" in text and "> roles:" in text and "> steps:" in text


# --- what is typed ------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("800", 800), (" true ", True), ('{"consumer": 3}', {"consumer": 3}), ("PHONE", "PHONE"),
    ("PHONE,TABLET", "PHONE,TABLET"), ("yes", "yes"), ('"x"', "x"), ("[]", []),
])
def test_typed_text_is_json_or_a_word(text, value):
    assert parse_value("k", text) == value


@pytest.mark.parametrize("text", ["", "  ", "[1, 2", "{'a': 1}", '"open', "[" * 5000])
def test_typed_text_that_looks_like_json_but_is_not_is_refused(text):
    with pytest.raises(UserError) as caught:
        parse_value("margin_threshold_bp", text)
    assert caught.value.message_id == "setting.unreadable"
    assert "margin_threshold_bp was not changed" in str(caught.value)


def test_a_value_too_long_to_be_typed_is_refused_unread():
    with pytest.raises(UserError, match="longer than 20000 characters"):
        parse_value("commission_schemes", "[" + " " * 20_000 + "]")
