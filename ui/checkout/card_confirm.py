"""The "Card offered?" key of the till (issue 20, "confirm the service card five times"):
for the unit in focus, the salesperson records that the card was offered before the sale
was agreed or after it, and the customer's answer. Ctrl+K, or the small button by the card
panel's title. What is recorded stays on the cart (parked with it) and is written with
the sale (pos.selling.confirmations); the pay prompt records the third point, at payment
(ui.checkout.till_payment). Mixed into TillScreen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QHBoxLayout, QLabel, QPushButton, QRadioButton, QVBoxLayout,
)

from ui.ops.confirmations import confirm_card

BEFORE, AFTER = "before_agree", "after_agree"
KEY = "Ctrl+K"


class CardConfirmDialog(QDialog):
    """Which point (before or after the sale was agreed) and the customer's answer:
    Y yes, N no; Esc records nothing."""

    def __init__(self, unit_name: str, recorded: dict[str, bool], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Card offered?"))
        self.accepted_answer: bool | None = None
        text = QLabel(self.tr("Did you offer a service card for {unit}?").format(unit=unit_name))
        text.setWordWrap(True)
        text.setStyleSheet("font-size: 18px;")
        self.before = QRadioButton(self.tr("Before the sale was agreed"))
        self.after = QRadioButton(self.tr("After the sale was agreed"))
        group = QButtonGroup(self)
        for button in (self.before, self.after):
            group.addButton(button)
        (self.after if BEFORE in recorded else self.before).setChecked(True)
        said = {True: self.tr("yes"), False: self.tr("no")}
        self.recorded = QLabel(" · ".join(
            self.tr("{point}: {answer}").format(
                point=(self.before if point == BEFORE else self.after).text(),
                answer=said[answer])
            for point, answer in recorded.items() if point in (BEFORE, AFTER)))
        self.recorded.setWordWrap(True)
        self.recorded.setStyleSheet("color: #57606a;")
        self.recorded.setVisible(bool(self.recorded.text()))
        self.yes = QPushButton(self.tr("Yes, wants a card [Y]"))
        self.yes.setObjectName("primary")
        self.no = QPushButton(self.tr("No [N]"))
        for button, answer in ((self.yes, True), (self.no, False)):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=answer: self._answer(a))
        row = QHBoxLayout()
        row.addWidget(self.no)
        row.addWidget(self.yes)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.before)
        layout.addWidget(self.after)
        layout.addWidget(self.recorded)
        layout.addLayout(row)
        self.setMinimumWidth(460)

    @property
    def point(self) -> str:
        return BEFORE if self.before.isChecked() else AFTER

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Y:
            self._answer(True)
        elif event.key() == Qt.Key.Key_N:
            self._answer(False)
        else:
            super().keyPressEvent(event)

    def _answer(self, accepted: bool) -> None:
        self.accepted_answer = accepted
        self.accept()


class CardConfirmActions:
    """The key and the button; `install_card_confirm()` once the till is built."""

    def install_card_confirm(self) -> None:
        self.card_offered_button = QPushButton(self.tr("Card offered? [Ctrl+K]"))
        self.card_offered_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.card_offered_button.clicked.connect(self.confirm_card_offered)
        header = self.cards.layout().itemAt(0).layout()  # the card panel's title row
        header.insertWidget(1, self.card_offered_button)
        shortcut = QShortcut(QKeySequence(KEY), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.confirm_card_offered)

    def declined_at_payment(self, unit: str):
        """The card declined on the panel after the pay prompt asked about the unit (its
        "Offer a card now"): the answer at payment is no."""
        return confirm_card(self.cart, self.current_unit, main_line_id=unit,
                            point="at_payment", accepted=False, decline=True)

    def confirm_card_offered(self) -> None:
        unit = self.current_unit
        if self.cart is None or unit is None or self.active_dialog is not None or self.paying:
            if unit is None:
                self.show_message(self.tr("Scan a unit first"))
            return
        line = self.cart.line(unit)
        recorded = {row[1]: row[2] for row in self.cart.confirmations if row[0] == unit}
        dialog = CardConfirmDialog(line.name, recorded, self)

        def closed(_result):
            if dialog.accepted_answer is None:
                return
            point, accepted = dialog.point, dialog.accepted_answer
            self.change_cart(lambda: confirm_card(self.cart, self.current_unit,
                                                  main_line_id=unit, point=point,
                                                  accepted=accepted))

        self.open_dialog(dialog, on_close=closed)
