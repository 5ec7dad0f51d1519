"""The till's customer area: who the sale is for, and quick add in the same place.

Shown: the customer line (the till writes it) and the Customer [F4] button.
Quick add (a card needs a customer, or an unknown phone was scanned): the area becomes a
phone field; Enter looks the number up; an unknown number reveals a name field beside
it; Enter adds the customer to the sale. Esc gives up. A refusal is said here, with what
was typed kept. The area only asks (`looked_up`, `added`, `given_up`); the till does it
and answers with `stop` / `ask_name` / `refuse`."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from ui.elided_label import ElidedLabel


class CustomerBar(QWidget):
    looked_up = Signal(str)  # phone
    added = Signal(str, str)  # phone, name
    given_up = Signal()

    def __init__(self, open_dialog, parent=None):
        super().__init__(parent)
        self.busy = False
        self.label = ElidedLabel()  # the till writes the customer here
        self.button = QPushButton(self.tr("Customer [F4]"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(open_dialog)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Customer's phone"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Customer's name"))
        for field in (self.phone, self.name):
            field.setMinimumHeight(44)
            field.setMinimumWidth(150)
            field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            field.installEventFilter(self)
        self.phone.returnPressed.connect(self._phone_entered)
        self.phone.textEdited.connect(self._phone_edited)
        self.name.returnPressed.connect(self._name_entered)
        self.cancel = QPushButton(self.tr("Cancel [Esc]"))
        self.cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel.setMinimumHeight(44)
        self.cancel.clicked.connect(self.give_up)
        self.hint = QLabel("")
        self.hint.setWordWrap(True)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # The customer line and F4 on one row; in quick add the fields take the whole row
        # (an 11-digit number and a name must fit) and F4 moves down beside Cancel.
        self.top = QHBoxLayout()
        self.top.setContentsMargins(0, 0, 0, 0)
        self.top.addWidget(self.label, 1)
        self.top.addWidget(self.phone, 2)
        self.top.addWidget(self.name, 3)
        self.top.addWidget(self.button)
        self.bottom = QHBoxLayout()
        self.bottom.setContentsMargins(0, 0, 0, 0)
        self.bottom.addWidget(self.hint, 1)
        self.bottom.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.top)
        layout.addLayout(self.bottom)
        self.stop()

    @property
    def adding(self) -> bool:
        """The quick-add fields are showing."""
        return not self.phone.isHidden()

    # what the till shows ----------------------------------------------------------------
    def stop(self) -> None:
        """The customer line again (the till writes it on `label`), no quick add."""
        self.busy = False
        for widget in (self.phone, self.name, self.cancel, self.hint):
            widget.hide()
        self.label.show()
        self._place_button(self.top)

    def start(self, *, phone: str = "", hint: str = "") -> None:
        """Quick add: the phone field, focused (with `phone` in it), and why."""
        self.busy = False
        self.label.hide()
        self._place_button(self.bottom)
        self.phone.setText(phone)
        self.phone.show()
        self.name.clear()
        self.name.hide()
        self.cancel.show()
        self._hint(hint or self.tr("Type the customer's phone number, then Enter"))
        self.phone.setFocus()
        self.phone.selectAll()

    def ask_name(self, phone: str) -> None:
        """Nobody has this number: the name field beside it, focused."""
        if not self.adding:
            self.start(phone=phone)
        self.busy = False
        self.phone.setText(phone)
        self.name.show()
        self._hint(self.tr("New customer: type their name, then Enter to add them to the sale"))
        self.name.setFocus()

    def refuse(self, text: str) -> None:
        """Why it was refused, here; what was typed stays."""
        self.busy = False
        self._hint(text, error=True)
        (self.name if self.name.isVisible() else self.phone).setFocus()

    def give_up(self) -> None:
        if self.adding and not self.busy:
            self.given_up.emit()

    # keys ---------------------------------------------------------------------------
    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape
                and watched in (self.phone, self.name)):
            self.give_up()
            return True
        return super().eventFilter(watched, event)

    def _phone_entered(self) -> None:
        if self.busy:
            return
        if self.name.isVisible():  # the number was looked up already: go on to the name
            self.name.setFocus()
            return
        self.busy = True
        self._hint(self.tr("Looking the number up…"))
        self.looked_up.emit(self.phone.text())

    def _phone_edited(self, _text: str) -> None:
        """Another number: look it up again before adding anyone."""
        if self.name.isVisible() and not self.busy:
            self.phone.setFocus()  # before hiding the name: Qt would move focus and select all
            self.name.hide()
            self._hint(self.tr("Type the customer's phone number, then Enter"))

    def _name_entered(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.added.emit(self.phone.text(), self.name.text())

    def _place_button(self, row: QHBoxLayout) -> None:
        if row.indexOf(self.button) < 0:
            other = self.bottom if row is self.top else self.top
            other.removeWidget(self.button)
            row.addWidget(self.button)

    def _hint(self, text: str, *, error: bool = False) -> None:
        self.hint.setObjectName("error" if error else "muted")
        self.hint.style().unpolish(self.hint)
        self.hint.style().polish(self.hint)
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
