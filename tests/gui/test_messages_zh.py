"""The till in Chinese says its refusals in Chinese: a cashier meets them the ordinary way
(a scan, a PIN, a dialog) and reads no English."""

import copy

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from tests.gui.conftest import KeyCounter, log_in, settle, till_window
from tests.integration.test_corrections import notebook_sale
from ui.messages import Notice

NOTEBOOK = "6923150020022"


def chinese(text: str | None) -> bool:
    """Text a Chinese reader reads: CJK in it, and not only ASCII."""
    return bool(text) and not text.isascii() and any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture
def window(qtbot, sqlite_demo_db):
    """The real till in Chinese (as ui.app starts it for a store whose language is zh_CN)."""
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as main:
        yield main
        settle(qtbot, main)


@pytest.fixture
def keys(qtbot, window):
    return KeyCounter(qtbot, window)


def notice_in_chinese(qtbot) -> str:
    qtbot.waitUntil(lambda: chinese(Notice.last), timeout=10_000)
    return Notice.last


def test_an_unknown_barcode_is_refused_in_chinese(qtbot, window, keys):
    log_in(qtbot, window)
    keys.scan(window.till.scan, "6900000000000")
    text = window.till.unknown_label.text()  # said under the scan field (issue 14)
    assert chinese(text) and "6900000000000" in text and "商品" in text
    assert chinese(window.till.search_name_button.text())


def test_a_wrong_manager_pin_in_an_approval_is_refused_in_chinese(qtbot, window, keys,
                                                                   sqlite_demo_db):
    from ui.checkout.after_sale import FindSaleDialog, ManagerApprovalDialog

    sale = notebook_sale(sqlite_demo_db)
    log_in(qtbot, window)  # Li Na, a cashier: voiding needs a manager
    till = window.till
    keys.press(till.scan, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, FindSaleDialog))
    finder = till.active_dialog
    keys.scan(finder.field, sale.receipt_no)
    void = QCoreApplication.translate("FindSaleDialog", "Void (today's sales)") + " [F8]"
    next(b for b in finder.findChildren(QPushButton) if b.text() == void).click()
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, ManagerApprovalDialog))
    approval = till.active_dialog
    qtbot.keyClicks(approval.pin, "1234")
    qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: chinese(approval.message.text()))  # said in the approval
    assert approval.message.text() == "密码错误"


def test_a_new_customer_without_a_name_is_refused_in_chinese(qtbot, window, keys):
    log_in(qtbot, window)
    till = window.till
    bar = till.customer_bar
    keys.scan(till.scan, "13912345678")  # nobody has this number: their name, asked in place
    qtbot.waitUntil(lambda: bar.name.isVisible())
    qtbot.keyClick(bar.name, Qt.Key.Key_Return)  # no name typed
    qtbot.waitUntil(lambda: bar.hint.objectName() == "error", timeout=10_000)
    assert bar.hint.text() == "客户必须填写姓名" and bar.phone.text() == "13912345678"


def test_a_discount_over_the_cashiers_limit_is_refused_in_chinese(qtbot, window, keys):
    """The till has no discount key yet: the cashier's discount goes to the service the
    way every till call does (ui.ops), and its refusal is shown the same way."""
    from pos.selling import checkout

    log_in(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    cart, line_id = copy.deepcopy(till.cart), till.current_unit
    window.context.ops.run(
        lambda db: checkout.discount_line(db, cart, line_id=line_id, percent_bp=2000),
        parent=till)
    text = notice_in_chinese(qtbot)
    assert "收银员" in text and "10%" in text and "店长" in text


def test_lockout_after_five_wrong_pins_is_said_in_chinese(qtbot, window):
    for _ in range(5):
        log_in(qtbot, window, pin="0000")
        assert window.login.message.text() == "密码错误"
    log_in(qtbot, window, pin="1111")
    text = window.login.message.text()
    assert chinese(text) and "锁定" in text
    assert window.stack.currentWidget() is window.login


def test_a_serial_already_sold_is_refused_in_chinese(qtbot, window, keys, sqlite_demo_db):
    from ui.checkout.dialogs import CardPrompt, SerialDialog

    notebook_sale(sqlite_demo_db)  # sold with serial SN-RET-1
    log_in(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    keys.press(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardPrompt))
    qtbot.keyClick(till.active_dialog, Qt.Key.Key_0,  # the customer declines the card
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, SerialDialog))
    keys.scan(till.active_dialog.field, "SN-RET-1")

    def problem() -> str:
        dialog = till.active_dialog
        label = dialog.findChild(QLabel, "error") if isinstance(dialog, SerialDialog) else None
        return label.text() if label is not None else ""

    qtbot.waitUntil(lambda: chinese(problem()), timeout=10_000)
    assert "SN-RET-1" in problem() and "已经售出" in problem()
