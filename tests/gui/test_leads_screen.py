"""The leads screen at the till (issue 19, point 4 and 5): for managers and customer
managers (Shift+F6), never a cashier; a lead added with its five needs answers, a
refusal said on the form with nothing added, a hand-over, the week planned and a visit
recorded (a visit without notes refused), the weekly report; in Chinese too; it never
widens the window and Esc gives the till its scan field back."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import func, select

from pos.db.models import AuditEvent, FollowUp, Lead
from pos.people import leads, staff
from tests.gui.conftest import KeyCounter, log_in, settle, till_window

MANAGER = ("Zhang Wei", "9999")
CM = ("Zhao Min", "583920")


def count(db, model) -> int:
    with db.read_connection() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


@pytest.fixture
def cm_id(sqlite_demo_db):
    return staff.add_staff(sqlite_demo_db, name=CM[0], role="customer_manager", pin=CM[1]).id


@pytest.fixture
def window(qtbot, sqlite_demo_db, cm_id):
    with till_window(qtbot, sqlite_demo_db) as main:
        yield main
        settle(qtbot, main)


@pytest.fixture
def keys(qtbot, window):
    return KeyCounter(qtbot, window)


def open_leads(qtbot, window, keys, who=CM):
    from ui.leads.leads_screen import LeadsDialog

    log_in(qtbot, window, *who)
    till = window.till
    assert till.leads_button.isVisible()
    keys.press(till.scan, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, LeadsDialog))
    settle(qtbot, window)
    return till.active_dialog


def test_a_cashier_has_no_leads_screen(qtbot, window, keys):
    log_in(qtbot, window)  # Li Na, a cashier
    till = window.till
    assert not till.leads_button.isVisible()
    keys.press(till.scan, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert till.active_dialog is None


def test_a_lead_is_added_refused_without_contact_and_handed_over(qtbot, window, keys,
                                                                 sqlite_demo_db, cm_id):
    db = sqlite_demo_db
    screen = open_leads(qtbot, window, keys)
    panel = screen.leads
    assert screen.width() <= window.width() and window.width() == 1366
    keys.press(panel.table, Qt.Key.Key_F5)  # New
    qtbot.waitUntil(lambda: panel.form is not None and panel.form.isVisible())
    form = panel.form
    qtbot.keyClicks(form.name, "Ms Sun")
    qtbot.keyClicks(form.company, "Sun Accounting")
    qtbot.keyClicks(form.who, "12 clerks")
    qtbot.keyClicks(form.values, "on-site service")
    keys.press(form.name, Qt.Key.Key_F12)  # no phone, no WeChat: refused on the form
    qtbot.waitUntil(lambda: bool(form.error.text()))
    assert "phone number or a WeChat id" in form.error.text()
    assert form.isVisible() and count(db, Lead) == 0
    qtbot.keyClicks(form.phone, "13910002000")
    keys.press(form.name, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: panel.form is None)
    settle(qtbot, window)
    assert panel.model.column(0) == ["Ms Sun"]
    assert panel.answers[0].text() == "12 clerks" and panel.answers[3].text() == "on-site service"
    [lead] = leads.list_leads(db)
    assert (lead.owner_id, lead.phone, lead.needs.who) == (cm_id, "13910002000", "12 clerks")
    keys.press(panel.table, Qt.Key.Key_F7)  # hand over
    qtbot.waitUntil(lambda: panel.form is not None and panel.form.isVisible())
    qtbot.keyClicks(panel.form.note, "12 desktops")
    keys.press(panel.form.note, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: panel.form is None)
    settle(qtbot, window)
    assert leads.get_lead(db, lead_id=lead.id).state == "transferred"
    assert panel.model.column(3) == ["handed over"]
    with db.read_connection() as conn:
        assert conn.execute(select(AuditEvent.ref).where(
            AuditEvent.action == "handover")).scalars().all() == [f"lead:{lead.id}"]
    keys.press(panel.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.till.active_dialog is None)
    qtbot.waitUntil(window.till.scan.hasFocus)


def test_the_week_is_planned_a_visit_recorded_and_the_report_shown(qtbot, window, keys,
                                                                   sqlite_demo_db, cm_id):
    db = sqlite_demo_db
    monday = date.today() - timedelta(days=date.today().weekday())
    leads.add_lead(db, staff_id=cm_id, kind="smb", contact_name="Ms Sun", phone="13910002000",
                   company="Sun Accounting", next_contact_on=monday)
    screen = open_leads(qtbot, window, keys)
    keys.press(screen.leads.table, Qt.Key.Key_F2)
    week = screen.week
    assert screen.tabs.currentWidget() is week
    keys.press(week.table, Qt.Key.Key_F7)  # plan the week
    assert week.model.column(3) == ["Ms Sun · Sun Accounting"]
    assert count(db, FollowUp) == 1
    keys.press(week.table, Qt.Key.Key_F7)  # planned once
    assert count(db, FollowUp) == 1 and "0 planned now" in week.summary.text()
    keys.press(week.table, Qt.Key.Key_F9)  # record a visit
    qtbot.waitUntil(lambda: week.form is not None and week.form.isVisible())
    form = week.form
    keys.press(form.notes, Qt.Key.Key_F12)  # no notes: refused
    qtbot.waitUntil(lambda: bool(form.error.text()))
    assert "A visit needs notes" in form.error.text()
    with db.read_connection() as conn:
        assert conn.execute(select(FollowUp.called_at)).scalar() is None
    qtbot.keyClicks(form.notes, "saw their office")
    keys.press(form.notes, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: week.form is None)
    settle(qtbot, window)
    assert week.model.rows[0][6] == "Reached" and week.model.rows[0][1] == "Visit"
    keys.press(week.table, Qt.Key.Key_F3)
    report = screen.report
    settle(qtbot, window)
    [row] = report.model.rows
    assert row[0] == CM[0] and row[1:5] == ["1", "1", "0", "1"]
    assert screen.width() <= window.width()
    keys.press(report.table, Qt.Key.Key_F5)  # the week before: nobody
    assert report.model.rows == []


def test_the_screen_speaks_chinese_and_fits(qtbot, sqlite_demo_db, cm_id):
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as main:
        keys = KeyCounter(qtbot, main)
        screen = open_leads(qtbot, main, keys, MANAGER)
        for panel in (screen.leads, screen.week, screen.report):
            screen.tabs.setCurrentWidget(panel)
            settle(qtbot, main)
            for button in panel.findChildren(QPushButton):
                assert any("\u4e00" <= ch <= "\u9fff" for ch in button.text()), button.text()
                assert button.width() >= button.minimumSizeHint().width(), button.text()
        assert screen.tabs.tabText(0).startswith("商机")
        assert screen.width() <= main.width() == 1366
        assert QApplication.activeWindow() is not None
        screen.reject()
        settle(qtbot, main)


def test_a_lead_is_edited_lost_with_a_reason_opened_and_won(qtbot, window, keys,
                                                            sqlite_demo_db, cm_id):
    db = sqlite_demo_db
    lead = leads.add_lead(db, staff_id=cm_id, kind="walk_in", contact_name="Mr Ma",
                          wechat="ma_chao")
    screen = open_leads(qtbot, window, keys)
    panel = screen.leads
    assert panel.model.rows[0][6] == "WeChat ma_chao"
    keys.press(panel.table, Qt.Key.Key_F6)  # edit: the form holds the lead
    qtbot.waitUntil(lambda: panel.form is not None and panel.form.isVisible())
    form = panel.form
    assert form.name.text() == "Mr Ma" and form.wechat.text() == "ma_chao"
    qtbot.keyClicks(form.phone, "13761003005")
    qtbot.keyClicks(form.summary, "a gaming notebook")
    keys.press(form.name, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: panel.form is None)
    settle(qtbot, window)
    assert panel.answers[4].text() == "a gaming notebook"
    keys.press(panel.table, Qt.Key.Key_F9)  # lost: a reason is asked for
    qtbot.waitUntil(lambda: panel.form is not None and panel.form.isVisible())
    lost = panel.form
    keys.press(lost.reason, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: bool(lost.error.text()))
    assert "Say why" in lost.error.text()
    assert leads.get_lead(db, lead_id=lead.id).state == "open"
    qtbot.keyClicks(lost.reason, "bought online")
    keys.press(lost.reason, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: panel.form is None)
    settle(qtbot, window)
    assert panel.model.rows == []  # lost leads are not in the live list
    panel.state.setCurrentIndex(panel.state.findData("lost"))
    settle(qtbot, window)
    assert panel.model.column(0) == ["Mr Ma"] and "bought online" in panel.title.text()
    keys.press(panel.table, Qt.Key.Key_F8)  # won from lost: refused, said, nothing changed
    assert "cannot become" in panel.message.text()
    assert leads.get_lead(db, lead_id=lead.id).state == "lost"
    leads.move_lead(db, lead_id=lead.id, to="open", staff_id=cm_id)
    panel.state.setCurrentIndex(panel.state.findData(None))
    settle(qtbot, window)
    keys.press(panel.table, Qt.Key.Key_F8)  # won: the customer is made from the lead
    won = leads.get_lead(db, lead_id=lead.id)
    assert won.state == "won" and won.customer_id is not None
    assert panel.model.rows[0][3] == "won"
