"""The till's sync indicator (issue 21, ui.sync_indicator): hidden until the database has
joined a chain; then "Synced" (green), "N documents waiting" (amber) or "Head office
unreachable since HH:MM" (red), in English and Chinese; read again after each sale;
a status that cannot be read is said, never a stale "Synced"; it never widens the till.

The tests make a database "joined" by writing sync_state and outbox rows themselves (as
`pos store join` and the triggers would); the till only reads."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import delete, insert, update

from pos.db.models import SyncOutbox, SyncState
from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError
from pos.sync import capture
from tests.gui.conftest import log_in, settle, till_window
from ui import style

MANAGER = ("Zhang Wei", "9999")
BAG = "BAG-NB-156"


def join(db, code: str = "S01", **state) -> None:
    """This database as `pos store join` leaves it: sync_state says store `code`."""
    with db.write_connection() as conn:
        conn.execute(insert(SyncState).values(id=1, role="store", store_code=code,
                                              hq_display="hq.example/chain",
                                              joined_at=utcnow(), **state))


def set_state(db, **values) -> None:
    with db.write_connection() as conn:
        conn.execute(update(SyncState).where(SyncState.id == 1).values(**values))


def waiting(db, seqs, other: int = 2) -> None:
    """Outbox rows: journal entries `seqs` (the documents) and `other` rows of sales."""
    with db.write_connection() as conn:
        for seq in seqs:
            conn.execute(insert(SyncOutbox).values(tbl="journal_entries",
                                                   pk=json.dumps([seq])))
        for n in range(other):
            conn.execute(insert(SyncOutbox).values(tbl="sales", pk=json.dumps([n + 1])))


def sent(db) -> None:
    with db.write_connection() as conn:
        conn.execute(delete(SyncOutbox))


def shown(qtbot, window):
    indicator = window.till.sync_indicator
    indicator.refresh()
    settle(qtbot, window)
    return indicator


def test_a_database_in_no_chain_shows_nothing_and_takes_no_room(qtbot, sqlite_demo_db):
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window)
        indicator = shown(qtbot, window)
        assert indicator.tone is None and not indicator.isVisible()
        assert indicator.status is not None and not indicator.status.joined
        top = window.till.layout().itemAt(0).layout()
        before = top.sizeHint().width()
        join(sqlite_demo_db)
        indicator = shown(qtbot, window)
        assert indicator.isVisible() and top.sizeHint().width() > before


def test_waiting_unreachable_and_synced_in_english(qtbot, sqlite_demo_db):
    join(sqlite_demo_db)
    waiting(sqlite_demo_db, [1, 2, 3])
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window)
        indicator = shown(qtbot, window)
        assert indicator.isVisible()
        assert indicator.text() == "3 documents waiting"  # journal entries, not all rows
        assert indicator.tone == "waiting"
        assert indicator.shown_text() == "3 documents waiting"  # a cashier's bar has room
        assert "Nothing sent to head office yet" in indicator.toolTip()
        # head office cannot be reached since a moment today, 14:05 or whenever
        since = utcnow() - timedelta(minutes=3)
        set_state(sqlite_demo_db, unreachable_since=since,
                  last_error=json.dumps({"id": "sync.hq_unreachable",
                                         "params": {"reason": "connection refused"}}))
        indicator = shown(qtbot, window)
        hhmm = f"{since.astimezone():%H:%M}"
        assert indicator.text() == f"Head office unreachable since {hhmm}"
        assert indicator.tone == "unreachable"
        assert indicator.ink().name() == style.DANGER.lower()
        tip = indicator.toolTip()
        assert "3 documents waiting" in tip
        assert "Head office cannot be reached (connection refused)" in tip
        # the line is back: sent, the outbox empty
        ok_at = utcnow()
        sent(sqlite_demo_db)
        set_state(sqlite_demo_db, unreachable_since=None, last_error="", last_ok_at=ok_at)
        indicator = shown(qtbot, window)
        assert indicator.text() == "Synced" and indicator.tone == "ok"
        assert indicator.ink().name() == style.SUCCESS.lower()
        assert "Last sent to head office:" in indicator.toolTip()
        assert "Last error" not in indicator.toolTip()


def test_one_document_waiting_is_said_in_the_singular_and_other_rows_too(qtbot, sqlite_demo_db):
    join(sqlite_demo_db)
    waiting(sqlite_demo_db, [7], other=0)
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window)
        assert shown(qtbot, window).text() == "1 document waiting"
        sent(sqlite_demo_db)
        waiting(sqlite_demo_db, [], other=2)  # rows of no document: not yet "Synced"
        indicator = shown(qtbot, window)
        assert indicator.text() == "Changes waiting" and indicator.tone == "waiting"


def test_in_chinese(qtbot, sqlite_demo_db):
    join(sqlite_demo_db)
    waiting(sqlite_demo_db, range(1, 13))
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as window:
        log_in(qtbot, window)
        indicator = shown(qtbot, window)
        assert indicator.text() == "12 张单据待发送"
        assert "尚未向总部发送过任何内容" in indicator.toolTip()
        since = utcnow() - timedelta(minutes=1)
        set_state(sqlite_demo_db, unreachable_since=since,
                  last_error=json.dumps({"id": "sync.hq_unreachable",
                                         "params": {"reason": "timeout"}}))
        indicator = shown(qtbot, window)
        assert indicator.text() == f"总部自 {since.astimezone():%H:%M} 起无法连接"
        assert "无法连接总部（timeout）" in indicator.toolTip()
        sent(sqlite_demo_db)
        set_state(sqlite_demo_db, unreachable_since=None, last_error="", last_ok_at=utcnow())
        indicator = shown(qtbot, window)
        assert indicator.text() == "已同步"
        assert "上次发送到总部：" in indicator.toolTip()


def test_a_completed_sale_is_counted_at_once(qtbot, sqlite_demo_db):
    """The triggers of a joined store put the sale's journal entry in the outbox; the
    indicator reads again when the sale completes, without waiting for its timer."""
    from tests.gui.test_till_fixes import pay_cash, scan

    join(sqlite_demo_db, last_ok_at=utcnow())
    with sqlite_demo_db.write_connection() as conn:
        capture.install(conn, ["journal_entries", "sales"])
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window)
        indicator = shown(qtbot, window)
        assert indicator.text() == "Synced"
        indicator.timer.stop()  # only the sale can make it read again
        till = window.till
        scan(qtbot, window, BAG)
        pay_cash(qtbot, till, "1000")
        settle(qtbot, window)
        assert indicator.tone == "waiting"
        assert indicator.text().endswith("waiting") and indicator.status.documents_waiting >= 1


def test_a_status_that_cannot_be_read_is_said_not_kept(qtbot, sqlite_demo_db, monkeypatch):
    from ui.ops import sync as sync_ops

    join(sqlite_demo_db, last_ok_at=utcnow())
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window)
        indicator = shown(qtbot, window)
        assert indicator.text() == "Synced"

        def broken():
            def call(_db):
                raise UserError("db.timeout", seconds=3)
            return call

        monkeypatch.setattr(sync_ops, "sync_status", broken)
        indicator = shown(qtbot, window)
        assert indicator.isVisible() and indicator.tone == "unknown"
        assert indicator.text() == "Sync status unknown"
        assert "could not be read" in indicator.toolTip()

        def crashing():
            def call(_db):
                raise RuntimeError("a bug")
            return call

        monkeypatch.undo()
        indicator = shown(qtbot, window)
        assert indicator.text() == "Synced"
        monkeypatch.setattr(sync_ops, "sync_status", crashing)
        indicator = shown(qtbot, window)
        assert indicator.tone == "unknown"  # no bug dialog either: the till sells on
        from ui.messages import Notice
        assert Notice.last is None


def _fits(qtbot, window, width: int) -> None:
    window.resize(width, 720)
    qtbot.waitUntil(lambda: window.width() == width)
    QApplication.processEvents()  # the posted layout requests run
    assert window.width() == width
    assert window.till.minimumSizeHint().width() <= width
    assert window.minimumSizeHint().width() <= width


def test_the_manager_s_full_bar_still_fits_in_english_and_chinese(qtbot, sqlite_demo_db):
    join(sqlite_demo_db)
    waiting(sqlite_demo_db, range(1, 13))
    set_state(sqlite_demo_db, unreachable_since=utcnow())
    for locale in ("en", "zh_CN"):
        with till_window(qtbot, sqlite_demo_db, locale) as window:
            log_in(qtbot, window, *MANAGER)
            indicator = shown(qtbot, window)
            assert indicator.tone == "unreachable" and indicator.isVisible()
            _fits(qtbot, window, 1366)
            assert indicator.width() >= indicator.minimumSizeHint().width()
            # squeezed, the words give way to the short form, then to the dot alone
            assert indicator.shown_text() in (indicator.text(), indicator.short_text,
                                              indicator.tiny_text, "")
            _fits(qtbot, window, 1280)
            assert window.till.stock_button.folded()


def test_squeezed_it_shows_the_short_form_then_the_dot(qtbot, sqlite_demo_db):
    join(sqlite_demo_db)
    waiting(sqlite_demo_db, range(1, 13))
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window)
        indicator = shown(qtbot, window)
        full = indicator.sizeHint().width()
        indicator.resize(full, indicator.height())
        assert indicator.shown_text() == "12 documents waiting"
        indicator.resize(full - 40, indicator.height())
        assert indicator.shown_text() == "12 waiting"
        indicator.resize(indicator.minimumSizeHint().width() + 30, indicator.height())
        assert indicator.shown_text() == "12"
        indicator.resize(indicator.minimumSizeHint().width(), indicator.height())
        assert indicator.shown_text() == ""  # the amber dot alone
        assert indicator.toolTip().startswith("12 documents waiting")


def test_a_sync_that_cannot_reach_head_office_turns_it_red(qtbot, sqlite_demo_db):
    """As `pos sync` leaves sync_state when head office does not answer (pos.hq.link):
    the till says since when, and the reason in its tooltip."""
    from pos.hq.link import sync_once

    join(sqlite_demo_db, last_ok_at=utcnow() - timedelta(hours=1))
    waiting(sqlite_demo_db, [1, 2])
    with pytest.raises(UserError) as refused:
        sync_once(sqlite_demo_db, "postgresql://tickbox@127.0.0.1:9/nowhere")
    assert refused.value.message_id == "sync.hq_unreachable"
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window)
        indicator = shown(qtbot, window)
        since = indicator.status.unreachable_since
        assert since is not None and indicator.tone == "unreachable"
        assert indicator.text() == f"Head office unreachable since {since.astimezone():%H:%M}"
        assert "2 documents waiting" in indicator.toolTip()
        assert "Last error: Head office cannot be reached" in indicator.toolTip()


def test_head_office_refusing_the_documents_is_red_not_waiting(qtbot, sqlite_demo_db):
    """A stopped stream (a gap, a broken link): head office answers but takes nothing, so
    the documents are not merely waiting; the reason is in the tooltip."""
    join(sqlite_demo_db)
    waiting(sqlite_demo_db, [7, 8])
    set_state(sqlite_demo_db, last_error=json.dumps({"id": "hq.stream_stopped", "params": {
        "store": "S01", "error": {"id": "hq.chain_gap",
                                  "params": {"store": "S01", "seq": 9, "last": 6}}}}))
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window)
        indicator = shown(qtbot, window)
        assert indicator.text() == "Head office refused the documents"
        assert indicator.tone == "refused"
        assert indicator.ink().name() == style.DANGER.lower()
        tip = indicator.toolTip()
        assert "2 documents waiting" in tip and "stopped" in tip
