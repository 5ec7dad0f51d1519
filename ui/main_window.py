"""The main window: the login screen and the till, one at a time."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QStackedWidget

from ui.checkout.till import TillScreen
from ui.login import LoginScreen


class MainWindow(QMainWindow):
    def __init__(self, context):
        super().__init__()
        self.context = context
        self.setWindowTitle(self.tr("Tickbox POS") + f" · {context.store.name}")
        self.login = LoginScreen(context)
        self.till = TillScreen(context)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.login)
        self.stack.addWidget(self.till)
        self.setCentralWidget(self.stack)
        self.login.logged_in.connect(self.open_till)
        self.till.lock_requested.connect(self.lock)
        self.lock()

    def open_till(self, staff) -> None:
        self.stack.setCurrentWidget(self.till)
        self.till.start(staff)

    def lock(self) -> None:
        """Back to the login screen; the sale in progress stays as it is."""
        self.login.reload()
        self.stack.setCurrentWidget(self.login)
