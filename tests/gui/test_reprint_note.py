"""A reprint from the till says on paper when it was printed again and by whom: the
till's reprint puts the signed-in staff member in the job, the printer gets the line."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from pos.printjobs import print_queue
from tests.gui.conftest import log_in
from tests.integration.test_corrections import notebook_sale
from tests.printing.escpos_reader import read
from tests.printing.fake_printer import FakePrinter
from ui.checkout.after_sale import FindSaleDialog


def test_a_reprint_from_the_till_names_who_reprinted_it_and_when(qtbot, window, keys,
                                                                 sqlite_demo_db):
    sale = notebook_sale(sqlite_demo_db)
    with FakePrinter() as printer:
        print_queue.set_printer_config(sqlite_demo_db, terminal="T01", receipt=printer.uri,
                                       sheet_after_sale=False)
        log_in(qtbot, window, name="Wang Qiang", pin="2222")
        till = window.till
        keys.press(till.scan, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, FindSaleDialog))
        keys.scan(till.active_dialog.field, sale.receipt_no)
        button = next(b for b in till.active_dialog.findChildren(QPushButton)
                      if b.text().startswith("Reprint receipt"))
        before = datetime.now()
        button.click()
        qtbot.waitUntil(lambda: bool(printer.received), timeout=15_000)
    copy = b"".join(printer.received)
    assert b"*** COPY ***" in copy
    lines = [line.text.strip() for line in read(copy, 48).lines]
    said = next(line for line in lines if line.startswith("Reprinted "))
    at = datetime.strptime(said[len("Reprinted "):len("Reprinted ") + 16], "%Y-%m-%d %H:%M")
    assert said.endswith(" by Wang Qiang")
    assert abs((at - before.replace(second=0, microsecond=0)).total_seconds()) <= 120
