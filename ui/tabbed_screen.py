"""The frame of a manager's tabbed screen at the till (Stock, Accounts, Leads): its tabs
on F1..Fn, each tab's own keys (a tab has `keys`: key -> button, and `focus()`), Close
[Esc], and a size that suits the tables but never exceeds the screen it is on (the
tables scroll; the screen never grows wider). Enter belongs to the tab's fields, never to
a button. A screen subclasses it, builds its tabs and calls `set_tabs`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QTabWidget, QVBoxLayout

from ui.checkout.after_sale_parts import dialog_button
from ui.dialog_frame import set_kind

F_KEYS = (Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class TabbedScreen(QDialog):
    WIDTH = 1180  # as wide as the tables want, when the screen allows

    def set_tabs(self, pages) -> None:
        """pages: (widget, title) in the order of their keys F1, F2, ..."""
        self.tabs = QTabWidget()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for page, title in pages:
            self.tabs.addTab(page, title)
        self.tab_keys = F_KEYS[:len(pages)]
        self.tabs.currentChanged.connect(lambda index: self.tab_shown(self.tabs.widget(index)))
        self.close_button = set_kind(dialog_button(self.tr("Close [Esc]")), "secondary")
        self.close_button.clicked.connect(self.reject)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(foot)
        screen = (self.parent().screen() if self.parent() is not None
                  else QApplication.primaryScreen()).availableGeometry()
        self.setMaximumSize(screen.width(), screen.height())
        self.resize(min(self.WIDTH, screen.width()), min(720, screen.height() - 24))

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        # its keys work once it is the active window: with no window manager (a kiosk
        # till, offscreen) nothing else makes it so
        self.activateWindow()
        self.panel().focus()

    def panel(self):
        return self.tabs.currentWidget()

    def tab_shown(self, panel) -> None:
        """A tab came to the front (a screen loads what it shows here)."""
        panel.focus()

    def show_tab(self, index: int) -> None:
        if self.tabs.currentIndex() == index:
            self.panel().focus()
        self.tabs.setCurrentIndex(index)

    def panel_key(self, panel, key) -> bool:
        """A key the tab handles itself before its buttons (True: handled)."""
        return False

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        key = event.key()
        if event.modifiers() in _PLAIN:
            if key in self.tab_keys:
                self.show_tab(self.tab_keys.index(key))
                return
            panel = self.panel()
            if self.panel_key(panel, key):
                return
            button = panel.keys.get(key)
            if button is not None:
                if button.isVisible() and button.isEnabled():
                    button.click()
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # no default button: Enter belongs to the fields
        super().keyPressEvent(event)
