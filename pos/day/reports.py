"""The day's report, aggregated in SQL: sales, returns, voids and net; tenders; VAT per
rate; sales by category and by price role with margin; the attach rate and service-card
take-up by category, tier and staff; per sheet item how often it was sold, declined or
not offered (forgot to sell vs couldn't sell); lines sold without profit; installers'
add-ons; commissions with the stepped rates from settings, reversed on returns.

For a terminal, a store, or (no filter) all stores on the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import aliased

from pos.db.engine import Database
from pos.db.models import (
    Category, Payment, Product, Sale, SaleLine, ServiceCard, ServiceTier, SheetOutcome, Staff,
    Store, Terminal,
)
from pos.kernel.csvio import write_rows
from pos.kernel.enums import DocumentKind, LineKind, Outcome, OutcomeSubject, Tender
from pos.kernel.errors import UserError
from pos.kernel.money import percent_of, to_decimal_string
from pos.kernel.vat import vat_included
from pos.store.settings import get_setting


@dataclass(frozen=True)
class GroupFigures:
    key: str
    quantity: int
    revenue: int
    cost: int

    @property
    def margin(self) -> int:
        return self.revenue - self.cost


@dataclass(frozen=True)
class Rate:
    key: str
    count: int  # e.g. attached lines, or units with a card
    base: int  # main units

    @property
    def rate_bp(self) -> int:
        return 0 if not self.base else self.count * 10_000 // self.base


@dataclass(frozen=True)
class ItemOutcomes:
    code: str
    name: str
    sold: int
    declined: int
    not_offered: int

    @property
    def asked(self) -> int:
        return self.sold + self.declined


@dataclass(frozen=True)
class Commission:
    staff: str
    role: str
    sales: int  # net of returns of what they sold
    rate_bp: int
    amount: int


@dataclass
class DayReport:
    day: date
    scope: str
    documents: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (count, total)
    tenders: dict[str, int] = field(default_factory=dict)
    vat: list[tuple[int, int, int]] = field(default_factory=list)  # rate, gross, vat
    by_category: list[GroupFigures] = field(default_factory=list)
    by_role: list[GroupFigures] = field(default_factory=list)
    attach_by_category: list[Rate] = field(default_factory=list)
    attach_by_staff: list[Rate] = field(default_factory=list)
    cards_by_tier: list[Rate] = field(default_factory=list)
    cards_by_staff: list[Rate] = field(default_factory=list)
    items: list[ItemOutcomes] = field(default_factory=list)
    without_profit: list[tuple[str, str, int, int]] = field(default_factory=list)
    addons_by_staff: list[tuple[str, int, int]] = field(default_factory=list)
    commissions: list[Commission] = field(default_factory=list)

    @property
    def net(self) -> int:
        return sum(total for _, total in self.documents.values())


def day_report(db: Database, *, day: date, terminal: str | None = None,
               store: str | None = None) -> DayReport:
    """The report of one business day for a terminal, a store, or every store; a code
    that names no terminal or store is refused (an empty report would look like a day
    without sales)."""
    report = DayReport(day, terminal or store or "all stores")
    with db.read_connection() as conn:
        check_scope(conn, terminal=terminal, store=store)
        docs = select(Sale.id).join(Terminal).join(Store).where(Sale.business_date == day)
        if terminal:
            docs = docs.where(Terminal.code == terminal)
        if store:
            docs = docs.where(Store.code == store)
        docs = docs.subquery()
        in_scope = Sale.id.in_(select(docs.c.id))
        for kind, count, total in conn.execute(
                select(Sale.kind, func.count(), func.sum(Sale.total)).where(in_scope)
                .group_by(Sale.kind)):
            report.documents[kind.value] = (count, int(total))
        change = int(conn.execute(select(func.coalesce(func.sum(Sale.change_given), 0))
                                  .where(in_scope)).scalar())
        for tender, amount in conn.execute(
                select(Payment.tender, func.sum(Payment.amount))
                .where(Payment.sale_id.in_(select(docs.c.id))).group_by(Payment.tender)):
            report.tenders[tender.value] = int(amount) - (change if tender is Tender.CASH else 0)
        line_scope = SaleLine.sale_id.in_(select(docs.c.id))
        for rate, gross in conn.execute(select(SaleLine.vat_rate_bp, func.sum(SaleLine.line_total))
                                        .where(line_scope).group_by(SaleLine.vat_rate_bp)
                                        .order_by(SaleLine.vat_rate_bp)):
            gross = int(gross)
            report.vat.append((rate, gross, vat_included(gross, rate)))
        cost = SaleLine.unit_cost * SaleLine.quantity
        category_name = func.coalesce(Category.name, literal("Service cards"))
        for name, qty, revenue, total_cost in conn.execute(
                select(category_name, func.sum(SaleLine.quantity), func.sum(SaleLine.line_total),
                       func.sum(cost))
                .select_from(SaleLine).outerjoin(Product, Product.id == SaleLine.product_id)
                .outerjoin(Category, Category.id == Product.category_id)
                .where(line_scope).group_by(category_name).order_by(func.sum(SaleLine.line_total).desc())):
            report.by_category.append(GroupFigures(name, int(qty), int(revenue), int(total_cost)))
        for key, qty, revenue, total_cost in conn.execute(
                select(Product.price_role, func.sum(SaleLine.quantity),
                       func.sum(SaleLine.line_total), func.sum(cost))
                .join(Product, Product.id == SaleLine.product_id)
                .where(line_scope).group_by(Product.price_role)):
            report.by_role.append(GroupFigures(key.value, int(qty), int(revenue), int(total_cost)))

        _attach_and_cards(conn, report, docs, line_scope)
        _items(conn, report, docs)
        threshold = get_setting(conn, "margin_threshold_bp")
        margin = SaleLine.line_total - cost
        for sku, name, revenue, line_margin in conn.execute(
                select(SaleLine.sku, SaleLine.name, SaleLine.line_total, margin)
                .where(line_scope, SaleLine.quantity > 0, SaleLine.product_id.is_not(None),
                       margin * 10_000 < SaleLine.line_total * threshold)
                .order_by(margin)):
            report.without_profit.append((sku, name, int(revenue), int(line_margin)))
        for name, count, total in conn.execute(
                select(Staff.name, func.count(), func.sum(Sale.total))
                .join(Staff, Staff.id == Sale.staff_id)
                .where(in_scope, Sale.kind == DocumentKind.ADDON).group_by(Staff.name)):
            report.addons_by_staff.append((name, count, int(total)))
        _commissions(conn, report, line_scope)
    return report


def check_codes(db: Database, *, terminal: str | None = None, store: str | None = None) -> None:
    """Refuse a terminal or store code this database does not have."""
    with db.read_connection() as conn:
        check_scope(conn, terminal=terminal, store=store)


def check_scope(conn, *, terminal: str | None = None, store: str | None = None) -> None:
    """Refuse a terminal or store code this database does not have."""
    if terminal and conn.execute(select(Terminal.id).where(Terminal.code == terminal)).first() is None:
        raise UserError("terminal.not_set_up", terminal=terminal)
    if store and conn.execute(select(Store.id).where(Store.code == store)).first() is None:
        raise UserError("store.unknown_code", code=store)


def _attach_and_cards(conn, report: DayReport, docs, line_scope) -> None:
    unit = aliased(SaleLine)
    unit_category = aliased(Category)
    units = (select(unit.id.label("unit_id"), unit.seller_id, unit_category.name.label("category"))
             .join(Product, Product.id == unit.product_id)
             .join(unit_category, unit_category.id == Product.category_id)
             .where(unit.sale_id.in_(select(docs.c.id)), unit.kind == LineKind.MAIN_UNIT,
                    unit.quantity > 0)).subquery()
    attached = (select(SaleLine.parent_line_id, func.count().label("n"))
                .where(line_scope, SaleLine.kind == LineKind.ACCESSORY, SaleLine.quantity > 0,
                       SaleLine.parent_line_id.is_not(None))
                .group_by(SaleLine.parent_line_id)).subquery()
    carded = (select(ServiceCard.main_line_id).distinct()
              .where(ServiceCard.sale_id.in_(select(docs.c.id)))).subquery()
    staff_name = Staff.name
    for key_column, target in ((units.c.category, report.attach_by_category),
                               (staff_name, report.attach_by_staff)):
        query = (select(key_column, func.coalesce(func.sum(attached.c.n), 0), func.count(units.c.unit_id))
                 .select_from(units).outerjoin(attached, attached.c.parent_line_id == units.c.unit_id)
                 .join(Staff, Staff.id == units.c.seller_id).group_by(key_column).order_by(key_column))
        target.extend(Rate(key, int(n), int(base)) for key, n, base in conn.execute(query))
    base_units = conn.execute(select(func.count()).select_from(units)).scalar()
    for tier, n in conn.execute(
            select(ServiceTier.name, func.count(func.distinct(ServiceCard.main_line_id)))
            .join(ServiceTier, ServiceTier.id == ServiceCard.tier_id)
            .where(ServiceCard.main_line_id.in_(select(units.c.unit_id)))
            .group_by(ServiceTier.name).order_by(ServiceTier.name)):
        report.cards_by_tier.append(Rate(tier, int(n), int(base_units)))
    for name, n, base in conn.execute(
            select(Staff.name, func.count(carded.c.main_line_id), func.count(units.c.unit_id))
            .select_from(units).outerjoin(carded, carded.c.main_line_id == units.c.unit_id)
            .join(Staff, Staff.id == units.c.seller_id).group_by(Staff.name).order_by(Staff.name)):
        report.cards_by_staff.append(Rate(name, int(n), int(base)))


def _items(conn, report: DayReport, docs) -> None:
    sold = func.sum(case((SheetOutcome.outcome == Outcome.SOLD, 1), else_=0))
    declined = func.sum(case((SheetOutcome.outcome == Outcome.DECLINED, 1), else_=0))
    not_offered = func.sum(case((SheetOutcome.outcome == Outcome.NOT_OFFERED, 1), else_=0))
    for code, name, s, d, n in conn.execute(
            select(SheetOutcome.item_code, func.min(SheetOutcome.item_name), sold, declined,
                   not_offered)
            .where(SheetOutcome.sale_id.in_(select(docs.c.id)),
                   SheetOutcome.subject == OutcomeSubject.SHEET_ITEM)
            .group_by(SheetOutcome.item_code).order_by(not_offered.desc(), SheetOutcome.item_code)):
        report.items.append(ItemOutcomes(code, name, int(s), int(d), int(n)))


def _commissions(conn, report: DayReport, line_scope) -> None:
    """Each line counts for who sold it; a returned line comes off its original seller."""
    original = aliased(SaleLine)
    seller = func.coalesce(original.seller_id, SaleLine.seller_id)
    steps = get_setting(conn, "commission_steps")
    rows = conn.execute(
        select(Staff.name, Staff.role, func.sum(SaleLine.line_total))
        .select_from(SaleLine).outerjoin(original, original.id == SaleLine.original_line_id)
        .join(Staff, Staff.id == seller).where(line_scope)
        .group_by(Staff.name, Staff.role).order_by(Staff.name)).all()
    for name, role, total in rows:
        total = int(total)
        rate = 0
        for threshold, step_rate in steps.get(role.value, [[0, 0]]):
            if total >= threshold:
                rate = step_rate
        report.commissions.append(Commission(name, role.value, total, rate,
                                             percent_of(total, rate) if total > 0 else 0))


def report_csv(report: DayReport) -> bytes:
    """The report as one CSV table: section, key, figures (for spreadsheets)."""
    money = to_decimal_string
    rows = [("documents", kind, count, money(total), "") for kind, (count, total) in
            report.documents.items()]
    rows.append(("documents", "net", "", money(report.net), ""))
    rows += [("tender", tender, "", money(amount), "") for tender, amount in report.tenders.items()]
    rows += [("vat", f"{rate / 100:g}%", "", money(gross), money(vat)) for rate, gross, vat in report.vat]
    rows += [("category", g.key, g.quantity, money(g.revenue), money(g.margin)) for g in report.by_category]
    rows += [("price_role", g.key, g.quantity, money(g.revenue), money(g.margin)) for g in report.by_role]
    rows += [("attach_rate_category", r.key, r.count, r.base, f"{r.rate_bp / 100:g}%") for r in report.attach_by_category]
    rows += [("attach_rate_staff", r.key, r.count, r.base, f"{r.rate_bp / 100:g}%") for r in report.attach_by_staff]
    rows += [("card_takeup_tier", r.key, r.count, r.base, f"{r.rate_bp / 100:g}%") for r in report.cards_by_tier]
    rows += [("card_takeup_staff", r.key, r.count, r.base, f"{r.rate_bp / 100:g}%") for r in report.cards_by_staff]
    rows += [("sheet_item", f"{i.code} {i.name}", i.sold, i.declined, i.not_offered) for i in report.items]
    rows += [("without_profit", f"{sku} {name}", "", money(revenue), money(margin))
             for sku, name, revenue, margin in report.without_profit]
    rows += [("addons", name, count, money(total), "") for name, count, total in report.addons_by_staff]
    rows += [("commission", f"{c.staff} ({c.role})", f"{c.rate_bp / 100:g}%", money(c.sales), money(c.amount))
             for c in report.commissions]
    return write_rows(("section", "key", "count", "amount", "extra"), [tuple(map(str, r)) for r in rows])
