"""Commissions as stores pay them: per person and month, by the scheme that pays them.

A scheme (setting `commission_schemes`) has stepped rates over a period (a month) and a
basis: `all` (everything the person sold), `attach` (accessories, software, services
and service cards — everything but the main units) or `categories` (the lines of a
chosen set of category codes). A person is paid by the scheme that names them in its
`staff`, else by the first scheme whose `roles` holds their role.

For a month, a person's basis is what they sold in it (sales and installers' add-ons
dated in the month, line by line as each line's seller) plus the **reversals**: the
lines of returns and voids dated in the month that take back lines they sold — even
when the original sale was in an earlier month. The rate is that of the highest step
the net basis reaches, and the amount is the rate of the net basis (never below zero:
a month of returns pays nothing and owes nothing). Goods returned without a receipt are
not attributed to anyone; the statement shows them so it reconciles with the store's
net sales to the cent."""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased

from pos.db.engine import longer_limit
from pos.db.models import Category, Product, Sale, SaleLine, Staff
from pos.day.kpis import CORRECTIONS, REPORT_LIMIT_S, check_scope, in_period
from pos.kernel.enums import LineKind
from pos.kernel.errors import UserError
from pos.kernel.csvio import write_rows
from pos.kernel.money import percent_of, to_decimal_string
from pos.store.settings import get_setting


@dataclass(frozen=True)
class Scheme:
    code: str
    name: str
    basis: str  # all | attach | categories
    categories: frozenset[str]
    steps: tuple[tuple[int, int], ...]  # (threshold in fen, rate in bp), ascending
    roles: frozenset[str]
    staff: frozenset[str]

    def counts(self, line_kind: LineKind, category: str | None) -> bool:
        if self.basis == "attach":
            return line_kind is not LineKind.MAIN_UNIT
        if self.basis == "categories":
            return category in self.categories
        return True

    def step_for(self, basis: int) -> tuple[int, int]:
        """(the step reached, 1-based; its rate in bp) for a net basis."""
        reached, rate = 1, self.steps[0][1]
        for index, (threshold, step_rate) in enumerate(self.steps, start=1):
            if basis >= threshold:
                reached, rate = index, step_rate
        return reached, rate


@dataclass(frozen=True)
class PersonCommission:
    staff: str
    role: str
    scheme: str  # its code; "" when no scheme pays this person
    scheme_name: str
    sales: int  # basis sold in the period
    reversals: int  # basis taken back by corrections in the period (<= 0)
    step: int
    rate_bp: int
    all_sales: int = 0  # everything they sold, net of its returns, whatever the basis

    @property
    def basis(self) -> int:
        return self.sales + self.reversals

    @property
    def amount(self) -> int:
        return percent_of(self.basis, self.rate_bp) if self.basis > 0 else 0


@dataclass
class CommissionStatement:
    start: date
    end: date
    scope: str
    people: list[PersonCommission] = field(default_factory=list)
    scope_kind: str = "all"  # all | store | terminal
    net_sales: int = 0  # every document in the period and scope
    unattributed: int = 0  # returns without a receipt: nobody's sale

    @property
    def total(self) -> int:
        return sum(p.amount for p in self.people)


def schemes(conn) -> list[Scheme]:
    return [Scheme(s["code"], s.get("name", s["code"]), s.get("basis", "all"),
                   frozenset(s.get("categories", ())), tuple(tuple(step) for step in s["steps"]),
                   frozenset(s.get("roles", ())), frozenset(s.get("staff", ())))
            for s in get_setting(conn, "commission_schemes")]


def scheme_for(all_schemes: list[Scheme], name: str, role: str) -> Scheme | None:
    named = next((s for s in all_schemes if name in s.staff), None)
    return named or next((s for s in all_schemes if role in s.roles), None)


def month_bounds(month: str) -> tuple[date, date]:
    """'2026-11' -> (2026-11-01, 2026-11-30); anything else is refused."""
    try:
        year, number = (int(part) for part in month.strip().split("-"))
        first = date(year, number, 1)
    except (ValueError, AttributeError):
        raise UserError("report.bad_month", month=str(month)[:20]) from None
    return first, date(year, number, calendar.monthrange(year, number)[1])


def statement(conn, *, start: date, end: date, terminal: str | None = None,
              store: str | None = None, scope: str = "") -> CommissionStatement:
    """Each person's commission for [start, end] (see the module's rules)."""
    result = CommissionStatement(start, end, scope)
    result.net_sales = int(conn.execute(in_period(
        select(func.coalesce(func.sum(Sale.total), 0)).select_from(Sale), start, end,
        terminal=terminal, store=store)).scalar())
    original = aliased(SaleLine)
    is_correction = Sale.kind.in_(CORRECTIONS)
    seller = case((is_correction, original.seller_id), else_=SaleLine.seller_id)
    amounts: dict[tuple[int, bool], dict[tuple[LineKind, str | None], int]] = defaultdict(dict)
    for seller_id, corrected, kind, category, total in conn.execute(in_period(
            select(seller, is_correction, SaleLine.kind, Category.code, func.sum(SaleLine.line_total))
            .select_from(Sale).join(SaleLine, SaleLine.sale_id == Sale.id)
            .outerjoin(original, original.id == SaleLine.original_line_id)
            .outerjoin(Product, Product.id == SaleLine.product_id)
            .outerjoin(Category, Category.id == Product.category_id), start, end,
            terminal=terminal, store=store)
            .group_by(seller, is_correction, SaleLine.kind, Category.code)):
        if seller_id is None:  # goods back without a receipt
            result.unattributed += int(total)
            continue
        amounts[(seller_id, bool(corrected))][(kind, category)] = int(total)
    sellers = {seller_id for seller_id, _ in amounts}
    if not sellers:
        return result
    all_schemes = schemes(conn)
    for staff_id, name, role in conn.execute(
            select(Staff.id, Staff.name, Staff.role).where(Staff.id.in_(sellers))
            .order_by(Staff.name)):
        scheme = scheme_for(all_schemes, name, role.value)

        def basis(corrected: bool) -> int:
            lines = amounts.get((staff_id, corrected), {})
            if scheme is None:
                return sum(lines.values())
            return sum(v for (kind, category), v in lines.items() if scheme.counts(kind, category))

        sales, reversals = basis(False), basis(True)
        step, rate = scheme.step_for(sales + reversals) if scheme else (0, 0)
        everything = sum(sum(amounts.get((staff_id, c), {}).values()) for c in (False, True))
        result.people.append(PersonCommission(
            name, role.value, scheme.code if scheme else "", scheme.name if scheme else "",
            sales, reversals, step, rate, everything))
    return result


def commission_statement(db, *, start: date, end: date, terminal: str | None = None,
                         store: str | None = None) -> CommissionStatement:
    """The statement of [start, end] for a terminal, a store or every store."""
    with db.read_connection() as conn:
        longer_limit(conn, REPORT_LIMIT_S)
        check_scope(conn, terminal=terminal, store=store)
        found = statement(conn, start=start, end=end, terminal=terminal, store=store,
                          scope=terminal or store or "all stores")
        found.scope_kind = "terminal" if terminal else "store" if store else "all"
        return found


def statement_csv(found: CommissionStatement) -> bytes:
    """One row per person, then the reconciliation with the store's net sales."""
    money = to_decimal_string
    rows = [(p.staff, p.role, p.scheme, money(p.sales), money(p.reversals), money(p.basis),
             str(p.step), f"{p.rate_bp / 100:g}%", money(p.amount)) for p in found.people]
    rows.append(("total", "", "", "", "", "", "", "", money(found.total)))
    rows.append(("store net sales", "", "", money(found.net_sales), "", "", "", "", ""))
    rows.append(("returns without a receipt", "", "", money(found.unattributed), "", "", "", "", ""))
    return write_rows(("staff", "role", "scheme", "sold", "returns", "basis", "step", "rate",
                       "amount"), rows)
