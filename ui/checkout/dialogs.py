"""Small dialogs of the till: serial entry, the "confirm the card" prompt, parked sales
(the customer dialog is ui.checkout.customer_dialog). Each can be opened without
blocking (`open()`, then `finished`) or asked synchronously with the `ask()` classmethod."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
)


class SerialDialog(QDialog):
    """Scan or type a serial number or IMEI; the scanner's Enter accepts. Refused because
    the unit is not in stock here (`override`: at another store, in transit, never
    received), it offers a manager's override (F2): `override_asked` is then set and the
    dialog accepted, for the till to ask the manager."""

    OVERRIDE_KEY = QKeySequence("F2")

    def __init__(self, unit_name: str, parent=None, *, error: str = "", override: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Serial number"))
        self.override_asked = False
        self.override_button = QPushButton(self.tr("Manager override [F2]"))
        self.override_button.setAutoDefault(False)
        self.override_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.override_button.setVisible(override)
        self.override_button.clicked.connect(self._ask_override)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Scan the serial number or IMEI"))
        self.field.returnPressed.connect(self._accept_if_filled)
        prompt = QLabel(self.tr("Serial number or IMEI of {unit}").format(unit=unit_name))
        prompt.setWordWrap(True)
        problem = QLabel(error)
        problem.setObjectName("error")
        problem.setWordWrap(True)  # a long refusal (a store's name, Chinese) never widens it
        problem.setVisible(bool(error))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_if_filled)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (prompt, problem, self.override_button, self.field, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(420)
        self.field.setFocus()

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if (QKeySequence(event.keyCombination()) == self.OVERRIDE_KEY
                and self.override_button.isVisible()):
            self._ask_override()
            return
        super().keyPressEvent(event)

    def _ask_override(self) -> None:
        self.override_asked = True
        self.accept()

    def _accept_if_filled(self) -> None:
        if self.field.text().strip():
            self.accept()

    @property
    def serial(self) -> str:
        return self.field.text().strip()

    @classmethod
    def ask(cls, unit_name: str, parent=None) -> str | None:
        dialog = cls(unit_name, parent)
        return dialog.serial if dialog.exec() == QDialog.DialogCode.Accepted else None


class CardPrompt(QDialog):
    """The store's "confirm the card" rule: a unit has no card and no recorded refusal.
    Enter (and Esc) go back to the sale with the unit's cards showing; recording that
    the customer declined takes its own key, Ctrl+0, as on the till's card panel, so
    that F12 then Enter never skips the question."""

    PICK, DECLINED = "pick", "declined"
    DECLINE_KEY = QKeySequence("Ctrl+0")

    def __init__(self, unit_name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Service card"))
        self.choice: str | None = None
        text = QLabel(self.tr("{unit} has no service card yet. Did you offer one?").format(unit=unit_name))
        text.setWordWrap(True)
        text.setStyleSheet("font-size: 18px;")
        self.pick = QPushButton(self.tr("Offer a card now [Enter]"))
        self.pick.setObjectName("primary")
        self.pick.setDefault(True)
        self.pick.setAutoDefault(True)
        self.declined = QPushButton(self.tr("Customer declined [Ctrl+0]"))
        self.declined.setAutoDefault(False)
        self.declined.setShortcut(self.DECLINE_KEY)
        self.pick.clicked.connect(lambda: self._choose(self.PICK))
        self.declined.clicked.connect(lambda: self._choose(self.DECLINED))
        row = QHBoxLayout()
        row.addWidget(self.declined)
        row.addWidget(self.pick)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(row)
        self.setMinimumWidth(460)
        self.pick.setFocus()

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        # Ctrl+0 also when the button's shortcut is not active (no window manager)
        if QKeySequence(event.keyCombination()) == self.DECLINE_KEY:
            self._choose(self.DECLINED)
            return
        super().keyPressEvent(event)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice == self.DECLINED else self.reject()

    def reject(self) -> None:
        self.choice = self.choice or self.PICK
        super().reject()

    @classmethod
    def ask(cls, unit_name: str, parent=None) -> str:
        dialog = cls(unit_name, parent)
        dialog.exec()
        return dialog.choice or cls.PICK


class ParkedDialog(QDialog):
    def __init__(self, parked, formats, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Parked sales"))
        self.list = QListWidget()
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for entry in parked:
            lines = (self.tr("1 line") if entry.lines == 1
                     else self.tr("{n} lines").format(n=entry.lines))
            text = self.tr("{label} · {lines} · {total}").format(
                label=entry.label, lines=lines, total=formats.money(entry.total))
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.cart_uuid)
            item.setSizeHint(QSize(0, 44))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox()
        resume = buttons.addButton(self.tr("Resume [Enter]"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel [Esc]"), QDialogButtonBox.ButtonRole.RejectRole)
        resume.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.setMinimumSize(560, 320)

    @property
    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    @classmethod
    def ask(cls, parked, formats, parent=None) -> str | None:
        dialog = cls(parked, formats, parent)
        return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
