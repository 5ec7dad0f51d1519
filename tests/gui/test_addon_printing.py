"""Add-ons print at the till: the installer's add-on prints its receipt and the earlier
unit's updated sheet with no failure; the failed-jobs dialog says "check the printer"
only when the printer is at fault."""

from datetime import datetime, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from pos.kernel.messages import Message
from pos.printjobs import print_queue
from pos.printjobs.print_queue import JobInfo
from tests.gui.conftest import log_in, settle, till_window
from tests.integration.test_corrections import notebook_sale
from tests.printing.fake_printer import FakePrinter
from ui.checkout.after_sale import FindSaleDialog
from ui.checkout.payment import PaymentDialog
from ui.checkout.print_jobs import PrintJobsDialog
from ui.messages import Notice


def press_button(dialog, text: str) -> None:
    """The button whose text is `text` (with or without its key shown, "[F2]")."""
    next(b for b in dialog.findChildren(QPushButton)
         if b.text() == text or b.text().startswith(text + " [")).click()


def test_an_installers_add_on_prints_its_receipt_and_the_units_sheet_without_a_failure(
        qtbot, window, keys, sqlite_demo_db, tmp_path):
    sale = notebook_sale(sqlite_demo_db)
    with FakePrinter() as printer:
        # the till's usual settings: the sheet prints after every sale, to a PDF folder
        print_queue.set_printer_config(sqlite_demo_db, terminal="T01", receipt=printer.uri,
                                       documents=f"pdf://{tmp_path}", sheet_after_sale=True)
        log_in(qtbot, window, name="Wang Qiang", pin="2222")  # the installer
        till = window.till
        keys.press(till.scan, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, FindSaleDialog))
        keys.scan(till.active_dialog.field, sale.receipt_no)
        press_button(till.active_dialog, "Sell add-ons on site")
        qtbot.waitUntil(lambda: till.active_dialog is None)
        settle(qtbot, window)
        target = next(i for i, row in enumerate(till.sheet.rows) if row.name == "Cooling pad")
        for _ in range(target):
            keys.press(till.scan, Qt.Key.Key_Down)
        keys.press(till.scan, Qt.Key.Key_Space)
        keys.press(till.scan, Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog))
        keys.press(till.active_dialog.amount, Qt.Key.Key_F1)
        with qtbot.waitSignal(till.sale_completed, timeout=10_000) as completed:
            keys.press(till.active_dialog.amount, Qt.Key.Key_Return)
        addon = completed.args[0]
        sheet_pdf = tmp_path / f"{addon.receipt_no}-sheet.pdf"
        qtbot.waitUntil(lambda: b"Added on site" in b"".join(printer.received)
                        and sheet_pdf.exists(), timeout=15_000)
        settle(qtbot, window)
        qtbot.waitUntil(lambda: not till._printing, timeout=15_000)
    assert till.printer_button.text() == "Printer OK"
    assert till.failed_print_jobs == [] and print_queue.failed_jobs(sqlite_demo_db,
                                                                     terminal="T01") == []
    assert Notice.last is None  # no failure notice at all
    assert b"Added on site to " + sale.receipt_no.encode() in printer.received[-1]  # after the kick


def job(fault, reason, kind="receipt"):
    return JobInfo(1, kind, "T01-000001", "network://10.0.0.9:9100", False, False, {}, "failed",
                   1, str(reason), datetime.now(timezone.utc), fault, reason)


def test_the_printer_advice_is_given_only_for_a_printer_fault(qtbot):
    offline = job("printer", Message("printer.offline", {"where": "10.0.0.9:9100"}))
    dialog = PrintJobsDialog([offline])
    qtbot.addWidget(dialog)
    assert "power, paper" in dialog.hint.text()
    assert "10.0.0.9:9100 is offline" in dialog.list.item(0).text()

    nothing = job("data", Message("print.no_main_unit", {"receipt": "T01-000001"}), "sheet")
    dialog = PrintJobsDialog([nothing])
    qtbot.addWidget(dialog)
    assert "power" not in dialog.hint.text() and "paper" not in dialog.hint.text()
    assert "why it did not print" in dialog.hint.text()
    assert "Sale T01-000001 has no main unit" in dialog.list.item(0).text()


def test_a_failed_jobs_reason_is_said_in_chinese(qtbot, sqlite_demo_db):
    with till_window(qtbot, sqlite_demo_db, "zh_CN"):
        offline = job("printer", Message("printer.offline", {"where": "10.0.0.9:9100"}))
        dialog = PrintJobsDialog([offline])
        qtbot.addWidget(dialog)
        assert "打印机" in dialog.hint.text() and "纸" in dialog.hint.text()
        assert "10.0.0.9:9100" in dialog.list.item(0).text()
        assert "offline" not in dialog.list.item(0).text()
        nothing = job("data", Message("print.no_main_unit", {"receipt": "T01-000001"}), "sheet")
        dialog = PrintJobsDialog([nothing])
        qtbot.addWidget(dialog)
        assert "纸" not in dialog.hint.text()
