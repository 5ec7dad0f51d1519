"""The report screen's money grid with customer accounts and deposits (issue 19): the
rows appear only on a day with account money; money in per tender beside them; the new
tender names (Deposit, Bank transfer) in words; in English and Chinese, never wider than
the screen."""

from datetime import date

from PySide6.QtWidgets import QLabel

from tests.gui.conftest import settle, till_window
from tests.gui.test_report_screen import open_report, shown
from tests.integration.test_day_report_accounts import an_account_day

TODAY = date.today()


def texts(dialog) -> list[str]:
    return [label.text() for label in dialog.body.findChildren(QLabel)]


def test_a_day_without_account_money_shows_no_account_rows(qtbot, window):
    dialog = open_report(qtbot, window)
    shown(qtbot, dialog, TODAY, TODAY)
    assert "Customer accounts and deposits" not in texts(dialog)


def test_the_account_rows_and_money_in_per_tender(qtbot, window, sqlite_demo_db):
    an_account_day(sqlite_demo_db)
    dialog = open_report(qtbot, window)
    shown(qtbot, dialog, TODAY, TODAY)
    words = texts(dialog)
    for expected in ("Customer accounts and deposits", "Sales on account", "Deposits held",
                     "Money in", "Deposit", "On account", "CN¥399.00", "CN¥30.00",
                     "CN¥599.00"):
        assert expected in words, expected
    assert "deposit" not in words  # the tender named, never its code
    assert dialog.width() <= 1366


def test_the_account_rows_in_chinese(qtbot, sqlite_demo_db):
    an_account_day(sqlite_demo_db)
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as main:
        dialog = open_report(qtbot, main)
        shown(qtbot, dialog, TODAY, TODAY)
        words = texts(dialog)
        for expected in ("客户账款与定金", "挂账销售", "定金结存", "实收款项", "定金"):
            assert expected in words, expected
        settle(qtbot, main)
