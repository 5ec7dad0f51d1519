"""pos.hq.combine on hand-made reports: every field of the day report is the sum of the
stores' (per key where it is per key), and a field combine does not know makes it fail
rather than leave it out of head office's figures."""

from dataclasses import dataclass, fields
from datetime import date

import pytest

from pos.accounts.figures import AccountFigures
from pos.day.commissions import CommissionStatement, PersonCommission
from pos.day.kpis import ItemOutcomes, Ratio, SellingKpis
from pos.day.reports import DayReport, GroupFigures, StaffFigures, report_csv
from pos.hq import combine as combine_module
from pos.hq.combine import ChainCommission, combine
from pos.service.job_sales import DepartmentAttach

DAY = date(2026, 11, 23)
MONTH = date(2026, 11, 1)


def store_a() -> DayReport:
    return DayReport(
        DAY, DAY, "S01", "store",
        documents={"refund": (1, -3990), "sale": (3, 700000)},
        tenders={"wechat": 100000, "cash": 596010},
        vat=[(1300, 700000, 80531), (600, 3990, 226)],
        by_category=[GroupFigures("Notebooks", 2, 650000, 500000),
                     GroupFigures("Accessories", 3, 50000, 20000)],
        by_role=[GroupFigures("main", 2, 650000, 500000)],
        kpis=SellingKpis(
            units=2, attach=Ratio("all", 1, 2), items_per_unit=Ratio("all", 3, 2),
            any_card=Ratio("all", 1, 2),
            attach_by_category=[Ratio("Notebooks", 1, 2)],
            attach_by_staff=[Ratio("Wang", 1, 2)],
            items_per_unit_by_staff=[Ratio("Wang", 3, 2)],
            cards_by_tier=[Ratio("Silver", 0, 2), Ratio("Gold", 1, 2)],
            cards_by_staff=[Ratio("Wang", 1, 2)],
            items=[ItemOutcomes("bag", "Bag", 1, 1, 0), ItemOutcomes("film", "Film", 0, 0, 2)]),
        by_staff=[StaffFigures("Wang", 2, 1, 3, 1, 2, 696010)],
        without_profit=[("K1", "Kit", 3990, 0)],
        addons_by_staff=[("Li", 1, 3990)],
        commissions=CommissionStatement(
            MONTH, DAY, "S01", [PersonCommission("Wang", "cashier", "std", "Standard",
                                                 700000, -3990, 1, 100, 696010)],
            "store", 696010, 0),
        account=AccountFigures(DAY, DAY, 10000, 500, {"cash": 2000}, 300, {"cash": 5000},
                               {"cash": 200}, 4000, 1000),
        departments=[DepartmentAttach("counter", 2, 1, 3), DepartmentAttach("repair", 1, 0, 0)],
        technicians=[DepartmentAttach("Zhao", 1, 0, 0)],
    )


def store_b() -> DayReport:
    return DayReport(
        DAY, DAY, "S02", "store",
        documents={"sale": (2, 120000), "void": (1, -20000)},
        tenders={"cash": 100000, "bank_card": 0},
        vat=[(1300, 100000, 11504)],
        by_category=[GroupFigures("Accessories", 4, 60000, 30000),
                     GroupFigures("Phones", 1, 40000, 35000)],
        by_role=[GroupFigures("accessory", 4, 60000, 30000), GroupFigures("main", 1, 40000, 35000)],
        kpis=SellingKpis(
            units=1, attach=Ratio("all", 1, 1), items_per_unit=Ratio("all", 1, 1),
            any_card=Ratio("all", 0, 1),
            attach_by_category=[Ratio("Phones", 1, 1)],
            attach_by_staff=[Ratio("Wang", 1, 1)],
            items_per_unit_by_staff=[Ratio("Wang", 1, 1)],
            cards_by_tier=[Ratio("Silver", 0, 1), Ratio("Gold", 0, 1)],
            cards_by_staff=[Ratio("Wang", 0, 1)],
            items=[ItemOutcomes("bag", "Bag", 1, 0, 0)]),
        by_staff=[StaffFigures("Wang", 1, 1, 1, 0, 1, 100000),
                  StaffFigures("Chen", 0, 0, 0, 0, 0, 0)],
        without_profit=[("M1", "Mouse", 5000, -100)],
        addons_by_staff=[("Li", 2, 8000), ("Hu", 1, 100)],
        commissions=CommissionStatement(
            MONTH, DAY, "S02", [PersonCommission("Wang", "cashier", "std", "Standard",
                                                 100000, 0, 2, 200, 100000),
                                PersonCommission("Chen", "manager", "", "", 0, 0, 0, 0, 0)],
            "store", 100000, -500),
        account=AccountFigures(DAY, DAY, 0, 0, {"cash": 1000, "wechat": 3}, 0, {},
                               {"cash": 700}, 0, 2500),
        departments=[],
        technicians=[],
    )


def test_the_hand_made_report_fills_every_field():
    """So that a field added to the report later is not left at its default here: the
    test below would not see whether combine adds it up."""
    report = store_a()
    for f in fields(DayReport):
        assert getattr(report, f.name) not in (None, [], {}, 0, ""), f.name
    for f in fields(SellingKpis):
        assert getattr(report.kpis, f.name) not in (None, [], 0, Ratio("all", 0, 0)), f.name
    for f in fields(AccountFigures):
        assert getattr(report.account, f.name) not in (None, {}, 0), f.name


def test_every_figure_is_the_sum_of_the_stores():
    chain = combine([store_a(), store_b()])
    assert (chain.start, chain.end, chain.scope, chain.scope_kind) == (DAY, DAY, "all stores", "all")
    assert chain.documents == {"sale": (5, 820000), "refund": (1, -3990), "void": (1, -20000)}
    assert list(chain.documents) == ["sale", "refund", "void"]  # the kinds' own order
    assert chain.net == store_a().net + store_b().net
    assert chain.tenders == {"cash": 696010, "bank_card": 0, "wechat": 100000}
    # VAT: the stores' amounts added up, not the VAT of the summed gross
    assert chain.vat == [(600, 3990, 226), (1300, 800000, 92035)]
    assert chain.by_category == [GroupFigures("Notebooks", 2, 650000, 500000),
                                 GroupFigures("Accessories", 7, 110000, 50000),
                                 GroupFigures("Phones", 1, 40000, 35000)]
    assert chain.by_role == [GroupFigures("accessory", 4, 60000, 30000),
                             GroupFigures("main", 3, 690000, 535000)]
    k = chain.kpis
    assert k.units == 3
    assert (k.attach, k.items_per_unit, k.any_card) == (
        Ratio("all", 2, 3), Ratio("all", 4, 3), Ratio("all", 1, 3))
    assert k.attach_by_category == [Ratio("Notebooks", 1, 2), Ratio("Phones", 1, 1)]
    assert k.attach_by_staff == [Ratio("Wang", 2, 3)]
    assert k.items_per_unit_by_staff == [Ratio("Wang", 4, 3)]
    assert k.cards_by_tier == [Ratio("Silver", 0, 3), Ratio("Gold", 1, 3)]  # tiers' order
    assert k.cards_by_staff == [Ratio("Wang", 1, 3)]
    assert k.items == [ItemOutcomes("film", "Film", 0, 0, 2), ItemOutcomes("bag", "Bag", 2, 1, 0)]
    assert chain.by_staff == [StaffFigures("Chen", 0, 0, 0, 0, 0, 0),
                              StaffFigures("Wang", 3, 2, 4, 1, 3, 796010)]
    assert chain.without_profit == [("M1", "Mouse", 5000, -100), ("K1", "Kit", 3990, 0)]
    assert chain.addons_by_staff == [("Hu", 1, 100), ("Li", 3, 11990)]
    assert chain.departments == [DepartmentAttach("counter", 2, 1, 3),
                                 DepartmentAttach("repair", 1, 0, 0)]
    assert chain.technicians == [DepartmentAttach("Zhao", 1, 0, 0)]
    a = chain.account
    assert (a.start, a.end, a.sales_on_account, a.refunds_to_account, a.write_offs,
            a.deposits_used, a.deposits_held) == (DAY, DAY, 10000, 500, 300, 4000, 3500)
    assert (a.payments, a.deposits_taken, a.deposits_refunded) == (
        {"cash": 3000, "wechat": 3}, {"cash": 5000}, {"cash": 900})
    assert chain.takings == {"cash": 696010 + 3000 + 5000 - 900, "wechat": 100003}
    c = chain.commissions
    assert (c.start, c.end, c.scope, c.scope_kind, c.net_sales, c.unattributed) == (
        MONTH, DAY, "all stores", "all", 796010, -500)
    chen, wang = c.people
    assert chen == store_b().commissions.people[1]
    # Wang sold in both stores and is paid per store: 1% of 6960.10 + 2% of 1000.00
    assert isinstance(wang, ChainCommission)
    assert (wang.sales, wang.reversals, wang.basis, wang.all_sales, wang.step) == (
        800000, -3990, 796010, 796010, 2)
    assert wang.amount == 6960 + 2000 == c.total
    assert c.total == store_a().commissions.total + store_b().commissions.total
    assert wang.rate_bp == 8960 * 10_000 // 796010  # the effective rate
    report_csv(chain)  # the chain's report writes as a store's does


def test_the_order_of_the_stores_does_not_change_the_chain():
    assert report_csv(combine([store_a(), store_b()])) == report_csv(combine([store_b(), store_a()]))


def test_one_store_or_none():
    alone = combine([store_a()])
    # the same lines (the kinds and tenders in their own order)
    assert sorted(report_csv(alone).replace(b"all stores", b"S01").splitlines()) == \
        sorted(report_csv(store_a()).splitlines())
    empty = combine([], start=DAY, end=DAY)
    assert empty.documents == {} and empty.commissions is None and empty.scope == "all stores"
    with pytest.raises(ValueError):
        combine([])


def test_reports_of_different_periods_are_not_added():
    other = store_b()
    other.start = other.end = date(2026, 11, 24)
    with pytest.raises(ValueError):
        combine([store_a(), other])


def test_a_field_combine_does_not_know_fails_loudly(monkeypatch):
    @dataclass
    class LaterReport(DayReport):
        returns_by_reason: dict = None

    monkeypatch.setattr(combine_module, "DayReport", LaterReport)
    with pytest.raises(TypeError, match="returns_by_reason"):
        combine([store_a(), store_b()])
    monkeypatch.undo()

    @dataclass(frozen=True)
    class LaterGroup(GroupFigures):
        label: str = ""

    report = store_a()
    report.by_category = [LaterGroup("Notebooks", 1, 2, 3, "x")]
    with pytest.raises(TypeError, match="label"):
        combine([report, store_b()])
