"""The app's one look (ui.style, ui.icons, ui.dialog_frame): no stock Qt icons, buttons
that say primary / secondary / danger, a visible keyboard focus, touch targets of 44 px
(spin-box arrows included), dialogs with a heading and the till dimmed behind them, and
the icon set's files shipped with their licence."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QSpinBox, QStyle,
    QStyleOptionSpinBox, QVBoxLayout, QWidget,
)

from tests.gui.conftest import log_in, settle, till_window
from ui import icons, style
from ui.app import make_application
from ui.dialog_frame import Backdrop, DialogFrame, backdrop_of


def colour_near(image: QImage, x: int, y: int, expected: str, tolerance: int = 40) -> bool:
    got, want = image.pixelColor(x, y), QColor(expected)
    return all(abs(a - b) <= tolerance for a, b in ((got.red(), want.red()),
                                                    (got.green(), want.green()),
                                                    (got.blue(), want.blue())))


@pytest.fixture
def app(qtbot):
    return make_application()


HOLDERS = []  # the widgets of a test stay alive until it ends


@pytest.fixture(autouse=True)
def _let_go():
    yield
    HOLDERS.clear()


def shown(qtbot, *widgets) -> QWidget:
    holder = QWidget()
    HOLDERS.append(holder)
    layout = QVBoxLayout(holder)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(holder)
    holder.resize(400, 60 * len(widgets) + 40)
    holder.show()
    qtbot.waitExposed(holder)
    return holder


def test_a_message_box_shows_the_apps_warning_icon_not_qts(app):
    drawn = app.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40)
    ours = icons.icon(*style.STOCK_ICONS[QStyle.StandardPixmap.SP_MessageBoxWarning]).pixmap(40, 40)
    assert drawn.toImage() == ours.toImage()
    assert app.style().styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons) == 0


@pytest.mark.parametrize("kind, colour", [("primary", style.PRIMARY), ("danger", style.DANGER),
                                          ("secondary", style.SURFACE)])
def test_a_buttons_class_gives_its_colour(qtbot, app, kind, colour):
    button = QPushButton("Go")
    button.setProperty("class", kind)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    shown(qtbot, button)
    image = button.grab().toImage()
    assert colour_near(image, button.width() // 2, 5, colour), image.pixelColor(button.width() // 2, 5).name()


def test_the_focused_button_has_an_amber_ring(qtbot, app):
    focused, other = QPushButton("OK"), QPushButton("Cancel")
    shown(qtbot, focused, other)
    focused.setFocus()
    qtbot.waitUntil(focused.hasFocus)
    middle = focused.height() // 2
    assert colour_near(focused.grab().toImage(), 1, middle, style.FOCUS)
    assert not colour_near(other.grab().toImage(), 1, middle, style.FOCUS)


def test_buttons_fields_and_spin_box_arrows_are_44_px_for_a_finger(qtbot, app):
    spin, combo, button = QSpinBox(), QComboBox(), QPushButton("Tap")
    spin.setRange(0, 99)
    combo.addItems(["Day", "Week"])
    shown(qtbot, spin, combo, button)
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option)
    for part in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
        arrow = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, part, spin)
        assert arrow.width() >= style.MIN_TOUCH and arrow.height() >= style.MIN_TOUCH - 4, arrow
    assert spin.height() >= style.MIN_TOUCH and combo.height() >= style.MIN_TOUCH
    assert button.height() >= style.MIN_TOUCH
    assert spin.lineEdit().width() >= 60  # the number still has room between - and +


def test_a_spin_box_without_arrows_keeps_room_for_its_number(qtbot, app):
    """Qt gives a NoButtons spin box with styled arrows an edit field 1 px wide."""
    spin = QSpinBox()
    spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
    spin.setFixedWidth(64)
    shown(qtbot, spin)
    assert spin.lineEdit().width() >= 40


def test_every_till_button_is_big_enough_to_tap(qtbot, sqlite_demo_db):
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window, name="Zhang Wei", pin="9999")  # a manager sees every button
        small = [(button.text(), button.height()) for button in window.till.findChildren(QPushButton)
                 if button.isVisible() and button.height() < style.MIN_TOUCH]
        assert small == []


def test_the_tills_main_buttons_carry_icons_that_follow_their_look(qtbot, sqlite_demo_db):
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window)
        till = window.till
        assert {"pay_button", "find_button", "lock_button", "printer_button"} <= set(
            icons.apply_icons(till))
        assert not till.pay_button.icon().isNull()

        def ink(button) -> QColor:
            image = button.icon().pixmap(20, 20).toImage()
            return next(image.pixelColor(x, y) for y in range(20) for x in range(20)
                        if image.pixelColor(x, y).alpha() == 255)

        assert ink(till.printer_button).name() == icons.INK
        till.printer_button.setObjectName("danger")  # as the till does when a print fails
        till.printer_button.style().unpolish(till.printer_button)
        till.printer_button.style().polish(till.printer_button)
        assert ink(till.printer_button).name() == icons.ON_COLOUR
        assert ink(till.pay_button).name() == icons.ON_COLOUR  # white on the primary button


def test_a_dialog_at_the_till_has_a_heading_marked_buttons_and_dims_the_till(qtbot,
                                                                              sqlite_demo_db):
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window)
        till = window.till
        dialog = QDialog(till)
        dialog.setWindowTitle("Serial number")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(dialog.reject)
        QVBoxLayout(dialog).addWidget(buttons)
        till.open_dialog(dialog)
        qtbot.waitExposed(dialog)
        heading = dialog.findChild(QLabel, "dialogTitle")
        assert heading is not None and heading.text() == "Serial number"
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert (ok.property("class"), cancel.property("class")) == ("primary", "secondary")
        veil = backdrop_of(window)
        assert isinstance(veil, Backdrop) and veil.isVisible()
        assert veil.geometry() == window.rect()
        dimmed = window.grab().toImage().pixelColor(5, window.height() - 5)
        cancel.click()
        qtbot.waitUntil(lambda: not veil.isVisible())
        qtbot.waitUntil(till.scan.hasFocus)
        clear = window.grab().toImage().pixelColor(5, window.height() - 5)
        assert dimmed.lightness() < clear.lightness() - 40
        settle(qtbot, window)


def test_a_dialog_that_heads_itself_with_its_title_shows_it_once(qtbot, app):
    from ui.dialog_frame import dress

    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setWindowTitle("Sales report")
    header = QLabel("Adding up the day…")
    QVBoxLayout(dialog).addWidget(header)
    dress(dialog)
    heading = dialog.findChild(QLabel, "dialogTitle")
    dialog.show()
    assert heading.isVisible() and heading.text() == "Sales report"
    header.setText("Day report: Store S01")  # as the report screen does once it has loaded
    dialog.setWindowTitle(header.text())
    assert not heading.isVisible()


def test_nested_dialogs_share_one_backdrop_until_the_last_closes(qtbot, sqlite_demo_db):
    with till_window(qtbot, sqlite_demo_db) as window:
        log_in(qtbot, window)
        till = window.till
        first, second = QDialog(till), QDialog(till)
        till.open_dialog(first, on_close=lambda _result: till.open_dialog(second))
        veil = backdrop_of(window)
        first.reject()
        qtbot.waitUntil(second.isVisible)
        assert veil.isVisible()
        second.reject()
        qtbot.waitUntil(lambda: not veil.isVisible())


def test_a_dialog_frame_puts_the_primary_button_last_and_secondary_first(qtbot, app):
    frame = DialogFrame("Close the shift")
    qtbot.addWidget(frame)
    close = frame.add_button("Close shift", kind="primary", default=True)
    cancel = frame.add_button("Cancel", frame.reject)
    row = [frame.button_row.itemAt(i).widget() for i in range(frame.button_row.count())]
    assert row[0] is cancel and row[-1] is close and close.isDefault()
    assert frame.heading.text() == "Close the shift"
    frame.setWindowTitle("关闭班次")
    assert frame.heading.text() == "关闭班次"


def test_every_icon_the_app_names_ships_and_draws(app):
    wanted = set(icons.TILL_ICONS.values()) | {name for name, _ in style.STOCK_ICONS.values()}
    wanted |= {"plus", "minus", "chevron-down", "calendar", "check"}
    assert wanted <= set(icons.names())
    for name in wanted:
        image = icons.pixmap(name, 24).toImage()
        assert any(image.pixelColor(x, y).alpha() for y in range(24) for x in range(24)), name
    licence = (icons.ICON_DIR / "LICENSE").read_text(encoding="utf-8")
    assert "ISC License" in licence and "Lucide" in licence


def test_the_style_sheet_draws_its_arrows_from_files_that_exist(app):
    from pathlib import Path

    sheet = QApplication.instance().styleSheet()
    files = [part.split('")')[0] for part in sheet.split('url("')[1:]]
    assert len(files) >= 5
    assert all(Path(name).is_file() for name in files)
