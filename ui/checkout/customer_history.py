"""A customer's history, as the customer dialog shows it (F4): who they are, then their
sales, the units they bought with serials, their service cards with tier, end date and
state, and their follow-up calls, one tab each (Left/Right or Ctrl+Tab), newest first.
A tab shows the newest rows the service read and says so when there are more."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QTabWidget,
    QVBoxLayout, QWidget,
)

from pos.kernel.enums import CustomerKind
from ui.elided_label import ElidedLabel

if TYPE_CHECKING:
    from pos.people.followups import CustomerRecord


class HistoryTable(QWidget):
    """One kind of record as a read-only table, or a line saying there is none; a note
    when only the newest of them are shown."""

    def __init__(self, headers: list[str], empty: str, *, stretch: int,
                 right_aligned: tuple[int, ...] = (), parent=None):
        super().__init__(parent)
        self.right_aligned, self.stretch = right_aligned, stretch
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the tab bar keeps the keys
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)  # names elide
        self.empty = QLabel(empty)
        self.empty.setObjectName("muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel("")
        self.note.setObjectName("muted")
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.note)

    def show_rows(self, rows: list[tuple[str, ...]], total: int, note: str) -> None:
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c in self.right_aligned:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for c in range(self.table.columnCount()):  # a long name never widens the dialog
            if c != self.stretch:
                self.table.setColumnWidth(c, min(self.table.columnWidth(c) + 12, 220))
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.note.setText(note)
        self.note.setVisible(total > len(rows))

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


class CustomerHistoryView(QWidget):
    """Who, a summary line, and a tab for each kind of record (see the module)."""

    def __init__(self, formats, parent=None):
        super().__init__(parent)
        self.formats = formats
        self.who = ElidedLabel("")  # a long company name never widens the dialog
        self.who.setStyleSheet("font-size: 20px;")
        self.summary = ElidedLabel("")
        self.summary.setObjectName("muted")
        self.sales = HistoryTable([self.tr("Date"), self.tr("Receipt"), self.tr("Type"),
                                   self.tr("Total")], self.tr("No sales yet"), stretch=1,
                                  right_aligned=(3,))
        self.units = HistoryTable([self.tr("Date"), self.tr("Product"), self.tr("Serial"),
                                   self.tr("Receipt"), self.tr("Now")],
                                  self.tr("No units bought yet"), stretch=1)
        self.cards = HistoryTable([self.tr("Card"), self.tr("Unit"), self.tr("Serial"),
                                   self.tr("Ends"), self.tr("State"), self.tr("Card no.")],
                                  self.tr("No service cards yet"), stretch=1)
        self.calls = HistoryTable([self.tr("Date"), self.tr("By"), self.tr("Why"),
                                   self.tr("Outcome"), self.tr("Notes")],
                                  self.tr("No follow-up calls yet"), stretch=4)
        self.tabs = QTabWidget()
        for table in (self.sales, self.units, self.cards, self.calls):
            self.tabs.addTab(table, "")
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Left/Right: tabs
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.who)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

    def show_record(self, record: CustomerRecord) -> None:
        day, money = self.formats.day, self.formats.money
        kind = self.tr("Business") if record.kind == CustomerKind.BUSINESS else self.tr("Consumer")
        self.who.setText(" · ".join(part for part in (record.name, record.phone, kind,
                                                       record.company or "") if part))
        self.summary.setText(self.tr("Customer since {date} · {n} sales · {spent} spent").format(
            date=day(_local_day(record.since)), n=record.sales_count, spent=money(record.spent)))
        newest = self.tr("Showing the newest {shown} of {total}")
        self.sales.show_rows(
            [(day(s.business_date), s.receipt_no, self._sale_kind(s.kind), money(s.total))
             for s in record.sales], record.sales_count,
            newest.format(shown=len(record.sales), total=record.sales_count))
        self.units.show_rows(
            [(day(u.sold_on), u.name, u.serial or "—", u.receipt_no,
              self.tr("Returned") if u.returned else self.tr("Sold"))
             for u in record.units], record.units_count,
            newest.format(shown=len(record.units), total=record.units_count))
        self.cards.show_rows(
            [(c.tier_name, c.unit_name, c.unit_serial or "—",
              day(c.end_date) if c.end_date else self.tr("Lifetime"),
              self._card_state(c.state, c.end_date), c.card_no)
             for c in record.cards], record.cards_count,
            newest.format(shown=len(record.cards), total=record.cards_count))
        self.calls.show_rows(
            [(day(_local_day(c.called_at or c.created_at)), c.staff_name, self._reason(c.reason),
              self._outcome(c.outcome), c.notes.replace("\n", " "))
             for c in record.calls], record.calls_count,
            newest.format(shown=len(record.calls), total=record.calls_count))
        for index, (title, count) in enumerate((
                (self.tr("Sales ({n})"), record.sales_count),
                (self.tr("Units ({n})"), record.units_count),
                (self.tr("Service cards ({n})"), record.cards_count),
                (self.tr("Follow-up calls ({n})"), record.calls_count))):
            self.tabs.setTabText(index, title.format(n=count))

    # words for stored values ----------------------------------------------------------
    def _sale_kind(self, kind: str) -> str:
        return {"sale": self.tr("Sale"), "addon": self.tr("Add-on"), "refund": self.tr("Refund"),
                "void": self.tr("Void")}.get(kind, kind)

    def _card_state(self, state: str, end: date | None) -> str:
        if state == "cancelled":
            return self.tr("Cancelled")
        if end is not None and end < date.today():
            return self.tr("Ended")
        return self.tr("Active")

    def _reason(self, reason: str) -> str:
        return {"recent_purchase": self.tr("After a purchase"),
                "card_renewal": self.tr("Card renewal")}.get(reason, reason)

    def _outcome(self, outcome: str) -> str:
        return {"not_called": self.tr("Not called yet"), "reached": self.tr("Reached"),
                "interested": self.tr("Interested"), "no_answer": self.tr("No answer"),
                "declined": self.tr("Declined calls"),
                "wrong_number": self.tr("Wrong number")}.get(outcome, outcome)


def _local_day(moment: datetime) -> date:
    """The day a stored (UTC) moment fell on here."""
    return moment.astimezone().date()
