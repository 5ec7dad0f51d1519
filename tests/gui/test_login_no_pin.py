"""A staff member head office added arrives at the store with no PIN (issue 21,
pos.sync.people_apply): the login screen says so in the reader's language and lets them in
once the store's manager set their PIN (pos.people.staff.set_pin)."""

from __future__ import annotations

from pos.ledger.verify import verify
from pos.people import staff
from tests.gui.conftest import log_in, till_window
from tests.integration.sync_helpers import newcomer_pulled


def _newcomer(db) -> int:
    return newcomer_pulled(db, "Chen Jie", "cashier")


def test_a_newcomer_without_a_pin_is_told_to_ask_a_manager_then_logs_in(qtbot,
                                                                         sqlite_demo_db):
    chen = _newcomer(sqlite_demo_db)
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window, name="Chen Jie", pin="5937")
        assert window.stack.currentWidget() is window.login
        assert window.login.message.text() == (
            "Chen Jie has no PIN at this store yet: a manager sets it first (pos staff set-pin)")
        manager = next(p.id for p in staff.list_staff(sqlite_demo_db) if p.name == "Zhang Wei")
        staff.set_pin(sqlite_demo_db, staff_id=chen, new_pin="5937", by_staff_id=manager)
        log_in(qtbot, window, name="Chen Jie", pin="5937")
        assert window.stack.currentWidget() is not window.login
    assert verify(sqlite_demo_db).ok


def test_the_no_pin_message_in_chinese(qtbot, sqlite_demo_db):
    _newcomer(sqlite_demo_db)
    with till_window(qtbot, sqlite_demo_db, locale="zh_CN") as window:
        log_in(qtbot, window, name="Chen Jie", pin="5937")
        assert window.login.message.text() == (
            "Chen Jie 在本店还没有 PIN：请店长先设置（pos staff set-pin）")
