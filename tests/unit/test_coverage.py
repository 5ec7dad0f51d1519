"""A service card's dates and the promise printed for it (pos.catalog.coverage): the
dates follow the tier's fields, month ends and leap years included, and the words say
the same thing in English and Chinese."""

from datetime import date

import pytest
from hypothesis import given, strategies as st

from pos.catalog.coverage import (
    add_months, card_terms, coverage_dates, coverage_terms, maker_warranty_text,
    months_between, unit_warranty,
)
from pos.kernel.messages import render
from pos.kernel.translations import load_translations

ZH = load_translations("zh_CN")


def english(message) -> str:
    return render(message)


def chinese(message) -> str:
    return render(message, translate=ZH.message_template)


# --- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize("start, months, expected", [
    (date(2026, 11, 23), 36, date(2029, 11, 23)),
    (date(2027, 1, 31), 1, date(2027, 2, 28)),  # February has no 31st
    (date(2028, 1, 31), 1, date(2028, 2, 29)),  # ... and a 29th in a leap year
    (date(2028, 2, 29), 12, date(2029, 2, 28)),  # a leap day a year on
    (date(2028, 2, 29), 48, date(2032, 2, 29)),  # ... and four years on
    (date(2026, 8, 31), 1, date(2026, 9, 30)),
    (date(2026, 12, 15), 1, date(2027, 1, 15)),  # across the year's end
    (date(2026, 11, 23), 0, date(2026, 11, 23)),
])
def test_months_are_calendar_months_ending_on_the_months_last_day(start, months, expected):
    assert add_months(start, months) == expected


def test_a_card_from_the_sale_runs_its_term_from_the_sale_date():
    # the gold card: on-site service "from 1 to 3 years" covers until month 36
    assert coverage_dates(date(2026, 11, 23), starts="sale", term_months=36,
                          warranty_months=12) == (date(2026, 11, 23), date(2029, 11, 23))


def test_an_extension_runs_from_the_end_of_the_makers_warranty():
    # a 2-year hardware extension on a 1-year-warranty notebook: month 12 to month 36
    assert coverage_dates(date(2026, 11, 23), starts="warranty_end", term_months=24,
                          warranty_months=12) == (date(2027, 11, 23), date(2029, 11, 23))
    # a longer maker's warranty moves the start, and the end with it
    assert coverage_dates(date(2026, 11, 23), starts="warranty_end", term_months=24,
                          warranty_months=24) == (date(2028, 11, 23), date(2030, 11, 23))


def test_both_dates_count_from_the_sale_so_a_short_month_does_not_cut_the_cover_twice():
    # 31 Jan 2027 + 1 month = 28 Feb 2027; the end is sale + 13 months (29 Feb 2028),
    # not 28 Feb 2027 + 12 months (28 Feb 2028)
    assert coverage_dates(date(2027, 1, 31), starts="warranty_end", term_months=12,
                          warranty_months=1) == (date(2027, 2, 28), date(2028, 2, 29))


def test_a_lifetime_card_has_no_end_date():
    assert coverage_dates(date(2028, 2, 29), starts="sale", term_months=None,
                          warranty_months=None) == (date(2028, 2, 29), None)
    assert coverage_dates(date(2028, 2, 29), starts="warranty_end", term_months=None,
                          warranty_months=12) == (date(2029, 2, 28), None)


def test_a_unit_without_a_makers_warranty_starts_the_extension_at_the_sale():
    assert coverage_dates(date(2026, 11, 23), starts="warranty_end", term_months=12,
                          warranty_months=0) == (date(2026, 11, 23), date(2027, 11, 23))


def test_an_extension_of_an_unknown_warranty_has_no_dates():
    with pytest.raises(ValueError):
        coverage_dates(date(2026, 11, 23), starts="warranty_end", term_months=12,
                       warranty_months=None)


def test_the_products_warranty_comes_before_its_categorys():
    assert unit_warranty(24, 12) == 24
    assert unit_warranty(None, 12) == 12
    assert unit_warranty(0, 12) == 0  # "no maker's warranty" is said, not missing
    assert unit_warranty(None, None) is None


def test_months_between_finds_whole_months_only():
    assert months_between(date(2026, 11, 23), date(2029, 11, 23)) == 36
    assert months_between(date(2027, 1, 31), date(2027, 2, 28)) == 1
    assert months_between(date(2026, 11, 23), date(2026, 12, 1)) is None
    assert months_between(date(2026, 11, 23), date(2026, 10, 23)) is None


# --- the promise, in both languages -------------------------------------------------


def test_the_gold_card_promises_36_months_from_the_sale_in_both_languages():
    terms = coverage_terms(service_mode="on_site", scope="software", starts="sale",
                           term_months=36, warranty_months=12, start=date(2026, 11, 23),
                           end=date(2029, 11, 23))
    assert english(terms) == ("On-site software service for 36 months from the sale "
                              "(to 2029-11-23)")
    assert chinese(terms) == "自购买之日起上门软件服务36个月（至2029-11-23）"


def test_an_extension_names_the_makers_warranty_and_both_dates():
    terms = coverage_terms(service_mode="carry_in", scope="hardware", starts="warranty_end",
                           term_months=24, warranty_months=12, start=date(2027, 11, 23),
                           end=date(2029, 11, 23))
    assert english(terms) == ("Carry-in hardware warranty for 24 months after the maker's "
                              "12-month warranty (2027-11-23 to 2029-11-23)")
    assert chinese(terms) == "厂商12个月保修期满后送修硬件保修24个月（2027-11-23至2029-11-23）"


@pytest.mark.parametrize("fields, en, zh", [
    (dict(service_mode="carry_in", scope="software", starts="sale", term_months=None),
     "Carry-in software service for life, from the sale", "自购买之日起终身送修软件服务"),
    (dict(service_mode="carry_in", scope="screen", starts="sale", term_months=12),
     "Carry-in screen-break cover for 12 months from the sale", "自购买之日起送修碎屏保障12个月"),
    (dict(service_mode="on_site", scope="hardware", starts="warranty_end", term_months=None),
     "On-site hardware warranty for life, after the maker's 12-month warranty",
     "厂商12个月保修期满后终身上门硬件保修"),
])
def test_a_tiers_promise_before_the_sale_has_no_dates(fields, en, zh):
    terms = coverage_terms(warranty_months=12, **fields)
    assert (english(terms), chinese(terms)) == (en, zh)


def test_an_unknown_makers_warranty_is_not_given_a_length():
    terms = coverage_terms(service_mode="carry_in", scope="hardware", starts="warranty_end",
                           term_months=12, warranty_months=None)
    assert english(terms) == "Carry-in hardware warranty for 12 months after the maker's warranty"
    assert chinese(terms) == "厂商保修期满后送修硬件保修12个月"


def test_an_extension_of_no_warranty_says_it_runs_from_the_sale():
    terms = coverage_terms(service_mode="carry_in", scope="hardware", starts="warranty_end",
                           term_months=12, warranty_months=0, start=date(2026, 11, 23),
                           end=date(2027, 11, 23))
    assert english(terms) == "Carry-in hardware warranty for 12 months from the sale (to 2027-11-23)"


def test_a_lifetime_extension_says_when_it_starts():
    terms = coverage_terms(service_mode="on_site", scope="hardware", starts="warranty_end",
                           term_months=None, warranty_months=12, start=date(2027, 11, 23))
    assert english(terms).endswith("after the maker's 12-month warranty (from 2027-11-23)")
    assert chinese(terms) == "厂商12个月保修期满后终身上门硬件保修（自2027-11-23起）"


def test_the_makers_warranty_line():
    assert english(maker_warranty_text(12)) == "Maker's warranty: 12 months"
    assert chinese(maker_warranty_text(12)) == "厂商保修：12个月"
    assert english(maker_warranty_text(0)) == "Maker's warranty: none"
    assert maker_warranty_text(None) is None


# --- read back from a card's dates ---------------------------------------------------


def test_a_card_sold_later_by_an_installer_counts_its_extension_from_the_units_sale():
    terms = card_terms(service_mode="carry_in", scope="hardware", starts="warranty_end",
                       unit_sold=date(2026, 11, 23), start=date(2027, 11, 23),
                       end=date(2028, 11, 23))
    assert english(terms) == ("Carry-in hardware warranty for 12 months after the maker's "
                              "12-month warranty (2027-11-23 to 2028-11-23)")


def test_a_card_from_its_own_sale_counts_from_its_start_whenever_the_unit_was_sold():
    terms = card_terms(service_mode="on_site", scope="software", starts="sale",
                       unit_sold=date(2026, 10, 23), start=date(2026, 11, 23),
                       end=date(2029, 11, 23))
    assert english(terms) == ("On-site software service for 36 months from the sale "
                              "(to 2029-11-23)")


def test_a_card_sold_from_the_sale_before_its_tier_was_changed_still_says_so():
    # the tier starts at the warranty's end now, but this card was sold starting at the sale
    terms = card_terms(service_mode="carry_in", scope="hardware", starts="warranty_end",
                       unit_sold=date(2026, 11, 23), start=date(2026, 11, 23),
                       end=date(2028, 11, 23))
    assert english(terms) == ("Carry-in hardware warranty for 24 months from the sale "
                              "(to 2028-11-23)")


def test_dates_that_are_no_whole_months_apart_are_printed_as_they_are():
    terms = card_terms(service_mode="carry_in", scope="screen", starts="sale",
                       unit_sold=date(2026, 11, 23), start=date(2026, 11, 23),
                       end=date(2027, 12, 1))
    assert english(terms) == "Carry-in screen-break cover from 2026-11-23 to 2027-12-01"
    assert chinese(terms) == "送修碎屏保障：2026-11-23至2027-12-01"


@given(sold=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
       starts=st.sampled_from(["sale", "warranty_end"]),
       warranty=st.integers(min_value=0, max_value=120),
       term=st.none() | st.integers(min_value=1, max_value=120),
       mode=st.sampled_from(["on_site", "carry_in"]),
       scope=st.sampled_from(["software", "hardware", "screen"]))
def test_a_reprint_promises_what_the_sale_promised(sold, starts, warranty, term, mode, scope):
    """What the receipt says when the card is sold (from the tier's fields) is what any
    reprint says (read back from the card's sealed dates)."""
    start, end = coverage_dates(sold, starts=starts, term_months=term, warranty_months=warranty)
    at_sale = coverage_terms(service_mode=mode, scope=scope, starts=starts, term_months=term,
                             warranty_months=warranty, start=start, end=end)
    reprint = card_terms(service_mode=mode, scope=scope, starts=starts, unit_sold=sold,
                         start=start, end=end)
    assert english(reprint) == english(at_sale)
    assert chinese(reprint) == chinese(at_sale)
