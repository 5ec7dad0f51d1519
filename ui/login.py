"""Logging in: tap your name, type your PIN on the keypad or the keyboard.

The screen can come up before the services have loaded (the staged start in ui.app): it
then shows the staff peeked from the database file (pos.db.peek), or "Starting…" when
there was nothing to peek, and keeps a PIN submitted meanwhile until `attach` brings the
services that check it. So it shows plain data (id, name, role) and imports no service
at module level: importing pos.people.staff would load SQLAlchemy before the first frame.
Once attached, the PIN is checked through ui.ops, off the GUI thread: another terminal
holding the database never freezes the screen, and digits typed meanwhile stay. (ui.ops
and ui.messages are imported where used: they are needed only once attached.)"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from pos.kernel.enums import StaffRole
from ui.key_button import KeyButton

TILE_HEIGHT = 72


class LoginScreen(QWidget):
    logged_in = Signal(object)  # pos.people.staff.StaffInfo

    def __init__(self, context=None, parent=None, *, first_screen=None):
        """With a context, the services are there; without one, `first_screen` (a
        pos.db.peek.FirstScreen, or None) is what can be shown until `attach`."""
        super().__init__(parent)
        self.context = None
        self.ops = None
        self.checking = False  # a PIN is being checked
        self.people: list = []  # StaffTile or StaffInfo: .id, .name, .role
        # (staff id, PIN) submitted before the services had loaded; checked on `attach`.
        self.pending: tuple[int, str] | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 24px; font-weight: bold;")
        self.store_label = QLabel("")
        self.store_label.setObjectName("muted")
        self.tiles = QHBoxLayout()
        self.tiles.setContentsMargins(0, 0, 0, 0)
        tile_row = QWidget()
        tile_row.setLayout(self.tiles)
        tile_row.setMinimumHeight(TILE_HEIGHT)  # the screen doesn't jump when the tiles arrive
        self.waiting = QLabel("")  # in the tiles' place until they are known
        self.choose_hint = QLabel("")  # how to choose a tile by keyboard
        self.choose_hint.setObjectName("muted")
        self.waiting.setObjectName("muted")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin.setFixedWidth(260)
        self.pin.returnPressed.connect(self.submit)
        self.pin.installEventFilter(self)
        self.message = QLabel("")
        self.message.setObjectName("error")
        keypad = QGridLayout()
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        for index, key in enumerate(keys):
            # OK shows its key (Enter) beneath it; the digits and ⌫ are their own keys
            button = KeyButton(key, "Enter") if key == "OK" else QPushButton(key)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setFixedSize(80, 64)
            # the app's style sheet sets a button's min-height when it polishes it: the
            # height is said here, in the button's own sheet (54 + padding and border = 64)
            button.setStyleSheet("font-size: 22px; min-height: 54px;")
            if key == "OK":
                self.ok_button = button
                button.setObjectName("primary")
                button.clicked.connect(self.submit)
            elif key == "⌫":
                button.clicked.connect(self.pin.backspace)
            else:
                button.clicked.connect(lambda _=False, k=key: self.pin.insert(k))
            keypad.addWidget(button, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.store_label):
            layout.addWidget(widget, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        layout.addWidget(tile_row)
        layout.addWidget(self.choose_hint, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        layout.addWidget(self.pin, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.message, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(keypad)
        keypad.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.retranslate()
        if first_screen is not None:
            self.show_store(first_screen.store_name, first_screen.terminal)
        self.show_people(first_screen.staff if first_screen is not None else ())
        if context is not None:
            self.attach(context)
        self.pin.setFocus()

    @property
    def loading(self) -> bool:
        return self.context is None

    def retranslate(self) -> None:
        """Every text of the screen in the current language (also on a language change:
        the store's language may be known only once the database has loaded)."""
        self.title.setText(self.tr("Who is at the till?"))
        self.choose_hint.setText(self.tr("← → choose who, then the PIN and Enter"))
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.ok_button.setText(self.tr("OK"))
        roles = self._role_names()
        for button in self.group.buttons():
            button.setText(f"{button.property('staff_name')}\n{roles[button.property('role')]}")
        self._show_status()

    def changeEvent(self, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _role_names(self) -> dict[StaffRole, str]:
        return {StaffRole.CASHIER: self.tr("Cashier"), StaffRole.INSTALLER: self.tr("Installer"),
                StaffRole.MANAGER: self.tr("Manager"), StaffRole.ADMIN: self.tr("Administrator"),
                StaffRole.CUSTOMER_MANAGER: self.tr("Customer manager")}

    def _show_status(self) -> None:
        """"Starting…" in the tiles' place while no names are known, and under the PIN
        while a submitted PIN waits for the services."""
        self.waiting.setText(self.tr("Starting…") if self.loading and not self.people else "")
        if self.pending is not None:
            self._say(self.tr("Starting…"), error=False)
        elif self.message.objectName() == "muted":
            self._say("")

    def _say(self, text: str, *, error: bool = True) -> None:
        """A line under the PIN: an error in red, or a plain notice."""
        kind = "error" if error else "muted"
        if self.message.objectName() != kind:
            self.message.setObjectName(kind)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)
        self.message.setText(text)

    def show_store(self, name: str, terminal: str) -> None:
        self.store_label.setText(f"{name} · {terminal}")

    def show_people(self, people, *, chosen_id: int | None = None) -> None:
        """Tiles for the staff (plain data: .id, .name, .role); `chosen_id`, else the
        one chosen before, else the first is chosen. A PIN being typed stays."""
        if chosen_id is None and self.group.checkedButton() is not None:
            chosen_id = self.group.checkedButton().property("staff_id")
        while self.tiles.count():
            widget = self.tiles.takeAt(0).widget()
            if widget is not None and widget is not self.waiting:
                self.group.removeButton(widget)
                widget.deleteLater()
        self.people = list(people)
        self.tiles.addStretch(1)
        self.tiles.addWidget(self.waiting)
        self.waiting.setVisible(not self.people)
        roles = self._role_names()
        for person in self.people:
            role = StaffRole(person.role)  # the peek gives the value, the services the enum
            tile = QPushButton(f"{person.name}\n{roles[role]}")
            tile.setCheckable(True)
            tile.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            tile.setMinimumSize(150, TILE_HEIGHT)
            tile.setStyleSheet(f"min-height: {TILE_HEIGHT - 10}px;")  # as the keypad's keys
            tile.setProperty("staff_id", person.id)
            tile.setProperty("staff_name", person.name)
            tile.setProperty("role", role)
            self.group.addButton(tile)
            self.tiles.addWidget(tile)
            if person.id == chosen_id:
                tile.setChecked(True)
        self.tiles.addStretch(1)
        if self.group.buttons() and self.group.checkedButton() is None:
            self.group.buttons()[0].setChecked(True)
        self._show_status()

    def attach(self, context, people=None) -> None:
        """The services have loaded: show the staff they list (`people`, if already
        listed off the GUI thread) and check a PIN submitted while they were loading."""
        from ui import ops

        self.context, self.ops = context, context.ops
        self.show_store(context.store.name, context.terminal)
        if people is None:
            self.ops.run(ops.list_staff(), parent=self, done=self.show_people)
        else:
            self.show_people(people)
        if self.pending is not None:
            # Next turn of the event loop: the caller finishes attaching first.
            QTimer.singleShot(0, self._check_pending)

    def reload(self) -> None:
        """Back to the login: the first tile is chosen, the active staff are listed again
        (someone may have joined or left) and shown when they arrive."""
        from ui import ops

        if self.group.buttons():
            self.group.buttons()[0].setChecked(True)
        self.pin.clear()
        self._say("")
        self.pin.setFocus()
        self.ops.run(ops.list_staff(), parent=self, done=self.show_people, busy=False)

    def choose(self, name: str) -> None:
        for button in self.group.buttons():
            if button.property("staff_name") == name:
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
            if self.loading:
                return  # no names yet: the PIN typed so far stays in the field
            self._say(self.tr("Tap your name first"))
            return
        if self.checking:
            return  # one PIN at a time: what is typed meanwhile stays in the field
        if self.loading:
            # Kept, and checked as soon as the services are there.
            if self.pin.text():
                self.pending = (chosen.property("staff_id"), self.pin.text())
            self.pin.clear()
            self._show_status()
            return
        pin = self.pin.text()
        self.pin.clear()
        self._check(chosen.property("staff_id"), pin)

    def _check_pending(self) -> None:
        if self.pending is None:
            return
        staff_id, pin = self.pending
        self.pending = None
        self._show_status()
        # Whatever was typed since stays in the field: no keystroke is lost.
        self._check(staff_id, pin)

    def _check(self, staff_id: int, pin: str) -> None:
        from ui import ops

        self.checking = True
        self.ops.run(ops.verify_pin(staff_id=staff_id, pin=pin), parent=self,
                     done=self._welcome, refused=self._refused, crashed=self._crashed,
                     disable=[self.ok_button])

    def _welcome(self, person) -> None:
        self.checking = False
        self._say("")
        self.logged_in.emit(person)

    def _refused(self, error) -> None:
        # "Wrong PIN", or how long the login stays locked after too many misses
        from ui.messages import refusal_text

        self.checking = False
        self._say(refusal_text(error))

    def _crashed(self) -> None:
        from ui.messages import bug_message

        self.checking = False
        self._say(bug_message())
