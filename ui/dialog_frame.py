"""How a dialog looks and sits over the till: a heading inside it (a kiosk till has no
window manager to show a title bar), clear primary and secondary buttons, and the window
behind it dimmed while it is open.

- `present(dialog)`: what the till's `open_dialog` does to every dialog it opens: `dress`
  it, then `dim_behind` it. Safe to call twice.
- `dress(dialog)`: a heading from the window title (unless the dialog has a QLabel named
  "dialogTitle", or one saying its title, or sets the property `plain_title`), and the
  buttons of its QDialogButtonBox marked primary (accept, yes, apply) or secondary
  (reject, no).
- `dim_behind(dialog)`: a translucent Backdrop over the dialog's parent window until the
  dialog finishes; nested dialogs share one.
- `DialogFrame`: a base for new dialogs: heading, body layout, and a button row with
  `add_button(text, slot, kind="primary"|"secondary"|"danger")`, secondary ones on the
  left and the primary one on the right.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from ui.style import BACKDROP

PRIMARY_ROLES = (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole,
                 QDialogButtonBox.ButtonRole.ApplyRole)
SECONDARY_ROLES = (QDialogButtonBox.ButtonRole.RejectRole, QDialogButtonBox.ButtonRole.NoRole,
                   QDialogButtonBox.ButtonRole.ResetRole, QDialogButtonBox.ButtonRole.HelpRole)


def set_kind(button: QPushButton, kind: str) -> QPushButton:
    """The look of `button`: "primary", "secondary", "danger" or "quiet" (ui.style)."""
    if button.property("class") != kind:
        button.setProperty("class", kind)
        button.style().unpolish(button)
        button.style().polish(button)
    return button


def title_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("dialogTitle")
    label.setWordWrap(True)
    return label


def dress(dialog: QDialog) -> QDialog:
    """A heading and marked buttons, on a dialog built by anyone (see the module doc)."""
    layout = dialog.layout()
    title = dialog.windowTitle()
    has_title = any(label.objectName() == "dialogTitle" or (title and label.text() == title)
                    for label in dialog.findChildren(QLabel))  # its own heading says it
    if (layout is not None and not has_title and not dialog.property("plain_title")
            and title and layout.menuBar() is None):
        heading = title_label(title)
        margins = layout.contentsMargins()  # a menu bar sits outside them: line it up
        heading.setContentsMargins(margins.left(), margins.top(), margins.right(), 8)
        layout.setMenuBar(heading)  # above whatever the layout holds, full width

        def retitled(text: str) -> None:  # and once a label of its own says it, hidden
            heading.setText(text)
            heading.setVisible(not any(label is not heading and label.text() == text
                                       for label in dialog.findChildren(QLabel)))

        dialog.windowTitleChanged.connect(retitled)
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if not isinstance(button, QPushButton) or button.objectName() in ("primary", "danger"):
                continue
            role = box.buttonRole(button)
            if role in PRIMARY_ROLES:
                set_kind(button, "primary")
            elif role in SECONDARY_ROLES:
                set_kind(button, "secondary")
    return dialog


class Backdrop(QWidget):
    """A translucent veil over a window while one of its dialogs is open. It takes no
    clicks and no focus: the modal dialog already keeps both."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("backdrop")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dialogs: set[int] = set()
        self.hide()
        window.installEventFilter(self)

    def paintEvent(self, _event):  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(*BACKDROP))
        painter.end()

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(watched.rect())
        return False

    def hold(self, dialog: QDialog) -> None:
        self.dialogs.add(id(dialog))
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def release(self, key: int) -> None:
        self.dialogs.discard(key)
        if not self.dialogs:
            self.hide()


def backdrop_of(window: QWidget) -> Backdrop | None:
    return next((child for child in window.children() if isinstance(child, Backdrop)), None)


class _Release(QObject):
    """Lets the backdrop go when the dialog finishes or is deleted, whichever is first."""

    def __init__(self, dialog: QDialog, backdrop: Backdrop):
        super().__init__(dialog)
        self.key, self.backdrop = id(dialog), backdrop
        dialog.finished.connect(self.release)
        dialog.destroyed.connect(self.release)

    def release(self, *_args) -> None:
        if shiboken6.isValid(self.backdrop):
            self.backdrop.release(self.key)


def dim_behind(dialog: QDialog) -> Backdrop | None:
    """Dim the window the dialog belongs to until the dialog finishes."""
    parent = dialog.parentWidget()
    if parent is None or dialog.property("_dimmed"):
        return None
    window = parent.window()
    backdrop = backdrop_of(window) or Backdrop(window)
    backdrop.hold(dialog)
    _Release(dialog, backdrop)
    dialog.setProperty("_dimmed", True)
    return backdrop


def present(dialog: QDialog) -> QDialog:
    """Dress the dialog and dim the window behind it (the till's open_dialog calls this)."""
    dress(dialog)
    dim_behind(dialog)
    return dialog


class DialogFrame(QDialog):
    """A dialog with a heading, a body (`self.body`, a QVBoxLayout) and a row of buttons."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.heading = title_label(title)
        self.windowTitleChanged.connect(self.heading.setText)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        self.button_row = QHBoxLayout()
        self.button_row.setSpacing(10)
        self.button_row.addStretch(1)
        self._left = 0  # secondary buttons so far, left of the stretch
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(12)
        outer.addWidget(self.heading)
        outer.addLayout(self.body, 1)
        outer.addLayout(self.button_row)

    def add_button(self, text: str, slot=None, *, kind: str = "secondary",
                   default: bool = False) -> QPushButton:
        """A button in the bottom row: secondary ones to the left of the stretch, primary
        and danger ones to the right (the primary one last, where the eye ends)."""
        button = set_kind(QPushButton(text), kind)
        if slot is not None:
            button.clicked.connect(slot)
        if kind in ("secondary", "quiet"):
            self.button_row.insertWidget(self._left, button)
            self._left += 1
        else:
            self.button_row.addWidget(button)
        if default:
            button.setDefault(True)
        return button
