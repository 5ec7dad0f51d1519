"""The manager's settings screen at the till, driven by keyboard, offscreen."""

from PySide6.QtCore import Qt
from sqlalchemy import select

from pos.db.models import AuditEvent
from pos.store.settings import get_setting
from tests.gui.conftest import log_in, settle, till_window
from ui.settings_screen import SettingsDialog


def stored(db, key):
    with db.read() as session:
        return get_setting(session, key)


def open_settings(qtbot, window) -> SettingsDialog:
    till = window.till
    qtbot.keyClick(till.scan, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, SettingsDialog))
    dialog = till.active_dialog
    settle(qtbot, window)
    qtbot.waitUntil(lambda: dialog.keys.count() > 0)
    return dialog


def choose(qtbot, dialog, key) -> None:
    """Down the list by keyboard to `key`."""
    keys = [dialog.keys.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(dialog.keys.count())]
    dialog.keys.setFocus()
    for _ in range(keys.index(key) - dialog.keys.currentRow()):
        qtbot.keyClick(dialog.keys, Qt.Key.Key_Down)
    assert dialog.current == key


def type_value(qtbot, dialog, text) -> None:
    qtbot.keyClick(dialog.keys, Qt.Key.Key_Tab)
    assert dialog.editor.hasFocus()
    dialog.editor.selectAll()
    qtbot.keyClicks(dialog.editor, text)


def test_a_manager_changes_a_setting_and_a_bad_value_keeps_the_text_with_the_reason(
        qtbot, window, sqlite_demo_db):
    log_in(qtbot, window, name="Zhang Wei", pin="9999")
    assert window.till.settings_button.isVisible()
    assert window.minimumSizeHint().width() <= 1366  # the extra button still fits
    dialog = open_settings(qtbot, window)
    choose(qtbot, dialog, "margin_threshold_bp")
    assert dialog.editor.toPlainText() == "500"
    assert "sold without profit" in dialog.help.text()

    type_value(qtbot, dialog, "800")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "changed from 500 to 800" in dialog.message.text())
    settle(qtbot, window)
    assert stored(sqlite_demo_db, "margin_threshold_bp") == 800
    assert dialog.info("margin_threshold_bp").value == 800  # read again after the save
    assert dialog.keys.currentItem().text().endswith("*")  # no longer the default
    assert dialog.editor.toPlainText() == "800"

    dialog.editor.selectAll()
    qtbot.keyClicks(dialog.editor, "80000")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "was not changed" in dialog.message.text())
    assert "a whole number from 0 to 10000 is needed, not 80000" in dialog.message.text()
    assert dialog.editor.toPlainText() == "80000"  # as typed, to be corrected
    assert window.till.active_dialog is dialog and dialog.isVisible()
    assert stored(sqlite_demo_db, "margin_threshold_bp") == 800
    with sqlite_demo_db.read() as session:
        who = session.scalars(select(AuditEvent.staff_id).where(
            AuditEvent.action == "setting_changed")).all()
    assert who == [window.till.staff.id]

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.till.active_dialog is None)


def test_what_was_typed_for_another_setting_is_kept_while_the_screen_is_open(qtbot, window):
    log_in(qtbot, window, name="Zhang Wei", pin="9999")
    dialog = open_settings(qtbot, window)
    choose(qtbot, dialog, "allow_negative_stock")
    type_value(qtbot, dialog, "tru")
    choose(qtbot, dialog, "imei_categories")
    assert dialog.editor.toPlainText() == '[\n  "PHONE"\n]'
    dialog.keys.setCurrentRow(dialog.keys.currentRow() - 2)  # up past serial_stock
    assert dialog.current == "allow_negative_stock" and dialog.editor.toPlainText() == "tru"
    dialog.reject()


def test_a_cashier_has_no_settings_screen(qtbot, window):
    log_in(qtbot, window)  # Li Na, cashier
    till = window.till
    assert not till.settings_button.isVisible()
    qtbot.keyClick(till.scan, Qt.Key.Key_F10)
    settle(qtbot, window)
    assert till.active_dialog is None


def test_the_settings_screen_speaks_chinese_and_fits_the_till(qtbot, sqlite_demo_db):
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as main:
        log_in(qtbot, main, name="Zhang Wei", pin="9999")
        assert main.till.settings_button.text() == "设置 [F10]"
        assert main.minimumSizeHint().width() <= 1366 and main.width() <= 1366
        dialog = open_settings(qtbot, main)
        assert dialog.windowTitle() == "门店设置"
        choose(qtbot, dialog, "account_days")
        assert "挂账天数" in dialog.help.text()
        type_value(qtbot, dialog, '{"consumer": 7, "business": 30}')
        qtbot.keyClick(dialog.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: "未修改" in dialog.message.text())
        assert "需要 0 到 3 之间的整数" in dialog.message.text()
        assert dialog.width() <= 1366 and dialog.height() <= 768
        dialog.reject()
