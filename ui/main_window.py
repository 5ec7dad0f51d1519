"""The main window: the login screen and the till, one at a time.

`MainWindow(context)` is the whole window at once. The staged start (ui.app) builds it
from what the first screen needs (`first_screen=`, a pos.db.peek.FirstScreen or None),
shows the login, and `attach`es the context once the database layer has loaded in the
background; only then is the till built. Neither screen calls pos/ but through ui.ops.

A manager reaches the stock screen (ui.stock) from the till's top bar, Stock [F5]."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from pos.kernel.enums import StaffRole
from ui.gc_guard import GarbageCollector
from ui.icons import apply_icons, set_icon
from ui.login import LoginScreen
from ui.sync_indicator import SyncIndicator
from ui.top_bar import FoldingButton


class MainWindow(QMainWindow):
    def __init__(self, context=None, *, first_screen=None):
        super().__init__()
        self.context = None
        self.till = None
        self.store_name = first_screen.store_name if first_screen is not None else None
        self.login = LoginScreen(first_screen=first_screen)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.login)
        self.setCentralWidget(self.stack)
        self.login.logged_in.connect(self.open_till)
        self.retitle()
        if context is not None:
            self.attach(context)

    def attach(self, context, people=None) -> None:
        """The services are there: build the till and let the login check PINs."""
        from ui.checkout.till import TillScreen

        self.context = context
        self.store_name = context.store.name
        self.retitle()
        self.till = TillScreen(context)
        self.stack.addWidget(self.till)
        self.till.lock_requested.connect(self.lock)
        self._add_stock_button()
        self._add_accounts_buttons()
        self._add_leads_button()
        self._add_jobs_button()
        self._add_sync_indicator()
        apply_icons(self.till)  # the till's main buttons, by attribute name (ui.icons)
        self.login.attach(context, people)
        GarbageCollector.freeze()  # the app's long-lived objects are all there now

    def _add_stock_button(self) -> None:
        """Stock [F5] on the till's top bar, before Settings; shown to managers only. The
        bar is full at 1280 pixels in English: there the button folds away and F5 opens."""
        till = self.till
        till.stock_button = FoldingButton(self.tr("Stock [F5]"))
        till.stock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        till.stock_button.clicked.connect(self.open_stock)
        set_icon(till.stock_button, "package-search")
        top = till.layout().itemAt(0).layout()
        top.insertWidget(top.indexOf(till.settings_button), till.stock_button)
        till._shortcut("F5", lambda: till.stock_button.isVisible() and till.stock_button.click())

    def _add_sync_indicator(self) -> None:
        """The link to head office (ui.sync_indicator), after the backup's age; shown
        once this database has joined a chain, read again after each completed sale."""
        till = self.till
        till.sync_indicator = SyncIndicator(till)
        top = till.layout().itemAt(0).layout()
        top.insertWidget(top.indexOf(till.backups.label) + 1, till.sync_indicator)
        till.sale_completed.connect(lambda _sale: till.sync_indicator.refresh())

    def open_stock(self) -> None:
        """The stock screen (ui.stock.stock_screen), for managers and administrators."""
        till = self.till
        if till is None or till.active_dialog is not None or till.staff is None or \
                till.staff.role not in (StaffRole.MANAGER, StaffRole.ADMIN):
            return
        from ui.stock.stock_screen import StockDialog

        till.open_dialog(StockDialog(self.context, till.staff, till))

    def _add_accounts_buttons(self) -> None:
        """Quotes [Shift+F4] (everyone: save the sale as a quote, open one) and Accounts
        [Shift+F5] (managers: receivables, quotes, pre-orders) on the till's top bar,
        before Settings; folded away where the bar is full, their keys still work."""
        till = self.till
        top = till.layout().itemAt(0).layout()
        till.quotes_button = FoldingButton(self.tr("Quotes [Shift+F4]"))
        till.quotes_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        till.quotes_button.clicked.connect(till.quotes)
        set_icon(till.quotes_button, "receipt-text")
        till.accounts_button = FoldingButton(self.tr("Accounts [Shift+F5]"))
        till.accounts_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        till.accounts_button.clicked.connect(self.open_accounts)
        set_icon(till.accounts_button, "user-round")
        for button in (till.quotes_button, till.accounts_button):
            top.insertWidget(top.indexOf(till.settings_button), button)
        till._shortcut("Shift+F4", till.quotes)
        till._shortcut("Shift+F5", self.open_accounts)

    def open_accounts(self) -> None:
        """The accounts screen (ui.accounts.accounts_screen), for managers and
        administrators."""
        till = self.till
        if till is None or till.active_dialog is not None or till.staff is None or \
                till.staff.role not in (StaffRole.MANAGER, StaffRole.ADMIN):
            return
        from ui.accounts.accounts_screen import AccountsDialog

        till.open_dialog(AccountsDialog(self.context, till.staff, till))

    def _add_leads_button(self) -> None:
        """Leads [Shift+F6] on the till's top bar, before Settings, for managers,
        administrators and customer managers (ui.leads.leads_screen); it folds away where
        the bar is full, and Shift+F6 still opens the screen."""
        till = self.till
        keepers = (StaffRole.MANAGER, StaffRole.ADMIN, StaffRole.CUSTOMER_MANAGER)
        till.leads_button = FoldingButton(self.tr("Leads [Shift+F6]"))
        till.leads_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        set_icon(till.leads_button, "calendar-check")
        top = till.layout().itemAt(0).layout()
        top.insertWidget(top.indexOf(till.settings_button), till.leads_button)

        def open_leads() -> None:
            if till.active_dialog is not None or till.staff is None or \
                    till.staff.role not in keepers:
                return
            from ui.leads.leads_screen import LeadsDialog

            till.open_dialog(LeadsDialog(self.context, till.staff, till))

        till.leads_button.clicked.connect(open_leads)
        till._shortcut("Shift+F6", open_leads)
        self.login.logged_in.connect(
            lambda staff: till.leads_button.setVisible(staff.role in keepers))

    def _add_jobs_button(self) -> None:
        """Jobs [Shift+F9] on the till's top bar, before Settings, for everyone: the jobs
        board (ui.jobs.jobs_screen); it folds away where the bar is full, and Shift+F9
        still opens it. Selling on a job from it opens the job's cart at the till."""
        till = self.till
        till.jobs_button = FoldingButton(self.tr("Jobs [Shift+F9]"))
        till.jobs_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        set_icon(till.jobs_button, "list")
        top = till.layout().itemAt(0).layout()
        top.insertWidget(top.indexOf(till.settings_button), till.jobs_button)
        till.jobs_button.clicked.connect(self.open_jobs)
        till._shortcut("Shift+F9", self.open_jobs)

    def open_jobs(self) -> None:
        """The jobs board; a technician's own jobs first. Esc is back at the till."""
        till = self.till
        if till is None or till.active_dialog is not None or till.staff is None:
            return
        from ui.jobs.jobs_screen import JobsDialog

        board = JobsDialog(self.context, till.staff, till)

        def sell() -> None:
            if board.sell_job is None:
                return
            if till.cart is not None and till.cart.billable_lines():
                till.show_message(self.tr("Finish or park the current sale first"))
                return
            from ui.ops import jobs as job_ops

            job_no = board.sell_job
            till._card_prompted = set()
            till.change_cart(
                lambda: job_ops.open_job_sale(job_no=job_no, staff_id=till.staff.id,
                                              terminal=till.terminal),
                done=lambda _view: till.set_banner(self.tr(
                    "On job {job}: sell what the customer takes").format(job=job_no)))

        till.open_dialog(board, on_accept=sell)

    def open_own_jobs(self, staff) -> None:
        """A technician logging in: the jobs board on their jobs (today's and overdue),
        when they have any; Esc is the till. With none, the till as for everyone."""
        from ui.ops import jobs as job_ops

        till = self.till

        def listed(rows) -> None:
            if rows and till.staff is staff and till.active_dialog is None and \
                    self.stack.currentWidget() is till:
                self.open_jobs()

        self.context.ops.run(job_ops.board(technician=staff.id, terminal=self.context.terminal),
                             parent=till, done=listed, refused=lambda _error: None,
                             crashed=lambda: None)

    def fit_screen(self) -> None:
        """As large as the screen it is on: a kiosk till has no window manager to maximise
        it, and a 1920x1080 screen is used whole. 1366x768 when the screen is unknown or
        smaller than a till's (offscreen, the screen is a nominal 800x600)."""
        screen = self.screen() or QApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        if area is None or area.width() < 1024 or area.height() < 700:
            self.resize(1366, 768)
            return
        self.setGeometry(area)

    def retitle(self) -> None:
        title = self.tr("Tickbox POS")
        self.setWindowTitle(f"{title} · {self.store_name}" if self.store_name else title)

    def changeEvent(self, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retitle()
        super().changeEvent(event)

    def open_till(self, staff) -> None:
        self.stack.setCurrentWidget(self.till)
        self.till.start(staff)
        self.till.stock_button.setVisible(staff.role in (StaffRole.MANAGER, StaffRole.ADMIN))
        self.till.accounts_button.setVisible(staff.role in (StaffRole.MANAGER,
                                                            StaffRole.ADMIN))
        if staff.role is StaffRole.INSTALLER:
            self.open_own_jobs(staff)  # a technician's day starts on their jobs

    def lock(self) -> None:
        """Back to the login screen (the till has parked its open cart and cleared)."""
        self.login.reload()
        self.stack.setCurrentWidget(self.login)
