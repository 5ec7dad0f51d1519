"""The selling KPIs of a period, net of corrections: what each main unit left the store
with.

Definitions (the README's report section says the same):

- A **unit** is a main-category line sold in the period (a sale document dated in it)
  and not taken back — by a return or a void dated on or before the period's last day.
  A report of a closed period therefore never changes: a return on a later day shows
  in the later period's money and in any longer period that holds both.
- **Attach rate** = units that left with at least one sheet item sold ÷ units (0–100%).
- **Items per unit** = sheet items sold ÷ units (a separate figure, e.g. 1.50).
- **Card take-up** of a tier = units sold with that tier ÷ units of the categories
  that offer it (a phone is not in the base of a PC-only tier). "Any card" is units
  with a card ÷ units of categories that offer at least one tier.
- **Per sheet item**: sold / declined / not offered, counted once per unit whose sheet
  has that item. Installers' add-ons count for the original unit (an item sold on site
  turns that unit's "not offered" or "declined" into "sold"). A sold item whose lines
  all came back moves out of *sold* into *declined* (it was offered; the customer did
  not keep it). An accessory scanned while a unit whose sheet lists it was in the cart
  was attached to that unit's sheet at the till, so it counts as sold there.
- A voided sale leaves no trace in any KPI: its units are taken back in full.

The figures are computed here from the documents (sales, add-ons, returns, voids) with a
handful of queries over the period's own rows, so a report's cost follows the period,
not the history."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import aliased

from pos.db.models import (
    Category, Product, Sale, SaleLine, ServiceTier, SheetOutcome, Staff, Store, Terminal,
    TierCategory,
)
from pos.kernel.enums import DocumentKind, LineKind, Outcome, OutcomeSubject
from pos.kernel.errors import UserError

# A report over weeks of a chain's sales may read for longer than a till's statement limit
# (a few seconds, pos.db.timeouts): on PostgreSQL, its reads get this long instead.
REPORT_LIMIT_S = 120

_RANK = {Outcome.NOT_OFFERED: 0, Outcome.DECLINED: 1, Outcome.SOLD: 2}
CORRECTIONS = (DocumentKind.REFUND, DocumentKind.VOID)


@dataclass
class Unit:
    """One main unit as it stands at the end of the period."""

    line_id: int
    sale_id: int
    seller: str
    category: str
    category_id: int
    items_sold: int = 0  # sheet items it left with
    tiers: set[int] = field(default_factory=set)  # tiers of the cards it kept


@dataclass
class PeriodUnits:
    """The units of a period and their sheet items' outcomes counted per item code:
    code -> [sold, declined, not offered], and each code's name."""

    units: list[Unit]
    item_counts: dict[str, list[int]]
    names: dict[str, str]


@dataclass(frozen=True)
class Ratio:
    key: str
    count: int
    base: int

    @property
    def rate_bp(self) -> int:
        """count ÷ base in basis points (an attach rate of 2 of 3 units: 6666)."""
        return 0 if not self.base else self.count * 10_000 // self.base

    @property
    def per_unit_x100(self) -> int:
        """count ÷ base in hundredths (items per unit 3 ÷ 2: 150, shown as 1.50)."""
        return 0 if not self.base else self.count * 100 // self.base


@dataclass(frozen=True)
class ItemOutcomes:
    code: str
    name: str
    sold: int
    declined: int
    not_offered: int

    @property
    def units(self) -> int:
        return self.sold + self.declined + self.not_offered

    @property
    def asked(self) -> int:
        return self.sold + self.declined


@dataclass
class SellingKpis:
    units: int = 0
    attach: Ratio = Ratio("all", 0, 0)
    items_per_unit: Ratio = Ratio("all", 0, 0)
    any_card: Ratio = Ratio("all", 0, 0)
    attach_by_category: list[Ratio] = field(default_factory=list)
    attach_by_staff: list[Ratio] = field(default_factory=list)
    items_per_unit_by_staff: list[Ratio] = field(default_factory=list)
    cards_by_tier: list[Ratio] = field(default_factory=list)
    cards_by_staff: list[Ratio] = field(default_factory=list)
    items: list[ItemOutcomes] = field(default_factory=list)


def period_sales(start: date, end: date, *, terminal: str | None = None,
                 store: str | None = None, kinds=None):
    """A select of the ids of the documents dated in [start, end] in scope."""
    query = select(Sale.id).where(Sale.business_date >= start, Sale.business_date <= end)
    if terminal or store:
        query = query.join(Terminal, Terminal.id == Sale.terminal_id)
    if store:
        query = query.join(Store, Store.id == Terminal.store_id).where(Store.code == store)
    if terminal:
        query = query.where(Terminal.code == terminal)
    if kinds is not None:
        query = query.where(Sale.kind.in_(kinds))
    return query


def in_period(query, start: date, end: date, *, terminal: str | None = None,
              store: str | None = None):
    """`query` (which reads `sales`) kept to the documents dated in [start, end] in scope,
    filtered on the sales themselves: a join starts from the period's rows (by business
    date and till), where `sales.id IN (the period's ids)` lets PostgreSQL's planner read
    every sale to match them."""
    query = query.where(Sale.business_date >= start, Sale.business_date <= end)
    if terminal or store:
        query = query.join(Terminal, Terminal.id == Sale.terminal_id)
    if store:
        query = query.join(Store, Store.id == Terminal.store_id).where(Store.code == store)
    if terminal:
        query = query.where(Terminal.code == terminal)
    return query


def check_scope(conn, *, terminal: str | None = None, store: str | None = None) -> None:
    """Refuse a terminal or store code this database does not have."""
    if terminal and conn.execute(select(Terminal.id).where(Terminal.code == terminal)).first() is None:
        raise UserError("terminal.not_set_up", terminal=terminal)
    if store and conn.execute(select(Store.id).where(Store.code == store)).first() is None:
        raise UserError("store.unknown_code", code=store)


def units_of(conn, *, start: date, end: date, terminal: str | None = None,
             store: str | None = None) -> PeriodUnits:
    """Every unit sold in the period and kept at its end, with the number of sheet items
    it left with and its cards, and the outcomes of the sheet items counted per item;
    net of add-ons, returns and voids dated up to `end`.

    Most units are as they were sold: their figures are counted in SQL. Only the units a
    correction or an add-on touched are looked at row by row (a few in a hundred), so a
    month costs a handful of grouped queries, not a row per sheet item."""
    sales = period_sales(start, end, terminal=terminal, store=store, kinds=(DocumentKind.SALE,))
    units: dict[int, Unit] = {}
    for line_id, sale_id, seller, category, category_id in conn.execute(
            select(SaleLine.id, SaleLine.sale_id, Staff.name, Category.name, Category.id)
            .join(Product, Product.id == SaleLine.product_id)
            .join(Category, Category.id == Product.category_id)
            .join(Staff, Staff.id == SaleLine.seller_id)
            .where(SaleLine.sale_id.in_(sales), SaleLine.kind == LineKind.MAIN_UNIT,
                   SaleLine.quantity > 0)):
        units[line_id] = Unit(line_id, sale_id, seller, category, category_id)
    if not units:
        return PeriodUnits([], {}, {})
    # the add-ons of the period's units' sales (an add-on is sold against a unit), looked
    # up by those sales' ids in the add-ons' index: not by reading every add-on up to `end`
    addon_ids = [addon_id for (addon_id,) in _in_chunks(
        conn, select(Sale.id).where(Sale.kind == DocumentKind.ADDON, Sale.business_date <= end),
        Sale.original_sale_id, sorted({unit.sale_id for unit in units.values()}))]
    documents = union_all(sales, select(Sale.id).where(Sale.id.in_(addon_ids)))
    # what corrections took back, line by line, and which unit each line hangs under
    taken_back: dict[int, int] = defaultdict(int)  # line id -> quantity taken back (< 0)
    touched: set[int] = set()  # units a correction or an add-on changed
    original = aliased(SaleLine)
    for line_id, parent, quantity in conn.execute(
            select(SaleLine.original_line_id, original.parent_line_id, func.sum(SaleLine.quantity))
            .join(Sale, Sale.id == SaleLine.sale_id)
            .join(original, original.id == SaleLine.original_line_id)
            .where(Sale.kind.in_(CORRECTIONS), Sale.business_date <= end,
                   Sale.original_sale_id.in_(documents))
            .group_by(SaleLine.original_line_id, original.parent_line_id)):
        taken_back[line_id] = int(quantity)
        touched.add(parent or line_id)
    for (parent,) in _in_chunks(conn, select(SaleLine.parent_line_id), SaleLine.sale_id, addon_ids):
        touched.add(parent)
    touched &= units.keys()
    kept = {line_id: unit for line_id, unit in units.items() if 1 + taken_back[line_id] > 0}
    for line_id, parent, tier, quantity in conn.execute(
            select(SaleLine.id, SaleLine.parent_line_id, SaleLine.tier_id, SaleLine.quantity)
            .where(SaleLine.sale_id.in_(documents), SaleLine.kind == LineKind.CARD,
                   SaleLine.quantity > 0)):
        unit = kept.get(parent)
        if unit is not None and quantity + taken_back[line_id] > 0:
            unit.tiers.add(tier)
    # untouched units: as sold, counted in SQL
    is_item = SheetOutcome.subject == OutcomeSubject.SHEET_ITEM
    for main, sold in conn.execute(
            select(SheetOutcome.main_line_id, func.count())
            .where(SheetOutcome.sale_id.in_(sales), is_item, SheetOutcome.outcome == Outcome.SOLD)
            .group_by(SheetOutcome.main_line_id)):
        unit = kept.get(main)
        if unit is not None and main not in touched:
            unit.items_sold = int(sold)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    names: dict[str, str] = {}
    for code, name, outcome, n in conn.execute(
            select(SheetOutcome.item_code, func.min(SheetOutcome.item_name), SheetOutcome.outcome,
                   func.count())
            .where(SheetOutcome.sale_id.in_(sales), is_item)
            .group_by(SheetOutcome.item_code, SheetOutcome.outcome)):
        counts[code][2 - _RANK[outcome]] += int(n)
        names.setdefault(code, name)
    if touched:
        _recount_touched(conn, units, kept, touched, taken_back, addon_ids, counts)
    return PeriodUnits(list(kept.values()), dict(counts), names)


def _recount_touched(conn, units: dict[int, Unit], kept: dict[int, Unit], touched: set[int],
                     taken_back: dict[int, int], addon_ids: list[int],
                     counts: dict[str, list[int]]) -> None:
    """The touched units row by row: their outcomes as sold come out of `counts`, and
    what they left with goes in (an item sold on site counts as sold; an item whose
    lines all came back, as declined; a unit taken back, not at all)."""
    documents = sorted({units[u].sale_id for u in touched} | set(addon_ids))
    item_lines: dict[tuple[int, int], bool] = {}  # (unit, sheet item) -> any line kept
    for line_id, parent, sheet_item, quantity in _in_chunks(
            conn, select(SaleLine.id, SaleLine.parent_line_id, SaleLine.sheet_item_id,
                         SaleLine.quantity)
            .where(SaleLine.sheet_item_id.is_not(None), SaleLine.quantity > 0),
            SaleLine.sale_id, documents):
        if parent in touched:
            key = (parent, sheet_item)
            item_lines[key] = item_lines.get(key, False) or quantity + taken_back[line_id] > 0
    states: dict[int, dict[str, Outcome]] = defaultdict(dict)
    for sale_id, main, code, outcome, sheet_item in _in_chunks(
            conn, select(SheetOutcome.sale_id, SheetOutcome.main_line_id, SheetOutcome.item_code,
                         SheetOutcome.outcome, SheetOutcome.sheet_item_id)
            .where(SheetOutcome.subject == OutcomeSubject.SHEET_ITEM),
            SheetOutcome.sale_id, documents):
        if main not in touched:
            continue
        if sale_id == units[main].sale_id:  # counted above as sold: take it out
            counts[code][2 - _RANK[outcome]] -= 1
        if outcome is Outcome.SOLD and item_lines.get((main, sheet_item)) is False:
            outcome = Outcome.DECLINED  # offered and sold, then every line came back
        if _RANK[outcome] >= _RANK[states[main].get(code, Outcome.NOT_OFFERED)]:
            states[main][code] = outcome
    for main, items in states.items():
        unit = kept.get(main)
        if unit is None:
            continue  # taken back: no trace
        for code, outcome in items.items():
            counts[code][2 - _RANK[outcome]] += 1
        unit.items_sold = sum(1 for outcome in items.values() if outcome is Outcome.SOLD)
    for code in [code for code, c in counts.items() if not any(c)]:
        del counts[code]


def _in_chunks(conn, query, column, ids, size: int = 5000):
    """The rows of `query` where `column` is one of `ids`, asked for `size` ids at a
    time (a database takes a bounded number of parameters)."""
    for first in range(0, len(ids), size):
        yield from conn.execute(query.where(column.in_(ids[first:first + size])))


def selling_kpis(conn, period: PeriodUnits) -> SellingKpis:
    """The KPIs of a period's units (see the module's definitions)."""
    units, names = period.units, period.names
    kpis = SellingKpis(units=len(units))
    if not units:
        return kpis
    tiers = {tier_id: (name, position) for tier_id, name, position in conn.execute(
        select(ServiceTier.id, ServiceTier.name, ServiceTier.position))}
    offers: dict[int, set[int]] = defaultdict(set)  # tier -> categories offering it
    for tier_id, category_id in conn.execute(select(TierCategory.tier_id, TierCategory.category_id)):
        offers[tier_id].add(category_id)
    carded_categories = set().union(*offers.values()) if offers else set()
    attached = [u for u in units if u.items_sold]
    kpis.attach = Ratio("all", len(attached), len(units))
    kpis.items_per_unit = Ratio("all", sum(u.items_sold for u in units), len(units))
    eligible = [u for u in units if u.category_id in carded_categories]
    kpis.any_card = Ratio("all", sum(1 for u in eligible if u.tiers), len(eligible))
    kpis.attach_by_category = _by(units, lambda u: u.category, lambda u: bool(u.items_sold))
    kpis.attach_by_staff = _by(units, lambda u: u.seller, lambda u: bool(u.items_sold))
    kpis.items_per_unit_by_staff = _by(units, lambda u: u.seller, lambda u: u.items_sold)
    kpis.cards_by_staff = _by(eligible, lambda u: u.seller, lambda u: bool(u.tiers))
    for tier_id, categories in sorted(offers.items(), key=lambda t: (tiers[t[0]][1], tiers[t[0]][0])):
        base = [u for u in units if u.category_id in categories]
        if base:
            kpis.cards_by_tier.append(Ratio(tiers[tier_id][0],
                                            sum(1 for u in base if tier_id in u.tiers), len(base)))
    counts = period.item_counts
    kpis.items = sorted((ItemOutcomes(code, names.get(code, code), *c) for code, c in counts.items()),
                        key=lambda i: (-i.not_offered, -i.declined, i.code))
    return kpis


def _by(units: list[Unit], key, count) -> list[Ratio]:
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for unit in units:
        group = groups[key(unit)]
        group[0] += int(count(unit))
        group[1] += 1
    return [Ratio(name, n, base) for name, (n, base) in sorted(groups.items())]
