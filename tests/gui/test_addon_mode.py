"""An installer's add-on at the till shows what the unit already has: a banner naming the
sale it adds to (receipt, day, customer), the sheet's earlier outcomes read-only (the
backpack sold at the counter reads so and cannot be marked again; the film declined
there says so and can be asked again), the card the unit holds with its end date, and
an item count without the unit sold earlier."""

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from pos.kernel.enums import Outcome
from tests.gui.conftest import KeyCounter, log_in, settle, till_window
from tests.integration.test_addon_view import notebook_sale
from ui.checkout.after_sale import FindSaleDialog
from ui.checkout.sheet_item import earlier_label


def open_addon(qtbot, window, receipt_no: str):
    """The installer logs in, F6, scans the receipt, taps 'Sell add-ons on site'."""
    from PySide6.QtWidgets import QPushButton

    log_in(qtbot, window, name="Wang Qiang", pin="2222")
    till = window.till
    keys = KeyCounter(qtbot, window)
    keys.press(till.scan, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, FindSaleDialog))
    finder = till.active_dialog
    keys.scan(finder.field, receipt_no)
    label = QCoreApplication.translate("FindSaleDialog", "Sell add-ons on site")
    next(b for b in finder.findChildren(QPushButton) if label in b.text()).click()
    qtbot.waitUntil(lambda: till.active_dialog is None)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: till.cart.original_receipt == receipt_no)
    return till, keys


def row_of(sheet, code: str) -> int:
    return next(i for i, item in enumerate(sheet.rows) if item.code == code)


def test_the_add_on_shows_what_the_unit_already_has(qtbot, window, sqlite_demo_db):
    sale = notebook_sale(sqlite_demo_db)  # backpack and bag sold, film declined, gold card
    till, keys = open_addon(qtbot, window, sale.receipt_no)
    sheet = till.sheet

    banner = sheet.banner.text()
    assert sheet.banner.isVisible()
    assert sale.receipt_no in banner and "Chen Jie" in banner and "13800138000" in banner
    assert window.context.formats.day(sheet.earlier.sold_on) in banner

    backpack, film = sheet.rows[row_of(sheet, "backpack")], sheet.rows[row_of(sheet, "screen-film")]
    assert backpack.locked and backpack.outcome is Outcome.NOT_OFFERED  # this add-on's own
    assert earlier_label(backpack.earlier) == "Sold at the counter"
    assert "Samsonite" in sheet.delegate.tooltip(backpack, "earlier")
    targets = sheet.delegate.targets(sheet.view.visualRect(
        sheet.model.index(sheet._entries[id(backpack)])), backpack)
    assert "earlier" in targets and Outcome.SOLD not in targets  # no buttons to change it
    assert not film.locked and earlier_label(film.earlier) == "Declined at the counter"
    others = [item for item in sheet.rows if item.code not in ("backpack", "bag", "screen-film")]
    assert all(item.earlier is None for item in others)
    assert sheet.progress.text() == f"3 of {len(sheet.rows)} asked"

    cards = till.cards
    assert cards.status.text() == "Card held"  # not "Card chosen"
    assert cards.held.isVisible() and "Gold card" in cards.held.text()
    end = sheet.earlier.cards[0].end_date
    assert window.context.formats.day(end) in cards.held.text()
    gold = next(i for i, offer in enumerate(cards.offers) if offer.code == "gold")
    assert cards.pool[gold].held and "held" in cards.pool[gold].label.text()
    assert not cards.decline.isVisible()
    keys.press(till.scan, getattr(Qt.Key, f"Key_{gold + 1}"), Qt.KeyboardModifier.ControlModifier)
    assert till.cart.card_lines(till.current_unit) == []  # a held card is not sold again

    assert till.count_label.text() == "Items: 0"  # the unit sold earlier is not counted


def test_an_item_sold_earlier_cannot_be_marked_and_one_declined_can_be_asked_again(
        qtbot, window, sqlite_demo_db):
    sale = notebook_sale(sqlite_demo_db)
    till, keys = open_addon(qtbot, window, sale.receipt_no)
    sheet, scan = till.sheet, till.scan
    backpack = row_of(sheet, "backpack")
    assert backpack == 0 and sheet.current != backpack  # the sheet opens on an open item
    sheet._set_current(backpack)
    keys.press(scan, Qt.Key.Key_Space)
    keys.press(scan, Qt.Key.Key_Delete)
    assert till.cart.outcomes == {} and till.cart.billable_lines() == []
    # the film, declined at the counter, sells on site
    sheet._set_current(row_of(sheet, "screen-film"))
    keys.press(scan, Qt.Key.Key_Space)
    film = sheet.rows[row_of(sheet, "screen-film")]
    assert film.outcome is Outcome.SOLD and film.earlier.outcome is Outcome.DECLINED
    assert till.count_label.text() == "Items: 1"
    # Tab skips what was answered before: from the top, the first item never asked
    sheet._set_current(len(sheet.rows) - 1)
    keys.press(scan, Qt.Key.Key_Tab)
    first_open = next(i for i, item in enumerate(sheet.rows)
                      if item.earlier is None and item.outcome is Outcome.NOT_OFFERED)
    assert sheet.current == first_open
    assert sheet.rows[first_open].code not in ("backpack", "bag", "screen-film")


def test_a_new_sale_after_the_add_on_has_no_banner(qtbot, window, sqlite_demo_db):
    sale = notebook_sale(sqlite_demo_db)
    till, keys = open_addon(qtbot, window, sale.receipt_no)
    assert till.sheet.banner.isVisible()
    till.new_cart()
    settle(qtbot, window)
    keys.scan(till.scan, "6923150020022")
    assert not till.sheet.banner.isVisible() and till.sheet.earlier is None
    assert all(item.earlier is None for item in till.sheet.rows)
    assert not till.cards.held.isVisible() and till.cards.status.text() == "Not asked yet"


@pytest.mark.parametrize("locale", ["zh_CN"])
def test_the_add_on_in_chinese(qtbot, sqlite_demo_db, locale):
    sale = notebook_sale(sqlite_demo_db)
    with till_window(qtbot, sqlite_demo_db, locale) as window:
        till, _keys = open_addon(qtbot, window, sale.receipt_no)
        sheet = till.sheet
        assert sheet.banner.text().startswith(f"追加销售：原单 {sale.receipt_no}")
        assert "客户 Chen Jie（13800138000）" in sheet.banner.text()
        backpack = sheet.rows[row_of(sheet, "backpack")]
        assert earlier_label(backpack.earlier) == "柜台已售"
        assert till.cards.status.text() == "已有服务卡"
        assert till.cards.held.text().startswith("本机已有：")
        assert till.count_label.text().endswith("0")
        assert window.width() <= 1366
