"""The day's report on a day of known sales, add-ons, returns and voids, checked against
figures worked out by hand."""

from datetime import date

from pos.aftersale import returns, voids
from pos.day import reports
from pos.people import customers
from pos.selling import addons, cards, checkout, completion, sheet
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import (
    NOTEBOOK, item_id, new_cart, restock, staff_id, tier_id,
)

TODAY = date.today()
NB, BAG, MOUSE, KIT, GOLD = 649900, 39900, 54900, 3990, 39900  # demo prices (fen)


def known_day(db):
    cashier, installer, manager = (staff_id(db, r) for r in ("cashier", "installer", "manager"))
    # 1. notebook + bag + mouse sold, screen film declined, gold card; cash with change
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    for code, outcome in (("bag", "sold"), ("wireless-mouse", "sold"), ("screen-film", "declined")):
        sheet.mark_item(db, cart, main_line_id=unit.line_id,
                        item_id=item_id(db, cart, unit.line_id, code), outcome=outcome)
    customer = customers.create_customer(db, phone="13800138000", name="Chen")
    checkout.set_customer(db, cart, customer_id=customer.id)
    cards.add_card(db, cart, main_line_id=unit.line_id, tier_id=tier_id(db, cart, unit.line_id, "gold"))
    checkout.set_serial(db, cart, line_id=unit.line_id, serial="SN-DAY-1")
    first = completion.complete_sale(db, cart, tenders=[TenderInput("cash", 800000)])
    # 2. a second notebook, nothing else, card declined; WeChat
    cart = new_cart(db)
    unit2 = checkout.add_product(db, cart, code=NOTEBOOK)
    cards.decline_card(cart, main_line_id=unit2.line_id)
    checkout.set_serial(db, cart, line_id=unit2.line_id, serial="SN-DAY-2")
    second = completion.complete_sale(db, cart, tenders=[TenderInput("wechat", NB)])
    # 3. two cleaning kits, loose; cash exact
    cart = new_cart(db)
    checkout.add_product(db, cart, code="PRO-CLN-PC", quantity=2)
    third = completion.complete_sale(db, cart, tenders=[TenderInput("cash", 2 * KIT)])
    # 4. the installer adds a cleaning kit on site to sale 1; cash
    cart = addons.open_addon(db, receipt_no=first.receipt_no, staff_id=installer, terminal="T01")
    au = cart.main_units()[0]
    sheet.mark_item(db, cart, main_line_id=au.line_id,
                    item_id=item_id(db, cart, au.line_id, "cleaning-kit"), outcome="sold")
    completion.complete_sale(db, cart, tenders=[TenderInput("cash", KIT)])
    # 5. the bag of sale 1 comes back (cash); 6. sale 3 is voided
    returns.refund(db, receipt_no=first.receipt_no, staff_id=manager,
                       items=[returns.ReturnItem(2, 1)], tenders=[TenderInput("cash", BAG)])
    voids.void_sale(db, receipt_no=third.receipt_no, staff_id=manager)
    return first, second, third


def test_every_figure_of_a_known_day(demo_db):
    known_day(demo_db)
    report = reports.day_report(demo_db, day=TODAY)
    sale_one = NB + BAG + MOUSE + GOLD
    assert report.documents == {"sale": (3, sale_one + NB + 2 * KIT), "addon": (1, KIT),
                                "refund": (1, -BAG), "void": (1, -2 * KIT)}
    net = sale_one + NB + KIT - BAG
    assert report.net == net
    # tenders reconcile with the net: cash after change, WeChat
    assert report.tenders == {"cash": sale_one + 2 * KIT + KIT - BAG - 2 * KIT, "wechat": NB}
    assert sum(report.tenders.values()) == net
    assert sum(gross for _, gross, _ in report.vat) == net
    # units: the two notebooks (the voided sale had none). Sale 1's unit left with the
    # mouse and the on-site kit (the bag came back); sale 2's with nothing.
    k = report.kpis
    assert k.units == 2
    assert (k.attach.count, k.attach.base, k.attach.rate_bp) == (1, 2, 5000)
    assert (k.items_per_unit.count, k.items_per_unit.base, k.items_per_unit.per_unit_x100) == (2, 2, 100)
    assert {r.key: (r.count, r.base) for r in report.attach_by_category} == {"Notebooks": (1, 2)}
    # card take-up: one of two notebooks took gold; every PC tier has the two notebooks as base
    tiers = {r.key: (r.count, r.base) for r in report.cards_by_tier}
    assert tiers["Gold card"] == (1, 2) and tiers["Silver card"] == (0, 2)
    assert "Phone extended warranty" not in tiers  # no phone sold: not in any base
    assert {r.key: (r.count, r.base) for r in report.cards_by_staff} == {"Li Na": (1, 2)}
    items = {i.code: (i.sold, i.declined, i.not_offered) for i in report.items}
    assert items["bag"] == (0, 1, 1)  # sold, then returned: offered and not kept
    assert items["wireless-mouse"] == (1, 0, 1)
    assert items["screen-film"] == (0, 1, 1)
    assert items["backpack"] == (0, 0, 2)
    assert items["cleaning-kit"] == (1, 0, 1)  # sold on site counts for the original unit
    assert all(i.units == 2 for i in report.items)
    assert report.addons_by_staff == [("Wang Qiang", 1, KIT)]
    people = {p.staff: p for p in report.commissions.people}
    # Li Na's sales less the bag returned from her sale and the voided kits
    li_na = people["Li Na"]
    assert (li_na.sales, li_na.reversals) == (sale_one + NB + 2 * KIT, -BAG - 2 * KIT)
    assert (li_na.rate_bp, li_na.amount) == (500, (li_na.basis * 500 + 5000) // 10_000)
    assert (people["Wang Qiang"].basis, people["Wang Qiang"].rate_bp) == (KIT, 500)
    assert report.commissions.net_sales == net and report.commissions.unattributed == 0
    assert sum(p.basis for p in report.commissions.people) == net


def test_the_report_as_csv_and_for_one_terminal(demo_db, tmp_path):
    known_day(demo_db)
    assert reports.day_report(demo_db, day=TODAY, terminal="T02").documents == {}
    text = reports.report_csv(reports.day_report(demo_db, day=TODAY, terminal="T01")).decode("utf-8-sig")
    assert text.splitlines()[0] == "section,key,count,amount,extra"
    assert "attach_rate_category,Notebooks,1,2,50%" in text
    assert "card_takeup_tier,Gold card,1,2,50%" in text
    assert "items_per_unit,all,2,2,1.00" in text


def test_pos_report_day_prints_and_writes_csv(sqlite_demo_db, tmp_path, capsys):
    from pos.cli import main

    known_day(sqlite_demo_db)
    out = tmp_path / "day.csv"
    pdf = tmp_path / "day.pdf"
    assert main([f"--db={sqlite_demo_db.url}", "report", "day", "--csv", str(out),
                 "--pdf", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    printed = capsys.readouterr().out
    assert "attach rate Notebooks: 1/2 = 50%" in printed and out.exists()
    assert main([f"--db={sqlite_demo_db.url}", "report", "day", "--date", "yesterday"]) == 1
    assert main([f"--db={sqlite_demo_db.url}", "report", "x"]) == 0
    assert "expected cash in drawer" in capsys.readouterr().out


def test_a_report_per_terminal_per_store_and_for_all_stores(demo_db):
    from pos.store.details import ensure_store

    ensure_store(demo_db, code="S02", name="Tickbox Pudong", terminal="P01")
    restock(demo_db, {"BAG-NB-156": 1, "PRO-CLN-PC": 1}, store="S02")  # its own stock
    for terminal, code in (("T01", "PRO-CLN-PC"), ("P01", "BAG-NB-156"), ("P01", "PRO-CLN-PC")):
        cart = checkout.open_cart(demo_db, staff_id=staff_id(demo_db, "cashier"), terminal=terminal)
        checkout.add_product(demo_db, cart, code=code)
        completion.complete_sale(demo_db, cart, tenders=[TenderInput("cash", cart.lines[0].total)])
    assert reports.day_report(demo_db, day=TODAY, store="S01").net == KIT
    assert reports.day_report(demo_db, day=TODAY, store="S02").net == BAG + KIT
    assert reports.day_report(demo_db, day=TODAY, terminal="P01").documents == {"sale": (2, BAG + KIT)}
    assert reports.day_report(demo_db, day=TODAY).net == BAG + 2 * KIT
