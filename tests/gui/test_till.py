"""The till driven as a cashier drives it: real widgets, keyboard and scanner, offscreen."""

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from pos.db.models import Sale, SaleLine, ServiceCard, SheetOutcome
from pos.kernel.enums import Outcome
from tests.gui.conftest import log_in, settle, till_window
from ui.checkout.dialogs import CardPrompt, SerialDialog
from ui.checkout.payment import PaymentDialog
from ui.messages import Notice

NOTEBOOK = "6923150020022"


def test_a_whole_sale_by_keyboard_in_at_most_15_presses(qtbot, window, keys, returning_customer,
                                                         sqlite_demo_db):
    log_in(qtbot, window)
    till = window.till
    assert window.stack.currentWidget() is till
    scan = till.scan

    keys.scan(scan, NOTEBOOK)
    keys.scan(scan, returning_customer.phone)
    codes = [row.item_id for row in till.sheet.rows]
    from pos.selling import sheet

    by_code = {r.code: r.item_id for r in sheet.sheet_rows(
        sqlite_demo_db, till.cart, main_line_id=till.current_unit)}
    cursor = 0
    for code, key in (("bag", Qt.Key.Key_Space), ("screen-film", Qt.Key.Key_Delete),
                      ("wireless-mouse", Qt.Key.Key_Space)):
        target = codes.index(by_code[code])
        assert target >= cursor
        for _ in range(target - cursor):
            keys.press(scan, Qt.Key.Key_Down)
        keys.press(scan, key)
        cursor = target + 1
    gold = next(i for i, offer in enumerate(till.cards.offers, start=1) if offer.code == "gold")
    keys.press(scan, getattr(Qt.Key, f"Key_{gold}"), Qt.KeyboardModifier.ControlModifier)
    assert till.cart.card_status(till.current_unit) == "chosen"

    keys.press(scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, SerialDialog))
    keys.scan(till.active_dialog.field, "PF3ABC12")
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog))
    payment = till.active_dialog
    due = payment.due
    keys.press(payment.amount, Qt.Key.Key_F3)  # cash, rounded up to the next 100
    with qtbot.waitSignal(till.sale_completed, timeout=10_000) as completed:
        keys.press(payment.amount, Qt.Key.Key_Return)

    print(f"keyboard sale after login: {keys.count} key presses or scans")
    assert keys.count <= 15, f"{keys.count} key presses"
    sale_result = completed.args[0]
    assert sale_result.change == -(-due // 10000) * 10000 - due
    assert "complete" in till.banner.text()
    with sqlite_demo_db.read() as session:
        sale = session.scalar(select(Sale))
        lines = session.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id)
                                .order_by(SaleLine.position)).all()
        outcomes = {o.item_code: o.outcome for o in session.scalars(select(SheetOutcome))}
        card = session.scalar(select(ServiceCard))
        assert sale.total == due and sale.customer_id == returning_customer.id
        assert [l.kind.value for l in lines] == ["main_unit", "accessory", "accessory", "card"]
        assert lines[0].serial == "PF3ABC12"
        assert card is not None and card.unit_serial == "PF3ABC12"
    assert outcomes["bag"] is Outcome.SOLD and outcomes["wireless-mouse"] is Outcome.SOLD
    assert outcomes["screen-film"] is Outcome.DECLINED
    assert outcomes["backpack"] is Outcome.NOT_OFFERED
    assert till.cart.lines == []  # ready for the next customer


def test_a_wrong_pin_is_refused(qtbot, window):
    log_in(qtbot, window, pin="0000")
    assert window.stack.currentWidget() is window.login
    assert window.login.message.text() == "Wrong PIN"
    assert window.login.pin.text() == ""


def test_an_unknown_barcode_shows_a_message_and_changes_nothing(qtbot, window, keys, sqlite_demo_db):
    log_in(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    before = [l.line_id for l in till.cart.lines]
    keys.scan(till.scan, "6900000000000")
    # said under the scan field (issue 14: tests/gui/test_till_fixes.py)
    assert "No product has the barcode or code '6900000000000'" in till.unknown_label.text()
    assert [l.line_id for l in till.cart.lines] == before
    with sqlite_demo_db.read() as session:
        assert session.scalar(select(func.count()).select_from(Sale)) == 0


def test_the_card_prompt_appears_when_a_unit_has_no_card(qtbot, window, keys):
    log_in(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    unit = till.current_unit
    keys.press(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardPrompt))
    # "offer a card now" goes back to the sale with the unit's cards showing
    qtbot.keyClick(till.active_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: till.active_dialog is None)
    assert till.cart.card_status(unit) == "not_asked" and till.current_unit == unit
    # a second Pay asks no more: the card was confirmed once; decline it by key instead
    keys.press(till.scan, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert till.cart.card_status(unit) == "declined"
    keys.press(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, SerialDialog))


def test_declining_in_the_card_prompt_records_the_refusal(qtbot, window, keys):
    log_in(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    keys.press(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardPrompt))
    qtbot.keyClick(till.active_dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, SerialDialog))
    assert till.cart.card_status(till.current_unit) == "declined"


def test_typing_a_name_searches_and_enter_adds_the_first_match(qtbot, window):
    log_in(qtbot, window)
    till = window.till
    qtbot.keyClicks(till.scan, "cleaning kit")
    qtbot.waitUntil(lambda: till.results.isVisible() and till.results.count() > 0)
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert len(till.cart.lines) == 1 and "clean" in till.cart.lines[0].name.lower()


def test_park_and_resume_bring_the_sale_back(qtbot, window, keys, monkeypatch):
    from ui.checkout.dialogs import ParkedDialog

    log_in(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    parked_uuid = till.cart.uuid
    keys.press(till.scan, Qt.Key.Key_F8)
    assert till.cart.lines == [] and "parked" in till.banner.text()
    keys.press(till.scan, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, ParkedDialog))
    keys.press(till.active_dialog.list, Qt.Key.Key_Return)  # the first parked sale
    assert till.cart.uuid == parked_uuid and len(till.cart.lines) == 1
    assert till.sheet.rows  # the unit's sheet is back


def test_lock_returns_to_login_and_parks_the_sale(qtbot, window, keys):
    log_in(qtbot, window)
    keys.scan(window.till.scan, NOTEBOOK)
    window.till.lock_button.click()
    settle(qtbot, window)
    assert window.stack.currentWidget() is window.login
    log_in(qtbot, window)
    assert window.till.cart.lines == []  # parked: under Resume (tests/gui/test_till_fixes.py)
    assert "Li Na" in window.till.staff_label.text()


def test_every_screen_string_has_a_chinese_translation():
    import xml.etree.ElementTree as ElementTree

    from ui.i18n import I18N_DIR, TsTranslator

    root = ElementTree.parse(I18N_DIR / "zh_CN.ts").getroot()
    unfinished = [m.findtext("source") for m in root.iter("message")
                  if m.find("translation").get("type") == "unfinished"
                  or not (m.findtext("translation") or "").strip()]
    assert unfinished == []
    assert len(TsTranslator(I18N_DIR / "zh_CN.ts")) >= 100


def test_the_till_speaks_chinese_with_money_in_yuan(qtbot, sqlite_demo_db):
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as main:
        log_in(qtbot, main)
        till = main.till
        qtbot.keyClicks(till.scan, NOTEBOOK)
        qtbot.keyClick(till.scan, Qt.Key.Key_Return)
        settle(qtbot, main)
        assert till.pay_button.text() == "收款 [F12]"
        assert till.sheet.rows and till.sheet.outcome_text(Outcome.SOLD) == "已售"
        assert till.total_label.text().startswith("合计 ¥")


def test_an_unexpected_error_is_logged_and_the_cashier_gets_a_short_message(
        qtbot, window, keys, monkeypatch, tmp_path):
    import logging

    from pos.db import keyfile
    from pos.selling import completion
    from ui.app import setup_logging
    from ui.messages import bug_message

    # The store's key stays where it is (the demo PINs are peppered with it); only the
    # log goes to another data folder.
    monkeypatch.setenv("POS_KEY_FILE", str(keyfile.key_path()))
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    log_path = setup_logging()
    handler = logging.getLogger().handlers[-1]

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(completion, "complete_sale", broken)
    try:
        log_in(qtbot, window)
        till = window.till
        keys.scan(till.scan, "BAG-NB-156")
        keys.press(till.scan, Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog))
        keys.press(till.active_dialog.amount, Qt.Key.Key_F1)
        keys.press(till.active_dialog.amount, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: Notice.last == bug_message())
        assert "Traceback" not in Notice.last
        assert len(till.cart.lines) == 1  # nothing lost: the sale can be paid again
        handler.flush()
        logged = open(log_path, encoding="utf-8").read()
        assert "RuntimeError: disk on fire" in logged and "Traceback" in logged
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_a_failed_receipt_shows_on_the_till_and_prints_after_a_retry(
        qtbot, window, keys, sqlite_demo_db, monkeypatch):
    from pos.printjobs import print_queue
    from tests.printing.fake_printer import FakePrinter, closed_port
    from ui.checkout.print_jobs import PrintJobsDialog

    port = closed_port()
    print_queue.set_printer_config(sqlite_demo_db, terminal="T01", sheet_after_sale=False,
                                   receipt=f"network://127.0.0.1:{port}")
    log_in(qtbot, window)
    till = window.till
    keys.scan(till.scan, "BAG-NB-156")
    keys.press(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog))
    keys.press(till.active_dialog.amount, Qt.Key.Key_F1)
    with qtbot.waitSignal(till.sale_completed, timeout=10_000):
        keys.press(till.active_dialog.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: till.printer_button.text() == "Print failed: 1", timeout=15_000)
    with FakePrinter(port=port) as printer:
        monkeypatch.setattr(PrintJobsDialog, "ask",
                            classmethod(lambda cls, jobs, parent=None: [j.id for j in jobs]))
        till.printer_button.click()
        qtbot.waitUntil(lambda: till.printer_button.text() == "Printer OK", timeout=15_000)
    # the printer was off, so nothing reached it: the drawer kick (its own send) and the
    # receipt both come after the retry, the kick once
    assert len(printer.received) == 2 and printer.received[0].startswith(b"\x1bp")
    assert b"\x1bp" not in printer.received[1]
    assert till.cart.lines == []  # the sale went through regardless of the printer


def test_a_locked_login_says_for_how_long(qtbot, window):
    for _ in range(5):
        log_in(qtbot, window, pin="0000")
    log_in(qtbot, window, pin="1111")
    assert "locked for" in window.login.message.text()
    assert window.stack.currentWidget() is window.login


def test_once_a_refusal_is_closed_the_keyboard_is_back_at_the_scan_field(qtbot, window, keys):
    """Without a window manager (a kiosk till) nothing hands the keyboard back when a
    message closes; the next scan and the F-keys must still reach the till."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    log_in(qtbot, window)
    till = window.till
    till.remove_button.click()  # nothing chosen in the cart: a message says so
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible())
    box.activateWindow()  # the message takes the keyboard, as it does on a desktop
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is till.scan
                    and QApplication.activeWindow() is window)
