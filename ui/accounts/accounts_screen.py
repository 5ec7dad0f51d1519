"""The manager's accounts screen at the till (Shift+F5): three tabs.

    F1 Receivables  aging (this store or every store), the overdue list; for the customer
                    chosen: the statement PDF (F6), the transfer to the big-account team
                    (F7)
    F2 Quotes       the store's quotes by state, a quote's PDF (F6), the quote report (F7)
    F3 Pre-orders   arrivals to call or every open one; called (F6); cancel and refund (F7)

Every call goes through ui.ops.accounts, off the GUI thread; what the services refuse is
said on the tab and changes nothing. The screen fits the till's screen and never grows
wider: the tables scroll. Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QTabWidget, QVBoxLayout

from ui.accounts.preorders_tab import PreordersTab
from ui.accounts.quotes_tab import QuotesTab
from ui.accounts.receivables import ReceivablesTab
from ui.checkout.after_sale_parts import dialog_button
from ui.dialog_frame import set_kind

TAB_KEYS = (Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3)


class AccountsDialog(QDialog):
    RECEIVABLES, QUOTES, PREORDERS = range(3)

    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.staff = context, staff
        self.setWindowTitle(self.tr("Accounts · {store}").format(store=context.store.code))
        self.receivables = ReceivablesTab(context, staff)
        self.quotes = QuotesTab(context, staff)
        self.preorders = PreordersTab(context, staff)
        self.loaded: set[int] = set()
        self.tabs = QTabWidget()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for tab, title in ((self.receivables, self.tr("Receivables [F1]")),
                           (self.quotes, self.tr("Quotes [F2]")),
                           (self.preorders, self.tr("Pre-orders [F3]"))):
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.close_button = set_kind(dialog_button(self.tr("Close [Esc]")), "secondary")
        self.close_button.clicked.connect(self.reject)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(foot)
        self._fit_screen()
        self._tab_shown(0)

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        self.activateWindow()  # its keys work at once (no window manager on a kiosk till)
        self.tab().focus()

    def _fit_screen(self) -> None:
        screen = (self.parent().screen() if self.parent() is not None
                  else QApplication.primaryScreen()).availableGeometry()
        self.setMaximumSize(screen.width(), screen.height())
        self.resize(min(1180, screen.width()), min(720, screen.height() - 24))

    def tab(self):
        return self.tabs.currentWidget()

    def _tab_shown(self, index: int) -> None:
        if index not in self.loaded:
            self.loaded.add(index)
            self.tab().load()
        self.tab().focus()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if event.key() in TAB_KEYS:
                self.show_tab(TAB_KEYS.index(event.key()))
                return
            button = self.tab().keys.get(event.key())
            if button is not None:
                if button.isEnabled():
                    button.click()
                return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # no default button: Enter belongs to the fields
        super().keyPressEvent(event)
