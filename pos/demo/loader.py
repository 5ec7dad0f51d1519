"""`pos demo load`: a realistic store (pos.demo_data) loaded through the same importers
a real store uses, so the demo data is validated like any file."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from pos.catalog.checklists import import_checklists
from pos.catalog.products import import_categories, import_products
from pos.db.engine import Database
from pos.db.models import Product, Staff
from pos.demo import data
from pos.kernel.csvio import Row
from pos.kernel.errors import UserError
from pos.people.staff import add_staff
from pos.store.details import ensure_store


@dataclass(frozen=True)
class DemoSummary:
    locale: str
    categories: int
    products: int
    sheets: int
    sheet_items: int
    tiers: int
    staff: list[tuple[str, str, str]]  # name, role, PIN


def database_is_empty(db: Database) -> bool:
    with db.read() as session:
        products = session.scalar(select(func.count()).select_from(Product))
        staff = session.scalar(select(func.count()).select_from(Staff))
    return products == 0 and staff == 0


def load_demo(db: Database, *, locale: str = "en", stores: bool = False,
              crm: bool = False) -> DemoSummary:
    """The demo store S01 with its tills, catalog, sheets and staff; with `stores` (what
    `pos demo load` and the first run load) also the chain around it: stores S02 and S03
    with stock of their own, serial units received at S01 (serials DEMO-…) and a
    transfer S01 -> S02 received (pos.demo.chain). S01 holds the catalog's quantities
    either way. With `crm` (what `pos demo load` and the first run load, too) also the
    business customers and follow-up of pos.demo.crm: a customer manager, accounts (one
    overdue), a quote, a pre-order, leads, last week's calls and visits and this week's
    plan; and the service jobs of pos.demo.service (an installation, a visit, a repair).
    The tests' demo is the store alone."""
    if locale not in data.LOCALES:
        raise UserError("demo.bad_locale", locale=locale, allowed=list(data.LOCALES))
    if not database_is_empty(db):
        raise UserError("demo.not_empty")
    store = data.store(locale)
    terminals = data.terminals()
    for code, _name in terminals:
        ensure_store(db, terminal=code, **store)
    categories = data.categories(locale)
    import_categories(db, rows=_rows(categories))
    products = data.products(locale)
    import_products(db, rows=_rows(products), currency=store["currency"], with_stock=not stores)
    result = import_checklists(db, document=data.checklists(locale), currency=store["currency"])
    staff = []
    for name_en, name_zh, role, pin in data.STAFF:
        name = name_zh if locale == "zh_CN" else name_en
        # The demo store's PINs are printed in the README: trivial on purpose, and
        # allowed for the demo store only (a real store's PINs are checked: staff.py).
        add_staff(db, name=name, role=role, pin=pin, demo_pin=True)
        staff.append((name, role, pin))
    if stores:
        from pos.demo.chain import load_chain

        load_chain(db, locale=locale)
    if crm:
        from pos.demo.crm import load_crm
        from pos.demo.service import load_service

        staff.append(load_crm(db, locale=locale))
        load_service(db, locale=locale)
    return DemoSummary(locale, len(categories), len(products), result.sheets, result.items,
                       result.tiers, staff)


def _rows(dicts: list[dict[str, str]]) -> list[Row]:
    return [Row(line, values) for line, values in enumerate(dicts, start=2)]
