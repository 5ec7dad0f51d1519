"""The manager's stock screen at the till (F5): four tabs, each driven by the scanner.

    F1 Look up    a product across every store (its reorder point here), or a serial's
                  whole history; low stock
    F2 Receive    goods from a supplier: supplier, delivery note, lines, Post
    F3 Transfers  send to another store (F6), receive what is on its way here (F7)
    F4 Count      start or resume a count, scan, post (a manager)

Each tab's buttons show their keys (F12 is always the tab's action); Esc closes. The scan
field of the tab keeps the keyboard. Every call goes through ui.ops, off the GUI thread;
what the services refuse is said on the tab and changes nothing. The screen fits the
till's screen and never grows wider: long names are elided, the tables scroll."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QTabWidget, QVBoxLayout

from ui.checkout.after_sale_parts import dialog_button
from ui.dialog_frame import set_kind
from ui.stock.count_panel import CountPanel
from ui.stock.lookup_panel import LookupPanel
from ui.stock.receive_panel import ReceivePanel
from ui.stock.transfer_panel import TransferPanel

TAB_KEYS = (Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4)


class StockDialog(QDialog):
    LOOKUP, RECEIVE, TRANSFERS, COUNT = range(4)

    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.staff = context, staff
        self.setWindowTitle(self.tr("Stock · {store}").format(store=context.store.code))
        self.lookup = LookupPanel(context, staff)
        self.receive = ReceivePanel(context, staff)
        self.transfers = TransferPanel(context, staff)
        self.count = CountPanel(context, staff)
        self.tabs = QTabWidget()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for panel, title in ((self.lookup, self.tr("Look up [F1]")),
                             (self.receive, self.tr("Receive [F2]")),
                             (self.transfers, self.tr("Transfers [F3]")),
                             (self.count, self.tr("Count [F4]"))):
            self.tabs.addTab(panel, title)
        self.tabs.currentChanged.connect(lambda _index: self.panel().focus())
        self.close_button = set_kind(dialog_button(self.tr("Close [Esc]")), "secondary")
        self.close_button.clicked.connect(self.reject)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(foot)
        self._fit_screen()

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        # its keys work once it is the active window: with no window manager (a kiosk
        # till, offscreen) nothing else makes it so
        self.activateWindow()
        self.panel().focus()

    def _fit_screen(self) -> None:
        """As large as suits the tables, never larger than the screen it is on."""
        screen = (self.parent().screen() if self.parent() is not None
                  else QApplication.primaryScreen()).availableGeometry()
        self.setMaximumSize(screen.width(), screen.height())
        self.resize(min(1180, screen.width()), min(720, screen.height() - 24))

    def panel(self):
        return self.tabs.currentWidget()

    def show_tab(self, index: int) -> None:
        if self.tabs.currentIndex() == index:
            self.panel().focus()
        self.tabs.setCurrentIndex(index)

    def busy(self) -> bool:
        pages = (self.receive, self.transfers.send_page, self.transfers.incoming_page,
                 self.count)
        return any(page.posting for page in pages)

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        key = event.key()
        if event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                 Qt.KeyboardModifier.KeypadModifier):
            if key in TAB_KEYS:
                self.show_tab(TAB_KEYS.index(key))
                return
            panel = self.panel()
            if panel is self.transfers and panel.key_pressed(key):
                return
            button = panel.keys.get(key)
            if button is not None:
                if button.isVisible() and button.isEnabled():
                    button.click()
                return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if not self.busy():  # a posting under way is answered first
            super().reject()
