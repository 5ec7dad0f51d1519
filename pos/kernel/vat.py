"""VAT, decided in one place. Prices include VAT. For each VAT rate, the VAT is computed
once on the sum of the line totals at that rate, as round_half_up(gross * rate /
(1 + rate)); per-line VAT is never summed, so a receipt's VAT lines always match its
totals. The rule is the same for sales and corrections: a refund's VAT is exactly the
negative of the same goods' VAT on a sale (rounding is half away from zero).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pos.kernel.money import round_half_up


@dataclass(frozen=True)
class VatLine:
    rate_bp: int
    gross: int
    vat: int


def vat_included(gross: int, rate_bp: int) -> int:
    """The VAT inside a VAT-inclusive amount at a rate in basis points."""
    return round_half_up(gross * rate_bp, 10_000 + rate_bp)


def vat_by_rate(amounts: Iterable[tuple[int, int]]) -> tuple[VatLine, ...]:
    """(rate, line total) pairs summed per rate, lowest rate first, with each rate's VAT."""
    by_rate: dict[int, int] = {}
    for rate, gross in amounts:
        by_rate[rate] = by_rate.get(rate, 0) + gross
    return tuple(VatLine(rate, gross, vat_included(gross, rate))
                 for rate, gross in sorted(by_rate.items()))
