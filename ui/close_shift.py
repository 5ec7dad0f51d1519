"""Closing the shift at the till (a manager's right), in two steps that never close by
accident:

1. The count: the drawer counted by denomination. Blind by default: the expected cash
   is not shown until the count is submitted (the store's setting
   close_shift_show_expected shows it). Enter moves to the next field, never closes;
   F12 (or the button) submits the count.
2. The check: expected, counted and over/short, red when short and green when over or
   exact, with Back (Esc: the count as typed) and Confirm (F12), which closes with the
   next Z number. The Z report prints on the receipt printer and is saved as a PDF in
   the documents folder (queued with the close itself: ui.ops.close_shift).

The till refuses to start while a sale is open (`start_close_shift`); parked sales do not
stop it (they hold no money and complete in the next shift), the count says how many.
The dialog runs the count check and the close itself, so a refusal (a damaged database,
a permission) is shown on the check step and nothing typed is lost."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox, QGridLayout, QLabel, QPushButton, QSpinBox, QStackedWidget, QVBoxLayout,
    QWidget,
)

from ui import ops
from ui.dialog_frame import DialogFrame
from ui.messages import bug_message, refusal_text
from ui.style import DANGER, MIN_TOUCH, SUCCESS

COUNT, CHECK = 0, 1  # the steps (pages)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CloseShiftDialog", text)


def denomination_label(amount: int) -> str:
    """10000 -> '¥100', 50 -> '¥0.5': a note or a coin as it is named."""
    whole, cents = divmod(amount, 100)
    return f"¥{whole}" if not cents else f"¥{whole}.{cents:02d}".rstrip("0")


def start_close_shift(till) -> None:
    """The till's Close shift: refused while a sale is open on the till (it would be left
    unpaid, and the count would not match once it is paid), else (after a manager's
    approval where needed) the count."""
    if till.active_dialog is not None:
        return
    if till.paying or (till.cart is not None and till.cart.billable_lines()):
        till.show_message(_tr("A sale is open at this till: complete, park or cancel it "
                              "before closing the shift."))
        return

    def approved(approval_id):
        till._run(ops.shift_count(till.terminal),
                  lambda start: counted(start, approval_id),
                  disable=[till.close_shift_button])

    def counted(start, approval_id):
        dialog = CloseShiftDialog(start, till.formats, till.ops, parent=till,
                                  staff_id=till.staff.id, approval_id=approval_id)
        till.open_dialog(dialog, on_accept=lambda: closed(dialog.z))

    def closed(z):
        till.set_banner(_tr("Shift closed: Z {z} · over/short {diff}")
                        .format(z=z.z_number, diff=("+" if z.over_short > 0 else "")
                                + till.formats.money(z.over_short)))
        till.run_prints()
        till.backups.take("z_close")  # the day's sales, backed up once the shift is closed

    till._approve_then("close_day", till.terminal, _tr("close the shift"), approved)


class CloseShiftDialog(DialogFrame):
    """`start`: pos.day.shifts.CountStart (its `expected_cash` None for a blind count);
    `ops`: the app's ui.ops.Ops, to check the count and close. `z` is the closed shift's
    Z report once accepted."""

    def __init__(self, start, formats, ops_runner, parent=None, *, staff_id: int,
                 approval_id: int | None = None):
        super().__init__(_tr("Close the shift"), parent)
        self.start, self.formats, self.ops = start, formats, ops_runner
        self.staff_id, self.approval_id = staff_id, approval_id
        self.check = None  # pos.day.shifts.CountCheck, once the count is submitted
        self.z = None
        self.busy = False
        self.pages = QStackedWidget()
        self.pages.addWidget(self._count_page())
        self.pages.addWidget(self._check_page())
        self.body.addWidget(self.pages)
        order = list(self.spins.values())  # Tab, like Enter, goes down the notes, then coins
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        self.error = QLabel()  # a refusal: said here, and nothing typed is lost
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.body.addWidget(self.error)

        self.cancel_button = self.add_button(self.tr("Cancel [Esc]"), self._cancel)
        self.back_button = self.add_button(self.tr("Back to the count [Esc]"), self.back)
        self.submit_button = self.add_button(self.tr("Submit the count [F12]"), self.submit,
                                             kind="primary")
        self.confirm_button = self.add_button(self.tr("Confirm and close the shift [F12]"),
                                              self.confirm, kind="primary")
        for button in (self.cancel_button, self.back_button, self.submit_button,
                       self.confirm_button):
            # Enter never presses a button that has no focus (QDialog makes the first
            # auto-default button the default: Enter in a field closed the shift).
            button.setAutoDefault(False)
            button.setDefault(False)
        QShortcut(QKeySequence(Qt.Key.Key_F12), self, activated=self._forward)
        self._show_step(COUNT)
        self.setMinimumWidth(760)
        self._refresh()

    # the steps ------------------------------------------------------------------------
    def _count_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        start = self.start
        self.info = QLabel(self.tr("Shift opened {opened} · sales: {sales}").format(
            sales=start.sales, opened=self.formats.moment(start.opened_at)))
        self.info.setObjectName("muted")
        layout.addWidget(self.info)
        self.expected_label = QLabel()
        self.expected_label.setWordWrap(True)
        if start.expected_cash is None:
            self.expected_label.setText(self.tr(
                "Blind count: count what is in the drawer. The expected cash shows once "
                "the count is submitted."))
            self.expected_label.setObjectName("hint")
        else:
            self.expected_label.setText(self.tr("Expected in the drawer: {cash}").format(
                cash=self.formats.money(start.expected_cash)))
            self.expected_label.setObjectName("heading")
        layout.addWidget(self.expected_label)
        self.parked_label = QLabel(self.tr(
            "{n} parked sale(s) stay parked: they complete in the next shift.").format(
            n=start.parked))
        self.parked_label.setObjectName("warning")
        self.parked_label.setWordWrap(True)
        self.parked_label.setVisible(start.parked > 0)
        layout.addWidget(self.parked_label)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        self.spins: dict[int, QSpinBox] = {}
        self.subtotals: dict[int, QLabel] = {}
        denominations = list(start.denominations)
        rows = (len(denominations) + 1) // 2  # notes on the left, coins on the right
        for index, denomination in enumerate(denominations):
            row, column = index % rows, (index // rows) * 4  # column 3: a gap
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            spin.setMinimumHeight(MIN_TOUCH)
            spin.setMinimumWidth(190)
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
            spin.setAccelerated(True)
            spin.valueChanged.connect(self._refresh)
            spin.installEventFilter(self)
            name = QLabel(denomination_label(denomination))
            name.setObjectName("heading")
            name.setBuddy(spin)
            subtotal = QLabel()
            subtotal.setMinimumWidth(110)
            subtotal.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row, column)
            grid.addWidget(spin, row, column + 1)
            grid.addWidget(subtotal, row, column + 2)
            self.spins[denomination] = spin
            self.subtotals[denomination] = subtotal
        grid.setColumnMinimumWidth(3, 32)
        layout.addLayout(grid)
        self.counted_label = QLabel()
        self.counted_label.setObjectName("total")
        layout.addWidget(self.counted_label)
        layout.addStretch(1)
        return page

    def _check_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr("Check the count before the shift is closed."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        self.check_expected = QLabel()
        self.check_counted = QLabel()
        self.over_short = QLabel()
        self.verdict = QLabel()
        for row, (name, value) in enumerate((
                (self.tr("Expected in the drawer"), self.check_expected),
                (self.tr("Counted"), self.check_counted),
                (self.tr("Over / short"), self.over_short))):
            label = QLabel(name)
            label.setObjectName("heading")
            value.setObjectName("total")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
        self.verdict.setObjectName("heading")
        grid.addWidget(self.verdict, 2, 2)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        note = QLabel(self.tr("Closing takes the next Z number and cannot be undone. The Z "
                              "report prints on the receipt printer and is saved as a PDF."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def step(self) -> int:
        return self.pages.currentIndex()

    def _show_step(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        counting = step == COUNT
        for button in (self.cancel_button, self.submit_button):
            button.setVisible(counting)
        for button in (self.back_button, self.confirm_button):
            button.setVisible(not counting)
        if counting and self.spins:
            next(iter(self.spins.values())).setFocus()
        elif not counting:
            self.back_button.setFocus()  # Enter on the check goes back, never closes

    # counting ---------------------------------------------------------------------------
    def counts(self) -> dict[int, int]:
        return {d: spin.value() for d, spin in self.spins.items() if spin.value()}

    def counted(self) -> int:
        return sum(d * n for d, n in self.counts().items())

    def _refresh(self) -> None:
        for denomination, spin in self.spins.items():
            amount = denomination * spin.value()
            self.subtotals[denomination].setText(self.formats.money(amount) if amount else "")
        self.counted_label.setText(self.tr("Counted {counted}").format(
            counted=self.formats.money(self.counted())))

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        """Enter in a count field moves to the next one (the last: to Submit); it never
        closes the shift."""
        if (event.type() == QEvent.Type.KeyPress and event.key() in ENTER_KEYS
                and isinstance(watched, QSpinBox)):
            watched.interpretText()
            fields = list(self.spins.values())
            index = fields.index(watched) if watched in fields else -1
            if 0 <= index < len(fields) - 1:
                fields[index + 1].setFocus()
                fields[index + 1].selectAll()
            else:
                self.submit_button.setFocus()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        """Enter presses only the button that has the focus; anything else ignores it."""
        if event.key() in ENTER_KEYS:
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused.isVisible() and focused.isEnabled():
                focused.click()
            return
        super().keyPressEvent(event)

    def _forward(self) -> None:
        """F12: submit the count, or (on the check) confirm the close."""
        if self.busy:
            return
        if self.step() == COUNT:
            self.submit()
        else:
            self.confirm()

    def submit(self) -> None:
        """The count is in: the expected cash and the over/short, to confirm."""
        if self.busy:
            return
        for spin in self.spins.values():
            spin.interpretText()
        self._busy(True)
        self.ops.run(ops.check_count(terminal=self.start.terminal, counts=self.counts()),
                     parent=self, done=self._checked, refused=self._refused,
                     crashed=self._crashed)

    def _checked(self, check) -> None:
        self._busy(False)
        self.check = check
        self.error.hide()
        self.check_expected.setText(self.formats.money(check.expected_cash))
        self.check_counted.setText(self.formats.money(check.counted_cash))
        diff = check.over_short
        sign = "+" if diff > 0 else ""
        self.over_short.setText(sign + self.formats.money(diff))
        verdict = (self.tr("Short") if diff < 0 else self.tr("Over") if diff > 0
                   else self.tr("Exact"))
        self.verdict.setText(verdict)
        colour = DANGER if diff < 0 else SUCCESS  # red when short, green when over or exact
        for label in (self.over_short, self.verdict):
            label.setStyleSheet(f"color: {colour};")
            label.setProperty("tone", "short" if diff < 0 else "over" if diff > 0 else "exact")
        self._show_step(CHECK)

    # closing ----------------------------------------------------------------------------
    def confirm(self) -> None:
        if self.busy or self.step() != CHECK:
            return
        self._busy(True)
        self.ops.run(ops.close_shift(terminal=self.start.terminal, staff_id=self.staff_id,
                                     counts=self.counts(), approval_id=self.approval_id),
                     parent=self, done=self._closed, refused=self._refused,
                     crashed=self._crashed)

    def _closed(self, z) -> None:
        self._busy(False)
        self.z = z
        self.accept()

    def _refused(self, error) -> None:
        """A refusal keeps the dialog, the step and the count."""
        self._say(refusal_text(error, self.formats))

    def _crashed(self) -> None:
        self._say(bug_message())

    def _say(self, text: str) -> None:
        self._busy(False)
        self.error.setText(text)
        self.error.show()

    def _busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.submit_button, self.confirm_button, self.back_button):
            button.setEnabled(not busy)

    def back(self) -> None:
        """Back to the count, as it was typed."""
        if self.busy:
            return
        self.error.hide()
        self._show_step(COUNT)

    def reject(self) -> None:
        """Esc: on the check, back to the count; on the count, cancel."""
        if self.step() == CHECK:
            self.back()
            return
        if not self.busy:
            super().reject()

    def _cancel(self) -> None:
        if not self.busy:
            super().reject()

