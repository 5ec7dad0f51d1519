"""A manager's approval on the spot: they tap their name (or Left/Right) and type their
PIN for one action on one record, for the amount shown when it moves money. The till
checks it (ui.checkout.till_after_sale._approve_then); a wrong PIN is said here and the
dialog stays for another try, over the dialog that asked, which keeps what was typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
)

from ui.checkout.after_sale_parts import DialogKeys, dialog_button
from ui.dialog_frame import set_kind


class ManagerApprovalDialog(QDialog):
    """A manager taps their name (or Left/Right) and enters their PIN for this one action.
    `managers`: who may approve (plain data: .id, .name); `amount`: what the approval is
    for, shown large when the action moves money. Enter asks the till (`submitted`); a
    wrong PIN is said here (`show_refusal`) and the dialog stays for another try."""

    submitted = Signal()

    def __init__(self, managers, what: str, parent=None, *, amount: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Manager approval"))
        self.what = what
        self.checking = False  # the PIN is being checked: Enter again waits for the answer
        text = QLabel(self.tr("A manager must approve: {what}").format(what=what))
        text.setWordWrap(True)
        text.setStyleSheet("font-size: 17px;")
        self.amount_label = QLabel(amount)
        self.amount_label.setObjectName("total")
        self.amount_label.setVisible(bool(amount))
        self.group = QButtonGroup(self)
        tiles = QHBoxLayout()
        for person in managers:
            tile = QPushButton(person.name)
            tile.setCheckable(True)
            tile.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            tile.setProperty("staff_id", person.id)
            self.group.addButton(tile)
            tiles.addWidget(tile)
        if self.group.buttons():
            self.group.buttons()[0].setChecked(True)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("Manager PIN"))
        self.pin.returnPressed.connect(self.submit)
        self.message = QLabel("")
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        cancel = set_kind(dialog_button(self.tr("Cancel [Esc]")), "secondary")
        cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        cancel.clicked.connect(self.reject)
        self.approve_button = dialog_button(self.tr("Approve [Enter]"), name="primary")
        self.approve_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel, 1)
        buttons.addWidget(self.approve_button, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.amount_label)
        layout.addLayout(tiles)
        layout.addWidget(self.pin)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)
        DialogKeys.of(self)  # Left/Right and Enter reach it as soon as it shows
        self.pin.setFocus()

    @property
    def manager_id(self) -> int | None:
        chosen = self.group.checkedButton()
        return chosen.property("staff_id") if chosen else None

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # the PIN field's: it submits
        tiles = self.group.buttons()
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and len(tiles) > 1:
            index = tiles.index(self.group.checkedButton()) if self.group.checkedButton() else 0
            step = 1 if event.key() == Qt.Key.Key_Right else -1
            tiles[(index + step) % len(tiles)].setChecked(True)
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        if self.checking:
            return
        if self.manager_id is None:
            self.show_refusal(self.tr("Tap the manager's name first"))
            return
        if not self.pin.text():
            self.show_refusal(self.tr("Type the manager's PIN"))
            return
        self.message.clear()
        self.checking = True
        self.submitted.emit()

    def show_refusal(self, text: str) -> None:
        """Why the approval was refused; the PIN is cleared for another try."""
        self.checking = False
        self.message.setText(text)
        self.pin.clear()
        self.pin.setFocus()
