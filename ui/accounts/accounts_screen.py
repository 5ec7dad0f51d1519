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

from ui.accounts.preorders_tab import PreordersTab
from ui.accounts.quotes_tab import QuotesTab
from ui.accounts.receivables import ReceivablesTab
from ui.tabbed_screen import TabbedScreen


class AccountsDialog(TabbedScreen):
    RECEIVABLES, QUOTES, PREORDERS = range(3)

    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.staff = context, staff
        self.setWindowTitle(self.tr("Accounts · {store}").format(store=context.store.code))
        self.receivables = ReceivablesTab(context, staff)
        self.quotes = QuotesTab(context, staff)
        self.preorders = PreordersTab(context, staff)
        self.loaded: set[int] = set()
        self.set_tabs(((self.receivables, self.tr("Receivables [F1]")),
                       (self.quotes, self.tr("Quotes [F2]")),
                       (self.preorders, self.tr("Pre-orders [F3]"))))
        self.tab_shown(self.receivables)

    def tab(self):
        return self.panel()

    def tab_shown(self, panel) -> None:
        """Each tab loads the first time it is shown."""
        if id(panel) not in self.loaded:
            self.loaded.add(id(panel))
            panel.load()
        panel.focus()
