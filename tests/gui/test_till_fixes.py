"""The till's core screen (issue 14): nothing widens the window, messages clear when their
moment passes, Lock parks the cart under its owner, an unknown barcode is answered inline,
and the change due fills the totals after a cash sale."""

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import log_in, settle, till_window

LEGION_DESKTOP = "DT-LEN-BLADE7K"  # the demo's longest name
NOTEBOOK = "6923150020022"


def scan(qtbot, window, code: str) -> None:
    qtbot.keyClicks(window.till.scan, code)
    qtbot.keyClick(window.till.scan, Qt.Key.Key_Return)
    settle(qtbot, window)


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
@pytest.mark.parametrize("person, pin", [("Li Na", "1111"), ("Zhang Wei", "9999")])
def test_a_long_product_name_never_widens_the_window(qtbot, sqlite_demo_db, locale, person,
                                                     pin):
    with till_window(qtbot, sqlite_demo_db, locale) as window:
        log_in(qtbot, window, person, pin)
        till = window.till
        scan(qtbot, window, LEGION_DESKTOP)
        qtbot.wait(20)  # the layout settles
        name = till.cart.lines[0].name
        assert "Legion" in name and len(name) > 70
        assert window.width() <= 1366, window.width()
        assert window.minimumSizeHint().width() <= 1366, window.minimumSizeHint()
        # the name elides where it does not fit, the whole of it in a tooltip
        assert till.sheet.title.is_elided() and name in till.sheet.title.toolTip()
        assert till.sheet.title.shown_text().endswith("…")
        row = till.cart_view.topLevelItem(0)
        assert row.toolTip(0) == name
        assert till.cart_view.textElideMode() == Qt.TextElideMode.ElideRight
        assert not till.cart_view.wordWrap()
        # a narrower window is still allowed: the window never has to grow for a name
        window.resize(1280, 720)
        qtbot.wait(20)
        assert window.width() == 1280


# --- messages that outlive their moment; Lock parks the cart ---------------------------

def pay_cash(qtbot, till, amount: str) -> object:
    """F12 on a cart without units, cash `amount` typed, Enter; the CompletedSale."""
    from ui.checkout.payment import PaymentDialog

    qtbot.keyClick(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog))
    payment = till.active_dialog
    qtbot.keyClicks(payment.amount, amount)
    with qtbot.waitSignal(till.sale_completed, timeout=10_000) as completed:
        qtbot.keyClick(payment.amount, Qt.Key.Key_Return)
    return completed.args[0]


def choose_parked(qtbot, window, index: int = 0) -> list[str]:
    """F9, then the parked sale at `index` chosen in the list (Down, Enter); the labels
    the list showed."""
    from ui.checkout.dialogs import ParkedDialog

    till = window.till
    qtbot.keyClick(till.scan, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, ParkedDialog))
    dialog = till.active_dialog
    labels = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    dialog.list.setCurrentRow(index)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: till.active_dialog is None)
    settle(qtbot, window)
    return labels


def test_sale_parked_is_not_said_once_the_sale_is_resumed(qtbot, window):
    log_in(qtbot, window)
    till = window.till
    scan(qtbot, window, NOTEBOOK)
    qtbot.keyClick(till.scan, Qt.Key.Key_F8)
    settle(qtbot, window)
    assert "parked" in till.banner.text() and till.banner.isVisible()
    choose_parked(qtbot, window)
    assert len(till.cart.lines) == 1
    assert till.banner.text() == "" and not till.banner.isVisible()


def test_the_change_due_fills_the_totals_until_the_next_scan(qtbot, window):
    log_in(qtbot, window)
    till = window.till
    scan(qtbot, window, "BAG-NB-156")
    due = till.cart.lines[0].total
    sale = pay_cash(qtbot, till, "500")
    assert sale.change == 50000 - due > 0
    change = till.formats.money(sale.change)
    assert till.totals_stack.currentIndex() == 1 and till.change_amount.isVisible()
    assert till.change_amount.text() == change and "Change due" in till.change_title.text()
    assert till.change_amount.font().pixelSize() >= 40  # large type
    assert till.formats.money(50000) in till.change_detail.text()
    assert sale.receipt_no in till.banner.text()
    scan(qtbot, window, "BAG-NB-156")  # the next customer
    assert till.totals_stack.currentIndex() == 0 and not till.change_amount.isVisible()
    assert till.banner.text() == ""


def test_the_last_sale_and_its_change_are_gone_after_lock_and_the_next_login(qtbot, window):
    log_in(qtbot, window)
    till = window.till
    scan(qtbot, window, "BAG-NB-156")
    pay_cash(qtbot, till, "500")
    assert "complete" in till.banner.text() and till.totals_stack.currentIndex() == 1
    till.lock_button.click()
    settle(qtbot, window)
    assert window.stack.currentWidget() is window.login
    log_in(qtbot, window, "Zhang Wei", "9999")
    assert window.stack.currentWidget() is till
    assert till.banner.text() == "" and not till.banner.isVisible()
    assert till.totals_stack.currentIndex() == 0 and not till.change_amount.isVisible()


def test_a_managers_shift_message_is_gone_after_lock_and_the_next_login(qtbot, window):
    log_in(qtbot, window, "Zhang Wei", "9999")
    till = window.till
    # what closing the shift says (its dialog is another part's; the message is the till's)
    till.set_banner(till.tr("Shift closed: Z {z}, over/short {diff}").format(
        z=1, diff=till.formats.money(-500)))
    till.lock_button.click()
    settle(qtbot, window)
    log_in(qtbot, window)
    assert "Li Na" in till.staff_label.text()
    assert till.banner.text() == "" and not till.banner.isVisible()


def test_lock_parks_the_open_cart_under_its_owner_and_the_next_person_starts_clean(
        qtbot, window, sqlite_demo_db, returning_customer):
    from sqlalchemy import select

    from pos.db.models import ParkedCart, Staff

    log_in(qtbot, window)
    till = window.till
    scan(qtbot, window, NOTEBOOK)
    scan(qtbot, window, returning_customer.phone)
    assert till.cart.customer_id == returning_customer.id
    li_na_cart = till.cart.uuid
    till.lock_button.click()
    settle(qtbot, window)
    assert window.stack.currentWidget() is window.login
    with sqlite_demo_db.read() as session:
        parked = session.scalars(select(ParkedCart)).all()
        li_na = session.scalar(select(Staff.id).where(Staff.name == "Li Na"))
        assert [(p.cart_uuid, p.staff_id) for p in parked] == [(li_na_cart, li_na)]
        assert parked[0].label == "Li Na · Chen Jie"

    log_in(qtbot, window, "Zhang Wei", "9999")
    assert till.cart.lines == [] and till.cart.uuid != li_na_cart
    assert till.cart_view.topLevelItemCount() == 0
    assert till.sheet.rows == [] and till.sheet.unit_key is None
    assert "Total" in till.total_label.text() and till.formats.money(0) in till.total_label.text()

    # the owner finds it under Resume
    till.lock_button.click()
    settle(qtbot, window)
    log_in(qtbot, window)
    labels = choose_parked(qtbot, window)
    assert len(labels) == 1 and labels[0].startswith("Li Na · Chen Jie")
    assert till.cart.uuid == li_na_cart and len(till.cart.lines) == 1
    assert till.cart.customer_id == returning_customer.id


def test_lock_with_nothing_in_the_cart_parks_nothing(qtbot, window, sqlite_demo_db):
    from sqlalchemy import func, select

    from pos.db.models import ParkedCart

    log_in(qtbot, window)
    window.till.lock_button.click()
    settle(qtbot, window)
    assert window.stack.currentWidget() is window.login
    with sqlite_demo_db.read() as session:
        assert session.scalar(select(func.count()).select_from(ParkedCart)) == 0


# --- an unknown barcode ------------------------------------------------------------------

def visible_message_boxes():
    from PySide6.QtWidgets import QApplication, QMessageBox

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
            and w.isVisible()]


def test_an_unknown_code_is_said_under_the_field_and_search_by_name_finds_it(
        qtbot, window):
    from PySide6.QtWidgets import QApplication

    from ui.messages import Notice

    log_in(qtbot, window)
    till = window.till
    scan(qtbot, window, NOTEBOOK)
    before = [line.line_id for line in till.cart.lines]
    scan(qtbot, window, "6900000000000")
    assert till.unknown_panel.isVisible()
    assert "No product has the barcode or code '6900000000000'" in till.unknown_label.text()
    assert Notice.last is None and visible_message_boxes() == []  # nothing to close
    assert till.search_name_button.isVisible() and not till.add_product_button.isVisible()
    assert QApplication.focusWidget() is till.scan
    assert [line.line_id for line in till.cart.lines] == before
    qtbot.keyClick(till.scan, Qt.Key.Key_F3)  # search by name: nothing is called that
    qtbot.waitUntil(lambda: "Nothing is called '6900000000000'" in till.unknown_label.text())

    # a name typed and entered before its matches came: the search runs on it
    qtbot.keyClick(till.scan, Qt.Key.Key_Escape)
    assert not till.unknown_panel.isVisible()
    till.scan.setText("legion blade")  # as if typed faster than the search
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert till.unknown_panel.isVisible() and till.unknown_code == "legion blade"
    qtbot.keyClick(till.scan, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: till.results.isVisible() and till.results.count() > 0)
    assert "Legion Blade" in till.results.item(0).text()
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert "Legion Blade" in till.cart.lines[-1].name
    assert not till.unknown_panel.isVisible()


def test_a_manager_adds_the_unknown_product_in_place_and_it_is_sold(qtbot, window,
                                                                     sqlite_demo_db):
    from sqlalchemy import select

    from pos.db.models import AuditEvent, Product, StoreStock
    from pos.kernel.barcodes import make_ean13
    from ui.checkout.new_product import NewProductDialog

    code = make_ean13("690123456789")
    log_in(qtbot, window, "Zhang Wei", "9999")
    till = window.till
    scan(qtbot, window, code)
    assert till.add_product_button.isVisible() and "F2" in till.add_product_button.text()
    qtbot.keyClick(till.scan, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, NewProductDialog))
    dialog = till.active_dialog
    qtbot.keyClicks(dialog.name, "Baseus 65W GaN charger")
    qtbot.keyClicks(dialog.price, "199")
    qtbot.keyClick(dialog.price, Qt.Key.Key_Return)  # no cost: refused in place, kept
    assert dialog.isVisible() and "Cost" in dialog.message.text()
    assert dialog.name.text() == "Baseus 65W GaN charger" and dialog.price.text() == "199"
    qtbot.keyClicks(dialog.cost, "-5")
    qtbot.keyClick(dialog.cost, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.waiting)
    assert dialog.isVisible() and "negative" in dialog.message.text()
    dialog.cost.clear()
    qtbot.keyClicks(dialog.cost, "99")
    qtbot.keyClick(dialog.cost, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: till.active_dialog is None)
    settle(qtbot, window)
    assert till.cart.lines[-1].name == "Baseus 65W GaN charger"
    assert till.cart.lines[-1].total == 19900
    assert not till.unknown_panel.isVisible()
    qtbot.waitUntil(lambda: till.scan.hasFocus())
    with sqlite_demo_db.read() as session:
        product = session.scalar(select(Product).where(Product.barcode == code))
        assert (product.price, product.cost) == (19900, 9900)
        assert session.scalar(select(StoreStock.on_hand).where(  # at the till's store
            StoreStock.product_id == product.id)) == 1
        assert session.scalar(select(AuditEvent.ref).where(
            AuditEvent.action == "product_added")) == code


def test_a_cashier_is_not_offered_to_add_a_product(qtbot, window):
    from pos.kernel.barcodes import make_ean13

    log_in(qtbot, window)
    till = window.till
    scan(qtbot, window, make_ean13("690123456789"))
    assert till.unknown_panel.isVisible() and not till.add_product_button.isVisible()
    qtbot.keyClick(till.scan, Qt.Key.Key_F2)  # its key does nothing either
    settle(qtbot, window)
    assert till.active_dialog is None
