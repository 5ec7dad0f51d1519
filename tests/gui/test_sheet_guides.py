"""The configuration sheet guides the cashier down the list: items not asked yet look
plain (no blue), sold and declined ones stand out in green and red, the progress
("3 of 18 asked") is large, Tab (named on the panel's button) jumps to the next item not
asked yet, and the sales script of the item being asked is there in full, wrapped, never
cut off, in English and in Chinese."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics

from pos.kernel.enums import Outcome
from tests.gui.conftest import KeyCounter, log_in, settle, till_window
from ui.checkout.sheet_delegate import GREEN, RED

NOTEBOOK, PHONE = "6923150020022", "6923150030021"
BLUE = QColor("#1f6feb")


def open_sheet(qtbot, window, code=NOTEBOOK):
    log_in(qtbot, window)
    keys = KeyCounter(qtbot, window)
    keys.scan(window.till.scan, code)
    return window.till.sheet, keys


def index_of(sheet, row: int):
    return sheet.model.index(sheet._entries[id(sheet.rows[row])])


def place(sheet, row: int, target) -> QRect:
    sheet.view.scrollTo(index_of(sheet, row))
    return sheet.delegate.targets(sheet.view.visualRect(index_of(sheet, row)),
                                  sheet.rows[row])[target]


def colour_at(sheet, point: QPoint) -> QColor:
    return sheet.view.viewport().grab().toImage().pixelColor(point)


def near(colour: QColor, other: QColor | str, tolerance: int = 24) -> bool:
    other = QColor(other)
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], other.getRgb()[:3]))


def button_face(sheet, row: int, outcome: Outcome) -> QColor:
    """The fill of a state button, away from its text and its rounded corners."""
    box = place(sheet, row, outcome)
    return colour_at(sheet, QPoint(box.left() + 5, box.center().y()))


def test_not_asked_items_are_plain_and_sold_and_declined_ones_stand_out(qtbot, window):
    sheet, keys = open_sheet(qtbot, window)
    till = window.till
    keys.press(till.scan, Qt.Key.Key_Space)  # row 0 sold, on to row 1
    keys.press(till.scan, Qt.Key.Key_Delete)  # row 1 declined, on to row 2
    keys.press(till.scan, Qt.Key.Key_Down)  # row 3 is being asked; row 2 stays unasked
    assert [sheet.rows[r].outcome for r in range(3)] == [Outcome.SOLD, Outcome.DECLINED,
                                                         Outcome.NOT_OFFERED]
    for outcome in Outcome:  # the unasked row: no button filled, least of all blue
        face = button_face(sheet, 2, outcome)
        assert not near(face, BLUE) and face.lightness() > 200, (outcome, face.name())
    assert near(button_face(sheet, 0, Outcome.SOLD), GREEN)
    assert near(button_face(sheet, 1, Outcome.DECLINED), RED)
    for row, outcome in ((0, Outcome.DECLINED), (0, Outcome.NOT_OFFERED),
                         (1, Outcome.SOLD), (1, Outcome.NOT_OFFERED)):
        assert button_face(sheet, row, outcome).lightness() > 200  # only the answer is filled
    # the whole row says it too: a tint, and a bar at its left edge
    for row, ink in ((0, GREEN), (1, RED)):
        rect = sheet.view.visualRect(index_of(sheet, row))
        assert near(colour_at(sheet, QPoint(rect.x() + 3, rect.center().y())), ink)
        tint = colour_at(sheet, QPoint(rect.x() + 60, rect.bottom() - 3))
        assert tint != QColor("white") and not near(tint, BLUE)
    plain = sheet.view.visualRect(index_of(sheet, 2))
    assert colour_at(sheet, QPoint(plain.x() + 60, plain.bottom() - 4)) == QColor("white")


def test_the_progress_is_large_and_counts_the_asked_items(qtbot, window):
    sheet, keys = open_sheet(qtbot, window)
    total = len(sheet.rows)
    assert sheet.progress.text() == f"0 of {total} asked"
    keys.press(window.till.scan, Qt.Key.Key_Space)
    keys.press(window.till.scan, Qt.Key.Key_Delete)
    assert sheet.progress.text() == f"2 of {total} asked"
    assert (sheet.bar.value(), sheet.bar.maximum()) == (2, total)
    title = QFontMetrics(sheet.title.font()).height()
    assert QFontMetrics(sheet.progress.font()).height() >= title  # as large as the title
    assert sheet.progress.font().pixelSize() >= 20 or sheet.progress.font().pointSize() >= 15
    assert sheet.progress.isVisible() and sheet.bar.isVisible()


def test_tab_jumps_to_the_next_item_not_asked_yet(qtbot, window):
    sheet, keys = open_sheet(qtbot, window)
    scan = window.till.scan
    assert sheet.next_button.text() == "Next not asked [Tab]" and sheet.next_button.isVisible()
    keys.press(scan, Qt.Key.Key_Down)
    keys.press(scan, Qt.Key.Key_Down)
    keys.press(scan, Qt.Key.Key_Space)  # row 2 sold: row 3 is next
    keys.press(scan, Qt.Key.Key_Delete)  # row 3 declined: row 4 is next
    keys.press(scan, Qt.Key.Key_Space)  # row 4 sold: on to 5
    assert sheet.current == 5
    keys.press(scan, Qt.Key.Key_Tab)  # 5 is not asked: the next one after it is 6
    assert sheet.current == 6
    for _ in range(len(sheet.rows) - 7):
        keys.press(scan, Qt.Key.Key_Tab)
    assert sheet.current == len(sheet.rows) - 1
    keys.press(scan, Qt.Key.Key_Tab)  # from the end, back to the top: rows 0 and 1
    assert sheet.current == 0
    keys.press(scan, Qt.Key.Key_Tab)
    assert sheet.current == 1
    keys.press(scan, Qt.Key.Key_Tab)  # 2, 3 and 4 were asked: skipped
    assert sheet.current == 5
    assert scan.hasFocus() and scan.text() == ""  # Tab never left the scan field
    qtbot.mouseClick(sheet.next_button, Qt.MouseButton.LeftButton)  # by touch: the same
    assert sheet.current == 6


def test_when_everything_is_asked_tab_stays_and_the_button_is_off(qtbot, window):
    sheet, keys = open_sheet(qtbot, window, PHONE)
    scan = window.till.scan
    for _ in sheet.rows:
        keys.press(scan, Qt.Key.Key_Delete)  # each declined, on to the next
    settle(qtbot, window)
    assert all(item.outcome is Outcome.DECLINED for item in sheet.rows)
    here = sheet.current
    keys.press(scan, Qt.Key.Key_Tab)
    assert sheet.current == here and not sheet.next_button.isEnabled()
    assert sheet.progress.text() == f"{len(sheet.rows)} of {len(sheet.rows)} asked"


def script_fits(sheet, row: int) -> None:
    """The row's script is drawn whole: the box it is written in holds every wrapped
    line of it, inside the row, and the '?' tooltip carries it too."""
    item = sheet.rows[row]
    rect = sheet.view.visualRect(index_of(sheet, row))
    where = sheet.delegate.script_rect(rect, item)
    font = sheet.view.font()
    needed = QFontMetrics(font).boundingRect(QRect(0, 0, where.width(), 5000),
                                             Qt.TextFlag.TextWordWrap, item.row.script)
    assert where.top() + needed.height() <= rect.bottom(), (item.name, item.row.script)
    assert where.right() <= sheet.view.viewport().width()
    assert sheet.delegate.tooltip(item, "script") == item.row.script


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
@pytest.mark.parametrize("code", [NOTEBOOK, PHONE])
def test_the_script_of_the_item_being_asked_shows_in_full(qtbot, sqlite_demo_db, locale, code):
    with till_window(qtbot, sqlite_demo_db, locale) as window:
        sheet, keys = open_sheet(qtbot, window, code)
        scan = window.till.scan
        assert all(item.row.script for item in sheet.rows)
        for row in range(len(sheet.rows)):
            settle(qtbot, window)
            qtbot.waitUntil(lambda r=row: sheet.view.visualRect(index_of(sheet, r)).height()
                            > sheet.delegate._top_height(sheet.rows[r]))
            assert sheet.rows[row].shows_script(True) and sheet.current == row
            script_fits(sheet, row)
            if row:  # the one before closed again when the cashier moved on
                before = sheet.view.visualRect(index_of(sheet, row - 1))
                assert before.height() == sheet.delegate._top_height(sheet.rows[row - 1])
            keys.press(scan, Qt.Key.Key_Down)
        # squeezed to its narrowest, a long script wraps onto more lines, still whole
        window.till.sheet.view.setFixedWidth(360)
        settle(qtbot, window)
        longest = max(range(len(sheet.rows)), key=lambda r: len(sheet.rows[r].row.script))
        sheet._set_current(longest)
        qtbot.waitUntil(lambda: sheet.view.visualRect(index_of(sheet, longest)).height()
                        > sheet.delegate._top_height(sheet.rows[longest]))
        script_fits(sheet, longest)
