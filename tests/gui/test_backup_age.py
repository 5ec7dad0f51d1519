"""The age of the last good backup, shown to managers in the till's top bar: red when
there is none or it is older than a day, in both languages, never widening the till;
a backup is taken when a Z close completes, off the GUI thread."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from pos.backup import files
from pos.backup.files import Outcome
from pos.db import keyfile
from pos.kernel.clock import utcnow
from tests.gui.conftest import log_in, settle, till_window
from tests.gui.test_close_shift_flow import open_count, submit, type_count
from tests.integration.test_close_shift_count import sell_bag_for_cash


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(keyfile.ENV_KEY_FILE, str(keyfile.key_path()))
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("POS_DATA_DIR", str(folder))
    return folder


def backed_up(folder, age: timedelta) -> None:
    """The index as it stands after a good backup `age` ago."""
    at = utcnow() - age
    files.record(files.backups_dir(folder), Outcome("tickbox-x-r0013.db", at.isoformat(),
                                                    "0013", True, None, 1, "schedule"))


def shown(qtbot, window):
    label = window.till.backups.label
    window.till.backups.refresh()
    settle(qtbot, window)
    return label


def test_a_manager_sees_a_recent_backup_in_grey_and_a_day_old_one_in_red(
        qtbot, sqlite_demo_db, data_folder):
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window, name="Zhang Wei", pin="9999")  # a manager
        label = shown(qtbot, window)
        assert label.isVisible() and label.text() == "No backup yet"
        assert label.objectName() == "error"
        backed_up(data_folder, timedelta(minutes=10))
        label = shown(qtbot, window)
        assert label.text() == "Backup 10 min ago" and label.objectName() == "muted"
        backed_up(data_folder, timedelta(hours=30))
        label = shown(qtbot, window)
        assert label.text() == "Backup 30 h ago" and label.objectName() == "error"
        assert window.width() <= 1366  # the top bar did not widen the till


def test_a_cashier_does_not_see_the_backup_age(qtbot, sqlite_demo_db, data_folder):
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window)  # Li Na, a cashier
        settle(qtbot, window)
        assert not window.till.backups.label.isVisible()


def test_the_backup_age_in_chinese_fits_the_till(qtbot, sqlite_demo_db, data_folder):
    backed_up(data_folder, timedelta(days=3))
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as window:
        log_in(qtbot, window, name="Zhang Wei", pin="9999")
        label = shown(qtbot, window)
        assert label.text() == "备份于 3 天前" and label.objectName() == "error"
        assert window.till.minimumSizeHint().width() <= 1366
        assert window.width() <= 1366


def test_a_z_close_takes_a_backup(qtbot, sqlite_demo_db, data_folder):
    sell_bag_for_cash(sqlite_demo_db)
    with till_window(qtbot, sqlite_demo_db) as window:
        dialog = open_count(qtbot, window)
        type_count(qtbot, dialog, {10000: 3, 5000: 1, 2000: 2, 100: 9})
        submit(qtbot, window, dialog)
        assert files.attempts(data_folder) == []
        dialog.confirm_button.click()
        index = data_folder / "backups" / files.INDEX
        qtbot.waitUntil(lambda: index.exists() and any(
            a["reason"] == "z_close" and a["good"]
            for a in json.loads(index.read_text())["attempts"]), timeout=20_000)
        settle(qtbot, window)
        label = shown(qtbot, window)
        assert label.text() == "Backup 0 min ago" and label.objectName() == "muted"
        backup = data_folder / "backups" / files.last_good(data_folder).file
        assert backup.is_file()


def test_a_z_close_during_a_scheduled_backup_gets_its_own_after_it(
        qtbot, sqlite_demo_db, data_folder):
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window, name="Zhang Wei", pin="9999")
        backups = window.till.backups
        backups.running = True  # as while the timer's backup runs
        backups.take("z_close")
        settle(qtbot, window)
        assert files.attempts(data_folder) == []  # not two at once
        backups._taken(None)  # the timer's backup ends
        qtbot.waitUntil(lambda: [a.reason for a in files.attempts(data_folder)] == ["z_close"],
                        timeout=20_000)
        settle(qtbot, window)
