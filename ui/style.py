"""The look of the whole app: one palette, one style sheet, one font, and no stock Qt icon.
`apply_style(app)` sets them all (ui.app calls it when it makes the QApplication).

Names the screens set to pick a look (the style sheet below does the rest):

Buttons (QPushButton), by objectName or by the dynamic property `class`
(`button.setProperty("class", "primary")`; set it before the button is shown, or
re-polish it after):
    primary      the one thing to do next (Pay, Complete sale, OK): solid blue, bold
    secondary    the way back (Cancel, Back to sale): white, the default look anyway
    danger       what destroys or warns (Void, Print failed): solid red
    quiet        a text-only button (Show all, a link in a panel)
    sold / declined (objectName, checkable)  a sheet outcome chosen: green / red
    tier         a service-card tile: text to the left
A checked checkable button is solid blue (the chosen tender, tier or staff tile).
Every button is at least 44 px high; the keyboard focus is an amber ring (FOCUS).

Labels (QLabel objectName):
    dialogTitle  a dialog's heading (ui.dialog_frame adds one to each dialog the till
                 opens)
    heading      a section heading in a screen or dialog
    total        the amount due, large;  change  the change due, larger, green
    banner       a message of the moment at the till, green
    muted        secondary text;  hint  small grey help text
    error        a refusal, red, bold;  success  done, green, bold
    warning      an amber note;  busy  the "working…" badge (ui.ops)

Frames (QFrame objectName): panel (a white card with a border), row (a list row with a
rule below; property current="true" marks the selected one), backdrop (the dimmed
overlay, ui.dialog_frame).

Sizes: MIN_TOUCH for anything a finger taps; FONT_PX the body text; readable at 1366x768
and 1920x1080 with the CJK font first in FONT_FAMILIES (Noto Sans CJK SC on Linux,
Microsoft YaHei on Windows, PingFang SC on macOS).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QDateTimeEdit, QProxyStyle, QStyle, QStyleFactory,
)

MIN_TOUCH = 44
FONT_PX = 15

FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                 "Microsoft YaHei", "PingFang SC", "Noto Sans", "DejaVu Sans"]

# The palette. Neutral surfaces, one accent, and colours that mean something.
CANVAS = "#f3f4f6"      # the window behind the panels
SURFACE = "#ffffff"     # panels, fields, lists
SUBTLE = "#f6f8fa"      # headers, hovered rows, disabled fields
LINE = "#d8dee4"        # panel borders, rules
LINE_STRONG = "#afb8c1"  # field and button borders
INK = "#1f2328"         # text
MUTED = "#59636e"       # secondary text
PRIMARY = "#1d4ed8"     # the accent: primary buttons, the chosen tile
PRIMARY_HOVER = "#1e40af"
PRIMARY_PRESSED = "#1e3a8a"
PRIMARY_TINT = "#dbe6fe"  # a selected row
SUCCESS = "#1a7f37"
SUCCESS_HOVER = "#116329"
DANGER = "#cf222e"
DANGER_HOVER = "#a40e26"
WARNING_BG = "#fff8c5"
WARNING_LINE = "#d4a72c"
WARNING_INK = "#7d4e00"
FOCUS = "#f59e0b"       # the keyboard focus ring, seen on white, blue, green and red
BACKDROP = (15, 23, 42, 120)  # the dimmed window behind a dialog (r, g, b, alpha)


def _stylesheet(arrows: dict[str, str]) -> str:
    """The sheet; `arrows` maps an icon use to a file (ui.icons.svg_file) or is empty
    (then spin boxes and combo boxes keep the base style's arrows)."""
    def image(key: str) -> str:
        return f"image: url(\"{arrows[key]}\");" if key in arrows else ""

    return f"""
QWidget {{ font-size: {FONT_PX}px; color: {INK}; }}
QMainWindow {{ background: {CANVAS}; }}
QDialog {{ background: {SURFACE}; }}
QLabel {{ background: transparent; }}
QToolTip {{ background: {INK}; color: white; border: none; padding: 6px 8px; font-size: 14px; }}

/* buttons ---------------------------------------------------------------------------- */
QPushButton {{ min-height: {MIN_TOUCH - 10}px; padding: 3px 14px; border-radius: 8px;
              border: 2px solid {LINE_STRONG}; background: {SURFACE}; color: {INK}; }}
QPushButton:hover {{ background: {SUBTLE}; border-color: #8c959f; }}
QPushButton:pressed {{ background: #eaeef2; }}
QPushButton:focus {{ border-color: {FOCUS}; }}
QPushButton:checked {{ background: {PRIMARY}; color: white; border-color: {PRIMARY}; }}
QPushButton:checked:focus {{ border-color: {FOCUS}; }}
QPushButton:disabled {{ color: #8c959f; background: {SUBTLE}; border-color: {LINE}; }}
QPushButton#primary, QPushButton[class="primary"] {{
    background: {PRIMARY}; color: white; border-color: {PRIMARY}; font-weight: bold; }}
QPushButton#primary:hover, QPushButton[class="primary"]:hover {{
    background: {PRIMARY_HOVER}; border-color: {PRIMARY_HOVER}; }}
QPushButton#primary:pressed, QPushButton[class="primary"]:pressed {{
    background: {PRIMARY_PRESSED}; }}
QPushButton#primary:focus, QPushButton[class="primary"]:focus {{ border-color: {FOCUS}; }}
QPushButton#primary:disabled, QPushButton[class="primary"]:disabled {{
    background: #9db4ee; border-color: #9db4ee; color: #eef2fb; }}
QPushButton#danger, QPushButton[class="danger"] {{
    background: {DANGER}; color: white; border-color: {DANGER}; font-weight: bold; }}
QPushButton#danger:hover, QPushButton[class="danger"]:hover {{
    background: {DANGER_HOVER}; border-color: {DANGER_HOVER}; }}
QPushButton#danger:focus, QPushButton[class="danger"]:focus {{ border-color: {FOCUS}; }}
QPushButton#danger:disabled, QPushButton[class="danger"]:disabled {{
    background: #eba3a8; border-color: #eba3a8; color: #fbeeee; }}
QPushButton[class="quiet"] {{ border-color: transparent; background: transparent;
                              color: {PRIMARY}; }}
QPushButton[class="quiet"]:hover {{ background: {PRIMARY_TINT}; }}
QPushButton[class="quiet"]:focus {{ border-color: {FOCUS}; }}
QPushButton#sold:checked {{ background: {SUCCESS}; border-color: {SUCCESS}; }}
QPushButton#declined:checked {{ background: {DANGER}; border-color: {DANGER}; }}
QPushButton#tier {{ text-align: left; padding: 6px 10px; }}
QToolButton {{ min-height: {MIN_TOUCH - 8}px; min-width: {MIN_TOUCH - 8}px; border-radius: 8px;
              border: 2px solid transparent; background: transparent; }}
QToolButton:hover {{ background: {SUBTLE}; border-color: {LINE}; }}
QToolButton:focus {{ border-color: {FOCUS}; }}

/* fields ----------------------------------------------------------------------------- */
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox[touch="true"], QComboBox {{
    background: {SURFACE}; border: 2px solid {LINE_STRONG}; border-radius: 8px;
    selection-background-color: {PRIMARY_TINT}; selection-color: {INK}; }}
QAbstractSpinBox QLineEdit, QComboBox QLineEdit {{ border: none; background: transparent;
    padding: 0; min-height: 0; }}
QLineEdit {{ min-height: {MIN_TOUCH - 4}px; font-size: 18px; padding: 0 10px; }}
QPlainTextEdit, QTextEdit {{ padding: 6px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox[touch="true"]:focus,
QComboBox:focus {{ border-color: {PRIMARY}; }}
QLineEdit:disabled, QLineEdit:read-only, QAbstractSpinBox[touch="true"]:disabled,
QComboBox:disabled, QPlainTextEdit:read-only {{ background: {SUBTLE}; color: {MUTED}; }}
QAbstractSpinBox QLineEdit:disabled, QAbstractSpinBox QLineEdit:read-only {{
    background: transparent; }}
QLineEdit[error="true"] {{ border-color: {DANGER}; }}

QSpinBox[touch="true"], QDoubleSpinBox[touch="true"] {{ min-height: {MIN_TOUCH - 4}px;
    font-size: 18px; padding: 0 2px; qproperty-alignment: AlignCenter; }}
QAbstractSpinBox[touch="true"]::up-button {{ subcontrol-origin: border;
    subcontrol-position: center right; width: {MIN_TOUCH}px; height: {MIN_TOUCH}px;
    border: none; border-left: 1px solid {LINE}; background: {SUBTLE};
    border-top-right-radius: 6px; border-bottom-right-radius: 6px; }}
QAbstractSpinBox[touch="true"]::down-button {{ subcontrol-origin: border;
    subcontrol-position: center left; width: {MIN_TOUCH}px; height: {MIN_TOUCH}px;
    border: none; border-right: 1px solid {LINE}; background: {SUBTLE};
    border-top-left-radius: 6px; border-bottom-left-radius: 6px; }}
QAbstractSpinBox[touch="true"]::up-button:hover,
QAbstractSpinBox[touch="true"]::down-button:hover {{ background: #eaeef2; }}
QAbstractSpinBox[touch="true"]::up-button:pressed,
QAbstractSpinBox[touch="true"]::down-button:pressed {{ background: {PRIMARY_TINT}; }}
QAbstractSpinBox[touch="true"]::up-arrow {{ {image("plus")} width: 20px; height: 20px; }}
QAbstractSpinBox[touch="true"]::down-arrow {{ {image("minus")} width: 20px; height: 20px; }}
QAbstractSpinBox[touch="true"]::up-arrow:disabled,
QAbstractSpinBox[touch="true"]::up-arrow:off {{ {image("plus-off")} }}
QAbstractSpinBox[touch="true"]::down-arrow:disabled,
QAbstractSpinBox[touch="true"]::down-arrow:off {{ {image("minus-off")} }}

QComboBox {{ min-height: {MIN_TOUCH - 4}px; padding: 0 10px; }}
QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;
    width: 36px; border: none; }}
QComboBox::down-arrow {{ {image("chevron")} width: 18px; height: 18px; }}
QComboBox QAbstractItemView {{ background: {SURFACE}; border: 1px solid {LINE_STRONG};
    selection-background-color: {PRIMARY_TINT}; selection-color: {INK}; outline: 0; }}
QComboBox QAbstractItemView::item {{ min-height: {MIN_TOUCH - 4}px; padding: 0 10px; }}

QDateEdit {{ min-height: {MIN_TOUCH - 4}px; padding: 0 10px; font-size: 16px;
    background: {SURFACE}; border: 2px solid {LINE_STRONG}; border-radius: 8px; }}
QDateEdit:focus {{ border-color: {PRIMARY}; }}
QDateEdit::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;
    width: 40px; border: none; border-left: 1px solid {LINE}; }}
QDateEdit::down-arrow {{ {image("calendar")} width: 20px; height: 20px; }}
QCalendarWidget QToolButton {{ color: {INK}; font-weight: bold; min-width: 44px; }}
QCalendarWidget QAbstractItemView {{ selection-background-color: {PRIMARY};
    selection-color: white; }}

QCheckBox, QRadioButton {{ spacing: 10px; min-height: {MIN_TOUCH - 4}px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 22px; height: 22px;
    border: 2px solid {LINE_STRONG}; background: {SURFACE}; }}
QCheckBox::indicator {{ border-radius: 6px; }}
QRadioButton::indicator {{ border-radius: 13px; }}
QCheckBox::indicator:checked, QRadioButton::indicator:checked {{
    background: {PRIMARY}; border-color: {PRIMARY}; {image("check")} }}
QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border-color: {FOCUS}; }}
QCheckBox:disabled, QRadioButton:disabled {{ color: #8c959f; }}

/* lists, tables, trees --------------------------------------------------------------- */
QAbstractItemView {{ background: {SURFACE}; border: 1px solid {LINE}; border-radius: 8px;
    alternate-background-color: {SUBTLE}; outline: 0;
    selection-background-color: {PRIMARY_TINT}; selection-color: {INK}; }}
QAbstractItemView:focus {{ border-color: {PRIMARY}; }}
QTreeView::item, QListView::item {{ min-height: 32px; }}
QListWidget::item {{ min-height: 40px; padding: 0 6px; }}
QTreeView::item:selected, QListView::item:selected, QTableView::item:selected {{
    background: {PRIMARY_TINT}; color: {INK}; }}
QTreeView::item:hover, QListView::item:hover {{ background: {SUBTLE}; }}
QTreeView::item:selected:hover, QListView::item:selected:hover {{ background: {PRIMARY_TINT}; }}
QTableView {{ gridline-color: {LINE}; }}
QHeaderView::section {{ background: {SUBTLE}; color: {MUTED}; font-weight: bold;
    border: none; border-bottom: 1px solid {LINE}; border-right: 1px solid {LINE};
    padding: 6px 8px; }}
QFrame#panel QAbstractItemView {{ border: none; }}

QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QScrollBar:vertical {{ background: transparent; width: 14px; margin: 2px; }}
QScrollBar:horizontal {{ background: transparent; height: 14px; margin: 2px; }}
QScrollBar::handle:vertical {{ background: #c1c8d0; border-radius: 5px; min-height: 40px; }}
QScrollBar::handle:horizontal {{ background: #c1c8d0; border-radius: 5px; min-width: 40px; }}
QScrollBar::handle:hover {{ background: #8c959f; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}

QMenu {{ background: {SURFACE}; border: 1px solid {LINE_STRONG}; padding: 4px; }}
QMenu::item {{ padding: 10px 24px; border-radius: 6px; }}
QMenu::item:selected {{ background: {PRIMARY_TINT}; }}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{ min-height: {MIN_TOUCH - 12}px; padding: 4px 16px; border: none;
    border-bottom: 3px solid transparent; color: {MUTED}; }}
QTabBar::tab:selected {{ color: {INK}; border-bottom-color: {PRIMARY}; font-weight: bold; }}
QSplitter::handle {{ background: transparent; }}

/* text ------------------------------------------------------------------------------- */
QLabel#dialogTitle {{ font-size: 21px; font-weight: bold; }}
QLabel#heading {{ font-size: 17px; font-weight: bold; }}
QLabel#total {{ font-size: 30px; font-weight: bold; }}
QLabel#change {{ font-size: 40px; font-weight: bold; color: {SUCCESS}; }}
QLabel#muted {{ color: {MUTED}; }}
QLabel#hint {{ color: {MUTED}; font-size: 13px; }}
QLabel#banner {{ font-size: 20px; font-weight: bold; color: {SUCCESS}; }}
QLabel#error {{ color: {DANGER}; font-weight: bold; }}
QLabel#success {{ color: {SUCCESS}; font-weight: bold; }}
QLabel#warning {{ color: {WARNING_INK}; background: {WARNING_BG}; border: 1px solid {WARNING_LINE};
    border-radius: 8px; padding: 6px 10px; }}
QLabel#busy {{ background: {WARNING_BG}; color: {INK}; font-size: 17px; font-weight: bold;
    border: 1px solid {WARNING_LINE}; border-radius: 8px; padding: 4px 16px; }}
QMessageBox QLabel {{ font-size: 16px; }}
QMessageBox QPushButton {{ min-width: 96px; }}
QMessageBox QPushButton:default {{ background: {PRIMARY}; color: white; border-color: {PRIMARY};
    font-weight: bold; }}
QMessageBox QPushButton:default:focus {{ border-color: {FOCUS}; }}

/* surfaces --------------------------------------------------------------------------- */
QFrame#panel {{ border: 1px solid {LINE}; border-radius: 10px; background: {SURFACE}; }}
QFrame#row {{ border: none; border-bottom: 1px solid #eaeef2; }}
QFrame#row[current="true"] {{ background: #eef4ff; border: 2px solid {PRIMARY}; border-radius: 8px; }}
"""


STYLESHEET = _stylesheet({})  # without the arrow images (for a look at the text alone)

# QStyle's own pictures, drawn from the app's icon set instead (see NoStockIcons).
STOCK_ICONS = {
    QStyle.StandardPixmap.SP_MessageBoxWarning: ("triangle-alert", "#bf8700"),
    QStyle.StandardPixmap.SP_MessageBoxInformation: ("info", PRIMARY),
    QStyle.StandardPixmap.SP_MessageBoxCritical: ("octagon-x", DANGER),
    QStyle.StandardPixmap.SP_MessageBoxQuestion: ("circle-question-mark", PRIMARY),
    QStyle.StandardPixmap.SP_DialogOkButton: ("check", INK),
    QStyle.StandardPixmap.SP_DialogApplyButton: ("check", INK),
    QStyle.StandardPixmap.SP_DialogYesButton: ("check", INK),
    QStyle.StandardPixmap.SP_DialogCancelButton: ("x", INK),
    QStyle.StandardPixmap.SP_DialogNoButton: ("x", INK),
    QStyle.StandardPixmap.SP_DialogCloseButton: ("x", INK),
    QStyle.StandardPixmap.SP_DialogSaveButton: ("check", INK),
    QStyle.StandardPixmap.SP_ArrowBack: ("chevron-left", INK),
    QStyle.StandardPixmap.SP_ArrowForward: ("chevron-right", INK),
    QStyle.StandardPixmap.SP_ArrowLeft: ("chevron-left", INK),
    QStyle.StandardPixmap.SP_ArrowRight: ("chevron-right", INK),
    QStyle.StandardPixmap.SP_ArrowUp: ("chevron-up", INK),
    QStyle.StandardPixmap.SP_ArrowDown: ("chevron-down", INK),
    QStyle.StandardPixmap.SP_LineEditClearButton: ("x", MUTED),
    QStyle.StandardPixmap.SP_BrowserReload: ("rotate-cw", INK),
    # the file dialog (Save CSV / PDF) and its folders
    QStyle.StandardPixmap.SP_DirIcon: ("folder", MUTED),
    QStyle.StandardPixmap.SP_DirOpenIcon: ("folder-open", MUTED),
    QStyle.StandardPixmap.SP_DirClosedIcon: ("folder", MUTED),
    QStyle.StandardPixmap.SP_DirHomeIcon: ("house", MUTED),
    QStyle.StandardPixmap.SP_DriveHDIcon: ("hard-drive", MUTED),
    QStyle.StandardPixmap.SP_FileIcon: ("file", MUTED),
    QStyle.StandardPixmap.SP_FileDialogBack: ("chevron-left", INK),
    QStyle.StandardPixmap.SP_FileDialogToParent: ("arrow-up", INK),
    QStyle.StandardPixmap.SP_FileDialogNewFolder: ("folder-plus", INK),
    QStyle.StandardPixmap.SP_FileDialogDetailedView: ("list", INK),
    QStyle.StandardPixmap.SP_FileDialogListView: ("layout-grid", INK),
}


class NoStockIcons(QProxyStyle):
    """Fusion, with the icons Qt would draw itself (a message box's warning sign, the
    calendar's arrows) taken from the app's set, and no icons on dialog buttons."""

    def polish(self, target):
        # A spin box with its own arrows gets the touch look (- and + either side, see
        # the style sheet); one without (NoButtons) keeps the plain frame: Qt gives a
        # NoButtons spin box with any styled border or arrow an edit field 1 px wide.
        if isinstance(target, QAbstractSpinBox):
            popup = isinstance(target, QDateTimeEdit) and target.calendarPopup()
            target.setProperty("touch", not popup and target.buttonSymbols()
                               != QAbstractSpinBox.ButtonSymbols.NoButtons)
        return super().polish(target)

    def standardIcon(self, which, option=None, widget=None):  # noqa: N802 - Qt override
        found = STOCK_ICONS.get(which)
        if found is None:
            return super().standardIcon(which, option, widget)
        from ui.icons import icon

        return icon(*found)

    def styleHint(self, hint, option=None, widget=None, data=None):  # noqa: N802 - Qt override
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, data)

    def pixelMetric(self, metric, option=None, widget=None):  # noqa: N802 - Qt override
        if metric == QStyle.PixelMetric.PM_MessageBoxIconSize:
            return 40
        return super().pixelMetric(metric, option, widget)


def palette() -> QPalette:
    """The palette behind the style sheet (what it does not paint: selections in views,
    links, tooltips, disabled text)."""
    colours = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for which, value in ((role.Window, CANVAS), (role.WindowText, INK), (role.Base, SURFACE),
                         (role.AlternateBase, SUBTLE), (role.Text, INK), (role.Button, SURFACE),
                         (role.ButtonText, INK), (role.Highlight, PRIMARY_TINT),
                         (role.HighlightedText, INK), (role.ToolTipBase, INK),
                         (role.ToolTipText, "#ffffff"), (role.Link, PRIMARY),
                         (role.PlaceholderText, "#8c959f"), (role.Mid, LINE_STRONG),
                         (role.Dark, "#8c959f"), (role.Light, SURFACE)):
        colours.setColor(which, QColor(value))
    for which in (role.WindowText, role.Text, role.ButtonText):
        colours.setColor(group.Disabled, which, QColor("#8c959f"))
    return colours


def stylesheet() -> str:
    """The style sheet with its arrows and ticks drawn from the icon set."""
    from ui.icons import svg_file

    arrows = {"plus": svg_file("plus", INK), "minus": svg_file("minus", INK),
              "plus-off": svg_file("plus", "#c1c8d0"), "minus-off": svg_file("minus", "#c1c8d0"),
              "chevron": svg_file("chevron-down", MUTED), "calendar": svg_file("calendar", MUTED),
              "check": svg_file("check", "#ffffff")}
    return _stylesheet(arrows)


def apply_style(app: QApplication) -> None:
    """Fusion (the same on every system) without stock icons, the palette, the font with
    CJK first, and the style sheet."""
    if getattr(app, "_no_stock_icons", None) is not None:
        return  # once per application: setting the style or the style sheet again
        # re-polishes every widget alive, including those of a window on its way out
    app._no_stock_icons = NoStockIcons(QStyleFactory.create("Fusion"))
    app.setStyle(app._no_stock_icons)
    app.setPalette(palette())
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(FONT_PX)
    app.setFont(font)
    app.setStyleSheet(stylesheet())
