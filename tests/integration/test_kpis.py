"""Selling KPIs net of corrections, with the definitions of pos.day.kpis: the cases a new
user found wrong (a voided sale that still counted, a refunded phone still in the card
take-up, 300% attach rates, PC tiers divided by phones, a scanned cleaning kit read as
"not offered"), and the monthly commission statement."""

from datetime import date, timedelta

from pos.aftersale import returns, voids
from pos.day import commissions, reports
from pos.people import customers
from pos.selling import cards, checkout, completion, sheet
from pos.selling.cart import TenderInput
from pos.store import settings
from tests.integration.checkout_helpers import NOTEBOOK, PHONE, item_id, new_cart, staff_id, tier_id

TODAY = date.today()
KIT_CODE = "PRO-CLN-PC"  # PC cleaning kit: on the notebook's sheet


def imei(body: str) -> str:
    """A 15-digit IMEI with its Luhn check digit, from 14 digits."""
    digits = [int(d) for d in body]
    total = 0
    for index, digit in enumerate(digits):
        if index % 2 == 1:
            digit *= 2
            digit -= 9 if digit > 9 else 0
        total += digit
    return body + str((10 - total % 10) % 10)


def allow_negative_stock(db):
    """For tests about figures that sell more units than the demo store holds."""
    with db.unit_of_work() as session:
        settings.set_setting(session, "allow_negative_stock", True)


def customer(db, phone="13800138000", name="Chen"):
    return customers.create_customer(db, phone=phone, name=name)


def sell(db, code, *, serial, sold=(), declined=(), tier=None, scan=(), who="cashier",
         business_date=None):
    cart = new_cart(db, who)
    unit = checkout.add_product(db, cart, code=code)
    for item in sold:
        sheet.mark_item(db, cart, main_line_id=unit.line_id,
                        item_id=item_id(db, cart, unit.line_id, item), outcome="sold")
    for item in declined:
        sheet.mark_item(db, cart, main_line_id=unit.line_id,
                        item_id=item_id(db, cart, unit.line_id, item), outcome="declined")
    for extra in scan:
        checkout.add_product(db, cart, code=extra)
    if tier:
        checkout.set_customer(db, cart, customer_id=customer(db, phone=f"1390000{serial[-4:]}").id)
        cards.add_card(db, cart, main_line_id=unit.line_id,
                       tier_id=tier_id(db, cart, unit.line_id, tier))
    checkout.set_serial(db, cart, line_id=unit.line_id, serial=serial)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", sum(
        line.total for line in cart.lines))], business_date=business_date), cart


def test_a_voided_sale_leaves_no_trace_in_any_kpi(demo_db):
    sold, _ = sell(demo_db, NOTEBOOK, serial="SN-VOID-1", sold=("bag", "wireless-mouse"), tier="gold")
    voids.void_sale(demo_db, receipt_no=sold.receipt_no, staff_id=staff_id(demo_db, "manager"))
    report = reports.day_report(demo_db, day=TODAY)
    assert report.net == 0
    k = report.kpis
    assert (k.units, k.attach.count, k.attach.base, k.items_per_unit.count) == (0, 0, 0, 0)
    assert k.cards_by_tier == [] and k.items == [] and k.attach_by_category == []
    assert report.by_staff[0].units == 0 and report.by_staff[0].sales == 0


def test_a_refunded_phone_leaves_the_phone_card_take_up(demo_db):
    kept, _ = sell(demo_db, PHONE, serial=imei("35693803564380"), tier="phone-ext")
    back, _ = sell(demo_db, PHONE, serial=imei("35693803564381"), tier="phone-ext")
    sell(demo_db, NOTEBOOK, serial="SN-TIER-1")
    returns.refund(demo_db, receipt_no=back.receipt_no, staff_id=staff_id(demo_db, "manager"),
                   items=[returns.ReturnItem(1, 1)], with_attached=True, back_in="cash")
    k = reports.day_report(demo_db, day=TODAY).kpis
    tiers = {r.key: (r.count, r.base) for r in k.cards_by_tier}
    assert tiers["Phone extended warranty"] == (1, 1)  # the returned phone is out of both
    assert tiers["Screen-break cover"] == (0, 1)
    assert tiers["Blue-gold card"] == (0, 1)  # PC tiers count only the notebook
    assert tiers["Gold card"] == (0, 1)
    assert (k.units, k.any_card.count, k.any_card.base) == (2, 1, 2)


def test_attach_rate_is_a_share_of_units_and_items_per_unit_a_separate_figure(demo_db):
    sell(demo_db, NOTEBOOK, serial="SN-A-1", sold=("bag", "wireless-mouse", "screen-film"))
    sell(demo_db, NOTEBOOK, serial="SN-A-2", declined=("bag",))
    k = reports.day_report(demo_db, day=TODAY).kpis
    assert (k.attach.count, k.attach.base, k.attach.rate_bp) == (1, 2, 5000)  # 50%, never 300%
    assert (k.items_per_unit.count, k.items_per_unit.per_unit_x100) == (3, 150)
    bag = next(i for i in k.items if i.code == "bag")
    assert (bag.sold, bag.declined, bag.not_offered) == (1, 1, 0)


def test_a_scanned_cleaning_kit_is_sold_on_the_notebooks_sheet(demo_db):
    sold, cart = sell(demo_db, NOTEBOOK, serial="SN-KIT-1", scan=(KIT_CODE,))
    unit = cart.main_units()[0]
    kit = next(line for line in cart.lines if line.sku == KIT_CODE)
    assert kit.parent_line_id == unit.line_id  # it hangs under the unit on screen
    row = next(r for r in sheet.sheet_rows(demo_db, cart, main_line_id=unit.line_id)
               if r.code == "cleaning-kit")
    assert row.outcome.value == "sold"
    items = {i.code: (i.sold, i.declined, i.not_offered)
             for i in reports.day_report(demo_db, day=TODAY).items}
    assert items["cleaning-kit"] == (1, 0, 0)
    # scanned first, the unit second: the same
    cart = new_cart(demo_db)
    checkout.add_product(demo_db, cart, code=KIT_CODE)
    unit = checkout.add_product(demo_db, cart, code=NOTEBOOK)
    assert cart.outcome(unit.line_id, item_id(demo_db, cart, unit.line_id, "cleaning-kit")).value == "sold"
    # a second kit has no unit left to attach to: it stays a loose line
    checkout.add_product(demo_db, cart, code=KIT_CODE)
    assert [l.parent_line_id is None for l in cart.lines if l.sku == KIT_CODE] == [False, True]


def test_monthly_commissions_reach_their_steps_and_reverse_returns_of_earlier_months(demo_db):
    manager = staff_id(demo_db, "manager")
    allow_negative_stock(demo_db)
    last_month = TODAY.replace(day=1) - timedelta(days=1)
    # last month the cashier sold a notebook; this month it comes back
    earlier, _ = sell(demo_db, NOTEBOOK, serial="SN-C-0", business_date=last_month)
    returns.refund(demo_db, receipt_no=earlier.receipt_no, staff_id=manager,
                   items=[returns.ReturnItem(1, 1)], with_attached=True, back_in="cash")
    # this month the manager (customer-manager scheme: 10% / 15% over 200,000.00) sells
    # 32 notebooks, day by day: no single day reaches the step, the month does
    first = TODAY.replace(day=1)
    for n in range(32):
        sell(demo_db, NOTEBOOK, serial=f"SN-C-{n + 1}", who="manager",
             business_date=first + timedelta(days=n % max(1, (TODAY - first).days + 1)))
    month = f"{TODAY:%Y-%m}"
    start, end = commissions.month_bounds(month)
    found = commissions.commission_statement(demo_db, start=start, end=end)
    people = {p.staff: p for p in found.people}
    zhang, li = people["Zhang Wei"], people["Li Na"]
    assert zhang.sales == 32 * 649900 and zhang.reversals == 0
    assert (zhang.scheme, zhang.step, zhang.rate_bp) == ("customer-manager", 2, 1500)
    assert zhang.amount == 32 * 649900 * 1500 // 10_000
    assert (li.sales, li.reversals, li.basis, li.amount) == (0, -649900, -649900, 0)
    # the statement reconciles with the store's net sales to the cent
    assert sum(p.basis for p in found.people) + found.unattributed == found.net_sales
    assert found.net_sales == 32 * 649900 - 649900
    # the earlier month keeps its figures: the return is this month's
    before = commissions.commission_statement(demo_db, start=last_month.replace(day=1),
                                              end=last_month)
    assert [(p.staff, p.basis) for p in before.people] == [("Li Na", 649900)]


def test_commission_schemes_by_person_and_basis(demo_db):
    with demo_db.unit_of_work() as session:
        schemes = settings.get_setting(session, "commission_schemes")
        for scheme in schemes:
            if scheme["code"] == "business-manager":
                scheme["staff"] = ["Li Na"]
                scheme["basis"] = "attach"
        settings.set_setting(session, "commission_schemes", schemes)
    sell(demo_db, NOTEBOOK, serial="SN-B-1", sold=("bag",))
    found = commissions.commission_statement(demo_db, start=TODAY, end=TODAY)
    li = found.people[0]
    assert (li.staff, li.scheme) == ("Li Na", "business-manager")
    assert li.sales == 39900 and li.all_sales == 649900 + 39900  # only the bag is her basis
    assert li.rate_bp == 1000 and li.amount == 3990


def test_the_period_report_and_its_refusals(demo_db):
    sell(demo_db, NOTEBOOK, serial="SN-P-1", sold=("bag",), business_date=TODAY - timedelta(days=1))
    sell(demo_db, NOTEBOOK, serial="SN-P-2")
    week = reports.period_report(demo_db, start=TODAY - timedelta(days=6), end=TODAY)
    assert week.kpis.units == 2 and (week.kpis.attach.count, week.kpis.attach.base) == (1, 2)
    assert [(s.name, s.units, s.attached) for s in week.by_staff] == [("Li Na", 2, 1)]
    assert reports.day_report(demo_db, day=TODAY).kpis.units == 1
    import pytest

    from pos.kernel.errors import UserError

    with pytest.raises(UserError) as refused:
        reports.period_report(demo_db, start=TODAY, end=TODAY - timedelta(days=1))
    assert refused.value.message_id == "report.period_backwards"
    with pytest.raises(UserError) as refused:
        commissions.month_bounds("2026-13")
    assert refused.value.message_id == "report.bad_month"


def test_a_months_commission_statement_reconciles_to_the_cent(demo_db, tmp_path, capsys):
    from pos.aftersale import exchange
    from pos.cli import main
    from pos.kernel.money import percent_of

    manager, first = staff_id(demo_db, "manager"), TODAY.replace(day=1)
    allow_negative_stock(demo_db)
    days = (TODAY - first).days + 1
    receipts = []
    for n in range(12):
        sold, _ = sell(demo_db, NOTEBOOK if n % 3 else PHONE,
                       serial=f"SN-M-{n}" if n % 3 else imei(f"356938035{n:05d}"),
                       sold=("bag",) if n % 3 else (), who=("cashier", "manager")[n % 2],
                       business_date=first + timedelta(days=n % days))
        receipts.append(sold.receipt_no)
    returns.refund(demo_db, receipt_no=receipts[2], staff_id=manager,
                   items=[returns.ReturnItem(2, 1)], back_in="cash")  # Li Na's bag comes back
    exchange.refund_without_receipt(demo_db, code=KIT_CODE, quantity=1, staff_id=manager,
                                    terminal="T01", tenders=[TenderInput("cash", 3990)],
                                    reason="no receipt")
    start, end = commissions.month_bounds(f"{TODAY:%Y-%m}")
    found = commissions.commission_statement(demo_db, start=start, end=end)
    assert sum(p.basis for p in found.people) + found.unattributed == found.net_sales
    assert found.unattributed == -3990
    for person in found.people:
        assert person.amount == (percent_of(person.basis, person.rate_bp) if person.basis > 0 else 0)
    li = next(p for p in found.people if p.staff == "Li Na")
    assert li.reversals == -39900  # the bag of her sale
    assert main([f"--db={demo_db.url}", "report", "commissions", "--month", f"{TODAY:%Y-%m}",
                 "--csv", str(tmp_path / "c.csv"), "--pdf", str(tmp_path / "c.pdf")]) == 0
    printed = capsys.readouterr().out
    assert "Li Na (Store sales advisers)" in printed and "returns without a receipt" in printed
    csv_text = (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0] == "staff,role,scheme,sold,returns,basis,step,rate,amount"
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    assert main([f"--db={demo_db.url}", "report", "commissions", "--month", "2026-13"]) != 0


def test_one_piece_of_a_scanned_line_goes_on_each_units_sheet(demo_db):
    cart = new_cart(demo_db)
    first = checkout.add_product(demo_db, cart, code=NOTEBOOK)
    second = checkout.add_product(demo_db, cart, code=NOTEBOOK)
    checkout.add_product(demo_db, cart, code=KIT_CODE, quantity=3)
    kits = [(l.parent_line_id, l.quantity) for l in cart.lines if l.sku == KIT_CODE]
    assert sorted(kits, key=str) == sorted([(first.line_id, 1), (second.line_id, 1), (None, 1)], key=str)
    assert sum(l.total for l in cart.lines if l.sku == KIT_CODE) == 3 * 3990  # nothing lost
