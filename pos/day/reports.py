"""The report of a day or a period (a week, a month): sales, returns, voids and net;
tenders; VAT per rate; sales by category and by price role with margin (money
aggregated in SQL, each document on its own date); the selling KPIs of the units sold
in the period, net of corrections (pos.day.kpis: attach rate, items per unit, card
take-up per tier over the categories that offer it, every sheet item's sold / declined /
not offered); per salesperson; lines sold without profit; installers' add-ons; attach
selling by department and technician when jobs were worked (pos.service.job_sales); the
commissions (pos.day.commissions) of the period — for a day, of its month to date. And
the account money (pos.accounts.figures): sales on account and refunds to account,
payments received per tender, write-offs, deposits taken / paid back / used / held; the
takings count payments and deposits but never a sale on account or a deposit spent.

For a terminal, a store, or (no filter) all stores on the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, literal, select

from pos.accounts.figures import AccountFigures, account_figures
from pos.day.commissions import CommissionStatement, statement
from pos.day.kpis import (
    REPORT_LIMIT_S,
    ItemOutcomes,
    Ratio,
    SellingKpis,
    check_scope,
    period_sales,
    selling_kpis,
    units_of,
)
from pos.db.engine import Database, longer_limit
from pos.db.models import Category, Payment, Product, Sale, SaleLine, Staff
from pos.kernel.csvio import write_rows
from pos.kernel.enums import DocumentKind, Tender
from pos.kernel.errors import UserError
from pos.kernel.money import to_decimal_string
from pos.kernel.vat import vat_included
from pos.service.job_sales import DepartmentAttach, department_attach
from pos.store.settings import get_setting

NOT_TAKINGS = (Tender.ON_ACCOUNT.value, Tender.DEPOSIT.value, Tender.EXCHANGE.value)
Rate = Ratio  # the name the PDF and screen used before the KPIs moved to pos.day.kpis
MAX_PERIOD_DAYS = 366
__all__ = ["DayReport", "GroupFigures", "ItemOutcomes", "Rate", "Ratio", "StaffFigures",
           "day_report", "period_report", "report_csv"]


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
class StaffFigures:
    """One salesperson's period: the units they sold (kept), how many left with a sheet
    item, the sheet items sold with them, how many of those that could have a card did,
    and their sales net of the returns of what they sold."""

    name: str
    units: int
    attached: int
    items_sold: int
    carded: int
    card_eligible: int
    sales: int


@dataclass
class DayReport:
    start: date
    end: date
    scope: str  # a terminal or store code, or "all stores"
    scope_kind: str = "all"  # all | store | terminal
    documents: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (count, total)
    tenders: dict[str, int] = field(default_factory=dict)
    vat: list[tuple[int, int, int]] = field(default_factory=list)  # rate, gross, vat
    by_category: list[GroupFigures] = field(default_factory=list)
    by_role: list[GroupFigures] = field(default_factory=list)
    kpis: SellingKpis = field(default_factory=SellingKpis)
    by_staff: list[StaffFigures] = field(default_factory=list)
    without_profit: list[tuple[str, str, int, int]] = field(default_factory=list)
    addons_by_staff: list[tuple[str, int, int]] = field(default_factory=list)
    commissions: CommissionStatement | None = None
    account: AccountFigures | None = None  # None or empty: the section is left out
    # attach selling by department (counter, installation, on_site, repair) and by
    # technician (pos.service.job_sales): empty, and left out, when no job was worked
    departments: list[DepartmentAttach] = field(default_factory=list)
    technicians: list[DepartmentAttach] = field(default_factory=list)

    @property
    def day(self) -> date:
        return self.end

    @property
    def is_day(self) -> bool:
        return self.start == self.end

    @property
    def net(self) -> int:
        return sum(total for _, total in self.documents.values())

    @property
    def has_account(self) -> bool:
        """Any account or deposit money in the period (else the section is not shown)."""
        return self.account is not None and not self.account.empty

    @property
    def takings(self) -> dict[str, int]:
        """Money in per tender: the sales' tenders without those that bring none in (on
        account, a deposit spent, exchange credit), plus payments received on account
        and deposits taken less deposits paid back."""
        out = {tender: amount for tender, amount in self.tenders.items()
               if tender not in NOT_TAKINGS}
        for tender, amount in (self.account.takings.items() if self.account else ()):
            out[tender] = out.get(tender, 0) + amount
        return {tender: amount for tender, amount in out.items() if amount}

    # the KPI lists under the names the screen, PDF and CLI read
    @property
    def attach_by_category(self) -> list[Ratio]:
        return self.kpis.attach_by_category

    @property
    def attach_by_staff(self) -> list[Ratio]:
        return self.kpis.attach_by_staff

    @property
    def cards_by_tier(self) -> list[Ratio]:
        return self.kpis.cards_by_tier

    @property
    def cards_by_staff(self) -> list[Ratio]:
        return self.kpis.cards_by_staff

    @property
    def items(self) -> list[ItemOutcomes]:
        return self.kpis.items


def day_report(db: Database, *, day: date, terminal: str | None = None,
               store: str | None = None) -> DayReport:
    """The report of one business day for a terminal, a store, or every store; a code
    that names no terminal or store is refused (an empty report would look like a day
    without sales). Its commissions are those of the day's month up to the day."""
    return period_report(db, start=day, end=day, terminal=terminal, store=store,
                         commissions_from=day.replace(day=1))


def period_report(db: Database, *, start: date, end: date, terminal: str | None = None,
                  store: str | None = None, commissions_from: date | None = None) -> DayReport:
    """The report of the days start..end (both included), with the same sections as the
    day's and the figures per salesperson."""
    if end < start:
        raise UserError("report.period_backwards", start=start.isoformat(), end=end.isoformat())
    if (end - start).days >= MAX_PERIOD_DAYS:
        raise UserError("report.period_too_long", days=MAX_PERIOD_DAYS)
    report = DayReport(start, end, terminal or store or "all stores",
                       "terminal" if terminal else "store" if store else "all")
    with db.read_connection() as conn:
        longer_limit(conn, REPORT_LIMIT_S)
        check_scope(conn, terminal=terminal, store=store)
        docs = period_sales(start, end, terminal=terminal, store=store)
        _money(conn, report, docs)
        units = units_of(conn, start=start, end=end, terminal=terminal, store=store)
        report.kpis = selling_kpis(conn, units)
        report.departments, report.technicians = department_attach(
            conn, start=start, end=end, terminal=terminal, store=store, units=units.units)
        line_scope = SaleLine.sale_id.in_(docs)
        threshold = get_setting(conn, "margin_threshold_bp")
        cost = SaleLine.unit_cost * SaleLine.quantity
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
                .where(Sale.id.in_(docs), Sale.kind == DocumentKind.ADDON).group_by(Staff.name)
                .order_by(Staff.name)):
            report.addons_by_staff.append((name, count, int(total)))
        period = statement(conn, start=start, end=end, terminal=terminal, store=store,
                           scope=report.scope)
        report.by_staff = _by_staff(units.units, report.kpis, period)
        report.commissions = (period if commissions_from in (None, start) else
                              statement(conn, start=commissions_from, end=end, terminal=terminal,
                                        store=store, scope=report.scope))
        report.commissions.scope_kind = report.scope_kind
        report.account = account_figures(conn, start=start, end=end, terminal=terminal,
                                         store=store)
    return report


def _money(conn, report: DayReport, docs) -> None:
    in_scope = Sale.id.in_(docs)
    for kind, count, total in conn.execute(
            select(Sale.kind, func.count(), func.sum(Sale.total)).where(in_scope)
            .group_by(Sale.kind)):
        report.documents[kind.value] = (count, int(total))
    change = int(conn.execute(select(func.coalesce(func.sum(Sale.change_given), 0))
                              .where(in_scope)).scalar())
    for tender, amount in conn.execute(
            select(Payment.tender, func.sum(Payment.amount))
            .where(Payment.sale_id.in_(docs)).group_by(Payment.tender)):
        report.tenders[tender.value] = int(amount) - (change if tender is Tender.CASH else 0)
    line_scope = SaleLine.sale_id.in_(docs)
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
            .where(line_scope).group_by(category_name)
            .order_by(func.sum(SaleLine.line_total).desc())):
        report.by_category.append(GroupFigures(name, int(qty), int(revenue), int(total_cost)))
    for key, qty, revenue, total_cost in conn.execute(
            select(Product.price_role, func.sum(SaleLine.quantity),
                   func.sum(SaleLine.line_total), func.sum(cost))
            .join(Product, Product.id == SaleLine.product_id)
            .where(line_scope).group_by(Product.price_role)):
        report.by_role.append(GroupFigures(key.value, int(qty), int(revenue), int(total_cost)))


def _by_staff(units, kpis: SellingKpis, period: CommissionStatement) -> list[StaffFigures]:
    eligible = {r.key: r.base for r in kpis.cards_by_staff}
    carded = {r.key: r.count for r in kpis.cards_by_staff}
    figures: dict[str, list[int]] = {}
    for unit in units:
        row = figures.setdefault(unit.seller, [0, 0, 0])
        row[0] += 1
        row[1] += 1 if unit.items_sold else 0
        row[2] += unit.items_sold
    sales = {p.staff: p.all_sales for p in period.people}
    names = sorted(set(figures) | set(sales))
    return [StaffFigures(name, *figures.get(name, [0, 0, 0]), carded.get(name, 0),
                         eligible.get(name, 0), sales.get(name, 0)) for name in names]


def check_codes(db: Database, *, terminal: str | None = None, store: str | None = None) -> None:
    """Refuse a terminal or store code this database does not have."""
    with db.read_connection() as conn:
        check_scope(conn, terminal=terminal, store=store)


def _pct(ratio: Ratio) -> str:
    return f"{ratio.rate_bp / 100:g}%"


def report_csv(report: DayReport) -> bytes:
    """The report as one CSV table: section, key, figures (for spreadsheets). Every
    sheet item is listed, not only the top ones."""
    money = to_decimal_string
    k = report.kpis
    rows = [("period", "from", "", report.start.isoformat(), ""),
            ("period", "to", "", report.end.isoformat(), ""),
            ("period", "scope", "", report.scope, "")]
    rows += [("documents", kind, count, money(total), "") for kind, (count, total) in
             report.documents.items()]
    rows.append(("documents", "net", "", money(report.net), ""))
    rows += [("tender", tender, "", money(amount), "") for tender, amount in report.tenders.items()]
    rows += [("vat", f"{rate / 100:g}%", "", money(gross), money(vat)) for rate, gross, vat in report.vat]
    rows += [("category", g.key, g.quantity, money(g.revenue), money(g.margin)) for g in report.by_category]
    rows += [("price_role", g.key, g.quantity, money(g.revenue), money(g.margin)) for g in report.by_role]
    rows.append(("units", "all", k.units, "", ""))
    rows.append(("attach_rate", "all", k.attach.count, k.attach.base, _pct(k.attach)))
    rows.append(("items_per_unit", "all", k.items_per_unit.count, k.items_per_unit.base,
                 f"{k.items_per_unit.per_unit_x100 / 100:.2f}"))
    rows.append(("card_takeup", "any card", k.any_card.count, k.any_card.base, _pct(k.any_card)))
    rows += [("attach_rate_category", r.key, r.count, r.base, _pct(r)) for r in k.attach_by_category]
    rows += [("attach_rate_staff", r.key, r.count, r.base, _pct(r)) for r in k.attach_by_staff]
    rows += [("items_per_unit_staff", r.key, r.count, r.base, f"{r.per_unit_x100 / 100:.2f}")
             for r in k.items_per_unit_by_staff]
    rows += [("card_takeup_tier", r.key, r.count, r.base, _pct(r)) for r in k.cards_by_tier]
    rows += [("card_takeup_staff", r.key, r.count, r.base, _pct(r)) for r in k.cards_by_staff]
    rows += [("sheet_item", f"{i.code} {i.name}", i.sold, i.declined, i.not_offered) for i in k.items]
    rows += [("staff", s.name, s.units, money(s.sales),
              f"attached {s.attached}, items {s.items_sold}, cards {s.carded}/{s.card_eligible}")
             for s in report.by_staff]
    rows += [("without_profit", f"{sku} {name}", "", money(revenue), money(margin))
             for sku, name, revenue, margin in report.without_profit]
    rows += [("addons", name, count, money(total), "") for name, count, total in report.addons_by_staff]
    rows += [("attach_department", d.key, d.base, d.items_sold, f"{d.attached} {d.rate_bp / 100:g}%")
             for d in report.departments]
    rows += [("attach_technician", d.key, d.base, d.items_sold, f"{d.attached} {d.rate_bp / 100:g}%")
             for d in report.technicians]
    if report.has_account:
        rows += _account_rows(report)
    if report.commissions is not None:
        c = report.commissions
        rows += [("commission", f"{p.staff} ({p.scheme or 'no scheme'})", f"{p.rate_bp / 100:g}%",
                  money(p.basis), money(p.amount)) for p in c.people]
    return write_rows(("section", "key", "count", "amount", "extra"), [tuple(map(str, r)) for r in rows])


def _account_rows(report: DayReport) -> list[tuple]:
    money, a = to_decimal_string, report.account
    rows = [("account", "sales_on_account", "", money(a.sales_on_account), ""),
            ("account", "refunds_to_account", "", money(a.refunds_to_account), ""),
            ("account", "write_offs", "", money(a.write_offs), "")]
    rows += [("account_payment", tender, "", money(amount), "")
             for tender, amount in a.payments.items()]
    rows += [("deposit_taken", tender, "", money(amount), "")
             for tender, amount in a.deposits_taken.items()]
    rows += [("deposit_refunded", tender, "", money(amount), "")
             for tender, amount in a.deposits_refunded.items()]
    rows += [("deposit", "used", "", money(a.deposits_used), ""),
             ("deposit", "held_at_end", "", money(a.deposits_held), "")]
    rows += [("takings", tender, "", money(amount), "") for tender, amount in
             report.takings.items()]
    return rows
