"""What the accounts screen's tabs share: a read-only table that fits its screen (it
scrolls, never widens the dialog), a message line, and the way a tab runs a call."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget,
)

from ui.checkout.after_sale_parts import show_as
from ui.messages import bug_message, refusal_text


def table(headers: list[str], *, stretch: int = 0) -> QTableWidget:
    view = QTableWidget(0, len(headers))
    view.setHorizontalHeaderLabels(headers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(40)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(36)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


def fill(view: QTableWidget, rows: list[tuple], *, right: tuple[int, ...] = (),
         red: tuple[int, ...] = ()) -> None:
    """The rows (each a tuple of texts); `right`: money columns; `red`: columns shown in
    red when not empty."""
    view.blockSignals(True)  # a list read again is not a row chosen
    view.clearSelection()
    view.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(str(text))
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c in red and text:
                item.setForeground(Qt.GlobalColor.red)
            view.setItem(r, c, item)
    view.blockSignals(False)


def chosen_row(view: QTableWidget) -> int | None:
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else None


class Tab(QWidget):
    """A tab of the accounts screen: `keys` (a key -> its button), `say`, and `run` (a
    call whose refusal or bug is said on the tab)."""

    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.formats, self.staff = context, context.formats, staff
        self.keys: dict = {}

    def say(self, text: str, kind: str = "error") -> None:
        show_as(self.message, kind)
        self.message.setText(text)

    def run(self, call, done, *, disable=(), refused=None) -> None:
        def said(error):
            self.say(refusal_text(error))
            if refused is not None:
                refused(error)

        self.context.ops.run(call, parent=self, done=done, refused=said,
                             crashed=lambda: self.say(bug_message()), disable=list(disable))

    def focus(self) -> None:
        self.setFocus()

    def load(self) -> None:
        """Read what the tab shows (when it is first shown, and after an action)."""
