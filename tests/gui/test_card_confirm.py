"""The till's card confirmation points (issue 20): the "Card offered?" key records before
and after the sale was agreed with the answer (the last answer for a point stands), the
pay prompt's Ctrl+0 records at payment, the sale writes them; Esc records nothing; the
scan field has the focus back after the dialog; in Chinese too, within 1366x768."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from pos.db.models import CardConfirmation
from tests.gui.conftest import log_in, settle, till_window
from ui.checkout.card_confirm import CardConfirmDialog
from ui.checkout.dialogs import CardPrompt, SerialDialog
from ui.checkout.payment import PaymentDialog

NOTEBOOK = "6923150020022"


def points(till, unit):
    return {row[1]: row[2] for row in till.cart.confirmations if row[0] == unit}


def answer(qtbot, window, till, key, *, after=False):
    qtbot.keyClick(till.scan, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardConfirmDialog))
    dialog = till.active_dialog
    if after:
        dialog.after.setChecked(True)
    qtbot.keyClick(dialog, key)
    qtbot.waitUntil(lambda: till.active_dialog is None)
    settle(qtbot, window)


def test_card_offered_and_the_pay_prompt_record_the_points(qtbot, window, sqlite_demo_db):
    log_in(qtbot, window)
    till = window.till
    qtbot.keyClicks(till.scan, NOTEBOOK)
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    settle(qtbot, window)
    unit = till.current_unit
    assert till.card_offered_button.isVisible()
    answer(qtbot, window, till, Qt.Key.Key_Y)
    assert points(till, unit) == {"before_agree": True}
    qtbot.waitUntil(till.scan.hasFocus)  # the scan field has the focus back
    answer(qtbot, window, till, Qt.Key.Key_N)  # before is recorded: after is offered
    assert points(till, unit) == {"before_agree": True, "after_agree": False}
    qtbot.keyClick(till.scan, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardConfirmDialog))
    dialog = till.active_dialog
    dialog.before.setChecked(True)
    qtbot.keyClick(dialog, Qt.Key.Key_N)  # changed their mind: the last answer stands
    qtbot.waitUntil(lambda: till.active_dialog is None)
    settle(qtbot, window)
    assert points(till, unit) == {"before_agree": False, "after_agree": False}
    qtbot.keyClick(till.scan, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardConfirmDialog))
    qtbot.keyClick(till.active_dialog, Qt.Key.Key_Escape)  # no answer: nothing recorded
    qtbot.waitUntil(lambda: till.active_dialog is None)
    settle(qtbot, window)
    assert points(till, unit) == {"before_agree": False, "after_agree": False}

    qtbot.keyClick(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardPrompt))
    qtbot.keyClick(till.active_dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, SerialDialog))
    assert points(till, unit) == {"before_agree": False, "after_agree": False,
                                  "at_payment": False}
    serial = till.active_dialog
    qtbot.keyClicks(serial.field, "PF3GUICONF1")
    qtbot.keyClick(serial.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog), timeout=10_000)
    payment = till.active_dialog
    qtbot.keyClick(payment.amount, Qt.Key.Key_F3)  # cash
    with qtbot.waitSignal(till.sale_completed, timeout=10_000):
        qtbot.keyClick(payment.amount, Qt.Key.Key_Return)
    settle(qtbot, window)
    with sqlite_demo_db.read_connection() as conn:
        written = conn.execute(select(CardConfirmation.point, CardConfirmation.accepted,
                                      CardConfirmation.serial)).all()
    assert sorted((p.value, a, s) for p, a, s in written) == [
        ("after_agree", False, "PF3GUICONF1"), ("at_payment", False, "PF3GUICONF1"),
        ("before_agree", False, "PF3GUICONF1")]


def test_card_offered_with_no_unit_says_so(qtbot, window):
    log_in(qtbot, window)
    till = window.till
    qtbot.keyClick(till.scan, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert till.active_dialog is None and till.cart.confirmations == []


def test_in_chinese_within_the_screen(qtbot, sqlite_demo_db):
    with till_window(qtbot, sqlite_demo_db, locale="zh_CN") as window:
        log_in(qtbot, window)
        till = window.till
        qtbot.keyClicks(till.scan, NOTEBOOK)
        qtbot.keyClick(till.scan, Qt.Key.Key_Return)
        settle(qtbot, window)
        assert till.card_offered_button.text() == "推荐服务卡？[Ctrl+K]"
        qtbot.keyClick(till.scan, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardConfirmDialog))
        dialog = till.active_dialog
        assert dialog.before.text() == "成交前" and "[Y]" in dialog.yes.text()
        assert window.width() <= 1366 and dialog.width() <= 1366
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: till.active_dialog is None)
        settle(qtbot, window)


def test_declined_on_the_panel_after_the_pay_prompt_is_the_answer_at_payment(qtbot, window):
    log_in(qtbot, window)
    till = window.till
    qtbot.keyClicks(till.scan, NOTEBOOK)
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    settle(qtbot, window)
    unit = till.current_unit
    qtbot.keyClick(till.scan, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)  # declined before any prompt: no point recorded
    assert till.cart.cards_declined == [unit] and points(till, unit) == {}
    qtbot.keyClicks(till.scan, NOTEBOOK)
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    settle(qtbot, window)
    second = till.current_unit
    qtbot.keyClick(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardPrompt))
    qtbot.keyClick(till.active_dialog, Qt.Key.Key_Return)  # "Offer a card now"
    qtbot.waitUntil(lambda: till.active_dialog is None)
    settle(qtbot, window)
    assert points(till, second) == {} and till.current_unit == second
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None and till.scan.hasFocus())
    qtbot.keyClick(till.scan, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert second in till.cart.cards_declined
    assert points(till, second) == {"at_payment": False}
