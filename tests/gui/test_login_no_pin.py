"""A staff member head office added arrives at the store with no PIN (issue 21,
pos.sync.people_apply): the login screen says so in the reader's language and lets them in
once the store's manager set their PIN (pos.people.staff.set_pin)."""

from __future__ import annotations

from sqlalchemy import text

from pos.ledger.verify import verify
from pos.people import staff
from pos.sync.master_keys import MasterBatch
from pos.sync.pull import pull_once
from tests.gui.conftest import log_in, till_window


def _newcomer(db) -> int:
    with db.write_connection() as conn:
        conn.execute(text("INSERT INTO sync_state (id, role, store_code, hq_display, "
                          "chain_first, master_version, sent_seq, last_error) "
                          "VALUES (1, 'store', 'S01', 'hq', '', 0, 0, '')"))
    row = {"name": "Chen Jie", "role": "cashier", "active": True, "_key": ["Chen Jie"],
           "_ref": {}}
    batch = MasterBatch(version=1, hq_version=1, rows={"staff": [row]})
    assert pull_once(db, fetch=lambda since, limit: batch).inserted == 1
    with db.read_connection() as conn:
        return conn.execute(text("SELECT id FROM staff WHERE name = 'Chen Jie'")).scalar()


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
