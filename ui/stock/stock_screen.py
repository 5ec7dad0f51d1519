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

from ui.stock.count_panel import CountPanel
from ui.stock.lookup_panel import LookupPanel
from ui.stock.receive_panel import ReceivePanel
from ui.stock.transfer_panel import TransferPanel
from ui.tabbed_screen import TabbedScreen


class StockDialog(TabbedScreen):
    LOOKUP, RECEIVE, TRANSFERS, COUNT = range(4)

    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.staff = context, staff
        self.setWindowTitle(self.tr("Stock · {store}").format(store=context.store.code))
        self.lookup = LookupPanel(context, staff)
        self.receive = ReceivePanel(context, staff)
        self.transfers = TransferPanel(context, staff)
        self.count = CountPanel(context, staff)
        self.set_tabs(((self.lookup, self.tr("Look up [F1]")),
                       (self.receive, self.tr("Receive [F2]")),
                       (self.transfers, self.tr("Transfers [F3]")),
                       (self.count, self.tr("Count [F4]"))))

    def busy(self) -> bool:
        pages = (self.receive, self.transfers.send_page, self.transfers.incoming_page,
                 self.count)
        return any(page.posting for page in pages)

    def panel_key(self, panel, key) -> bool:
        return panel is self.transfers and panel.key_pressed(key)

    def reject(self) -> None:
        if not self.busy():  # a posting under way is answered first
            super().reject()
