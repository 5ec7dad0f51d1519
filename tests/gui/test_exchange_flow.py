"""An exchange at the till (issue 14), by keyboard from Find sale: choose what comes back,
scan what goes out instead, see the difference, pay it or give it back, and both receipts
print; the return and the new sale are written together."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from pos.db.models import Payment, Sale
from pos.kernel.enums import DocumentKind
from pos.ledger import verify
from pos.printjobs import print_queue
from tests.gui.conftest import KeyCounter, log_in, settle, till_window
from tests.integration.test_corrections import notebook_sale
from tests.printing.fake_printer import FakePrinter
from ui.checkout.after_sale import FindSaleDialog, ManagerApprovalDialog, ReturnDialog
from ui.checkout.exchange_dialog import ExchangeDialog
from ui.checkout.payment import PaymentDialog

BAG, PHONE_CASES = 2, 4  # the notebook sale's shoulder bag (399.00) and two cases (39.90 each)


def shown(qtbot, till, kind):
    """The till's dialog once it is `kind` and the window the keys go to."""
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, kind)
                    and QApplication.activeWindow() is till.active_dialog, timeout=5_000)
    return till.active_dialog


def documents(db):
    with db.read() as session:
        sales = session.scalars(select(Sale).order_by(Sale.id)).all()
        return [(sale.kind, sale.total, sorted((p.tender.value, p.amount) for p in session.scalars(
            select(Payment).where(Payment.sale_id == sale.id)))) for sale in sales]


def open_exchange(qtbot, till, keys, receipt_no) -> ExchangeDialog:
    keys.press(till.scan, Qt.Key.Key_F6)
    finder = shown(qtbot, till, FindSaleDialog)
    keys.scan(finder.field, receipt_no)
    assert "[F4]" in finder.exchange_button.text()
    keys.press(finder.field, Qt.Key.Key_F4)
    return shown(qtbot, till, ExchangeDialog)


def test_an_exchange_for_something_dearer_takes_the_difference_and_prints_both_receipts(
        qtbot, window, keys, sqlite_demo_db):
    sale = notebook_sale(sqlite_demo_db)
    with FakePrinter() as printer:
        print_queue.set_printer_config(sqlite_demo_db, terminal="T01", receipt=printer.uri,
                                       sheet_after_sale=False)
        log_in(qtbot, window)  # Li Na, a cashier: the return needs a manager
        till = window.till
        money = till.formats.money
        exchange = open_exchange(qtbot, till, keys, sale.receipt_no)
        assert exchange.cart.customer_id is not None  # the sale's customer, kept
        exchange.lines.steppers[PHONE_CASES].plus.click()
        exchange.lines.steppers[PHONE_CASES].plus.click()  # both cases come back
        keys.scan(exchange.scan, "BAG-NB-156")  # a 399.00 bag goes out instead
        qtbot.waitUntil(lambda: exchange.difference == 39900 - 7980)
        assert exchange.difference_label.text() == f"Customer pays {money(31920)}"
        assert exchange.ok.text() == f"Take payment {money(31920)} [F12]"
        assert not exchange.money_back.isVisible()

        keys.press(exchange.scan, Qt.Key.Key_F12)
        approval = shown(qtbot, till, ManagerApprovalDialog)
        assert approval.amount_label.text() == money(7980)
        qtbot.keyClicks(approval.pin, "1234")
        keys.press(approval.pin, Qt.Key.Key_Return)
        assert approval.message.text() == "Wrong PIN" and exchange.isVisible()
        qtbot.keyClicks(approval.pin, "9999")
        keys.press(approval.pin, Qt.Key.Key_Return)
        paying = shown(qtbot, till, PaymentDialog)
        assert paying.due == 31920
        qtbot.keyClicks(paying.amount, "400")
        with qtbot.waitSignal(till.sale_completed, timeout=10_000) as completed:
            keys.press(paying.amount, Qt.Key.Key_Return)
        # the two receipts and, cash taken, the drawer kick on its own (once)
        qtbot.waitUntil(lambda: len(printer.received) == 3, timeout=15_000)
    new_sale = completed.args[0]
    assert b"".join(printer.received).count(b"\x1bp") == 1
    assert not exchange.isVisible() and till.active_dialog is None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is till.scan)
    assert new_sale.change == 40000 - 31920
    assert till.banner.text().startswith(
        f"Exchange done · paid {money(31920)} · Change {money(8080)} · ")
    assert documents(sqlite_demo_db)[1:] == [
        (DocumentKind.REFUND, -7980, [("exchange", -7980)]),
        (DocumentKind.SALE, 39900, [("cash", 40000), ("exchange", 7980)])]
    receipts = b"".join(printer.received)
    assert b"REFUND of " + sale.receipt_no.encode() in receipts
    assert b"Exchange credit" in receipts
    assert verify.verify(sqlite_demo_db).ok


def test_an_exchange_for_something_cheaper_gives_the_difference_back(qtbot, window, keys,
                                                                    sqlite_demo_db):
    sale = notebook_sale(sqlite_demo_db)
    log_in(qtbot, window, name="Zhang Wei", pin="9999")  # a manager: no approval to ask
    till = window.till
    money = till.formats.money
    exchange = open_exchange(qtbot, till, keys, sale.receipt_no)
    exchange.spins[BAG].setValue(1)  # the bag comes back
    qtbot.keyClicks(exchange.scan, "cleaning kit")  # found by name, as at the till
    qtbot.waitUntil(lambda: exchange.results.isVisible())
    keys.press(exchange.scan, Qt.Key.Key_Return)  # the first match
    qtbot.waitUntil(lambda: exchange.difference is not None and exchange.new_total > 0)
    back = 39900 - exchange.new_total
    assert exchange.difference_label.text() == f"Customer gets back {money(back)}"
    assert exchange.money_back.isVisible() and exchange.tender == "cash"
    assert exchange.ok.text() == f"Give back {money(back)} [F12]"
    with qtbot.waitSignal(till.sale_completed, timeout=10_000):
        keys.press(exchange.scan, Qt.Key.Key_F12)
    assert till.banner.text().startswith(f"Exchange done · {money(back)} back to the customer")
    refund, new = documents(sqlite_demo_db)[1:]
    assert refund == (DocumentKind.REFUND, -39900,
                      sorted([("cash", -back), ("exchange", -(39900 - back))]))
    assert new == (DocumentKind.SALE, 39900 - back, [("exchange", 39900 - back)])
    qtbot.waitUntil(lambda: till.active_dialog is None
                    and QApplication.focusWidget() is till.scan)


def test_a_refusal_keeps_the_exchange_with_what_was_chosen_and_scanned(qtbot, window, keys,
                                                                      sqlite_demo_db):
    sale = notebook_sale(sqlite_demo_db)
    log_in(qtbot, window, name="Zhang Wei", pin="9999")
    till = window.till
    exchange = open_exchange(qtbot, till, keys, sale.receipt_no)
    keys.press(exchange.scan, Qt.Key.Key_F12)  # nothing chosen yet
    assert exchange.message.text().startswith("Choose what comes back")
    exchange.spins[PHONE_CASES].setValue(1)
    keys.scan(exchange.scan, "6900000000000")  # no such product
    assert "6900000000000" in exchange.message.text() and exchange.isVisible()
    keys.scan(exchange.scan, "PRO-CLN-PC")
    keys.scan(exchange.scan, "PRO-CLN-PC")
    lines = exchange.new_lines.count()
    assert lines >= 1 and exchange.new_total == 2 * 3990
    keys.press(exchange.scan, Qt.Key.Key_Delete)  # the last line goes
    assert exchange.new_lines.count() == lines - 1
    assert exchange.spins[PHONE_CASES].value() == 1 and till.active_dialog is exchange


def test_the_return_dialog_turns_into_an_exchange_with_the_same_lines_in_chinese(
        qtbot, sqlite_demo_db):
    sale = notebook_sale(sqlite_demo_db)
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as window:
        keys = KeyCounter(qtbot, window)
        log_in(qtbot, window, name="Zhang Wei", pin="9999")
        till = window.till
        keys.press(till.scan, Qt.Key.Key_F6)
        finder = shown(qtbot, till, FindSaleDialog)
        keys.scan(finder.field, sale.receipt_no)
        keys.press(finder.field, Qt.Key.Key_F3)
        returning = shown(qtbot, till, ReturnDialog)
        returning.spins[PHONE_CASES].setValue(2)
        assert returning.exchange.text() == "改为换货 [F4]"
        keys.press(returning.spins[PHONE_CASES], Qt.Key.Key_F4)
        exchange = shown(qtbot, till, ExchangeDialog)
        assert exchange.spins[PHONE_CASES].value() == 2 and not returning.isVisible()
        keys.scan(exchange.scan, "PRO-CLN-PC")
        qtbot.waitUntil(lambda: exchange.difference is not None)
        assert exchange.difference_label.text() == "退还顾客 ¥39.90"
        assert exchange.windowTitle() == f"换货（原单 {sale.receipt_no}）"
        assert exchange.width() <= 1366 and exchange.height() <= 768
        # nothing squeezed over anything else: the dialog holds what its layout needs
        assert exchange.height() >= exchange.layout().totalMinimumSize().height()
        keys.press(exchange.scan, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: till.active_dialog is None)
        settle(qtbot, window)


def test_a_unit_taken_instead_is_asked_for_its_serial_over_the_exchange(qtbot, window, keys,
                                                                       sqlite_demo_db):
    from tests.integration.checkout_helpers import NOTEBOOK
    from ui.checkout.dialogs import SerialDialog

    sale = notebook_sale(sqlite_demo_db)
    log_in(qtbot, window, name="Zhang Wei", pin="9999")
    till = window.till
    exchange = open_exchange(qtbot, till, keys, sale.receipt_no)
    exchange.spins[1].setValue(1)  # the notebook comes back, its bag and card with it
    keys.scan(exchange.scan, NOTEBOOK)  # another of the same model goes out
    qtbot.waitUntil(lambda: exchange.difference is not None)
    assert exchange.difference == 649900 - (649900 + 39900 + 39900)  # bag and card back too
    keys.press(exchange.scan, Qt.Key.Key_F12)
    serial = shown(qtbot, till, SerialDialog)
    qtbot.keyClicks(serial.field, "SN-EXCH-2")
    with qtbot.waitSignal(till.sale_completed, timeout=10_000) as completed:
        keys.press(serial.field, Qt.Key.Key_Return)
    assert completed.args[0].total == 649900 and not exchange.isVisible()
    refund, new = documents(sqlite_demo_db)[1:]
    assert refund[:2] == (DocumentKind.REFUND, -(649900 + 39900 + 39900))
    assert sorted(refund[2]) == [("cash", -79800), ("exchange", -649900)]
    qtbot.waitUntil(lambda: till.active_dialog is None
                    and QApplication.focusWidget() is till.scan)
