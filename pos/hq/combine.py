"""Head office's chain report is the stores' own reports added up: `combine(reports)`, a
pure function over pos.day.reports.DayReport.

The issue asks that head office's figures agree to the cent with the SUM of the stores'
own reports, so every figure is the sum of the stores' figures, never recomputed from
the summed documents:
- documents (count, total) per kind, tenders, and VAT per rate: the gross AND the VAT
  amounts are the sums of the stores' (each store rounds the VAT of its own gross; VAT
  recomputed on the chain's gross could differ from that sum by a fen per store);
- by category, by price role, per salesperson, add-ons per installer, attach selling per
  department and per technician: every figure summed per key;
- the KPIs: each ratio's count and base summed per key (an attach rate of the chain is
  the chain's units with a sheet item over the chain's units); sheet items' outcomes
  summed per item code; the department figures only where a store worked jobs (a store
  with no job in the period has no department section, so adds nothing to the counter);
- lines sold without profit: every store's, one list, by margin (the stores' order
  where two margins are equal);
- commissions: per person and scheme, the basis and the amount summed. A person who
  sold in two stores is paid per store's statement (each store's step and rate on that
  store's basis), so their chain amount is the sum of the stores' amounts, not the rate
  of the summed basis; their rate shown is the stores' rate when it is the same in each,
  else the effective rate (amount over basis);
- the account figures (pos.accounts.figures.AccountFigures): every field summed, per
  tender where it is per tender.

Every field of the records is accounted for below: a field added to one of them later
that this module does not know makes `combine` fail (TypeError) rather than leave it out
of head office's figures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace

from pos.accounts.figures import AccountFigures
from pos.day.commissions import CommissionStatement, PersonCommission
from pos.day.kpis import Ratio, SellingKpis
from pos.day.reports import DayReport
from pos.kernel.enums import DocumentKind, Tender

CHAIN_SCOPE = "all stores"


@dataclass(frozen=True)
class ChainCommission(PersonCommission):
    """One person's commission over the stores they sold in: `paid` is the sum of what
    each store's statement pays them."""

    paid: int = 0
    stores: int = 1

    @property
    def amount(self) -> int:  # the stores' amounts, each at its own step and rate
        return self.paid


def _check(cls, known) -> None:
    unknown = sorted({f.name for f in fields(cls)} - set(known))
    if unknown:
        raise TypeError(f"combine does not know {cls.__name__}.{', '.join(unknown)}: "
                        "say how head office adds it up (pos.hq.combine)")


def _ordered(keys, order) -> list:
    """Keys in the enum's order, any other after them by name."""
    rank = {member.value: index for index, member in enumerate(order)}
    return sorted(keys, key=lambda key: (rank.get(key, len(rank)), key))


def _sum_dicts(values: Sequence[dict], order=None) -> dict:
    out: dict = {}
    for value in values:
        for key, amount in value.items():
            if isinstance(amount, tuple):
                seen = out.get(key, (0,) * len(amount))
                out[key] = tuple(a + b for a, b in zip(seen, amount, strict=True))
            else:
                out[key] = out.get(key, 0) + amount
    keys = _ordered(out, order) if order is not None else sorted(out)
    return {key: out[key] for key in keys}


def _sum_records(lists: Sequence[list], key: str, keep: tuple[str, ...] = ()) -> list:
    """Records (frozen dataclasses) added up per `key`, in the order keys first appear:
    every other field is an int summed, or one of `keep` (the first store's)."""
    merged: dict = {}
    for records in lists:
        for record in records:
            for f in fields(record):
                value = getattr(record, f.name)
                if f.name != key and f.name not in keep and (
                        not isinstance(value, int) or isinstance(value, bool)):
                    raise TypeError(f"combine does not know how to add "
                                    f"{type(record).__name__}.{f.name}")
            seen = merged.get(getattr(record, key))
            if seen is None:
                merged[getattr(record, key)] = record
                continue
            merged[getattr(record, key)] = replace(seen, **{
                f.name: getattr(seen, f.name) + getattr(record, f.name) for f in fields(record)
                if f.name != key and f.name not in keep})
    return list(merged.values())


def _sum_tuples(lists: Sequence[list], width: int) -> list[tuple]:
    """(key, int, ...) tuples added up per key, by key."""
    merged: dict = {}
    for rows in lists:
        for row in rows:
            if len(row) != width:
                raise TypeError(f"combine expected rows of {width}, got {row!r}")
            seen = merged.get(row[0])
            merged[row[0]] = row if seen is None else (row[0], *(
                a + b for a, b in zip(seen[1:], row[1:], strict=True)))
    return [merged[key] for key in sorted(merged)]


def _by_key(lists, key="key"):
    return sorted(_sum_records(lists, key), key=lambda r: getattr(r, key))


def _ratio(values: Sequence[Ratio]) -> Ratio:
    found = _sum_records([[v] for v in values], "key")
    return found[0] if found else Ratio("all", 0, 0)


def _vat(lists: Sequence[list]) -> list[tuple[int, int, int]]:
    return [tuple(row) for row in _sum_tuples(lists, 3)]


def _without_profit(lists: Sequence[list]) -> list:
    rows = [row for rows in lists for row in rows]
    return sorted(rows, key=lambda row: row[3])  # by margin, as each store's


_KPIS: dict[str, Callable] = {
    "units": sum,
    "attach": _ratio,
    "items_per_unit": _ratio,
    "any_card": _ratio,
    "attach_by_category": _by_key,
    "attach_by_staff": _by_key,
    "items_per_unit_by_staff": _by_key,
    "cards_by_tier": lambda lists: _sum_records(lists, "key"),  # the tiers' own order
    "cards_by_staff": _by_key,
    "items": lambda lists: sorted(_sum_records(lists, "code", keep=("name",)),
                                  key=lambda i: (-i.not_offered, -i.declined, i.code)),
}


def combine_kpis(values: Sequence[SellingKpis]) -> SellingKpis:
    _check(SellingKpis, _KPIS)
    return SellingKpis(**{name: merge([getattr(v, name) for v in values])
                          for name, merge in _KPIS.items()})


_PERSON_SUMMED = ("sales", "reversals", "all_sales")
_PERSON_KNOWN = ("staff", "role", "scheme", "scheme_name", "step", "rate_bp") + _PERSON_SUMMED


def _people(people: Sequence[PersonCommission]) -> list[PersonCommission]:
    _check(PersonCommission, _PERSON_KNOWN + ("paid", "stores"))
    groups: dict[tuple[str, str], list[PersonCommission]] = {}
    for person in people:
        groups.setdefault((person.staff, person.scheme), []).append(person)
    out = []
    for key in sorted(groups):
        group = groups[key]
        if len(group) == 1:
            out.append(group[0])
            continue
        first = group[0]
        summed = {name: sum(getattr(p, name) for p in group) for name in _PERSON_SUMMED}
        paid = sum(p.amount for p in group)
        basis = summed["sales"] + summed["reversals"]
        rates = {p.rate_bp for p in group}
        rate = rates.pop() if len(rates) == 1 else (paid * 10_000 // basis if basis > 0 else 0)
        out.append(ChainCommission(
            first.staff, first.role, first.scheme, first.scheme_name, summed["sales"],
            summed["reversals"], max(p.step for p in group), rate, summed["all_sales"],
            paid=paid, stores=sum(getattr(p, "stores", 1) for p in group)))
    return out


def combine_commissions(values: Sequence[CommissionStatement | None],
                        scope: str = CHAIN_SCOPE) -> CommissionStatement | None:
    _check(CommissionStatement, ("start", "end", "scope", "people", "scope_kind", "net_sales",
                                 "unattributed"))
    found = [v for v in values if v is not None]
    if not found:
        return None
    _same_period(found)
    return CommissionStatement(
        found[0].start, found[0].end, scope,
        _people([p for v in found for p in v.people]), "all",
        sum(v.net_sales for v in found), sum(v.unattributed for v in found))


_ACCOUNT_TOTALS = ("sales_on_account", "refunds_to_account", "write_offs", "deposits_used",
                   "deposits_held")
_ACCOUNT_TENDERS = ("payments", "deposits_taken", "deposits_refunded")


def combine_accounts(values: Sequence[AccountFigures | None]) -> AccountFigures | None:
    _check(AccountFigures, ("start", "end") + _ACCOUNT_TOTALS + _ACCOUNT_TENDERS)
    found = [v for v in values if v is not None]
    if not found:
        return None
    _same_period(found)
    return AccountFigures(
        found[0].start, found[0].end,
        **{name: sum(getattr(v, name) for v in found) for name in _ACCOUNT_TOTALS},
        **{name: _sum_dicts([getattr(v, name) for v in found]) for name in _ACCOUNT_TENDERS})


_DAY: dict[str, Callable | None] = {
    "start": None, "end": None, "scope": None, "scope_kind": None,  # the chain's own
    "documents": lambda values: _sum_dicts(values, DocumentKind),
    "tenders": lambda values: _sum_dicts(values, Tender),
    "vat": _vat,
    "by_category": lambda lists: sorted(_sum_records(lists, "key"),
                                        key=lambda g: (-g.revenue, g.key)),
    "by_role": _by_key,
    "kpis": combine_kpis,
    "by_staff": lambda lists: _by_key(lists, "name"),
    "without_profit": _without_profit,
    "addons_by_staff": lambda lists: _sum_tuples(lists, 3),
    "commissions": combine_commissions,
    "account": combine_accounts,
    "departments": lambda lists: _sum_records(lists, "key"),  # counter first, as each store's
    "technicians": _by_key,
}


def _same_period(values) -> None:
    periods = {(v.start, v.end) for v in values}
    if len(periods) > 1:
        raise ValueError(f"combine adds up reports of one period, not {sorted(periods)}")


def combine(reports: Sequence[DayReport], *, scope: str = CHAIN_SCOPE,
            start=None, end=None) -> DayReport:
    """The stores' reports of one period added up into one (see the module's rules).
    With no report (a chain with no store yet), an empty report of start..end."""
    _check(DayReport, _DAY)
    reports = list(reports)
    if reports:
        _same_period(reports)
        start, end = reports[0].start, reports[0].end
    elif start is None or end is None:
        raise ValueError("combine needs the period when there is no report")
    out = DayReport(start, end, scope, "all")
    if not reports:
        return out
    for name, merge in _DAY.items():
        if merge is not None:
            setattr(out, name, merge([getattr(report, name) for report in reports]))
    if out.commissions is not None:
        out.commissions.scope_kind = out.scope_kind
    return out


__all__ = ["CHAIN_SCOPE", "ChainCommission", "combine", "combine_accounts", "combine_commissions",
           "combine_kpis"]
