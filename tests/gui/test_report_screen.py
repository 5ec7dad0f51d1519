"""The manager's report screen as a manager uses it: a date picked from the calendar, a
day, a month or days from–to, a store or a till; the header saying what and when, the
KPIs, every sheet item after "Show all", the tables; CSV and PDF saved (and a folder that
cannot take them said so plainly); the month's commission statement; never wider than
the screen; in Chinese too."""

import csv
import dataclasses
import io
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel, QTableWidget

from tests.gui.conftest import log_in, settle, till_window
from tests.integration.checkout_helpers import NOTEBOOK
from tests.integration.test_kpis import sell
from ui.report_charts import KpiSummary
from ui.report_parts import SavePath
from ui.report_screen import ReportDialog

DESKTOP = "6923150010023"
TODAY = date.today()
DAY = TODAY - timedelta(days=3)  # the day the manager looks up
OTHER = DAY.replace(day=1) if DAY.day != 1 else DAY + timedelta(days=1)  # same month


def sales(db):
    """On DAY: a notebook with its bag sold, the screen film declined and a gold card,
    and a desktop with nothing (Li Na); on another day of that month, a notebook (Zhang
    Wei)."""
    sell(db, NOTEBOOK, serial="SN-RS-1", sold=("bag",), declined=("screen-film",),
         tier="gold", business_date=DAY)
    sell(db, DESKTOP, serial="SN-RS-2", business_date=DAY)
    sell(db, NOTEBOOK, serial="SN-RS-3", who="manager", business_date=OTHER)


def open_report(qtbot, window) -> ReportDialog:
    log_in(qtbot, window, name="Zhang Wei", pin="9999")
    till = window.till
    till.report_button.click()
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, ReportDialog)
                    and till.active_dialog.report is not None, timeout=10_000)
    dialog = till.active_dialog
    qtbot.waitUntil(lambda: dialog.scope.count() > 2)  # every store and till, read
    return dialog


def shown(qtbot, dialog, start, end, scope=("store", "S01")):
    """Wait until the report shown is of start..end and that scope."""
    qtbot.waitUntil(lambda: dialog.shown is not None
                    and dialog.shown[1:] == (start, end)
                    and (dialog.shown[0].kind, dialog.shown[0].code) == scope
                    and dialog.context.ops.idle, timeout=10_000)
    return dialog.report


def pick(dialog, day: date) -> None:
    dialog.date.setDate(QDate(day.year, day.month, day.day))


def test_a_manager_picks_a_day_reads_its_kpis_and_every_item_then_the_month(
        qtbot, window, sqlite_demo_db):
    sales(sqlite_demo_db)
    dialog = open_report(qtbot, window)
    assert dialog.date.calendarPopup()
    pick(dialog, DAY)
    report = shown(qtbot, dialog, DAY, DAY)
    header = dialog.header.text()
    assert "Day report" in header and "Store S01" in header
    assert f"{DAY:%a}" in header and f"{DAY:%b} {DAY.day}, {DAY.year}" in header
    kpis = dialog.body.findChildren(KpiSummary)[0]
    values = {key: label.text() for key, label in kpis.values.items()}
    assert values == {"units": "2", "attach": "1/2 = 50%", "items_per_unit": "0.50",
                      "cards": "1/2 = 50%"}
    assert all(label.toolTip() for label in kpis.values.values())
    assert "÷" in kpis.values["attach"].toolTip()

    items = dialog.items_chart
    every = [item.name for item in report.items]
    assert len(every) > 15 and items.shown_names() == every[:15]
    assert items.toggle.isVisible() and items.toggle.text() == f"Show all ({len(every)})"
    items.toggle.click()
    assert items.shown_names() == every
    film = every.index("Screen film")
    assert "declined 1" in items.chart.tooltip(film)
    assert dialog.width() <= 1366

    dialog.choose_period("month")
    first = DAY.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    month = shown(qtbot, dialog, first, last)
    assert month.kpis.units == 3
    assert "Sales report" in dialog.header.text() and "Store S01" in dialog.header.text()
    assert f"{first:%b} 1" in dialog.header.text() and str(last.day) in dialog.header.text()
    qtbot.waitUntil(lambda: len(dialog.body.findChildren(QTableWidget)) == 2)
    staff = dialog.body.findChildren(QTableWidget)[0]  # per salesperson, then commissions
    assert [staff.item(r, 0).text() for r in range(staff.rowCount())] == ["Li Na", "Zhang Wei"]


def test_the_scope_names_a_till_or_every_store_and_a_backwards_period_is_refused(
        qtbot, window, sqlite_demo_db):
    sales(sqlite_demo_db)
    dialog = open_report(qtbot, window)
    pick(dialog, DAY)
    shown(qtbot, dialog, DAY, DAY)
    dialog.scope.choose("terminal", "T02")  # nothing was sold at the second till
    report = shown(qtbot, dialog, DAY, DAY, ("terminal", "T02"))
    assert report.kpis.units == 0 and "Till T02 (store S01)" in dialog.header.text()
    dialog.scope.choose("all")
    report = shown(qtbot, dialog, DAY, DAY, ("all", ""))
    assert report.kpis.units == 2 and "All stores" in dialog.header.text()

    dialog.choose_period("custom")
    assert dialog.start.isVisible() and not dialog.date.isVisible()
    dialog.start.setDate(QDate(DAY.year, DAY.month, DAY.day))
    dialog.end.setDate(QDate(DAY.year, DAY.month, DAY.day).addDays(-1))
    qtbot.waitUntil(lambda: "before it starts" in dialog.status.text(), timeout=10_000)
    assert dialog.report is report  # what is shown stays, with its own header
    dialog.end.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    shown(qtbot, dialog, DAY, TODAY, ("all", ""))


def test_the_report_is_saved_as_csv_and_pdf_and_a_folder_that_cannot_take_it_is_said(
        qtbot, window, sqlite_demo_db, tmp_path, monkeypatch):
    sales(sqlite_demo_db)
    dialog = open_report(qtbot, window)
    pick(dialog, DAY)
    report = shown(qtbot, dialog, DAY, DAY)
    target = {}
    monkeypatch.setattr(SavePath, "ask", classmethod(
        lambda cls, parent, title, suggested, kind: target.setdefault("path", None)
        or str(tmp_path / suggested)))

    dialog.csv_button.click()
    qtbot.waitUntil(lambda: dialog.saved.text().startswith("Saved"), timeout=10_000)
    written = tmp_path / f"report-S01-{DAY.isoformat()}.csv"
    assert str(written) in dialog.saved.text()
    rows = list(csv.reader(io.StringIO(written.read_text(encoding="utf-8-sig"))))
    items = [row[1] for row in rows if row[0] == "sheet_item"]
    assert len(items) == len(report.items) > 15
    assert {f"{i.code} {i.name}" for i in report.items} == set(items)

    dialog.pdf_button.click()
    pdf = tmp_path / f"report-S01-{DAY.isoformat()}.pdf"
    qtbot.waitUntil(lambda: pdf.exists() and dialog.saved.text().endswith(".pdf"), timeout=30_000)
    assert pdf.read_bytes().startswith(b"%PDF")

    (tmp_path / "a-file").write_text("not a folder")
    nowhere = tmp_path / "a-file" / "report.csv"
    target["path"] = str(nowhere)
    dialog.csv_button.click()
    qtbot.waitUntil(lambda: "cannot write" in dialog.saved.text(), timeout=10_000)
    assert str(nowhere) in dialog.saved.text() and "Traceback" not in dialog.saved.text()
    assert not nowhere.exists()
    settle(qtbot, window)
    assert dialog.csv_button.isEnabled() and dialog.isVisible()


def test_the_commission_statement_of_the_month_shows_the_people_and_saves(
        qtbot, window, sqlite_demo_db, tmp_path, monkeypatch):
    from ui.commission_screen import CommissionDialog

    sales(sqlite_demo_db)
    dialog = open_report(qtbot, window)
    pick(dialog, DAY)
    shown(qtbot, dialog, DAY, DAY)
    assert "month to date" in " ".join(label.text() for label in dialog.body.findChildren(QLabel))
    dialog.commissions_button.click()
    qtbot.waitUntil(lambda: isinstance(dialog.commission_dialog, CommissionDialog)
                    and dialog.commission_dialog.statement is not None, timeout=10_000)
    statement_screen = dialog.commission_dialog
    assert statement_screen.month_code() == f"{DAY:%Y-%m}"
    assert set(statement_screen.people()) == {"Li Na", "Zhang Wei"}
    assert "Store S01" in statement_screen.header.text()
    assert f"{DAY:%B} {DAY.year}" in statement_screen.header.text()
    statement = statement_screen.statement
    assert sum(p.basis for p in statement.people) + statement.unattributed == statement.net_sales
    monkeypatch.setattr(SavePath, "ask", classmethod(
        lambda cls, parent, title, suggested, kind: str(tmp_path / suggested)))
    statement_screen.pdf_button.click()
    pdf = tmp_path / f"commissions-S01-{DAY:%Y-%m}.pdf"
    qtbot.waitUntil(lambda: pdf.exists() and "Saved" in statement_screen.saved.text(),
                    timeout=30_000)
    assert pdf.read_bytes().startswith(b"%PDF")
    statement_screen.csv_button.click()
    written = tmp_path / f"commissions-S01-{DAY:%Y-%m}.csv"
    qtbot.waitUntil(lambda: written.exists() and statement_screen.saved.text().endswith(".csv"),
                    timeout=10_000)
    assert "Li Na" in written.read_text(encoding="utf-8-sig")
    previous = QDate(DAY.year, DAY.month, 1).addMonths(-1)
    statement_screen.month.setDate(previous)  # a month without sales
    qtbot.waitUntil(lambda: statement_screen.statement.start.month == previous.month(),
                    timeout=10_000)
    assert statement_screen.people() == []


def test_long_item_names_are_elided_and_the_window_stays_within_the_screen(
        qtbot, window, sqlite_demo_db):
    sales(sqlite_demo_db)
    dialog = open_report(qtbot, window)
    pick(dialog, DAY)
    report = shown(qtbot, dialog, DAY, DAY)
    long_name = "Extended warranty with accidental damage cover " * 8
    items = [dataclasses.replace(report.items[0], name=long_name)] + report.items[1:]
    report.kpis.items = items
    dialog.show_report(report)
    dialog.items_chart.toggle.click()
    qtbot.wait(50)
    chart = dialog.items_chart.chart
    assert chart.shown_label(0) != long_name and chart.shown_label(0).endswith("…")
    assert long_name in chart.tooltip(0)
    assert dialog.width() <= 1366 and dialog.minimumSizeHint().width() <= 1366
    assert dialog.maximumWidth() <= dialog.screen().availableGeometry().width()
    dialog.grab()  # paints every chart


@pytest.fixture
def chinese_window(qtbot, sqlite_demo_db):
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as main:
        yield main
        settle(qtbot, main)


def test_the_report_speaks_chinese(qtbot, chinese_window, sqlite_demo_db):
    sales(sqlite_demo_db)
    dialog = open_report(qtbot, chinese_window)
    pick(dialog, DAY)
    shown(qtbot, dialog, DAY, DAY)
    header = dialog.header.text()
    assert header.startswith("日报表：门店 S01 · ")
    assert f"{DAY.year}年{DAY.month}月{DAY.day}日" in header
    assert dialog.items_chart.toggle.text().startswith("显示全部")
    assert dialog.csv_button.text() == "保存 CSV…" and dialog.period.itemText(2) == "按月"
    dialog.scope.choose("all")
    shown(qtbot, dialog, DAY, DAY, ("all", ""))
    assert "全部门店" in dialog.header.text()


def test_a_week_runs_monday_to_sunday_and_a_month_to_its_last_day():
    from ui.report_screen import period_bounds

    assert period_bounds("day", date(2026, 11, 30)) == (date(2026, 11, 30),) * 2
    assert period_bounds("week", date(2026, 11, 26)) == (date(2026, 11, 23), date(2026, 11, 29))
    assert period_bounds("week", date(2026, 11, 30)) == (date(2026, 11, 30), date(2026, 12, 6))
    assert period_bounds("month", date(2028, 2, 10)) == (date(2028, 2, 1), date(2028, 2, 29))
    assert period_bounds("month", date(2026, 12, 31)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert period_bounds("custom", date(2026, 11, 30), date(2026, 11, 2),
                         date(2026, 11, 9)) == (date(2026, 11, 2), date(2026, 11, 9))


def test_f7_opens_the_reports_for_a_manager_only(qtbot, window):
    from PySide6.QtCore import Qt

    log_in(qtbot, window)  # the cashier
    till = window.till
    qtbot.keyClick(till.scan, Qt.Key.Key_F7)
    qtbot.wait(200)
    assert till.active_dialog is None and not till.report_button.isVisible()
    window.lock()
    log_in(qtbot, window, name="Zhang Wei", pin="9999")
    qtbot.keyClick(till.scan, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, ReportDialog), timeout=10_000)
