"""The cash drawer without a sale (Shift+F12): a manager opens it with a reason, or
records cash paid in or out; each is sealed and audited, and the printer gets exactly one
drawer kick for it. Bad input is said in the dialog and changes nothing; a cashier has
no such button."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos.day import shifts
from pos.ledger import audit
from pos.printjobs import print_queue
from tests.gui.conftest import log_in, settle
from tests.integration.test_close_shift_count import sell_bag_for_cash
from tests.printing.fake_printer import FakePrinter
from ui.cash_drawer import CashDrawerDialog

MANAGER = ("Zhang Wei", "9999")
ESC_P = b"\x1bp"


def drawer_kicks(data: bytes) -> int:
    return data.count(ESC_P)


def open_drawer_dialog(qtbot, window) -> CashDrawerDialog:
    log_in(qtbot, window, name=MANAGER[0], pin=MANAGER[1])
    till = window.till
    assert till.drawer_button.isVisible()
    qtbot.keyClick(till.scan, Qt.Key.Key_F12, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CashDrawerDialog), timeout=10_000)
    dialog = till.active_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5_000)
    return dialog


def actions(db, action: str) -> list:
    return audit.list_audit(db, action=action)


def test_a_manager_opens_the_drawer_with_a_reason_and_it_is_kicked_once(qtbot, window,
                                                                       sqlite_demo_db,
                                                                       tmp_path):
    sell_bag_for_cash(sqlite_demo_db)
    with FakePrinter() as printer:
        print_queue.set_printer_config(sqlite_demo_db, terminal="T01", receipt=printer.uri,
                                       documents=f"pdf://{tmp_path}")
        dialog = open_drawer_dialog(qtbot, window)
        assert dialog.choices["open_drawer"].isChecked()
        assert not dialog.amount_field.isVisible()  # opening moves no cash
        qtbot.waitUntil(dialog.reason_field.hasFocus)
        qtbot.keyClicks(dialog.reason_field, "Change for the float")
        qtbot.keyClick(dialog.reason_field, Qt.Key.Key_Return)
        till = window.till
        qtbot.waitUntil(lambda: till.active_dialog is None, timeout=10_000)
        qtbot.waitUntil(lambda: bool(printer.received), timeout=15_000)
        settle(qtbot, window)
    assert drawer_kicks(b"".join(printer.received)) == 1
    opened = actions(sqlite_demo_db, "open_drawer")
    assert len(opened) == 1 and "Change for the float" in str(opened[0].details)
    assert "Drawer opened" in till.banner.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is till.scan)


def test_paid_out_is_recorded_signed_in_the_shift_with_one_kick(qtbot, window, sqlite_demo_db,
                                                                tmp_path):
    sell_bag_for_cash(sqlite_demo_db)
    before = shifts.x_report(sqlite_demo_db, terminal="T01").expected_cash
    with FakePrinter() as printer:
        print_queue.set_printer_config(sqlite_demo_db, terminal="T01", receipt=printer.uri,
                                       documents=f"pdf://{tmp_path}")
        dialog = open_drawer_dialog(qtbot, window)
        qtbot.keyClick(dialog, Qt.Key.Key_F3)
        assert dialog.choices["paid_out"].isChecked() and dialog.amount_field.isVisible()
        qtbot.waitUntil(dialog.amount_field.hasFocus)
        qtbot.keyClicks(dialog.amount_field, "35.50")
        qtbot.keyClick(dialog.amount_field, Qt.Key.Key_Return)  # on to the reason
        assert dialog.reason_field.hasFocus() and dialog.isVisible()
        qtbot.keyClicks(dialog.reason_field, "Milk and tea for the store")
        qtbot.keyClick(dialog, Qt.Key.Key_F12)
        till = window.till
        qtbot.waitUntil(lambda: till.active_dialog is None, timeout=10_000)
        qtbot.waitUntil(lambda: bool(printer.received), timeout=15_000)
        settle(qtbot, window)
    assert drawer_kicks(b"".join(printer.received)) == 1
    after = shifts.x_report(sqlite_demo_db, terminal="T01").expected_cash
    assert before - after == 3550
    assert f"Paid out: {till.formats.money(3550)}" in till.banner.text()
    assert len(actions(sqlite_demo_db, "paid_out")) == 1


def test_bad_input_is_said_in_the_dialog_and_changes_nothing(qtbot, window, sqlite_demo_db):
    sell_bag_for_cash(sqlite_demo_db)
    before = shifts.x_report(sqlite_demo_db, terminal="T01").expected_cash
    dialog = open_drawer_dialog(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_F2)
    qtbot.keyClicks(dialog.amount_field, "12.345")
    dialog.reason_field.setText("float top-up")
    qtbot.keyClick(dialog, Qt.Key.Key_F12)
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.message.text()  # too many decimals
    dialog.amount_field.setText("0")
    qtbot.keyClick(dialog, Qt.Key.Key_F12)
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.message.text() == "Type an amount above zero"
    dialog.amount_field.setText("20")
    dialog.reason_field.setText("   ")
    qtbot.keyClick(dialog, Qt.Key.Key_F12)
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.message.text() == "Say why"
    assert dialog.reason_field.hasFocus()
    assert shifts.x_report(sqlite_demo_db, terminal="T01").expected_cash == before
    assert actions(sqlite_demo_db, "paid_in") == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.till.active_dialog is None, timeout=5_000)


def test_a_cashier_has_no_drawer_button_and_shift_f12_does_nothing(qtbot, window,
                                                                   sqlite_demo_db):
    log_in(qtbot, window, name="Li Na", pin="1111")
    till = window.till
    assert not till.drawer_button.isVisible()
    qtbot.keyClick(till.scan, Qt.Key.Key_F12, Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, window)
    assert till.active_dialog is None
    assert actions(sqlite_demo_db, "open_drawer") == []
