"""What a service card covers and when: its dates, and the words that promise them.

A tier says how it serves (on site or carried in), what it covers (software service,
hardware warranty, screen breakage), when its cover starts (at the sale, or when the
unit's maker's warranty ends) and for how long (months, or for life). The unit says how
long its maker's warranty is (its product's `warranty_months`, else its category's).

The dates follow from those fields alone (`coverage_dates`), and so does the text the
receipt, the sheet and the certificate print (`coverage_terms`, a message in either
language), so the printed promise cannot say one thing and the dates another:

- starts at the sale: from the sale date to sale + term;
- starts when the maker's warranty ends: from sale + warranty to sale + warranty + term
  (a 2-year extension of a 1-year warranty runs from month 12 to month 36);
- for life: no end date.

Months are calendar months counted from the sale date; a day the month lacks becomes the
month's last (31 January + 1 month = 28 or 29 February). Both dates are counted from the
sale, never one from the other, so a short month does not shorten the cover twice.

Pure: no database."""

from __future__ import annotations

import calendar
from datetime import date

from pos.kernel.enums import CoverageScope, CoverageStart, ServiceMode
from pos.kernel.messages import Message, msg

MAX_WARRANTY_MONTHS = 120  # a maker's warranty; longer is not a warranty a store sells with

# How it serves and what it covers, as the promise names them.
_WHAT = {
    (ServiceMode.ON_SITE, CoverageScope.SOFTWARE): "coverage.what.on_site.software",
    (ServiceMode.CARRY_IN, CoverageScope.SOFTWARE): "coverage.what.carry_in.software",
    (ServiceMode.ON_SITE, CoverageScope.HARDWARE): "coverage.what.on_site.hardware",
    (ServiceMode.CARRY_IN, CoverageScope.HARDWARE): "coverage.what.carry_in.hardware",
    (ServiceMode.ON_SITE, CoverageScope.SCREEN): "coverage.what.on_site.screen",
    (ServiceMode.CARRY_IN, CoverageScope.SCREEN): "coverage.what.carry_in.screen",
}


def _what(service_mode, scope) -> Message:
    return msg(_WHAT[ServiceMode(service_mode), CoverageScope(scope)])


def add_months(start: date, months: int) -> date:
    """The same day `months` calendar months later (the month's last day when it has no
    such day)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def months_between(start: date, end: date) -> int | None:
    """The whole months n with add_months(start, n) == end, or None when there are none."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if months >= 0 and add_months(start, months) == end:
        return months
    return None


def unit_warranty(product_months: int | None, category_months: int | None) -> int | None:
    """A unit's maker's warranty: its product's, else its category's (None: unknown)."""
    return product_months if product_months is not None else category_months


def coverage_dates(sale_date: date, *, starts: CoverageStart | str, term_months: int | None,
                   warranty_months: int | None) -> tuple[date, date | None]:
    """(start, end) of a card sold on `sale_date`; end None: for life. A card that starts
    when the maker's warranty ends needs that warranty's length (ValueError without it:
    the seller refuses the card first, pos.selling.cards)."""
    offset = 0
    if CoverageStart(starts) is CoverageStart.WARRANTY_END:
        if warranty_months is None:
            raise ValueError("a card that starts when the warranty ends needs its length")
        offset = warranty_months
    start = add_months(sale_date, offset)
    return start, None if term_months is None else add_months(sale_date, offset + term_months)


def coverage_terms(*, service_mode: ServiceMode | str, scope: CoverageScope | str,
                   starts: CoverageStart | str, term_months: int | None,
                   warranty_months: int | None, start: date | None = None,
                   end: date | None = None) -> Message:
    """What the card promises, as a message: "On-site software service for 36 months
    from the sale (to 2029-11-23)", "Carry-in hardware warranty for 24 months after the
    maker's 12-month warranty (2027-11-23 to 2029-11-23)". The dates are added when given
    (a card sold); without them it is the tier's promise (the till's offer)."""
    what = _what(service_mode, scope)
    later = CoverageStart(starts) is CoverageStart.WARRANTY_END and warranty_months != 0
    if not later:
        when = msg("coverage.from_sale")
    elif warranty_months is None:
        when = msg("coverage.after_maker_unknown")
    else:
        when = msg("coverage.after_maker", months=warranty_months)
    dates = None
    if start is not None and term_months is None:
        dates = msg("coverage.since", start=start) if later else None
    elif start is not None and end is not None:
        dates = (msg("coverage.between", start=start, end=end) if later
                 else msg("coverage.until", end=end))
    if term_months is None:
        return msg("coverage.lifetime", what=what, when=when, dates=dates)
    return msg("coverage.term", what=what, months=term_months, when=when, dates=dates)


def card_terms(*, service_mode: ServiceMode | str, scope: CoverageScope | str,
               starts: CoverageStart | str, unit_sold: date, start: date,
               end: date | None) -> Message:
    """The promise of a card as sold, read back from its own dates (what the sale
    sealed), so a reprint says what the card gives even after its tier was edited.
    A card that starts when the warranty ends counts from the day its unit was sold
    (`unit_sold`: an installer may sell the card later): the months to its start are
    the maker's warranty it follows. Any other card counts from its own start. Dates
    that are not whole months apart are printed as they are."""
    after = months_between(unit_sold, start)
    if CoverageStart(starts) is CoverageStart.SALE or after is None:
        reference, after = start, 0
    else:
        reference = unit_sold
    total = months_between(reference, end) if end is not None else None
    if end is not None and total is None:
        return msg("coverage.period", what=_what(service_mode, scope), start=start, end=end)
    return coverage_terms(service_mode=service_mode, scope=scope,
                          starts=CoverageStart.WARRANTY_END if after else CoverageStart.SALE,
                          term_months=None if end is None else total - after,
                          warranty_months=after, start=start, end=end)


def maker_warranty_text(months: int | None) -> Message | None:
    """"Maker's warranty: 12 months" for a unit, or None when the catalog does not say."""
    if months is None:
        return None
    if months == 0:
        return msg("coverage.no_maker_warranty")
    return msg("coverage.maker_warranty", months=months)
