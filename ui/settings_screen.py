"""The store's settings, for managers at the till: every setting with its value, whether it
is the default, one line of help and what it takes; the value is edited as JSON text.

Keyboard: Up/Down choose a setting, Tab goes to its value, Ctrl+S (or Ctrl+Enter) saves,
Esc closes. Saving asks the service (through ui.ops), which checks the value and that the
person is a manager or an administrator: a refusal is shown under the value, which stays
as typed; after a change the list is read again. What was typed for another setting is
kept while the screen is open."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QScrollArea, QVBoxLayout,
)

from ui import ops
from ui.messages import bug_message, refusal_text

ERROR_STYLE = "color: #cf222e; font-weight: bold;"
DEFAULT_SHOWN = 120  # characters of a default shown under the value
MESSAGE_HEIGHT = 180  # pixels of refusal shown before it scrolls
DONE_STYLE = "color: #1a7f37; font-weight: bold;"


def editable(value) -> str:
    """A value as it is edited: JSON, objects and lists over several lines."""
    if isinstance(value, (dict, list)) and value:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return json.dumps(value, ensure_ascii=False)


class SettingsDialog(QDialog):
    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.ops, self.staff = context.ops, staff
        self.settings: list = []  # pos.store.settings.SettingInfo, as last read
        self.drafts: dict[str, str] = {}  # key -> what was typed and not saved
        self.current: str | None = None
        self.saving = False
        self.setWindowTitle(self.tr("Store settings"))

        self.keys = QListWidget()
        self.keys.setMaximumWidth(300)
        self.keys.currentRowChanged.connect(self._chosen)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.expected = QLabel()
        self.expected.setObjectName("muted")
        self.expected.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setFont(QFont("monospace"))
        self.editor.textChanged.connect(self._typed)
        self.default = QLabel()
        self.default.setObjectName("muted")
        self.default.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A value with many problems lists them all: they scroll, the screen keeps its size.
        self.message_area = QScrollArea()
        self.message_area.setWidget(self.message)
        self.message_area.setWidgetResizable(True)
        self.message_area.setFrameShape(QFrame.Shape.NoFrame)
        self.message_area.setFixedHeight(0)
        self.message_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.save_button = QPushButton(self.tr("Save [Ctrl+S]"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.default_button = QPushButton(self.tr("Put the default back"))
        self.default_button.clicked.connect(self.put_default)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.save_button, self.default_button, close):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button, 2)
        buttons.addWidget(self.default_button, 1)
        buttons.addWidget(close, 1)
        right = QVBoxLayout()
        for widget in (self.title, self.help, self.expected):
            right.addWidget(widget)
        right.addWidget(self.editor, 1)
        right.addWidget(self.default)
        right.addWidget(self.message_area)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.keys, 1)
        layout.addLayout(right, 3)
        self.setMinimumSize(820, 520)
        self.resize(1040, 640)
        self.setMaximumSize(1366, 768)  # a till's screen
        self.load()

    # reading ------------------------------------------------------------------------
    def load(self) -> None:
        self.ops.run(ops.list_settings(), parent=self, done=self.show_settings,
                     refused=self.show_refusal, crashed=self.show_bug)

    def show_settings(self, settings) -> None:
        first = not self.settings
        self.settings = list(settings)
        keep = self.current
        self.keys.blockSignals(True)
        self.keys.clear()
        for info in self.settings:
            item = QListWidgetItem(info.key + ("  *" if info.overridden else ""))
            item.setData(Qt.ItemDataRole.UserRole, info.key)
            item.setToolTip(refusal_text(info.help))
            self.keys.addItem(item)
        keys = [info.key for info in self.settings]
        row = keys.index(keep) if keep in keys else 0
        self.keys.setCurrentRow(row)
        self.keys.blockSignals(False)
        if self.settings:
            self._show(self.settings[row], keep_message=not first)
        if first:
            self.keys.setFocus()

    def info(self, key: str | None = None):
        key = key or self.current
        return next((info for info in self.settings if info.key == key), None)

    def select(self, key: str) -> None:
        self.keys.setCurrentRow([info.key for info in self.settings].index(key))

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self.settings):
            return
        self._show(self.settings[row])

    def _show(self, info, *, keep_message: bool = False) -> None:
        self.current = info.key
        self.title.setText(info.key + ("" if info.overridden else "  " + self.tr("(default)")))
        self.help.setText(refusal_text(info.help))
        self.expected.setText(self.tr("Takes: {what}").format(what=refusal_text(info.expected)))
        default = json.dumps(info.default, ensure_ascii=False)
        self.default.setToolTip(default)  # whole; "Put the default back" shows it to edit
        if len(default) > DEFAULT_SHOWN:
            default = default[:DEFAULT_SHOWN - 1] + "…"
        self.default.setText(self.tr("Default: {value}").format(value=default))
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.drafts.get(info.key, editable(info.value)))
        self.editor.blockSignals(False)
        if not keep_message:
            self.say("", error=False)

    def _typed(self) -> None:
        if self.current is not None:
            self.drafts[self.current] = self.editor.toPlainText()

    def put_default(self) -> None:
        info = self.info()
        if info is not None:
            self.editor.setPlainText(editable(info.default))  # saved only with Save
            self.editor.setFocus()

    # saving -------------------------------------------------------------------------
    def save(self) -> None:
        if self.saving or self.current is None:
            return
        self.saving = True
        key, text = self.current, self.editor.toPlainText()
        self.say(self.tr("Saving…"), error=False)

        def saved(change):
            self.saving = False
            self.drafts.pop(key, None)
            self.say(refusal_text(change.message), error=False)
            self.load()  # the list and the editor show the values now in force

        def refused(error):
            self.saving = False
            self.show_refusal(error)

        def crashed():
            self.saving = False
            self.show_bug()

        self.ops.run(ops.change_setting(key=key, value_text=text, staff_id=self.staff.id),
                     parent=self, done=saved, refused=refused, crashed=crashed,
                     disable=[self.save_button])

    def say(self, text: str, *, error: bool) -> None:
        """A line (or a refusal's lines) under the value, as tall as it needs up to
        MESSAGE_HEIGHT, then scrolling; the editor gives up the room."""
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else DONE_STYLE)
        width = max(self.message_area.width(), 400) - 20
        needed = self.message.heightForWidth(width) + 4 if text else 0
        self.message_area.setFixedHeight(min(needed, MESSAGE_HEIGHT))

    def show_refusal(self, error) -> None:
        self.say(refusal_text(error), error=True)

    def show_bug(self) -> None:
        self.say(bug_message(), error=True)
