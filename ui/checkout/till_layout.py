"""How the till screen is built, one part at a time: the top bar, the scan field with its
live search, the cart with the customer and totals, the action buttons, the right panel
(service cards and the configuration sheet), and the keyboard shortcuts. Mixed into
TillScreen; every builder only makes widgets and wires them to the screen's slots."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QSplitter,
    QSizePolicy, QStackedWidget, QVBoxLayout, QWidget,
)

from ui.checkout.cards_panel import CardsPanel
from ui.checkout.cart_view import CartView
from ui.checkout.sheet_panel import SheetPanel
from ui.elided_label import ElidedLabel
from ui.key_button import KeyButton


def panel(*widgets, stretch_last=False) -> QFrame:
    frame = QFrame()
    frame.setObjectName("panel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(8, 8, 8, 8)
    for index, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if stretch_last and index == len(widgets) - 1 else 0)
    return frame


STORE_NAME_MIN = 60  # pixels the store's name keeps in the top bar ("Tick…")


class TillLayout:
    def _button(self, text: str, handler, key: str = "") -> QPushButton:
        """A till button showing its key ("Park [F8]", or `key`); the scan field keeps
        the focus, so it takes none (ui.key_button)."""
        button = KeyButton(text, key)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(handler)
        return button

    def _build_top_bar(self) -> QHBoxLayout:
        self.store_label = ElidedLabel(f"{self.context.store.name} · {self.terminal}")
        self.store_label.setObjectName("muted")
        # a manager's bar is full at 1280 px in English: the store's name gives way first
        self.store_label.setMinimumWidth(STORE_NAME_MIN)
        self.staff_label = ElidedLabel("")
        self.staff_label.setStyleSheet("font-weight: bold;")
        self.lock_button = self._button(self.tr("Lock [Ctrl+L]"), self.lock)
        self.printer_button = self._button(self.tr("Printer OK"), self.show_print_jobs,
                                           "Shift+F11")
        self.reprint_button = self._button(self.tr("Reprint last [F11]"), self.reprint_last)
        self.reprint_button.setEnabled(False)
        self.find_button = self._button(self.tr("Find sale [F6]"), self.find_sale)
        self.audit_button = self._button(self.tr("Audit [Shift+F7]"), self.show_audit)
        self.report_button = self._button(self.tr("Reports [F7]"), self.show_report)
        self.close_shift_button = self._button(self.tr("Close shift [Shift+F10]"),
                                               self.close_shift)
        self.settings_button = self._button(self.tr("Settings [F10]"), self.show_settings)
        self.drawer_button = self._button(self.tr("Drawer [Shift+F12]"), self.cash_drawer)
        top = QHBoxLayout()
        top.addWidget(self.store_label, 1)
        for widget in (self.find_button, self.audit_button, self.report_button,
                       self.close_shift_button, self.drawer_button, self.settings_button,
                       self.printer_button,
                       self.reprint_button,
                       self.staff_label, self.lock_button):
            top.addWidget(widget)
        return top

    def _build_scan(self) -> None:
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Scan, or type a name, code or phone"))
        self.scan.setStyleSheet("font-size: 20px; min-height: 48px;")
        self.scan.installEventFilter(self)
        self.scan.textEdited.connect(self._text_edited)
        self.results = QListWidget()
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setMaximumHeight(220)
        self.results.hide()
        self.results.itemClicked.connect(
            lambda item: self._add(item.data(Qt.ItemDataRole.UserRole)))
        # An unknown code is answered under the field, not in a box to close: what it was,
        # and what can be done (ui.checkout.till_scan: show_unknown).
        self.unknown_label = ElidedLabel("")
        self.unknown_label.setObjectName("error")
        self.search_name_button = self._button(self.tr("Search by name [F3]"),
                                               self.search_unknown)
        self.add_product_button = self._button(self.tr("Add this product [F2]"),
                                               self.add_unknown)
        self.unknown_panel = QFrame()
        self.unknown_panel.setObjectName("panel")
        unknown_layout = QGridLayout(self.unknown_panel)
        unknown_layout.setContentsMargins(10, 6, 6, 6)
        unknown_layout.addWidget(self.unknown_label, 0, 0, 1, 3)
        unknown_layout.addWidget(self.search_name_button, 1, 1)
        unknown_layout.addWidget(self.add_product_button, 1, 2)
        unknown_layout.setColumnStretch(0, 1)
        self.unknown_panel.hide()
        self.unknown_code: str | None = None
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(150)  # a scanner's Enter arrives long before this
        self.search_timer.timeout.connect(self._search)

    def _build_cart_and_totals(self) -> tuple[QWidget, QWidget]:
        """(the customer line, the totals); the cart view and the banner are kept."""
        self.banner = ElidedLabel("")
        self.banner.setObjectName("banner")
        self.banner.hide()
        self.cart_view = CartView(self.formats)
        self.cart_view.unit_selected.connect(self.select_unit)
        customer_box = self._build_customer_bar()  # ui.checkout.till_customer
        self.count_label = QLabel()
        self.discount_label = QLabel()
        self.vat_label = QLabel()
        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        totals_grid = QGridLayout()
        totals_grid.addWidget(self.count_label, 0, 0)
        totals_grid.addWidget(self.discount_label, 0, 1)
        totals_grid.addWidget(self.vat_label, 0, 2)
        totals_grid.addWidget(self.total_label, 1, 0, 1, 3, Qt.AlignmentFlag.AlignRight)
        totals_page = QWidget()
        totals_page.setLayout(totals_grid)
        # After a sale: the change due in large type, in the totals' place until the next
        # scan (ui.checkout.till_payment shows it, show_view puts the totals back).
        # The cart is empty then, so the change takes its room too (show_change_page).
        self.change_title = QLabel()
        self.change_title.setObjectName("muted")
        self.change_title.setStyleSheet("font-size: 24px;")
        self.change_amount = QLabel()
        self.change_amount.setObjectName("change")
        self.change_amount.setStyleSheet("font-size: 72px;")
        self.change_detail = ElidedLabel()
        self.change_detail.setObjectName("muted")
        change_page = QWidget()
        # asks for no height of its own: the totals keep theirs, and the change takes the
        # room the empty cart leaves
        change_page.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        change_layout = QVBoxLayout(change_page)
        change_layout.setContentsMargins(0, 0, 0, 0)
        change_layout.addStretch(1)
        for label in (self.change_title, self.change_amount):
            change_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        change_layout.addWidget(self.change_detail)
        self.change_detail.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        change_layout.addStretch(1)
        self.totals_stack = QStackedWidget()
        self.totals_stack.addWidget(totals_page)
        self.totals_stack.addWidget(change_page)
        return customer_box, self.totals_stack

    def show_change_page(self, shown: bool) -> None:
        """The change due in the cart's and the totals' place (the cart is empty then),
        or the cart and its totals back."""
        if (self.totals_stack.currentIndex() == 1) == shown:
            return
        self.totals_stack.setCurrentIndex(1 if shown else 0)
        self.cart_panel.setVisible(not shown)
        self.left_layout.setStretchFactor(self.totals_panel, 1 if shown else 0)

    def _build_actions(self) -> QVBoxLayout:
        self.remove_button = self._button(self.tr("Remove line [Ctrl+Del]"),
                                          self.remove_selected)
        self.cancel_button = self._button(self.tr("Cancel sale [Shift+F8]"), self.cancel_sale)
        self.park_button = self._button(self.tr("Park [F8]"), self.park)
        self.resume_button = self._button(self.tr("Resume [F9]"), self.resume)
        self.pay_button = self._button(self.tr("Pay [F12]"), self.pay)
        self.pay_button.stacked = False  # the one big button: label and key on one line
        self.pay_button.setObjectName("primary")
        self.pay_button.set_height(60, font_px=22)
        row = QHBoxLayout()
        for button in (self.remove_button, self.cancel_button, self.park_button,
                       self.resume_button):
            row.addWidget(button, 1)
        actions = QVBoxLayout()
        actions.addLayout(row)
        actions.addWidget(self.pay_button)  # the whole width, under the other actions
        return actions

    def _build_right_panel(self) -> QWidget:
        self.cards = CardsPanel(self.formats)
        self.cards.picked.connect(self.pick_card)
        self.cards.declined.connect(self.decline_card)
        self.sheet = SheetPanel(self.formats)
        self.sheet.marked.connect(self.mark_item)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(panel(self.cards))
        right_layout.addWidget(panel(self.sheet, stretch_last=True), 1)
        return right

    def _lay_out(self, top, customer_box, totals_box, actions, right) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.scan)
        left_layout.addWidget(self.unknown_panel)
        left_layout.addWidget(self.results)
        left_layout.addWidget(panel(customer_box))
        left_layout.addWidget(self.banner)
        self.cart_panel = panel(self.cart_view, stretch_last=True)
        self.totals_panel = panel(totals_box)
        self.left_layout = left_layout
        left_layout.addWidget(self.cart_panel, 1)
        left_layout.addWidget(self.totals_panel)
        left_layout.addLayout(actions)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([520, 800])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 10)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    # Each button's key does what tapping it does, and only when it could be tapped (a
    # cashier's F-key never opens a manager's screen). The keys are on the buttons.
    BUTTON_KEYS = (
        ("find_button", "F6"), ("report_button", "F7"), ("audit_button", "Shift+F7"),
        ("park_button", "F8"), ("cancel_button", "Shift+F8"), ("resume_button", "F9"),
        ("settings_button", "F10"), ("close_shift_button", "Shift+F10"),
        ("reprint_button", "F11"), ("printer_button", "Shift+F11"), ("pay_button", "F12"),
        ("drawer_button", "Shift+F12"),
        ("remove_button", "Ctrl+Del"), ("lock_button", "Ctrl+L"),
        ("add_product_button", "F2"), ("search_name_button", "F3"),  # an unknown code
    )
    # Keys a line edit would take for itself (Ctrl+Del deletes a word): the till's.
    TILL_KEYS = (QKeySequence("Ctrl+Del"), QKeySequence("Ctrl+L"))

    def _build_shortcuts(self) -> None:
        for attribute, key in self.BUTTON_KEYS:
            button = getattr(self, attribute)
            self._shortcut(key, lambda b=button: b.isVisible() and b.isEnabled() and b.click())
        for key, handler in (("F4", self.edit_customer), ("Ctrl+0", self.decline_card),
                             ("PgUp", lambda: self.cart_view.move_current(-1)),
                             ("PgDown", lambda: self.cart_view.move_current(1))):
            self._shortcut(key, handler)
        for number in range(1, 10):
            self._shortcut(f"Ctrl+{number}", lambda n=number: self.cards.pick_index(n - 1))

    def _shortcut(self, key: str, handler) -> None:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(handler)
