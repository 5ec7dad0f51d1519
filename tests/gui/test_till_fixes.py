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
