"""Pieces the after-sale dialogs share: buttons with their keys (keyed), a whole number
with touch-size − and + buttons (Stepper), a name that elides instead of widening its
dialog (ElidedLabel), the lines of a sale that can come back with how many of each
(ReturnLines), and the way money goes back to the customer (MoneyBackChoice)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QSpinBox, QVBoxLayout, QWidget,
)

from pos.kernel.enums import LineKind, Tender
from ui.checkout.payment import TENDER_KEYS
from ui.dialog_frame import set_kind
from ui.elided_label import ElidedLabel
from ui.key_button import KeyButton
from ui.style import MIN_TOUCH

ROW_HEIGHT = MIN_TOUCH + 16  # a line that can come back: its name, what it was, a Stepper



class DialogKeys(QObject):
    """The keys of a dialog's buttons, wherever the keyboard is in it: a key its field
    does not use (an F-key) comes up to the dialog and presses the button. The dialog is
    made the active window when it shows, so its keys are its own at once."""

    def __init__(self, dialog: QDialog):
        super().__init__(dialog)
        self.buttons: dict[int, QPushButton] = {}
        dialog.installEventFilter(self)

    @classmethod
    def of(cls, dialog: QDialog) -> DialogKeys:
        keys = dialog.findChild(DialogKeys, options=Qt.FindChildOption.FindDirectChildrenOnly)
        return keys or cls(dialog)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and watched is self.parent():
            # Its keys work once it is the active window: with no window manager (a
            # kiosk till, offscreen) nothing else makes it so.
            watched.activateWindow()
        if event.type() == QEvent.Type.KeyPress and not event.modifiers():
            button = self.buttons.get(event.key())
            if button is not None and button.isVisible() and button.isEnabled():
                button.click()
                return True
        return False


def key_name(key: Qt.Key) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def dialog_button(text: str, *, name: str = "") -> KeyButton:
    """A dialog's button, "Label [Key]" drawn with its key in small type on one line; it
    never takes the keyboard (the dialog's field keeps it) nor Enter."""
    button = KeyButton(text, stacked=False)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setAutoDefault(False)  # Enter is the dialog's own (its field's), never a button's
    if name:
        button.setObjectName(name)
    return button


def keyed(dialog: QDialog, text: str, key: Qt.Key, handler=None, *, name: str = "",
          button: QPushButton | None = None) -> QPushButton:
    """A button whose key is shown on it and works anywhere in `dialog`."""
    if button is None:
        button = dialog_button(f"{text} [{key_name(key)}]", name=name)
    else:
        button.setText(f"{text} [{key_name(key)}]")
    if handler is not None:
        button.clicked.connect(handler)
    DialogKeys.of(dialog).buttons[key] = button
    return button


def error_line() -> QLabel:
    """Where a dialog says what is wrong (red, wrapped); empty until it has to."""
    label = QLabel("")
    label.setObjectName("error")
    label.setWordWrap(True)
    return label


def cancel_and_go(dialog: QDialog, text: str, handler) -> tuple[QPushButton, QPushButton,
                                                                  QHBoxLayout]:
    """The row at the foot of a till dialog: Cancel [Esc] on the left, and the dialog's
    one action on the right, twice as wide and tall, on F12 (`text`, `handler`)."""
    cancel = set_kind(dialog_button(dialog.tr("Cancel [Esc]")), "secondary")
    cancel.clicked.connect(dialog.reject)
    go = keyed(dialog, text, Qt.Key.Key_F12, handler, name="primary")
    go.set_height(56)
    row = QHBoxLayout()
    row.addWidget(cancel, 1)
    row.addWidget(go, 2)
    return cancel, go, row


def fit_to_screen(dialog: QDialog, width: int, height: int) -> None:
    """Open at `width` x `height` (its content's own height when that is more), never
    larger than the screen; its layout keeps what it needs (no fixed minimum height:
    one would let Qt squeeze rows over each other)."""
    dialog.setMinimumWidth(width)
    screen = dialog.screen().availableGeometry()
    wanted = max(height, dialog.sizeHint().height())
    dialog.resize(min(width, screen.width()), min(wanted, screen.height() - 40))


def show_as(label: QLabel, name: str) -> None:
    """Give a label another look of ui.style (objectName: "total", "muted"...)."""
    if label.objectName() != name:
        label.setObjectName(name)
        label.style().unpolish(label)
        label.style().polish(label)


def receipt_header(dialog: QDialog, record, formats) -> QLabel:
    """The line naming the sale a return or an exchange is against: its receipt, when,
    what was paid and the customer."""
    who = f" · {record.customer.name} {record.customer.phone}" if record.customer else ""
    header = QLabel(dialog.tr("Receipt {receipt} · {when} · paid {amount}").format(
        receipt=record.receipt_no, when=formats.moment(record.completed_at),
        amount=formats.money(record.total)) + who)
    header.setObjectName("muted")
    header.setWordWrap(True)
    return header


class Stepper(QWidget):
    """A whole number from 0 to `maximum`: typed, stepped with Up/Down, or with − and +
    buttons big enough for a finger (MIN_TOUCH square). `spin` is the number itself."""

    def __init__(self, maximum: int, parent=None):
        super().__init__(parent)
        self.spin = QSpinBox()
        self.spin.setRange(0, maximum)
        self.spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.spin.setMinimumHeight(MIN_TOUCH)
        self.spin.setFixedWidth(64)
        self.spin.setStyleSheet("font-size: 18px;")
        self.minus = QPushButton("−")
        self.plus = QPushButton("+")
        for button, step in ((self.minus, self.spin.stepDown), (self.plus, self.spin.stepUp)):
            button.setFixedSize(MIN_TOUCH, MIN_TOUCH)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet("font-size: 22px; font-weight: bold; padding: 0;")
            button.setAutoRepeat(True)
            button.clicked.connect(step)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.minus)
        row.addWidget(self.spin)
        row.addWidget(self.plus)
        self.spin.valueChanged.connect(self._limits)
        self.setEnabled(maximum > 0)
        self._limits()

    def _limits(self) -> None:
        self.minus.setEnabled(self.spin.value() > self.spin.minimum())
        self.plus.setEnabled(self.spin.value() < self.spin.maximum())


class ReturnLines(QWidget):
    """Every line of the sale with how many may still come back and a Stepper for how
    many do; `changed` when any number (or "what was sold with it too") changes."""

    changed = Signal()

    def __init__(self, record, returnable: dict[int, int], formats, parent=None, *,
                 items: list[tuple[int, int]] | None = None):
        super().__init__(parent)
        self.record = record
        self.spins: dict[int, QSpinBox] = {}
        self.steppers: dict[int, Stepper] = {}
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 6, 0)
        grid.setColumnStretch(0, 1)
        chosen = dict(items or ())
        for row, line in enumerate(record.lines):
            left = returnable.get(line.position, 0)
            name = ElidedLabel(line.name)
            name.setStyleSheet("font-weight: bold;")
            sold = formats.money(line.line_total)
            if line.quantity != 1:
                sold = self.tr("{n} sold · {amount}").format(n=line.quantity, amount=sold)
            can = (self.tr("{n} can come back").format(n=left) if left
                   else self.tr("already back"))
            detail = ElidedLabel(f"{sold} · {can}")
            detail.setObjectName("muted")
            about = QVBoxLayout()
            about.setSpacing(0)
            about.setContentsMargins(24 if line.parent is not None else 0, 0, 0, 0)
            about.addWidget(name)
            about.addWidget(detail)
            stepper = Stepper(left)
            stepper.spin.setValue(min(chosen.get(line.position, 0), left))
            stepper.spin.valueChanged.connect(lambda _value: self.changed.emit())
            grid.addLayout(about, row, 0)
            grid.addWidget(stepper, row, 1)
            self.spins[line.position] = stepper.spin
            self.steppers[line.position] = stepper
        scroll = QScrollArea()
        scroll.setWidget(grid_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(min(len(record.lines), 3) * ROW_HEIGHT)
        self.with_attached = QCheckBox(self.tr("What was sold with a returned unit comes back too"))
        self.with_attached.setChecked(True)
        self.with_attached.setMinimumHeight(MIN_TOUCH)
        self.with_attached.setVisible(any(line.kind is LineKind.MAIN_UNIT
                                          and any(other.parent == line.position
                                                  for other in record.lines)
                                          for line in record.lines))
        self.with_attached.toggled.connect(lambda _on: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.with_attached)
        first = next((spin for spin in self.spins.values() if spin.maximum() > 0), None)
        if first is not None:
            self.setFocusProxy(first)

    def items(self) -> list[tuple[int, int]]:
        """What comes back: (line position, quantity)."""
        return [(position, spin.value()) for position, spin in self.spins.items()
                if spin.value() > 0]


class MoneyBackChoice(QWidget):
    """How the money goes back: in cash, or the way the sale was paid. Each way is a
    button with the key it has at payment (F5 cash, F6 bank card...); `tender` is the
    one chosen."""

    def __init__(self, record, dialog: QWidget, parent=None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        names = self.tender_names()
        paid = [p.tender for p in record.payments if p.amount > 0 and p.tender in names]
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Money back:"))
        row.addWidget(self.title)
        ways = list(dict.fromkeys([Tender.CASH, *paid]))
        for tender in ways:  # each with its key at payment: F5 cash, F6 bank card...
            button = KeyButton("", stacked=False)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            keyed(dialog, names[tender], QKeySequence(TENDER_KEYS[tender])[0].key(),
                  button=button)
            button.setProperty("tender", str(tender))
            self.group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.group.buttons()[0].setChecked(True)

    def tender_names(self) -> dict[str, str]:
        return {Tender.CASH: self.tr("Cash"), Tender.BANK_CARD: self.tr("Bank card"),
                Tender.WECHAT: self.tr("WeChat Pay"), Tender.ALIPAY: self.tr("Alipay"),
                Tender.VOUCHER: self.tr("Voucher"), Tender.ON_ACCOUNT: self.tr("On account")}

    @property
    def tender(self) -> str:
        return self.group.checkedButton().property("tender")

    def choose(self, tender: str) -> None:
        for button in self.group.buttons():
            if button.property("tender") == tender:
                button.setChecked(True)
