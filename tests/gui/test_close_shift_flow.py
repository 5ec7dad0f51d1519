"""Closing the shift at the till: Enter moves through the count and never closes; the
count is blind until submitted; the check shows over/short in red or green by its sign
with Back and Confirm; an open sale refuses the close; the Z report prints."""

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QStyleOptionSpinBox

from pos.day import shifts
from pos.printjobs import print_queue
from pos.store import settings
from tests.gui.conftest import log_in, settle, till_window
from tests.integration.checkout_helpers import staff_id
from tests.integration.test_close_shift_count import BAG, sell_bag_for_cash
from tests.printing.fake_printer import FakePrinter
from ui.close_shift import CHECK, COUNT, CloseShiftDialog
from ui.messages import Notice
from ui.style import MIN_TOUCH

NOTEBOOK = "6923150020022"


def open_count(qtbot, window) -> CloseShiftDialog:
    """The manager logs in and opens Close shift."""
    log_in(qtbot, window, name="Zhang Wei", pin="9999")
    till = window.till
    till.close_shift_button.click()
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CloseShiftDialog), timeout=10_000)
    return till.active_dialog


def closed_today(db) -> list[int]:
    return [r.z_number for r in shifts.z_reports(db, terminal="T01", day=date.today())]


def texts(dialog) -> str:
    return " ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())


def type_count(qtbot, dialog, counts: dict[int, int]) -> None:
    """Type each number and press Enter, field after field, as a person counting does."""
    for denomination, spin in dialog.spins.items():
        qtbot.waitUntil(spin.hasFocus)
        spin.selectAll()
        qtbot.keyClicks(spin, str(counts.get(denomination, 0)))
        qtbot.keyClick(spin, Qt.Key.Key_Return)


def submit(qtbot, window, dialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: dialog.step() == CHECK, timeout=10_000)
    settle(qtbot, window)


def test_enter_in_the_count_moves_to_the_next_field_and_never_closes(qtbot, window,
                                                                     sqlite_demo_db):
    sell_bag_for_cash(sqlite_demo_db)
    dialog = open_count(qtbot, window)
    spins = list(dialog.spins.values())
    qtbot.waitUntil(spins[0].hasFocus)
    qtbot.keyClicks(spins[0], "3")
    qtbot.keyClick(spins[0], Qt.Key.Key_Return)
    assert spins[1].hasFocus() and spins[0].value() == 3
    for spin in spins[1:]:
        qtbot.keyClick(spin, Qt.Key.Key_Enter)
    assert dialog.submit_button.hasFocus()  # the last field hands over to Submit
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.step() == COUNT
    assert closed_today(sqlite_demo_db) == []
    qtbot.keyClick(dialog.submit_button, Qt.Key.Key_Return)  # Enter on Submit: the check
    qtbot.waitUntil(lambda: dialog.step() == CHECK, timeout=10_000)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter on the check goes back, never closes
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.step() == COUNT and spins[0].value() == 3
    assert closed_today(sqlite_demo_db) == []


def test_the_expected_cash_is_hidden_until_the_count_is_submitted(qtbot, window,
                                                                  sqlite_demo_db):
    sell_bag_for_cash(sqlite_demo_db)
    expected = window.context.formats.money(BAG)
    dialog = open_count(qtbot, window)
    assert expected not in texts(dialog) and "Blind count" in texts(dialog)
    type_count(qtbot, dialog, {10000: 4})
    assert expected not in texts(dialog)
    submit(qtbot, window, dialog)
    assert dialog.check_expected.text() == expected and expected in texts(dialog)


def test_a_store_may_show_the_expected_cash_while_counting(qtbot, window, sqlite_demo_db):
    sell_bag_for_cash(sqlite_demo_db)
    settings.change_setting(sqlite_demo_db, key="close_shift_show_expected", value_text="true",
                            staff_id=staff_id(sqlite_demo_db, "manager"))
    dialog = open_count(qtbot, window)
    assert window.context.formats.money(BAG) in texts(dialog)


def colour(label: QLabel):
    label.ensurePolished()
    return label.palette().color(QPalette.ColorRole.WindowText)


@pytest.mark.parametrize("count, tone", [({10000: 3, 5000: 1}, "short"),
                                         ({10000: 4}, "over"),
                                         ({10000: 3, 5000: 1, 2000: 2, 100: 9}, "exact")])
def test_the_check_shows_over_short_red_when_short_green_otherwise(qtbot, window,
                                                                   sqlite_demo_db, count, tone):
    sell_bag_for_cash(sqlite_demo_db)
    dialog = open_count(qtbot, window)
    type_count(qtbot, dialog, count)
    submit(qtbot, window, dialog)
    counted = sum(d * n for d, n in count.items())
    diff = counted - BAG
    assert dialog.over_short.property("tone") == tone
    assert window.context.formats.money(abs(diff)) in dialog.over_short.text()
    assert dialog.over_short.text().startswith("-" if diff < 0 else "+" if diff > 0 else "")
    red, green = colour(dialog.over_short).red(), colour(dialog.over_short).green()
    assert (red > green) if tone == "short" else (green > red)
    assert dialog.back_button.isVisible() and dialog.confirm_button.isVisible()
    assert not dialog.submit_button.isVisible()
    assert closed_today(sqlite_demo_db) == []  # nothing closes before Confirm


def test_back_keeps_the_count_and_confirm_closes_and_prints_the_z_report(qtbot, window,
                                                                          sqlite_demo_db,
                                                                          tmp_path):
    sell_bag_for_cash(sqlite_demo_db)
    with FakePrinter() as printer:
        print_queue.set_printer_config(sqlite_demo_db, terminal="T01", receipt=printer.uri,
                                       documents=f"pdf://{tmp_path}")
        dialog = open_count(qtbot, window)
        type_count(qtbot, dialog, {10000: 3, 5000: 1})
        submit(qtbot, window, dialog)
        dialog.back_button.click()
        assert dialog.step() == COUNT and dialog.counts() == {10000: 3, 5000: 1}
        dialog.spins[2000].setValue(2)
        dialog.spins[100].setValue(9)
        submit(qtbot, window, dialog)
        assert dialog.over_short.property("tone") == "exact"
        dialog.confirm_button.click()
        till = window.till
        qtbot.waitUntil(lambda: till.active_dialog is None, timeout=10_000)
        qtbot.waitUntil(lambda: bool(printer.received) and (tmp_path / "T01-Z00001.pdf").exists(),
                        timeout=15_000)
    assert closed_today(sqlite_demo_db) == [1]
    assert "Z 1" in till.banner.text()
    assert b"Z report 1" in printer.received[0] and b"EXACT" in printer.received[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is till.scan)


def test_an_open_sale_at_the_till_refuses_the_close(qtbot, window, sqlite_demo_db):
    sell_bag_for_cash(sqlite_demo_db)
    log_in(qtbot, window, name="Zhang Wei", pin="9999")
    till = window.till
    qtbot.keyClicks(till.scan, NOTEBOOK)
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert till.cart.billable_lines()
    till.close_shift_button.click()
    settle(qtbot, window)
    assert till.active_dialog is None
    assert "A sale is open at this till" in (Notice.last or "")
    assert closed_today(sqlite_demo_db) == []


def test_the_count_spin_box_buttons_are_big_enough_to_tap(qtbot, window, sqlite_demo_db):
    sell_bag_for_cash(sqlite_demo_db)
    dialog = open_count(qtbot, window)
    for spin in dialog.spins.values():
        option = QStyleOptionSpinBox()
        spin.initStyleOption(option)
        for part in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
            rect = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, part,
                                               spin)
            assert rect.width() >= MIN_TOUCH and rect.height() >= MIN_TOUCH, rect
        assert spin.height() >= MIN_TOUCH


def test_the_close_speaks_chinese(qtbot, sqlite_demo_db):
    sell_bag_for_cash(sqlite_demo_db)
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as main:
        dialog = open_count(qtbot, main)
        assert dialog.windowTitle() == "交班"
        assert "盲点" in texts(dialog) and dialog.submit_button.text() == "提交点钞 [F12]"
        type_count(qtbot, dialog, {10000: 3})
        submit(qtbot, main, dialog)
        assert dialog.verdict.text() == "短款"
        assert dialog.confirm_button.text() == QCoreApplication.translate(
            "CloseShiftDialog", "Confirm and close the shift [F12]") == "确认交班 [F12]"
        dialog.reject()  # Esc on the check: back to the count
        assert dialog.step() == COUNT
        dialog.reject()
        settle(qtbot, main)
