"""Random days of selling — units with sheet items ticked or declined, accessories
scanned, cards, installers' add-ons, partial returns (with or without what hangs under
a unit) and voids — and every KPI of the day report checked against a plain-Python
recomputation from the documents, following the definitions in pos.day.kpis."""

import shutil
from collections import defaultdict
from datetime import date
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from pos.aftersale import returns, voids
from pos.day import reports
from pos.db.engine import Database
from pos.db.models import (
    Category, Product, Sale, SaleLine, ServiceTier, SheetOutcome, Staff, TierCategory,
)
from pos.kernel.enums import DocumentKind, LineKind, Outcome, OutcomeSubject
from pos.kernel.errors import UserError
from pos.people import customers
from pos.selling import addons, cards, checkout, completion, sheet
from pos.selling.cart import TenderInput
from pos.store import settings as store_settings
from tests.integration.checkout_helpers import NOTEBOOK, PHONE, staff_id
from tests.integration.test_kpis import imei

TODAY = date.today()
UNITS = (NOTEBOOK, PHONE)
SCANNABLE = ("PRO-CLN-PC", "BAG-NB-156")
_serials = count(1)

sale_step = st.fixed_dictionaries({
    "op": st.just("sale"), "unit": st.sampled_from(UNITS), "marks": st.lists(
        st.tuples(st.integers(0, 7), st.sampled_from(("sold", "declined"))), max_size=4),
    "scan": st.lists(st.sampled_from(SCANNABLE), max_size=2), "card": st.integers(-1, 3),
    "seller": st.sampled_from(("cashier", "manager"))})
addon_step = st.fixed_dictionaries({"op": st.just("addon"), "sale": st.integers(0, 50),
                                    "item": st.integers(0, 7), "card": st.booleans()})
refund_step = st.fixed_dictionaries({"op": st.just("refund"), "sale": st.integers(0, 50),
                                     "line": st.integers(0, 6), "attached": st.booleans()})
void_step = st.fixed_dictionaries({"op": st.just("void"), "sale": st.integers(0, 50)})
day_of_selling = st.lists(st.one_of(sale_step, sale_step, addon_step, refund_step, void_step),
                          min_size=1, max_size=12)


def run_step(db, step, receipts: list[str], roles: dict[str, int]) -> None:
    if step["op"] == "sale":
        cart = checkout.open_cart(db, staff_id=roles[step["seller"]], terminal="T01")
        unit = checkout.add_product(db, cart, code=step["unit"])
        rows = sheet.sheet_rows(db, cart, main_line_id=unit.line_id)
        for index, outcome in step["marks"]:
            sheet.mark_item(db, cart, main_line_id=unit.line_id,
                            item_id=rows[index % len(rows)].item_id, outcome=outcome)
        for code in step["scan"]:
            checkout.add_product(db, cart, code=code)
        offers = cards.eligible_tiers(db, cart, main_line_id=unit.line_id)
        consumer = [o for o in offers if o.audience.value == "consumer"]
        if step["card"] >= 0 and consumer:
            n = next(_serials)
            person = customers.create_customer(db, phone=f"139{n:08d}", name=f"C{n}")
            checkout.set_customer(db, cart, customer_id=person.id)
            cards.add_card(db, cart, main_line_id=unit.line_id,
                           tier_id=consumer[step["card"] % len(consumer)].tier_id)
        n = next(_serials)
        serial = imei(f"{35000000000000 + n:014d}") if step["unit"] == PHONE else f"SN-P-{n}"
        checkout.set_serial(db, cart, line_id=unit.line_id, serial=serial)
        done = completion.complete_sale(db, cart, tenders=[TenderInput(
            "cash", sum(line.total for line in cart.lines))])
        receipts.append(done.receipt_no)
        return
    if not receipts:
        return
    receipt = receipts[step["sale"] % len(receipts)]
    try:
        if step["op"] == "addon":
            cart = addons.open_addon(db, receipt_no=receipt, staff_id=roles["installer"],
                                     terminal="T01")
            unit = cart.main_units()[0]
            rows = sheet.sheet_rows(db, cart, main_line_id=unit.line_id)
            sheet.mark_item(db, cart, main_line_id=unit.line_id,
                            item_id=rows[step["item"] % len(rows)].item_id, outcome="sold")
            completion.complete_sale(db, cart, tenders=[TenderInput(
                "cash", sum(line.total for line in cart.lines if line.existing_line_id is None))])
        elif step["op"] == "refund":
            with db.read() as session:
                positions = session.scalars(select(SaleLine.position).join(Sale).where(
                    Sale.receipt_no == receipt).order_by(SaleLine.position)).all()
            position = positions[step["line"] % len(positions)]
            returns.refund(db, receipt_no=receipt, staff_id=roles["manager"],
                           items=[returns.ReturnItem(position, 1)],
                           with_attached=step["attached"], back_in="cash")
        else:
            voids.void_sale(db, receipt_no=receipt, staff_id=roles["manager"])
    except UserError:
        pass  # already returned, nothing left to take back, ...: the store refuses it too


RANK = {Outcome.NOT_OFFERED: 0, Outcome.DECLINED: 1, Outcome.SOLD: 2}


def recompute(db) -> dict:
    """The KPIs from the documents, unit by unit, written out plainly."""
    with db.read() as session:
        docs = session.scalars(select(Sale).where(Sale.business_date == TODAY)).all()
        lines = {line.id: line for doc in docs for line in doc.lines}
        kind_of = {doc.id: doc.kind for doc in docs}
        taken = defaultdict(int)
        for line in lines.values():
            if kind_of[line.sale_id] in (DocumentKind.REFUND, DocumentKind.VOID) and line.original_line_id:
                taken[line.original_line_id] += line.quantity
        category = {p.id: (c.id, c.name) for p, c in session.execute(
            select(Product, Category).join(Category, Category.id == Product.category_id))}
        seller = {s.id: s.name for s in session.scalars(select(Staff))}
        tiers = {t.id: t.name for t in session.scalars(select(ServiceTier))}
        offered = defaultdict(set)
        for link in session.scalars(select(TierCategory)):
            offered[link.tier_id].add(link.category_id)
        outcomes = session.scalars(select(SheetOutcome).where(
            SheetOutcome.sale_id.in_([d.id for d in docs]),
            SheetOutcome.subject == OutcomeSubject.SHEET_ITEM)).all()
        units = [l for l in lines.values() if kind_of[l.sale_id] is DocumentKind.SALE
                 and l.kind is LineKind.MAIN_UNIT and 1 + taken[l.id] > 0]
        result = {"units": len(units), "items": defaultdict(lambda: [0, 0, 0]),
                  "tiers": defaultdict(lambda: [0, 0]), "staff": defaultdict(lambda: [0, 0, 0])}
        attached = items_sold = 0
        for unit in units:
            children = [l for l in lines.values() if l.parent_line_id == unit.id and l.quantity > 0]
            kept = [l for l in children if l.quantity + taken[l.id] > 0]
            states = {}
            for row in (o for o in outcomes if o.main_line_id == unit.id):
                state = row.outcome
                item_children = [l for l in children if l.sheet_item_id == row.sheet_item_id]
                if state is Outcome.SOLD and item_children and not any(l in kept for l in item_children):
                    state = Outcome.DECLINED
                if RANK[state] >= RANK[states.get(row.item_code, Outcome.NOT_OFFERED)]:
                    states[row.item_code] = state
            sold = sum(1 for s in states.values() if s is Outcome.SOLD)
            attached += sold > 0
            items_sold += sold
            for code, state in states.items():
                result["items"][code][2 - RANK[state]] += 1
            kept_tiers = {l.tier_id for l in kept if l.kind is LineKind.CARD}
            cat_id, _ = category[unit.product_id]
            for tier_id, categories in offered.items():
                if cat_id in categories:
                    result["tiers"][tiers[tier_id]][0] += tier_id in kept_tiers
                    result["tiers"][tiers[tier_id]][1] += 1
            staff = result["staff"][seller[unit.seller_id]]
            staff[0] += 1
            staff[1] += sold > 0
            staff[2] += sold
        result["attached"], result["items_sold"] = attached, items_sold
    return result


@pytest.fixture
def template(sqlite_demo_template, tmp_path):
    path = tmp_path / "with-negative-stock.db"
    shutil.copyfile(sqlite_demo_template, path)
    db = Database(f"sqlite:///{path}")
    if "allow_negative_stock" in store_settings.DEFAULTS:  # selling more than the demo holds
        with db.unit_of_work() as session:
            store_settings.set_setting(session, "allow_negative_stock", True)
    db.dispose()
    return path


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=day_of_selling)
def test_every_kpi_of_a_random_day_matches_the_documents(template, tmp_path, steps):
    path = tmp_path / f"day{next(_serials)}.db"
    shutil.copyfile(template, path)
    db = Database(f"sqlite:///{path}")
    try:
        roles = {role: staff_id(db, role) for role in ("cashier", "installer", "manager")}
        receipts: list[str] = []
        for step in steps:
            run_step(db, step, receipts, roles)
        expected = recompute(db)
        k = reports.day_report(db, day=TODAY).kpis
        assert k.units == expected["units"]
        assert (k.attach.count, k.attach.base) == (expected["attached"], expected["units"])
        assert (k.items_per_unit.count, k.items_per_unit.base) == (expected["items_sold"], expected["units"])
        assert 0 <= k.attach.rate_bp <= 10_000
        assert {i.code: [i.sold, i.declined, i.not_offered] for i in k.items} == dict(expected["items"])
        assert {r.key: [r.count, r.base] for r in k.cards_by_tier} == dict(expected["tiers"])
        staff = {r.key: r.count for r in k.attach_by_staff}
        per_unit = {r.key: (r.count, r.base) for r in k.items_per_unit_by_staff}
        assert staff == {name: s[1] for name, s in expected["staff"].items()}
        assert per_unit == {name: (s[2], s[0]) for name, s in expected["staff"].items()}
    finally:
        db.dispose()
        path.unlink(missing_ok=True)
