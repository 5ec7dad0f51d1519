"""After the sale, at the till: find a sale (scan the receipt or sheet barcode, or type a
receipt number, phone or serial), then sell add-ons on site or take a return; a manager
approves on the spot with their PIN when the person at the till may not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout,
)

from pos.kernel.enums import DocumentKind, Tender
from ui import ops
from ui.messages import bug_message, refusal_text


class FindSaleDialog(QDialog):
    """Scan or type; Enter searches; pick a sale, then Add-on or Return."""

    ADDON, RETURN, REPRINT, VOID = "addon", "return", "reprint", "void"

    def __init__(self, ops_runner, formats, parent=None):
        super().__init__(parent)
        self.ops, self.formats = ops_runner, formats
        self.choice: str | None = None
        self.searching = False
        self._again = False  # Enter came while a search ran: search what the field says then
        self.setWindowTitle(self.tr("Find a sale"))
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Scan the receipt or sheet barcode, or type a "
                                              "receipt number, phone or serial"))
        self.field.returnPressed.connect(self.search)
        self.results = QListWidget()
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message = QLabel("")
        self.message.setObjectName("error")
        addon = QPushButton(self.tr("Sell add-ons on site"))
        addon.setObjectName("primary")
        addon.clicked.connect(lambda: self._choose(self.ADDON))
        back = QPushButton(self.tr("Return / refund"))
        back.clicked.connect(lambda: self._choose(self.RETURN))
        void = QPushButton(self.tr("Void (today's sales)"))
        void.setObjectName("danger")
        void.clicked.connect(lambda: self._choose(self.VOID))
        reprint = QPushButton(self.tr("Reprint receipt and sheet"))
        reprint.clicked.connect(lambda: self._choose(self.REPRINT))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (addon, back, reprint, void, close):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(addon, 2)
        buttons.addWidget(back, 1)
        buttons.addWidget(reprint, 1)
        buttons.addWidget(void, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumSize(620, 420)
        self.field.setFocus()

    def search(self) -> None:
        """Look the typed text up (off the GUI thread); what is typed meanwhile stays,
        and an Enter meanwhile searches again once this search has answered."""
        if self.searching:
            self._again = True
            return
        self.searching = True
        self.results.clear()  # nothing to act on until this search answers
        self.message.clear()
        self.ops.run(ops.find_sales(self.field.text()), parent=self, done=self._show_found,
                     refused=self._refused, crashed=self._crashed)

    def _searched(self) -> None:
        self.searching = False
        if self._again:
            self._again = False
            self.search()

    def _refused(self, error) -> None:
        self.results.clear()
        self.message.setText(refusal_text(error))
        self._searched()

    def _crashed(self) -> None:
        self.message.setText(bug_message())
        self._searched()

    def _show_found(self, found) -> None:
        self.results.clear()
        kinds = {DocumentKind.SALE: self.tr("sale"), DocumentKind.ADDON: self.tr("add-on"),
                 DocumentKind.REFUND: self.tr("refund"), DocumentKind.VOID: self.tr("void")}
        for sale in found:
            who = f" · {sale.customer_name} {sale.customer_phone}" if sale.customer_name else ""
            item = QListWidgetItem(f"{sale.receipt_no} · {kinds.get(sale.kind, sale.kind)} · "
                                   f"{self.formats.moment(sale.completed_at)} · "
                                   f"{self.formats.money(sale.total)}{who}")
            item.setData(Qt.ItemDataRole.UserRole, sale.receipt_no)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        else:
            self.message.setText(self.tr("No sale found"))
        self.field.selectAll()
        self._searched()

    @property
    def receipt_no(self) -> str | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _choose(self, choice: str) -> None:
        if self.receipt_no is None:
            self.message.setText(self.tr("Find the sale first"))
            return
        self.choice = choice
        self.accept()


class ManagerApprovalDialog(QDialog):
    """A manager taps their name and enters their PIN for this one action. `managers`:
    who may approve (plain data: .id, .name)."""

    def __init__(self, managers, what: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Manager approval"))
        text = QLabel(self.tr("A manager must approve: {what}").format(what=what))
        text.setWordWrap(True)
        text.setStyleSheet("font-size: 17px;")
        self.group = QButtonGroup(self)
        tiles = QHBoxLayout()
        for person in managers:
            tile = QPushButton(person.name)
            tile.setCheckable(True)
            tile.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            tile.setProperty("staff_id", person.id)
            self.group.addButton(tile)
            tiles.addWidget(tile)
        if self.group.buttons():
            self.group.buttons()[0].setChecked(True)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("Manager PIN"))
        self.pin.returnPressed.connect(self.accept)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(tiles)
        layout.addWidget(self.pin)
        layout.addWidget(cancel)
        self.setMinimumWidth(440)
        self.pin.setFocus()

    @property
    def manager_id(self) -> int | None:
        chosen = self.group.checkedButton()
        return chosen.property("staff_id") if chosen else None


class ReturnDialog(QDialog):
    """What comes back, how many, and how the money goes back."""

    def __init__(self, record, returnable: dict[int, int], formats, parent=None):
        super().__init__(parent)
        self.record, self.formats = record, formats
        self.setWindowTitle(self.tr("Return against {receipt}").format(receipt=record.receipt_no))
        grid = QGridLayout()
        self.spins: dict[int, QSpinBox] = {}
        row = 0
        for line in record.lines:
            left = returnable.get(line.position, 0)
            indent = "    " if line.parent is not None else ""
            label = QLabel(f"{indent}{line.name}  ·  {formats.money(line.line_total)}")
            label.setWordWrap(True)
            spin = QSpinBox()
            spin.setRange(0, left)
            spin.setMinimumHeight(40)
            spin.setEnabled(left > 0)
            grid.addWidget(label, row, 0)
            grid.addWidget(QLabel(self.tr("{n} can come back").format(n=left)), row, 1)
            grid.addWidget(spin, row, 2)
            self.spins[line.position] = spin
            row += 1
        self.with_attached = QCheckBox(self.tr("What was sold with a returned unit comes back too"))
        self.with_attached.setChecked(True)
        self.tender_group = QButtonGroup(self)
        tenders = QHBoxLayout()
        paid = [p.tender for p in record.payments if p.amount > 0]
        names = {Tender.CASH: self.tr("Cash"), Tender.BANK_CARD: self.tr("Bank card"),
                 Tender.WECHAT: self.tr("WeChat Pay"), Tender.ALIPAY: self.tr("Alipay"),
                 Tender.VOUCHER: self.tr("Voucher"), Tender.ON_ACCOUNT: self.tr("On account")}
        for tender in dict.fromkeys([Tender.CASH, *paid]):
            button = QPushButton(self.tr("Back in {how}").format(how=names.get(tender, tender)))
            button.setCheckable(True)
            button.setProperty("tender", tender)
            self.tender_group.addButton(button)
            tenders.addWidget(button)
        self.tender_group.buttons()[0].setChecked(True)
        self.message = QLabel("")
        self.message.setObjectName("error")
        ok = QPushButton(self.tr("Refund"))
        ok.setObjectName("primary")
        ok.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(ok, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.with_attached)
        layout.addLayout(tenders)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(640)

    def items(self) -> list[tuple[int, int]]:
        """What comes back: (line position, quantity)."""
        return [(position, spin.value()) for position, spin in self.spins.items()
                if spin.value() > 0]

    @property
    def tender(self) -> str:
        return self.tender_group.checkedButton().property("tender")


class AuditDialog(QDialog):
    """The audit trail, newest first, for managers at the till."""

    def __init__(self, events, formats, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit trail"))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for event in events:
            details = ", ".join(f"{k}: {v}" for k, v in sorted(event.details.items())
                                if v not in (None, "", []))
            self.list.addItem(f"{formats.moment(event.at)}  {event.action}  {event.ref}  "
                              f"{event.staff_name or '-'}  {details}")
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(close)
        self.setMinimumSize(820, 480)
