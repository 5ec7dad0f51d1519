"""The report screen's Stock tab: stock at cost per store and category, a period's
movements (of one kind), aged stock (in stock longer than N days) and sell-through, for
a store or every store (pos.stock.reports, run off the GUI thread through ui.ops), in
one table that scrolls; saved as CSV or PDF as the sales report is.

Changing a choice runs the report again once the controls rest; an answer to an
earlier choice that arrives late is dropped. Long names are elided in their cells, the
whole text in the tooltip: nothing widens the window."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from pos.kernel.messages import msg
from ui import ops
from ui.messages import bug_message, refusal_text
from ui.report_parts import DONE_STYLE, ERROR_STYLE, SavePath, dates_text

VALUE, MOVES, AGED, SELL_THROUGH = "value", "moves", "aged", "sell_through"
DOC_KINDS = ("receipt", "transfer_out", "transfer_in", "count", "adjust", "write_off",
             "opening", "sale")
REFRESH_DELAY_MS = 250


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class StockReportTab(QWidget):
    def __init__(self, context, parent=None, *, day: date | None = None, close=None):
        super().__init__(parent)
        self.context, self.day = context, day or date.today()
        self.money = context.formats.money
        self.report = None
        self.asked = 0
        self.shown: tuple[str, str | None] | None = None  # what the report shown is, where
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._started = False  # the first report runs when the tab is first shown
        self._build(close)
        self._which_changed()
        context.ops.run(ops.report_scopes(), parent=self, done=self.fill_stores,
                        refused=lambda _error: None, crashed=lambda: None, busy=False)

    # building -------------------------------------------------------------------------
    def _build(self, close) -> None:
        self.which = QComboBox()
        for key, label in ((VALUE, self.tr("Stock at cost")), (MOVES, self.tr("Movements")),
                           (AGED, self.tr("Aged stock")), (SELL_THROUGH, self.tr("Sell-through"))):
            self.which.addItem(label, key)
        self.store = QComboBox()
        self.store.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.store.setMinimumContentsLength(14)
        self.store.setToolTip(self.tr("Which store the report covers"))
        home = self.context.store
        self.store.addItem(self.tr("All stores"), None)
        self.store.addItem(f"{home.code} · {home.name}", home.code)
        self.store.setCurrentIndex(1)
        self.start = _date_edit(self.day - timedelta(days=self.day.day - 1))
        self.end = _date_edit(self.day)
        self.start.setToolTip(self.tr("First day"))
        self.end.setToolTip(self.tr("Last day"))
        self.until = QLabel("–")
        self.days = QSpinBox()
        self.days.setRange(0, 3650)
        self.days.setValue(14)
        self.days.setSuffix(self.tr(" days"))
        self.days.setToolTip(self.tr("In stock longer than this many days"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Every kind"), None)
        for key in DOC_KINDS:
            self.kind.addItem(self.kind_name(key), key)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        controls = QHBoxLayout()
        for widget in (self.which, self.start, self.until, self.end, self.days, self.kind):
            controls.addWidget(widget)
        controls.addWidget(self.store, 1)
        controls.addWidget(self.refresh_button)
        self.which.currentIndexChanged.connect(self._which_changed)
        for signal in (self.store.currentIndexChanged, self.start.dateChanged,
                       self.end.dateChanged, self.days.valueChanged,
                       self.kind.currentIndexChanged):
            signal.connect(self.soon)

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        self.csv_button = QPushButton(self.tr("Save CSV…"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        if close is not None:
            close_button = QPushButton(self.tr("Close"))
            close_button.clicked.connect(close)
            buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.header)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.saved)
        layout.addLayout(buttons)

    def fill_stores(self, stores) -> None:
        """Every store of the database (pos.store.details.StoreTills), keeping the choice."""
        chosen = self.store.currentData()
        self.store.blockSignals(True)
        self.store.clear()
        self.store.addItem(self.tr("All stores"), None)
        for store in stores:
            self.store.addItem(f"{store.code} · {store.name}", store.code)
            self.store.setItemData(self.store.count() - 1, store.name,
                                   Qt.ItemDataRole.ToolTipRole)
        found = self.store.findData(chosen)
        self.store.setCurrentIndex(found if found >= 0 else 0)
        self.store.blockSignals(False)

    # names ----------------------------------------------------------------------------
    def kind_name(self, kind: str) -> str:
        names = {"sale": self.tr("Sale"), "refund": self.tr("Return"), "void": self.tr("Void"),
                 "addon": self.tr("Add-on")}
        return names.get(kind) or refusal_text(msg(f"stock.kind.{kind}"))

    def reason_name(self, reason) -> str:
        return refusal_text(msg(f"stock.reason.{reason.value}")) if reason is not None else ""

    # the choice -----------------------------------------------------------------------
    def chosen(self) -> str:
        return self.which.currentData()

    def choose(self, which: str) -> None:
        self.which.setCurrentIndex(self.which.findData(which))

    def _which_changed(self) -> None:
        which = self.chosen()
        period = which in (MOVES, SELL_THROUGH)
        for widget in (self.start, self.until, self.end):
            widget.setVisible(period)
        self.days.setVisible(which == AGED)
        self.kind.setVisible(which == MOVES)
        self.soon()

    def soon(self) -> None:
        if self._started:
            self._timer.start(REFRESH_DELAY_MS)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._started:
            self._started = True
            self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        which, store = self.chosen(), self.store.currentData()
        self.asked += 1
        asked = self.asked
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Adding up the stock…"))

        def answered(report):
            if asked == self.asked:
                self.show_report(report, which, store)

        def problem(text):
            if asked == self.asked:
                self.status.setStyleSheet(ERROR_STYLE)
                self.status.setText(text)

        call = ops.stock_report(which, store=store, start=self.start.date().toPython(),
                                end=self.end.date().toPython(), days=self.days.value(),
                                kind=self.kind.currentData())
        self.context.ops.run(call, parent=self, done=answered,
                             refused=lambda error: problem(refusal_text(error)),
                             crashed=lambda: problem(bug_message()),
                             disable=[self.refresh_button])

    # the report -----------------------------------------------------------------------
    def scope_text(self, store: str | None) -> str:
        return self.tr("Store {code}").format(code=store) if store else self.tr("All stores")

    def show_report(self, report, which: str, store: str | None) -> None:
        self.report, self.shown = report, (which, store)
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(True)
        self.status.setStyleSheet("")
        money, locale = self.money, self.context.locale
        scope = self.scope_text(store)
        if which == VALUE:
            title = self.tr("Stock at cost")
            what = scope
            headers = [self.tr("Store"), self.tr("Category"), self.tr("Units"),
                       self.tr("Value at cost")]
            rows = [[s.store, c.name, str(c.units), money(c.value)]
                    for s in report.stores for c in s.categories]
            rows += [[s.store, self.tr("Total"), str(s.units), money(s.value)]
                     for s in report.stores]
            status = self.tr("{units} units, {value} at cost").format(
                units=report.units, value=money(report.value))
            text_columns = 2
        elif which == MOVES:
            title = self.tr("Stock movements")
            what = f"{scope} · {dates_text(report.start, report.end, locale)}"
            headers = [self.tr("Time"), self.tr("Store"), self.tr("Document"), self.tr("Kind"),
                       self.tr("SKU"), self.tr("Name"), self.tr("Serial"), self.tr("Reason"),
                       self.tr("Qty")]
            rows = [[f"{r.at.astimezone():%Y-%m-%d %H:%M}", r.store, r.document,
                     self.kind_name(r.kind), r.sku, r.name, r.serial or "",
                     self.reason_name(r.reason), f"{r.qty:+d}"] for r in report.rows]
            status = self.tr("{count} movements").format(count=len(report.rows))
            text_columns = 8
        elif which == AGED:
            title = self.tr("Aged stock")
            what = self.tr("{scope} · in stock longer than {days} days").format(
                scope=scope, days=report.days)
            headers = [self.tr("Store"), self.tr("SKU"), self.tr("Name"), self.tr("Serial"),
                       self.tr("In stock since"), self.tr("Qty"), self.tr("Value at cost")]
            before = self.tr("before {day}").format(
                day=f"{report.cutoff.astimezone():%Y-%m-%d}")
            rows = [[r.store, r.sku, r.name, r.serial or "",
                     f"{r.received.astimezone():%Y-%m-%d}" if r.received else before,
                     str(r.qty), money(r.value)] for r in report.rows]
            status = self.tr("{units} units, {value} at cost").format(
                units=report.units, value=money(report.value))
            text_columns = 5
        else:
            title = self.tr("Sell-through")
            what = f"{scope} · {dates_text(report.start, report.end, locale)}"
            headers = [self.tr("Store"), self.tr("SKU"), self.tr("Name"),
                       self.tr("On hand at start"), self.tr("Received"), self.tr("Sold"),
                       self.tr("Sell-through")]
            rows = [[r.store, r.sku, r.name, str(r.opening), str(r.received), str(r.sold),
                     "—" if r.rate_bp is None else f"{r.rate_bp / 100:.2f}%"]
                    for r in report.rows]
            status = self.tr("Sold (net of returns) ÷ (on hand at the start + received)")
            text_columns = 3
        self.header.setText(self.tr("{title}: {what}").format(title=title, what=what))
        self.status.setText(status)
        self._fill(headers, rows, text_columns)

    def _fill(self, headers: list[str], rows: list[list[str]], text_columns: int) -> None:
        table = self.table
        table.clear()
        table.setColumnCount(len(headers))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels(headers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c >= text_columns:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        name = headers.index(self.tr("Name")) if self.tr("Name") in headers else 1
        header.setSectionResizeMode(name, QHeaderView.ResizeMode.Stretch)

    # files ----------------------------------------------------------------------------
    def suggested_name(self, kind: str) -> str:
        which, store = self.shown
        return f"stock-{which.replace('_', '-')}-{store or 'all-stores'}-{self.day}.{kind}"

    def save(self, kind: str) -> None:
        if self.report is None:
            return
        title = self.tr("Save as CSV") if kind == "csv" else self.tr("Save as PDF")
        path = SavePath.ask(self, title, self.suggested_name(kind), kind)
        if not path:
            return
        if Path(path).suffix.lower() != f".{kind}":
            path += f".{kind}"
        SavePath.folder = str(Path(path).parent)

        def show(text: str, ok: bool) -> None:
            self.saved.setStyleSheet(DONE_STYLE if ok else ERROR_STYLE)
            self.saved.setText(text)

        self.saved.setText("")
        self.context.ops.run(
            ops.save_stock_report(self.report, path, kind=kind, locale=self.context.locale,
                                  store_name=self.context.store.name),
            parent=self, disable=[self.csv_button, self.pdf_button],
            done=lambda written: show(self.tr("Saved: {path}").format(path=written), True),
            refused=lambda error: show(refusal_text(error), False),
            crashed=lambda: show(bug_message(), False))
