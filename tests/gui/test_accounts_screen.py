"""The manager's accounts screen (Shift+F5, issue 19): receivables (aging, the overdue
list, the transfer to the big-account team, a statement PDF), quotes (list, PDF, the
quote report) and pre-orders (arrivals to call, called, cancelled with the deposit paid
back); managers only; it fits the till's screen in EN and ZH."""

import uuid
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos.accounts.accounts import account_view, open_account
from pos.accounts.preorders import preorder_view, take_preorder
from pos.kernel.enums import AccountState, PreorderState
from pos.ledger.verify import verify
from pos.people import customers
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.gui.conftest import log_in, settle, till_window
from tests.integration.checkout_helpers import new_cart, staff_id
from ui.accounts.accounts_screen import AccountsDialog
from ui.report_parts import SavePath

BAG = "BAG-NB-156"


@pytest.fixture
def late_buyer(sqlite_demo_db):
    db = sqlite_demo_db
    who = customers.create_customer(db, phone="13700000021", name="Zhou Li", kind="business",
                                    company="Zhou Electronics")
    open_account(db, customer=who.id, staff_id=staff_id(db, "manager"))
    cart = new_cart(db)
    checkout.add_product(db, cart, code=BAG)
    checkout.set_customer(db, cart, customer_id=who.id)
    due = sum(line.total for line in cart.lines)
    completion.complete_sale(db, cart, tenders=[TenderInput("on_account", due)],
                             business_date=date.today() - timedelta(days=45))
    return who, due


def open_screen(qtbot, window) -> AccountsDialog:
    till = window.till
    qtbot.keyClick(till.scan, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, AccountsDialog))
    settle(qtbot, window)
    return till.active_dialog


def key(qtbot, dialog, k):
    qtbot.keyClick(dialog, k)


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_receivables_show_the_overdue_account_and_transfer_it(qtbot, sqlite_demo_db,
                                                              late_buyer, locale):
    db = sqlite_demo_db
    who, due = late_buyer
    with till_window(qtbot, db, locale) as window:
        log_in(qtbot, window, "Zhang Wei", "9999")
        dialog = open_screen(qtbot, window)
        tab = dialog.receivables
        money = window.context.formats.money
        assert tab.aging.rowCount() == 1 and tab.overdue.rowCount() == 1
        assert tab.aging.item(0, 3).text() == money(due)  # 15 days overdue: 1-30
        assert tab.aging.item(0, 7).text() == money(due)
        assert tab.overdue.item(0, 2).text() == "15" and tab.overdue.item(0, 3).text() == money(due)
        assert dialog.width() <= 1366 and window.width() <= 1366
        if locale == "zh_CN":
            assert dialog.tabs.tabText(0).startswith("应收")
        key(qtbot, dialog, Qt.Key.Key_F7)  # nobody chosen: said, nothing done
        assert tab.message.text()
        tab.overdue.selectRow(0)
        qtbot.keyClicks(tab.note, "owes since October")
        key(qtbot, dialog, Qt.Key.Key_F7)
        settle(qtbot, window)
        view = account_view(db, customer=who.id)
        assert view.state is AccountState.TRANSFERRED
        assert view.transfer_note == "owes since October"
        assert tab.message.objectName() == "success"
        assert tab.overdue.item(0, 5).text()  # the team column says so now
        assert verify(db).ok
        key(qtbot, dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.till.active_dialog is None)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.till.scan)


def test_a_statement_pdf_is_saved_for_the_customer_chosen(qtbot, window, late_buyer,
                                                          tmp_path, monkeypatch):
    pytest.importorskip("printing.account_pdf")
    target = tmp_path / "statement.pdf"
    monkeypatch.setattr(SavePath, "ask", classmethod(lambda cls, *a: str(target)))
    log_in(qtbot, window, "Zhang Wei", "9999")
    dialog = open_screen(qtbot, window)
    dialog.receivables.aging.selectRow(0)
    key(qtbot, dialog, Qt.Key.Key_F6)
    settle(qtbot, window)
    assert target.read_bytes().startswith(b"%PDF"), dialog.receivables.message.text()


def test_a_cashier_has_no_accounts_screen(qtbot, window):
    log_in(qtbot, window)  # Li Na, a cashier
    qtbot.keyClick(window.till.scan, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, window)
    assert window.till.active_dialog is None
    assert not window.till.accounts_button.isVisible()


def test_preorders_arrived_are_called_and_one_is_cancelled_with_its_deposit_back(
        qtbot, window, sqlite_demo_db):
    db = sqlite_demo_db
    who = customers.create_customer(db, phone="13700000022", name="Qian Yu")
    number = take_preorder(db, customer=who.id, code=BAG, deposit=5000, tender="wechat",
                           staff_id=staff_id(db, "cashier"), terminal="T01",
                           request_id=str(uuid.uuid4())).preorder_no
    log_in(qtbot, window, "Zhang Wei", "9999")
    dialog = open_screen(qtbot, window)
    key(qtbot, dialog, Qt.Key.Key_F3)
    settle(qtbot, window)
    tab = dialog.preorders
    assert [p.preorder_no for p in tab.rows] == [number]  # the bag is in stock: arrived
    tab.list.selectRow(0)
    assert tab.tender.count() == 2 and tab.tender.currentData() == "wechat"
    key(qtbot, dialog, Qt.Key.Key_F6)
    settle(qtbot, window)
    assert preorder_view(db, preorder_no=number).notified_at is not None
    assert tab.list.item(0, 6).text()
    tab.list.selectRow(0)
    key(qtbot, dialog, Qt.Key.Key_F7)  # once: asked to be sure
    settle(qtbot, window)
    assert preorder_view(db, preorder_no=number).state is PreorderState.OPEN
    assert number in tab.message.text()
    key(qtbot, dialog, Qt.Key.Key_F7)
    settle(qtbot, window)
    view = preorder_view(db, preorder_no=number)
    assert view.state is PreorderState.CANCELLED and view.deposit_held == 0
    assert tab.message.objectName() == "success" and "DR" in tab.message.text(), tab.message.text()
    assert tab.rows == ()
    assert verify(db).ok


def test_the_quotes_tab_lists_a_quote_saves_its_pdf_and_reports(qtbot, window, sqlite_demo_db,
                                                                tmp_path, monkeypatch):
    from pos.accounts.quotes import save_quote

    db = sqlite_demo_db
    who = customers.create_customer(db, phone="13700000023", name="Sun Hao", kind="business",
                                    company="Sun Office")
    cart = new_cart(db)
    checkout.add_product(db, cart, code=BAG)
    checkout.set_customer(db, cart, customer_id=who.id)
    quote = save_quote(db, cart, staff_id=staff_id(db, "cashier"), request_id=str(uuid.uuid4()))
    target = tmp_path / "q.pdf"
    monkeypatch.setattr(SavePath, "ask", classmethod(lambda cls, *a: str(target)))
    log_in(qtbot, window, "Zhang Wei", "9999")
    dialog = open_screen(qtbot, window)
    key(qtbot, dialog, Qt.Key.Key_F2)
    settle(qtbot, window)
    tab = dialog.quotes
    assert [q.quote_no for q in tab.quotes] == [quote.quote_no]
    assert tab.list.item(0, 1).text() == "Sun Office"
    tab.list.selectRow(0)
    key(qtbot, dialog, Qt.Key.Key_F6)
    settle(qtbot, window)
    assert target.read_bytes().startswith(b"%PDF"), tab.message.text()
    key(qtbot, dialog, Qt.Key.Key_F7)
    settle(qtbot, window)
    last = tab.figures.rowCount() - 1
    assert tab.figures.item(last, 1).text() == "1"  # one issued
