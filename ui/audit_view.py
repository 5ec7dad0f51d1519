"""The audit trail for managers at the till, as people read it: each event's action in
words ("Shift closed" / 关班), who did it and who approved it by name, amounts as money,
and the details that matter, newest first, with a filter by action.

The events are pos.ledger.audit's (AuditInfo: action, ref, details as sealed); the
words for every action that pos/ records are here (tests/gui/test_audit_view.py checks
that each `audit.record(... action="...")` in pos/ has them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from pos.kernel.errors import UserError
from pos.kernel.money import parse_amount
from ui.checkout.after_sale_parts import dialog_button
from ui.dialog_frame import set_kind

# Details kept in minor units (int) or, in corrections and cash movements, as a decimal
# string of the currency ("39.90"): either way shown as money.
MONEY_KEYS = frozenset({"amount", "counted", "expected", "float", "discount", "gross", "from",
                        "to", "total", "price", "cost"})
# Details that name a staff member by id (a name already written stays as it is).
STAFF_KEYS = frozenset({"approved_by", "staff", "opened_by", "by"})
# Row ids, hashes and times the event row already shows: noise for the person reading.
HIDDEN_KEYS = frozenset({"cart", "line", "pin", "id", "witnessed_hash", "movement", "shift",
                         "approval", "terminal_id", "at", "opened_at", "product", "tier"})
COLUMNS = 5  # time, action, by, record, details


class AuditDialog(QDialog):
    """The audit trail, newest first. `events`: pos.ledger.audit.AuditInfo; `names`:
    staff id -> name, for who approved, opened or paid out."""

    def __init__(self, events, formats, parent=None, *, names: dict[int, str] | None = None):
        super().__init__(parent)
        self.events, self.formats, self.names = list(events), formats, dict(names or {})
        self.setWindowTitle(self.tr("Audit trail"))
        self.filter = QComboBox()
        self.filter.setMinimumHeight(44)
        self.filter.addItem(self.tr("Every action"), "")
        for action in sorted({event.action for event in self.events}, key=self.action_name):
            self.filter.addItem(self.action_name(action), action)
        self.filter.currentIndexChanged.connect(lambda _index: self._fill())
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Action"), self.tr("By"),
                                              self.tr("Record"), self.tr("Details")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        for column in range(COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.count = QLabel()
        self.count.setObjectName("muted")
        close = set_kind(dialog_button(self.tr("Close [Esc]")), "secondary")
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.setMinimumSize(1000, 560)
        self._fill()
        self.table.setFocus()

    # words --------------------------------------------------------------------------
    def action_name(self, action: str) -> str:
        """An action as people say it; one this screen does not know yet: its key in words."""
        return self.action_names().get(action) or action.replace("_", " ").capitalize()

    def action_names(self) -> dict[str, str]:
        return {
            "sale": self.tr("Sale"),
            "refund": self.tr("Refund"),
            "void": self.tr("Void"),
            "approval": self.tr("Manager approval"),
            "cart_cancelled": self.tr("Sale cancelled"),
            "discount_beyond_limit": self.tr("Discount beyond the limit"),
            "price_override": self.tr("Price override"),
            "open_drawer": self.tr("Drawer opened"),
            "drawer_opened": self.tr("Cash drawer kicked open"),
            "paid_in": self.tr("Cash paid in"),
            "paid_out": self.tr("Cash paid out"),
            "shift_opened": self.tr("Shift opened"),
            "shift_closed": self.tr("Shift closed"),
            "failed_login": self.tr("Wrong PIN"),
            "pin_changed": self.tr("PIN changed"),
            "pin_set": self.tr("PIN set by a manager"),
            "staff_added": self.tr("Staff member added"),
            "staff_record": self.tr("Staff record sealed"),
            "staff_changed": self.tr("Staff member changed by head office"),
            "setting": self.tr("Setting sealed"),
            "setting_changed": self.tr("Setting changed"),
            "settings_change": self.tr("Store or printer details changed"),
            "stock_set": self.tr("Stock set by an import"),
            "journal_behind": self.tr("Journal behind its witness"),
            "store_set_up": self.tr("Store set up"),
            "product_added": self.tr("Product added"),
            "reorder_point_set": self.tr("Reorder point set"),
            "store_added": self.tr("Store added"),
            "account_record": self.tr("Customer account terms sealed"),
            "handover": self.tr("Handed over to a team"),
            "quote_issued": self.tr("Quote issued"),
            "quote_prices": self.tr("Quote opened at its prices"),
            "invoice_requested": self.tr("Invoice requested"),
            "card_confirmations": self.tr("Service card confirmations"),
            "job_event": self.tr("Service job"),
            "card_claim": self.tr("Service card claim"),
            "card_unit": self.tr("Unit registered on a card"),
            "store_price_set": self.tr("Store price set"),
            "store_price_cleared": self.tr("Store price cleared"),
            "store_price_kept": self.tr("Store price kept over head office's"),
        }

    def detail_label(self, key: str) -> str:
        labels = {
            "amount": self.tr("Amount"), "approved_by": self.tr("Approved by"),
            "counted": self.tr("Counted"), "expected": self.tr("Expected"),
            "float": self.tr("Float"), "discount": self.tr("Discount"),
            "gross": self.tr("Before discount"), "from": self.tr("Price was"),
            "to": self.tr("Price now"), "total": self.tr("Total"), "z": self.tr("Z report"),
            "document": self.tr("Document"), "reason": self.tr("Reason"),
            "cards_cancelled": self.tr("Cards cancelled"), "staff": self.tr("Staff"),
            "for": self.tr("For"), "lines": self.tr("Lines"), "skus": self.tr("Products"),
            "failed_in_a_row": self.tr("Wrong PINs in a row"), "role": self.tr("Role"),
            "key": self.tr("Setting"), "old": self.tr("Was"), "new": self.tr("Now"),
            "by": self.tr("By"), "value": self.tr("Value"), "products": self.tr("Products"),
            "opened_by": self.tr("Opened by"), "automatic": self.tr("Opened by a sale"),
            "adopted": self.tr("Taken over at an upgrade"), "name": self.tr("Name"),
            "active": self.tr("Active"), "witnessed_seq": self.tr("Witnessed entry"),
            "head_seq": self.tr("Last entry"), "lost": self.tr("Entries lost"),
            "rewritten": self.tr("Entries rewritten"), "locale": self.tr("Language"),
            "tills": self.tr("Tills"), "barcode": self.tr("Barcode"),
            "category": self.tr("Category"), "stock": self.tr("Stock"),
            "vat_rate_bp": self.tr("VAT rate"),
            "terminal": self.tr("Till"), "job": self.tr("Print job"),
            "store": self.tr("Store"), "sku": self.tr("Product code"),
        }
        return labels.get(key) or key.replace("_", " ").capitalize()

    def _role(self, value) -> str:
        roles = {"cashier": self.tr("cashier"), "installer": self.tr("installer"),
                 "manager": self.tr("manager"), "admin": self.tr("administrator"),
                 "customer_manager": self.tr("customer manager")}
        return roles.get(value, str(value))

    def money(self, value) -> str:
        """An amount of the details as money: minor units, or a decimal string."""
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return self.formats.money(value)
        try:
            return self.formats.money(parse_amount(str(value), currency=self.formats.currency,
                                                   allow_negative=True))
        except UserError:
            return str(value)

    def person(self, value) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            return self.names.get(value, f"#{value}")
        return str(value)

    def value_text(self, key: str, value) -> str:
        if key in MONEY_KEYS:
            return self.money(value)
        if key in STAFF_KEYS:
            return self.person(value)
        if key == "for":
            return self.action_name(str(value))
        if key == "role":
            return self._role(value)
        if key == "vat_rate_bp" and isinstance(value, int):
            whole, part = divmod(value, 100)
            return f"{whole}.{part:02d}%" if part else f"{whole}%"
        if isinstance(value, dict) or (isinstance(value, list) and len(value) > 20):
            return self.tr("{n} entries").format(n=len(value))
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, list):
            return ", ".join(str(part) for part in value)
        return str(value)

    def details_text(self, event) -> str:
        parts = [self.tr("{label}: {value}").format(label=self.detail_label(key),
                                                    value=self.value_text(key, value))
                 for key, value in sorted(event.details.items(), key=lambda kv: self._order(kv[0]))
                 if key not in HIDDEN_KEYS and value not in (None, "", [], {})]
        return " · ".join(parts)

    @staticmethod
    def _order(key: str) -> tuple[int, str]:
        first = ("for", "amount", "document", "counted", "expected", "approved_by", "reason")
        return (first.index(key) if key in first else len(first), key)

    def record_text(self, event) -> str:
        """The record the event is about; an approval's names the amount it is for
        (stored as ``T01-000123|19900``)."""
        ref = event.ref or ""
        if event.action == "approval" and "|" in ref:
            record, _, amount = ref.rpartition("|")
            if amount.isdigit():
                return f"{record} · {self.formats.money(int(amount))}"
        if event.action == "shift_opened" and ref.isdigit():
            return ""  # a terminal's row id says nothing to a person
        if event.action == "staff_record" and ref.isdigit():
            return self.person(int(ref))
        if ref == "catalog import":  # the stock a catalog import set
            return self.tr("catalog import")
        return ref

    def row_texts(self, event) -> list[str]:
        return [self.formats.moment(event.at), self.action_name(event.action),
                event.staff_name or "–", self.record_text(event), self.details_text(event)]

    # the table ----------------------------------------------------------------------
    def _fill(self) -> None:
        wanted = self.filter.currentData()
        shown = [event for event in self.events if not wanted or event.action == wanted]
        self.table.setRowCount(len(shown))
        for row, event in enumerate(shown):
            for column, text in enumerate(self.row_texts(event)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.count.setText(self.tr("{n} events").format(n=len(shown)))

    def shown_rows(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and screenshots)."""
        return [[self.table.item(row, column).text() for column in range(COLUMNS)]
                for row in range(self.table.rowCount())]
