"""Logging in: tap your name, type your PIN on the keypad or the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from pos import staff as staff_service
from pos.errors import UserError
from pos.staff import StaffInfo


class LoginScreen(QWidget):
    logged_in = Signal(object)  # StaffInfo

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.people: list[StaffInfo] = []
        title = QLabel(self.tr("Who is at the till?"))
        title.setStyleSheet("font-size: 24px; font-weight: bold;")
        self.store_label = QLabel(f"{context.store.name} · {context.terminal}")
        self.store_label.setObjectName("muted")
        self.tiles = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin.setFixedWidth(260)
        self.pin.returnPressed.connect(self.submit)
        self.pin.installEventFilter(self)
        self.message = QLabel("")
        self.message.setObjectName("error")
        keypad = QGridLayout()
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        for index, key in enumerate(keys):
            button = QPushButton(self.tr("OK") if key == "OK" else key)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setFixedSize(80, 64)
            button.setStyleSheet("font-size: 22px;")
            if key == "OK":
                button.setObjectName("primary")
                button.clicked.connect(self.submit)
            elif key == "⌫":
                button.clicked.connect(self.pin.backspace)
            else:
                button.clicked.connect(lambda _=False, k=key: self.pin.insert(k))
            keypad.addWidget(button, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, self.store_label):
            layout.addWidget(widget, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        layout.addLayout(self.tiles)
        layout.addSpacing(16)
        layout.addWidget(self.pin, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.message, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(keypad)
        keypad.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def reload(self) -> None:
        """Show the active staff as tiles; the first is selected."""
        while self.tiles.count():
            item = self.tiles.takeAt(0)
            if item.widget():
                self.group.removeButton(item.widget())
                item.widget().deleteLater()
        self.people = staff_service.list_staff(self.context.db)
        self.tiles.addStretch(1)
        role_names = {"cashier": self.tr("Cashier"), "installer": self.tr("Installer"),
                      "manager": self.tr("Manager"), "admin": self.tr("Administrator")}
        for person in self.people:
            tile = QPushButton(f"{person.name}\n{role_names[person.role.value]}")
            tile.setCheckable(True)
            tile.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            tile.setMinimumSize(150, 72)
            tile.setProperty("staff_id", person.id)
            self.group.addButton(tile)
            self.tiles.addWidget(tile)
        self.tiles.addStretch(1)
        if self.group.buttons():
            self.group.buttons()[0].setChecked(True)
        self.pin.clear()
        self.message.clear()
        self.pin.setFocus()

    def choose(self, name: str) -> None:
        for button in self.group.buttons():
            if button.text().split("\n")[0] == name:
                button.setChecked(True)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        # Left/Right pick the person, so the whole login works from the keyboard.
        if watched is self.pin and event.type() == event.Type.KeyPress:
            buttons = self.group.buttons()
            if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and buttons:
                current = buttons.index(self.group.checkedButton()) if self.group.checkedButton() else 0
                step = 1 if event.key() == Qt.Key.Key_Right else -1
                buttons[(current + step) % len(buttons)].setChecked(True)
                return True
        return super().eventFilter(watched, event)

    def submit(self) -> None:
        chosen = self.group.checkedButton()
        if chosen is None:
            self.message.setText(self.tr("Tap your name first"))
            return
        try:
            person = staff_service.verify_pin(self.context.db, staff_id=chosen.property("staff_id"),
                                              pin=self.pin.text())
        except UserError as exc:
            # "Wrong PIN", or how long the login stays locked after too many misses
            self.message.setText(self.tr("Wrong PIN") if str(exc) == "Wrong PIN" else str(exc))
            self.pin.clear()
            return
        self.pin.clear()
        self.message.clear()
        self.logged_in.emit(person)
