"""The configuration sheet as the cashier touches it: a tap on an item's Sold, Declined or
Not yet, the sales script on demand, another product with Left/Right; every target at
least 44 px high."""

from PySide6.QtCore import Qt

from pos.kernel.enums import Outcome
from tests.gui.conftest import log_in, settle
from ui.style import MIN_TOUCH

NOTEBOOK = "6923150020022"


def open_sheet(qtbot, window, keys):
    log_in(qtbot, window)
    keys.scan(window.till.scan, NOTEBOOK)
    return window.till.sheet


def place(sheet, row: int, target):
    """Where a target of the sheet's row-th item is on the screen (in the viewport)."""
    sheet.view.scrollTo(sheet.model.index(sheet._entries[id(sheet.rows[row])]))
    index = sheet.model.index(sheet._entries[id(sheet.rows[row])])
    return sheet.delegate.targets(sheet.view.visualRect(index), sheet.rows[row])[target]


def tap(qtbot, sheet, row: int, target):
    qtbot.mouseClick(sheet.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=place(sheet, row, target).center())


def test_tapping_an_items_states_marks_it(qtbot, window, keys):
    sheet = open_sheet(qtbot, window, keys)
    till = window.till
    tap(qtbot, sheet, 2, Outcome.DECLINED)
    settle(qtbot, window)
    assert sheet.rows[2].outcome is Outcome.DECLINED and sheet.current == 3
    tap(qtbot, sheet, 2, Outcome.NOT_OFFERED)
    settle(qtbot, window)
    assert sheet.rows[2].outcome is Outcome.NOT_OFFERED
    assert till.cart.outcome(till.current_unit, sheet.rows[2].item_id) is Outcome.NOT_OFFERED
    tap(qtbot, sheet, 1, Outcome.SOLD)
    settle(qtbot, window)
    assert sheet.rows[1].outcome is Outcome.SOLD
    assert sheet.progress.text() == f"1 of {len(sheet.rows)} asked"


def test_the_sales_script_opens_under_its_item(qtbot, window, keys):
    sheet = open_sheet(qtbot, window, keys)  # row 0 is being asked: its script shows already
    before = sheet.view.visualRect(sheet.model.index(sheet._entries[id(sheet.rows[1])]))
    tap(qtbot, sheet, 1, "script")
    qtbot.waitUntil(lambda: sheet.rows[1].script_open)
    after = sheet.view.visualRect(sheet.model.index(sheet._entries[id(sheet.rows[1])]))
    assert after.height() > before.height()  # the script shows in the row
    tap(qtbot, sheet, 1, "script")
    assert not sheet.rows[1].script_open


def test_left_and_right_pick_another_product_that_space_then_sells(qtbot, window, keys):
    sheet = open_sheet(qtbot, window, keys)
    till = window.till
    row = next(i for i, item in enumerate(sheet.rows)
               if not item.pack and len(item.row.candidates) > 1)
    for _ in range(row):
        keys.press(till.scan, Qt.Key.Key_Down)
    keys.press(till.scan, Qt.Key.Key_Right)
    chosen = sheet.rows[row].row.candidates[1].product_id
    assert sheet.rows[row].chosen_product() == chosen
    keys.press(till.scan, Qt.Key.Key_Space)
    sold = [line for line in till.cart.children(till.current_unit)
            if line.sheet_item_id == sheet.rows[row].item_id]
    assert [line.product_id for line in sold] == [chosen]
    assert sheet.rows[row].chosen_product() == chosen  # the row shows what was sold


def test_every_target_is_big_enough_to_tap(qtbot, window, keys):
    sheet = open_sheet(qtbot, window, keys)
    for row in range(len(sheet.rows)):
        for target in (*Outcome, "script", "choice"):
            box = place(sheet, row, target)
            assert box.height() >= MIN_TOUCH and box.width() >= MIN_TOUCH, (row, target)
