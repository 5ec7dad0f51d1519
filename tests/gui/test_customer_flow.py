"""Customers at the till, driven as a cashier drives them: F4 finds a customer by phone
and shows their history (Enter uses them, Esc goes back); a refused new customer keeps
the dialog and what was typed; a card that needs a customer asks for the phone and then
the name in the customer area itself, and the sale goes through with the card."""

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from pos.catalog.coverage import add_months
from pos.db.models import Customer, Sale, ServiceCard, ServiceTier
from pos.people import customers, followups
from tests.gui.conftest import KeyCounter, log_in, settle, till_window
from tests.integration.checkout_helpers import staff_id
from tests.integration.test_corrections import notebook_sale
from ui.checkout.customer_dialog import CustomerDialog
from ui.checkout.dialogs import SerialDialog
from ui.checkout.payment import PaymentDialog
from ui.i18n import Formats
from ui.messages import Notice

NOTEBOOK = "6923150020022"
TODAY = date.today()


def open_customer_dialog(qtbot, till, keys) -> CustomerDialog:
    keys.press(till.scan, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CustomerDialog))
    dialog = till.active_dialog
    qtbot.waitUntil(lambda: not dialog.busy)
    return dialog


def type_and_enter(qtbot, keys, field, text: str) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)
    keys.press(field, Qt.Key.Key_Return)


def said(dialog) -> str:
    return dialog.message.text() if dialog.message.isVisible() else ""


# 1. a refusal keeps the dialog --------------------------------------------------------

def test_a_refused_new_customer_keeps_the_dialog_the_phone_and_says_why(
        qtbot, window, keys, sqlite_demo_db):
    log_in(qtbot, window)
    till = window.till
    dialog = open_customer_dialog(qtbot, till, keys)

    type_and_enter(qtbot, keys, dialog.phone, "12")  # not a phone number
    assert till.active_dialog is dialog and dialog.isVisible()
    assert said(dialog) == "'12' is not a phone number" and dialog.phone.text() == "12"

    type_and_enter(qtbot, keys, dialog.phone, "139 1234 5678")  # nobody's: add them here
    qtbot.waitUntil(lambda: dialog.new_form.isVisible())
    assert dialog.name.hasFocus()
    keys.press(dialog.name, Qt.Key.Key_Return)  # no name typed
    qtbot.waitUntil(lambda: bool(said(dialog)))
    assert till.active_dialog is dialog and dialog.isVisible()
    assert said(dialog) == "A customer needs a name"
    assert dialog.phone.text() == "139 1234 5678" and dialog.new_form.isVisible()
    assert Notice.last is None  # said in the dialog, not over it
    assert till.cart.customer_id is None

    # someone else adds this number meanwhile: the duplicate is refused the same way
    customers.create_customer(sqlite_demo_db, phone="13912345678", name="Zhou")
    qtbot.keyClicks(dialog.name, "Chen Jie")
    keys.press(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "already exists" in said(dialog))
    assert till.active_dialog is dialog and dialog.name.text() == "Chen Jie"

    type_and_enter(qtbot, keys, dialog.phone, "13800138000")  # another number: looked up
    qtbot.waitUntil(lambda: dialog.new_form.isVisible() and not dialog.busy)
    assert dialog.name.text() == "Chen Jie"  # still typed
    keys.press(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: till.active_dialog is None)
    assert till.view.customer.name == "Chen Jie" and till.view.customer.phone == "13800138000"
    assert till.customer_label.text().startswith("Chen Jie · 13800138000")
    qtbot.waitUntil(lambda: till.scan.hasFocus())


def test_a_business_without_a_company_is_refused_in_the_dialog(qtbot, window, keys):
    log_in(qtbot, window)
    till = window.till
    dialog = open_customer_dialog(qtbot, till, keys)
    type_and_enter(qtbot, keys, dialog.phone, "13700000001")
    qtbot.waitUntil(lambda: dialog.new_form.isVisible())
    qtbot.keyClicks(dialog.name, "Wang")
    business = next(b for b in dialog.kind_group.buttons() if b.property("kind") == "business")
    business.click()
    assert dialog.company.isVisible()
    keys.press(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(said(dialog)))
    assert said(dialog) == "A business customer needs a company name"
    dialog.company.setText("Acme 科技")  # as an input method gives it
    keys.press(dialog.company, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: till.active_dialog is None)
    assert (till.view.customer.company, till.view.customer.kind.value) == ("Acme 科技", "business")


# 2. history on F4 ---------------------------------------------------------------------

@pytest.fixture
def chen_with_history(sqlite_demo_db):
    """Chen Jie bought a notebook (SN-RET-1) with a gold card; a call was made after it."""
    sale = notebook_sale(sqlite_demo_db)
    chen = customers.find_customer(sqlite_demo_db, phone="13800138000")
    seller = staff_id(sqlite_demo_db, "cashier")
    followups.assign_calls(sqlite_demo_db, customer_ids=[chen.id], staff_id=seller)
    call = followups.my_calls(sqlite_demo_db, staff_id=seller)[0]
    followups.record_call(sqlite_demo_db, followup_id=call.id, staff_id=seller,
                          outcome="interested", notes="asks about a monitor")
    return sale


def test_f4_finds_a_customer_by_phone_shows_their_history_and_enter_uses_them(
        qtbot, window, keys, chen_with_history):
    sale = chen_with_history
    formats = Formats.current
    log_in(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    dialog = open_customer_dialog(qtbot, till, keys)
    assert dialog.pages.currentIndex() == dialog.FIND  # no customer on the sale yet

    type_and_enter(qtbot, keys, dialog.phone, "13800138000")
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.HISTORY)
    history = dialog.history
    assert history.who.text() == "Chen Jie · 13800138000 · Consumer"
    assert [dialog.tabs.tabText(i) for i in range(4)] == [
        "Sales (1)", "Units (1)", "Service cards (1)", "Follow-up calls (1)"]
    assert [history.sales.cell(0, c) for c in range(4)] == [
        formats.day(TODAY), sale.receipt_no, "Sale", formats.money(sale.total)]
    assert history.units.cell(0, 1).startswith("Lenovo")
    assert (history.units.cell(0, 2), history.units.cell(0, 4)) == ("SN-RET-1", "Sold")
    assert [history.cards.cell(0, c) for c in (0, 2, 3, 4)] == [
        "Gold card", "SN-RET-1", formats.day(add_months(TODAY, 36)), "Active"]
    assert [history.calls.cell(0, c) for c in (1, 2, 3, 4)] == [
        "Li Na", "After a purchase", "Interested", "asks about a monitor"]
    assert till.cart.customer_id is None  # looking is not choosing

    tab_bar = dialog.tabs.tabBar()
    assert tab_bar.hasFocus()
    keys.press(tab_bar, Qt.Key.Key_Right)  # Left/Right go through the tabs
    assert dialog.tabs.currentIndex() == 1

    keys.press(tab_bar, Qt.Key.Key_Escape)  # Esc: back to the search, the phone kept
    assert dialog.pages.currentIndex() == dialog.FIND and dialog.isVisible()
    assert dialog.phone.text() == "13800138000" and till.cart.customer_id is None
    keys.press(dialog.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.HISTORY and not dialog.busy)
    keys.press(dialog.tabs.tabBar(), Qt.Key.Key_Return)  # Enter: this customer, on the sale
    qtbot.waitUntil(lambda: till.active_dialog is None)
    assert till.view.customer.name == "Chen Jie"
    qtbot.waitUntil(lambda: till.scan.hasFocus())

    # with a customer on the sale, F4 opens on their history, and Esc closes it
    dialog = open_customer_dialog(qtbot, till, keys)
    assert dialog.pages.currentIndex() == dialog.HISTORY
    assert dialog.history.sales.cell(0, 1) == sale.receipt_no
    keys.press(dialog.tabs.tabBar(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: till.active_dialog is None)
    assert till.view.customer.name == "Chen Jie"


def test_the_history_never_widens_the_window(qtbot, window, keys, sqlite_demo_db):
    company = "北京市海淀区中关村大街一号超长名称科技发展有限公司" * 3
    customers.create_customer(sqlite_demo_db, phone="13700000002", name="Wang " * 20,
                              kind="business", company=company)
    log_in(qtbot, window)
    till = window.till
    dialog = open_customer_dialog(qtbot, till, keys)
    type_and_enter(qtbot, keys, dialog.phone, "13700000002")
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.HISTORY)
    assert dialog.history.who.text().endswith(company)  # the whole text, shown elided
    assert dialog.width() <= 1366 and window.width() <= 1366
    assert dialog.history.sales.empty.isVisible()  # no sales yet: said so


def test_the_history_in_chinese(qtbot, sqlite_demo_db, chen_with_history):
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as main:
        keys = KeyCounter(qtbot, main)
        log_in(qtbot, main)
        till = main.till
        dialog = open_customer_dialog(qtbot, till, keys)
        assert dialog.primary.text() == "查找 [Enter]"
        type_and_enter(qtbot, keys, dialog.phone, "13800138000")
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.HISTORY)
        assert [dialog.tabs.tabText(i) for i in range(4)] == [
            "购买记录 (1)", "主机 (1)", "服务卡 (1)", "回访 (1)"]
        history = dialog.history
        assert history.sales.cell(0, 2) == "销售单" and history.sales.cell(0, 3).startswith("¥")
        assert history.cards.cell(0, 4) == "有效" and history.units.cell(0, 4) == "已售"
        assert history.calls.cell(0, 3) == "有意向"
        assert dialog.primary.text() == "用于本单 [Enter]"
        assert dialog.secondary.text() == "返回 [Esc]"
        assert "个人客户" in history.who.text()
        keys.press(dialog.tabs.tabBar(), Qt.Key.Key_Escape)
        keys.press(dialog.phone, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: till.active_dialog is None)
        settle(qtbot, main)


# 3. quick add in place, through to a sale with a card ---------------------------------

def pick_gold(qtbot, keys, till) -> int:
    gold = next(i for i, offer in enumerate(till.cards.offers, start=1) if offer.code == "gold")
    keys.press(till.scan, getattr(Qt.Key, f"Key_{gold}"), Qt.KeyboardModifier.ControlModifier)
    return till.cards.offers[gold - 1].tier_id


def test_a_card_without_a_customer_asks_phone_then_name_in_place_and_the_sale_completes(
        qtbot, window, keys, sqlite_demo_db):
    log_in(qtbot, window)
    till = window.till
    bar = till.customer_bar
    keys.scan(till.scan, NOTEBOOK)
    gold = pick_gold(qtbot, keys, till)
    # the card needs a customer: the customer area asks for the phone, no dialog
    qtbot.waitUntil(lambda: bar.adding)
    assert till.active_dialog is None and Notice.last is None
    assert QApplication.activeModalWidget() is None
    assert bar.phone.hasFocus() and not bar.name.isVisible()
    assert bar.hint.text() == "A service card needs the customer: find or add them by phone first"
    assert till.cart.card_lines(till.current_unit) == []

    type_and_enter(qtbot, keys, bar.phone, "13912345678")  # nobody's: the name, beside it
    qtbot.waitUntil(lambda: bar.name.isVisible() and bar.name.hasFocus())
    keys.press(bar.name, Qt.Key.Key_Return)  # no name: refused here, the phone kept
    qtbot.waitUntil(lambda: bar.hint.objectName() == "error")
    assert bar.hint.text() == "A customer needs a name"
    assert bar.phone.text() == "13912345678" and bar.adding and till.active_dialog is None

    qtbot.keyClicks(bar.name, "Chen Jie")
    keys.press(bar.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not bar.adding)
    settle(qtbot, window)
    assert till.view.customer.name == "Chen Jie"
    assert [line.tier_id for line in till.cart.card_lines(till.current_unit)] == [gold]
    assert till.scan.hasFocus()

    keys.press(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, SerialDialog))
    keys.scan(till.active_dialog.field, "PF3ABC12")
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog))
    payment = till.active_dialog
    keys.press(payment.amount, Qt.Key.Key_F1)  # exact
    with qtbot.waitSignal(till.sale_completed, timeout=10_000):
        keys.press(payment.amount, Qt.Key.Key_Return)
    with sqlite_demo_db.read() as session:
        customer_id, name = session.execute(select(Customer.id, Customer.name).where(
            Customer.phone == "13912345678")).one()
        sale_customer = session.scalar(select(Sale.customer_id))
        card = session.execute(select(ServiceCard.customer_id, ServiceCard.unit_serial,
                                      ServiceTier.code).join(
            ServiceTier, ServiceTier.id == ServiceCard.tier_id)).one()
    assert name == "Chen Jie" and sale_customer == customer_id
    assert tuple(card) == (customer_id, "PF3ABC12", "gold")


def test_a_known_phone_in_quick_add_takes_the_card_and_esc_gives_up(
        qtbot, window, keys, returning_customer):
    log_in(qtbot, window)
    till = window.till
    bar = till.customer_bar
    keys.scan(till.scan, NOTEBOOK)
    pick_gold(qtbot, keys, till)
    qtbot.waitUntil(lambda: bar.adding)
    keys.press(bar.phone, Qt.Key.Key_Escape)  # gives up: the card is not taken
    assert not bar.adding and till.scan.hasFocus()
    settle(qtbot, window)
    assert till.cart.card_lines(till.current_unit) == [] and till.cart.customer_id is None

    gold = pick_gold(qtbot, keys, till)
    qtbot.waitUntil(lambda: bar.adding)
    type_and_enter(qtbot, keys, bar.phone, returning_customer.phone)  # known: no name asked
    qtbot.waitUntil(lambda: not bar.adding)
    settle(qtbot, window)
    assert till.cart.customer_id == returning_customer.id
    assert [line.tier_id for line in till.cart.card_lines(till.current_unit)] == [gold]


def test_an_unknown_phone_scanned_asks_the_name_in_place_and_f4_carries_it_over(
        qtbot, window, keys):
    log_in(qtbot, window)
    till = window.till
    bar = till.customer_bar
    keys.scan(till.scan, "13912345678")
    qtbot.waitUntil(lambda: bar.name.isVisible())
    assert till.active_dialog is None and bar.phone.text() == "13912345678"
    qtbot.keyClicks(bar.name, "Zhou")
    # a business customer needs more than a name: F4 takes what was typed into the dialog
    keys.press(bar.name, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CustomerDialog))
    dialog = till.active_dialog
    qtbot.waitUntil(lambda: dialog.new_form.isVisible())
    assert (dialog.phone.text(), dialog.name.text()) == ("13912345678", "Zhou")
    assert not bar.adding
    keys.press(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: till.active_dialog is None)
    assert till.view.customer.name == "Zhou"


def test_a_quick_add_belongs_to_its_cart_parking_ends_it(qtbot, window, keys):
    log_in(qtbot, window)
    till = window.till
    bar = till.customer_bar
    keys.scan(till.scan, NOTEBOOK)
    pick_gold(qtbot, keys, till)
    qtbot.waitUntil(lambda: bar.adding)
    qtbot.keyClicks(bar.phone, "1391234")
    keys.press(bar.phone, Qt.Key.Key_F8)  # park: the next cart never sees this one's typing
    qtbot.waitUntil(lambda: not till.cart.lines)
    assert not bar.adding and bar.label.isVisible() and till._card_waiting is None
    assert till.customer_label.text() == "No customer yet: scan or type their phone number"


def test_the_quick_add_in_chinese(qtbot, sqlite_demo_db):
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as main:
        keys = KeyCounter(qtbot, main)
        log_in(qtbot, main)
        till = main.till
        bar = till.customer_bar
        keys.scan(till.scan, NOTEBOOK)
        pick_gold(qtbot, keys, till)
        qtbot.waitUntil(lambda: bar.adding)
        tr = QCoreApplication.translate
        assert bar.hint.text() == tr("pos", "A service card needs the customer: find or add "
                                     "them by phone first", "card.needs_customer")
        assert bar.phone.placeholderText() == "客户手机号" and bar.cancel.text() == "取消 [Esc]"
        type_and_enter(qtbot, keys, bar.phone, "13912345678")
        qtbot.waitUntil(lambda: bar.name.isVisible())
        assert bar.hint.text().startswith("新客户")
        keys.press(bar.name, Qt.Key.Key_Escape)
        settle(qtbot, main)
