"""After the sale at the till: an installer's add-on from the scanned receipt to the
printed add-on receipt, and a cashier's return approved by a manager's PIN."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import select

from pos.db.models import Sale
from pos.kernel.enums import DocumentKind
from pos.ledger import audit
from pos.printjobs import print_queue
from tests.gui.conftest import log_in, settle
from tests.integration.test_corrections import notebook_sale
from tests.printing.fake_printer import FakePrinter
from ui.checkout.after_sale import FindSaleDialog, ManagerApprovalDialog, ReturnDialog
from ui.checkout.payment import PaymentDialog


def press_button(dialog, text: str) -> None:
    """The button that says `text` (and its key: "Return / refund [F3]")."""
    button = next(b for b in dialog.findChildren(QPushButton)
                  if b.text() == text or b.text().startswith(text + " ["))
    button.click()


def test_an_installer_add_on_from_the_scanned_receipt_to_its_printed_receipt(
        qtbot, window, keys, sqlite_demo_db):
    sale = notebook_sale(sqlite_demo_db)
    with FakePrinter() as printer:
        print_queue.set_printer_config(sqlite_demo_db, terminal="T01", receipt=printer.uri,
                                       sheet_after_sale=False)
        log_in(qtbot, window, name="Wang Qiang", pin="2222")
        till = window.till
        keys.press(till.scan, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, FindSaleDialog))
        finder = till.active_dialog
        keys.scan(finder.field, sale.receipt_no)  # the receipt's barcode
        assert finder.receipt_no == sale.receipt_no
        press_button(finder, "Sell add-ons on site")
        qtbot.waitUntil(lambda: till.active_dialog is None)
        settle(qtbot, window)
        assert till.cart.original_receipt == sale.receipt_no
        assert "Add-on to" in till.banner.text()
        target = next(i for i, row in enumerate(till.sheet.rows) if row.name == "Cooling pad")
        for _ in range(target):
            keys.press(till.scan, Qt.Key.Key_Down)
        keys.press(till.scan, Qt.Key.Key_Space)
        keys.press(till.scan, Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog))
        keys.press(till.active_dialog.amount, Qt.Key.Key_F1)
        with qtbot.waitSignal(till.sale_completed, timeout=10_000) as completed:
            keys.press(till.active_dialog.amount, Qt.Key.Key_Return)
        # a cash add-on: the drawer kick, on its own, then the receipt
        qtbot.waitUntil(lambda: b"Added on site" in b"".join(printer.received), timeout=15_000)
    addon = completed.args[0]
    assert b"Added on site to " + sale.receipt_no.encode() in printer.received[-1]
    with sqlite_demo_db.read() as session:
        row = session.scalar(select(Sale).where(Sale.receipt_no == addon.receipt_no))
        assert row.kind is DocumentKind.ADDON and row.staff_id == till.staff.id


def test_a_cashiers_return_needs_a_managers_pin(qtbot, window, keys, sqlite_demo_db):
    sale = notebook_sale(sqlite_demo_db)
    log_in(qtbot, window)  # Li Na, cashier
    till = window.till
    keys.press(till.scan, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, FindSaleDialog))
    keys.scan(till.active_dialog.field, sale.receipt_no)
    press_button(till.active_dialog, "Return / refund")
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, ReturnDialog))
    returning = till.active_dialog
    returning.spins[4].setValue(1)  # one of the two cleaning kits
    press_button(returning, "Refund")
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, ManagerApprovalDialog))
    approval = till.active_dialog
    qtbot.keyClicks(approval.pin, "1234")  # a wrong PIN refuses and refunds nothing
    qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: approval.message.text() == "Wrong PIN")
    assert returning.isVisible() and returning.spins[4].value() == 1  # nothing lost
    with sqlite_demo_db.read() as session:
        assert session.scalar(select(Sale).where(Sale.kind == DocumentKind.REFUND)) is None

    with qtbot.waitSignal(till.sale_completed, timeout=10_000) as done:
        qtbot.keyClicks(till.active_dialog.pin, "9999")
        qtbot.keyClick(till.active_dialog.pin, Qt.Key.Key_Return)
    refund = done.args[0]
    assert refund.total == -3990 and "Refund" in till.banner.text()
    events = audit.list_audit(sqlite_demo_db)
    assert any(e.action == "refund" and e.details["approved_by"] for e in events)
    assert any(e.action == "approval" and e.staff_name == "Li Na" for e in events)


def test_a_found_sale_reprints_its_receipt_as_a_copy_and_its_sheet(qtbot, window, keys,
                                                                  sqlite_demo_db, tmp_path):
    sale = notebook_sale(sqlite_demo_db)
    with FakePrinter() as printer:
        print_queue.set_printer_config(sqlite_demo_db, terminal="T01", receipt=printer.uri,
                                       documents=f"pdf://{tmp_path}")
        log_in(qtbot, window)
        till = window.till
        keys.press(till.scan, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, FindSaleDialog))
        keys.scan(till.active_dialog.field, "13800138000")  # by the customer's phone
        press_button(till.active_dialog, "Reprint receipt and sheet")
        qtbot.waitUntil(lambda: bool(printer.received), timeout=15_000)
        qtbot.waitUntil(lambda: any(tmp_path.glob("*-sheet-copy*.pdf")), timeout=15_000)
    assert b"*** COPY ***" in printer.received[0]


def test_a_manager_voids_todays_sale_and_reads_it_in_the_audit(qtbot, window, keys,
                                                             sqlite_demo_db):
    from ui.checkout.after_sale import AuditDialog

    sale = notebook_sale(sqlite_demo_db)
    log_in(qtbot, window, name="Zhang Wei", pin="9999")
    till = window.till
    assert till.audit_button.isVisibleTo(window)
    keys.press(till.scan, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, FindSaleDialog))
    keys.scan(till.active_dialog.field, sale.receipt_no)
    with qtbot.waitSignal(till.sale_completed, timeout=10_000) as done:
        press_button(till.active_dialog, "Void (today's sales)")
    assert done.args[0].total == -sale.total and "voided" in till.banner.text()
    till.audit_button.click()
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, AuditDialog))
    shown = till.active_dialog.shown_rows()
    assert any(row[1] == "Void" and row[3] == sale.receipt_no for row in shown)


def test_cancelling_a_sale_drops_it_and_leaves_a_trace(qtbot, window, keys, sqlite_demo_db,
                                                       monkeypatch):
    from ui.messages import Confirm

    log_in(qtbot, window)
    till = window.till
    keys.scan(till.scan, "BAG-NB-156")
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, parent, text: True))
    till.cancel_button.click()
    settle(qtbot, window)
    assert till.cart.lines == [] and "cancelled" in till.banner.text()
    assert not till.audit_button.isVisibleTo(window)  # a cashier does not see the audit
    assert any(e.action == "cart_cancelled" and e.staff_name == "Li Na"
               for e in audit.list_audit(sqlite_demo_db))


def test_a_manager_reads_the_day_report_with_its_charts(qtbot, window, sqlite_demo_db):
    from tests.integration.test_reports import known_day
    from ui.report_screen import BarChart, ReportDialog

    known_day(sqlite_demo_db)
    log_in(qtbot, window, name="Zhang Wei", pin="9999")
    till = window.till
    till.report_button.click()
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, ReportDialog)
                    and till.active_dialog.report is not None, timeout=10_000)
    dialog = till.active_dialog
    charts = dialog.findChildren(BarChart)
    assert [c.title.split(" ")[0] for c in charts] == ["Attach", "Service-card", "Sheet"]
    assert dialog.report.net > 0 and "Net" in dialog.status.text()
    assert "Day report: Store S01" in dialog.header.text()  # what and when it covers
    dialog.grab()  # paints every chart


def test_a_manager_counts_the_drawer_and_closes_the_shift(qtbot, window, keys, sqlite_demo_db):
    from pos.day import shifts
    from ui.close_shift import CloseShiftDialog

    notebook_sale(sqlite_demo_db)
    log_in(qtbot, window, name="Zhang Wei", pin="9999")
    till = window.till
    expected = shifts.x_report(sqlite_demo_db, terminal="T01").expected_cash
    till.close_shift_button.click()
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CloseShiftDialog))
    dialog = till.active_dialog
    dialog.spins[10000].setValue(expected // 10000)
    dialog.submit_button.click()  # the count, then the check (ui.close_shift)
    qtbot.waitUntil(lambda: dialog.confirm_button.isVisible())
    assert "Over / short" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: "Z 1" in till.banner.text())
    z = shifts.z_reports(sqlite_demo_db, terminal="T01", day=__import__("datetime").date.today())
    assert [r.z_number for r in z] == [1]
