"""Aging and the overdue list. What each account owes per store, by how long it is past
due: current (not yet due), 1-30, 31-60 and over 60 days, and its unapplied credit.

Both read only the items still open, through the partial index `ix_account_items_open`
(store, customer, due date, open amount; WHERE open_amount <> 0), so settled items cost
nothing however many there are. One GROUP BY each, the same SQL on SQLite and
PostgreSQL; the boundary dates are bound parameters. The index's condition is written
as the literal `open_amount <> 0` so that SQLite can see it implies the index's own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy import (
    BigInteger, String, bindparam, case, cast, func, literal_column, select, type_coerce,
)

from pos.db.engine import Database
from pos.db.models import AccountItem, Customer, CustomerAccount, Store
from pos.kernel.enums import AccountState
from pos.kernel.errors import UserError

ITEMS = AccountItem.__table__
OPEN = ITEMS.c.open_amount != literal_column("0")  # the partial index's own condition
BUCKETS = ("current", "days_1_30", "days_31_60", "days_60_plus")


class AgingRow(NamedTuple):
    """One account at one store (a named tuple: 20,000 of them are built per report)."""

    store: str
    customer_id: int
    name: str
    phone: str
    company: str | None
    state: AccountState
    current: int
    days_1_30: int
    days_31_60: int
    days_60_plus: int
    credit: int  # unapplied credit (positive)

    @property
    def total(self) -> int:
        """Net owed at this store: the buckets less the unapplied credit."""
        return self.current + self.days_1_30 + self.days_31_60 + self.days_60_plus - self.credit

    @property
    def overdue(self) -> int:
        return self.days_1_30 + self.days_31_60 + self.days_60_plus


@dataclass(frozen=True)
class Aging:
    as_of: date
    store: str | None
    rows: tuple[AgingRow, ...]

    def totals(self, store: str | None = None) -> dict[str, int]:
        """Each bucket's sum (for one store, or all), with credit and total."""
        rows = [r for r in self.rows if store is None or r.store == store]
        out = {name: sum(getattr(r, name) for r in rows) for name in BUCKETS + ("credit",)}
        out["total"] = sum(r.total for r in rows)
        return out

    @property
    def stores(self) -> tuple[str, ...]:
        return tuple(sorted({r.store for r in self.rows}))


class OverdueRow(NamedTuple):
    customer_id: int
    name: str
    phone: str
    company: str | None
    oldest_due: date
    days: int
    amount: int  # open past its due date
    balance: int
    transferred: bool


def store_id_of(conn, store: str | None) -> int | None:
    if not store:
        return None
    found = conn.execute(select(Store.id).where(Store.code == store)).scalar()
    if found is None:
        raise UserError("store.unknown_code", code=store)
    return found


def bounds(as_of: date) -> dict[str, date]:
    """The boundary dates: due on or after `due_today` is current; after `due_30` is
    1-30 days overdue; after `due_60` is 31-60; on or before it, over 60."""
    return {"due_today": as_of, "due_30": as_of - timedelta(days=30),
            "due_60": as_of - timedelta(days=60)}


def bucket_of(due_date: date | None, as_of: date) -> str:
    """The bucket an open invoice falls in on `as_of`: what the SQL's CASE says, for one
    item (the screens and tests use it)."""
    b = bounds(as_of)
    if due_date is None or due_date >= b["due_today"]:
        return "current"
    if due_date >= b["due_30"]:
        return "days_1_30"
    if due_date >= b["due_60"]:
        return "days_31_60"
    return "days_60_plus"


# the state as its text, read into AccountState by one dict lookup per row (SQLAlchemy's
# enum processing is a third of the time of reading 30,000 rows)
_STATE = type_coerce(CustomerAccount.state, String)
STATES = {state.value: state for state in AccountState}


def _sum(expression):
    """SUM as a BIGINT on both databases (PostgreSQL sums BIGINT as NUMERIC)."""
    return cast(func.sum(expression), BigInteger)


def _aging_query(store_id: int | None):
    """Per store and account: the net open, what is owed (positive items), and what is
    at least 1, 31 and 61 days past due (one comparison each: the buckets are their
    differences); credits carry no due date."""
    due, amount = ITEMS.c.due_date, ITEMS.c.open_amount
    grouped = select(
        ITEMS.c.store_id, ITEMS.c.customer_id, _sum(amount).label("net"),
        _sum(case((amount > literal_column("0"), amount))).label("owed"),
        _sum(case((due < bindparam("due_today"), amount))).label("late1"),
        _sum(case((due < bindparam("due_30"), amount))).label("late31"),
        _sum(case((due < bindparam("due_60"), amount))).label("late61"),
    ).where(OPEN)
    if store_id is not None:
        grouped = grouped.where(ITEMS.c.store_id == bindparam("store_id"))
    grouped = grouped.group_by(ITEMS.c.store_id, ITEMS.c.customer_id).subquery()
    return (select(Store.code, grouped.c.customer_id, Customer.name, Customer.phone,
                   Customer.company, _STATE, grouped.c.net, grouped.c.owed,
                   grouped.c.late1, grouped.c.late31, grouped.c.late61)
            .select_from(grouped)
            .join(Store, Store.id == grouped.c.store_id)
            .join(Customer, Customer.id == grouped.c.customer_id)
            .join(CustomerAccount, CustomerAccount.customer_id == grouped.c.customer_id)
            .order_by(Store.code, Customer.name, grouped.c.customer_id))


def aging(db: Database, *, store: str | None = None, as_of: date | None = None) -> Aging:
    as_of = as_of or date.today()
    with db.read_connection() as conn:
        store_id = store_id_of(conn, store)
        params = bounds(as_of) | ({"store_id": store_id} if store_id is not None else {})
        rows = conn.execute(_aging_query(store_id), params).all()
    out = []
    for code, customer, name, phone, company, state, net, owed, late1, late31, late61 in rows:
        owed, late1, late31, late61 = owed or 0, late1 or 0, late31 or 0, late61 or 0
        out.append(AgingRow(code, customer, name, phone, company, STATES[state], owed - late1,
                            late1 - late31, late31 - late61, late61, owed - net))
    return Aging(as_of, store, tuple(out))


def _overdue_query(store_id: int | None):
    """Per store and account (the index's order): the oldest due date past `due_by` and
    what is open on or before it; merged per account in overdue()."""
    grouped = select(
        ITEMS.c.store_id, ITEMS.c.customer_id, func.min(ITEMS.c.due_date).label("oldest"),
        _sum(ITEMS.c.open_amount).label("amount"),
    ).where(OPEN, ITEMS.c.open_amount > literal_column("0"),
            ITEMS.c.due_date <= bindparam("due_by"))
    if store_id is not None:
        grouped = grouped.where(ITEMS.c.store_id == bindparam("store_id"))
    grouped = grouped.group_by(ITEMS.c.store_id, ITEMS.c.customer_id).subquery()
    return (select(grouped.c.customer_id, Customer.name, Customer.phone, Customer.company,
                   grouped.c.oldest, grouped.c.amount, CustomerAccount.balance,
                   CustomerAccount.state)
            .select_from(grouped)
            .join(Customer, Customer.id == grouped.c.customer_id)
            .join(CustomerAccount, CustomerAccount.customer_id == grouped.c.customer_id))


def overdue(db: Database, *, store: str | None = None, min_days: int = 1,
            as_of: date | None = None) -> tuple[OverdueRow, ...]:
    """The accounts with an invoice at least `min_days` past due, oldest first: the
    oldest due date, its days, what is open past due (at least that many days), the
    balance, and whether the account is with the big-account team already."""
    as_of = as_of or date.today()
    if isinstance(min_days, bool) or not isinstance(min_days, int) or min_days < 1:
        raise UserError("account.bad_days")
    with db.read_connection() as conn:
        store_id = store_id_of(conn, store)
        params = {"due_by": as_of - timedelta(days=min_days)}
        if store_id is not None:
            params["store_id"] = store_id
        rows = conn.execute(_overdue_query(store_id), params).all()
    merged: dict[int, list] = {}
    for customer, name, phone, company, oldest, amount, balance, state in rows:
        seen = merged.get(customer)
        if seen is None:
            merged[customer] = [customer, name, phone, company, oldest, amount, balance, state]
        else:  # the same account owing at another store
            seen[4], seen[5] = min(seen[4], oldest), seen[5] + amount
    transferred = AccountState.TRANSFERRED
    return tuple(sorted(
        (OverdueRow(c, n, p, co, oldest, (as_of - oldest).days, int(amount), int(balance),
                    state is transferred)
         for c, n, p, co, oldest, amount, balance, state in merged.values()),
        key=lambda row: (row.oldest_due, row.customer_id)))
