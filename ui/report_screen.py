"""The manager's report: a day, a week, a month or any days from–to, for every store, a
store or a till, computed in the background (ui.ops) and shown with a header naming what
it covers and when; the selling KPIs (each defined in its tooltip), the money, charts
(attach rate by salesperson, card take-up by tier, every sheet item's sold / declined /
not offered with "Show all"), the figures per salesperson and the commissions (for a day,
of its month to date). Saves CSV and PDF; "Commissions…" opens a month's statement.
The Stock tab (ui.stock_report_tab) holds the stock reports.

Changing the date, the period or the scope runs the report again (F5 too); an answer to
an earlier choice that arrives late is dropped. The window never grows wider than the
screen: long names are elided, with the whole name in a tooltip."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDateEdit, QDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton,
    QTabWidget, QVBoxLayout, QWidget,
)

from pos.kernel.enums import DocumentKind, Tender
from ui import ops
from ui.messages import bug_message, refusal_text
from ui.report_charts import BarChart, ItemsChart, KpiSummary
from ui.report_parts import (
    ERROR_STYLE, Scope, ScopeChoice, commission_table, dates_text, reconciliation_text,
    report_frame, save_document, staff_table,
)
from ui.stock_report_tab import StockReportTab

__all__ = ["BarChart", "ReportDialog", "period_bounds"]
DAY, WEEK, MONTH, CUSTOM = "day", "week", "month", "custom"
REFRESH_DELAY_MS = 250  # a change of the controls runs the report once they rest this long


def period_bounds(kind: str, day: date, start: date | None = None,
                  end: date | None = None) -> tuple[date, date]:
    """The first and last day of the period of `kind` that holds `day` (a week runs Monday
    to Sunday, a month from its 1st to its last day); for CUSTOM, start..end as given."""
    if kind == WEEK:
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if kind == MONTH:
        first = day.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following - timedelta(days=1)
    if kind == CUSTOM:
        return start or day, end or day
    return day, day


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def py_date(edit: QDateEdit) -> date:
    return edit.date().toPython()


class ReportDialog(QDialog):
    def __init__(self, context, parent=None, *, day: date | None = None):
        super().__init__(parent)
        self.context, self.day = context, day or date.today()
        self.formats = context.formats
        self.report = None
        self.shown: tuple[Scope, date, date] | None = None  # what the report shown covers
        self.asked = 0  # the number of the latest run; earlier answers are dropped
        self.commission_dialog = None
        self.items_chart: ItemsChart | None = None
        self.setWindowTitle(self.tr("Sales report"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self._build_controls()
        scroll = report_frame(self)
        self.header.setText(self.tr("Adding up the day…"))
        sales = QWidget()
        layout = QVBoxLayout(sales)
        layout.addLayout(self.controls)
        layout.addWidget(self.header)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.saved)
        layout.addLayout(self.buttons)
        self.stock_tab = StockReportTab(context, self, day=self.day, close=self.accept)
        self.tabs = QTabWidget()
        self.tabs.addTab(sales, self.tr("Sales"))
        self.tabs.addTab(self.stock_tab, self.tr("Stock"))
        QVBoxLayout(self).addWidget(self.tabs)
        self._fit_screen()
        QShortcut(QKeySequence("F5"), self).activated.connect(
            lambda: (self.stock_tab.refresh() if self.tabs.currentWidget() is self.stock_tab
                     else self.refresh()))
        context.ops.run(ops.report_scopes(), parent=self, done=self.scope.fill,
                        refused=lambda _error: None, crashed=lambda: None, busy=False)
        self.refresh()

    # building -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.period = QComboBox()
        for kind, label in ((DAY, self.tr("Day")), (WEEK, self.tr("Week")),
                            (MONTH, self.tr("Month")), (CUSTOM, self.tr("From–to"))):
            self.period.addItem(label, kind)
        self.period.setToolTip(self.tr("The day of the date, its week (Monday to Sunday), its "
                                       "month, or the days from–to"))
        self.date = date_edit(self.day)
        self.date.setToolTip(self.tr("The day reported (or a day of the week or month)"))
        self.start, self.end = date_edit(self.day.replace(day=1)), date_edit(self.day)
        self.start.setToolTip(self.tr("First day"))
        self.end.setToolTip(self.tr("Last day"))
        store = self.context.store
        self.scope = ScopeChoice(Scope("store", store.code, store.code, store.name))
        self.refresh_button = QPushButton(self.tr("Refresh [F5]"))
        self.refresh_button.clicked.connect(self.refresh)
        self.until = QLabel("–")
        controls = QHBoxLayout()
        for widget in (self.period, self.date, self.start, self.until, self.end):
            controls.addWidget(widget)
        controls.addWidget(self.scope, 1)
        controls.addWidget(self.refresh_button)
        self.controls = controls
        self.period.currentIndexChanged.connect(self._period_changed)
        for signal in (self.date.dateChanged, self.start.dateChanged, self.end.dateChanged,
                       self.scope.currentIndexChanged):
            signal.connect(self.soon)
        self._period_changed()

        self.csv_button = QPushButton(self.tr("Save CSV…"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.commissions_button = QPushButton(self.tr("Commissions…"))
        self.commissions_button.clicked.connect(self.show_commissions)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        self.buttons = QHBoxLayout()
        for button in (self.csv_button, self.pdf_button, self.commissions_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(close)
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(False)

    def _fit_screen(self) -> None:
        """As large as suits the report, never larger than the screen it is on."""
        screen = (self.parent().screen() if self.parent() is not None
                  else QApplication.primaryScreen()).availableGeometry()
        self.setMaximumSize(screen.width(), screen.height())
        self.resize(min(1100, screen.width()), min(720, screen.height()))

    # the choice -----------------------------------------------------------------------
    def kind(self) -> str:
        return self.period.currentData()

    def choose_period(self, kind: str) -> None:
        self.period.setCurrentIndex(self.period.findData(kind))

    def bounds(self) -> tuple[date, date]:
        return period_bounds(self.kind(), py_date(self.date), py_date(self.start),
                             py_date(self.end))

    def _period_changed(self) -> None:
        custom = self.kind() == CUSTOM
        for widget in (self.start, self.until, self.end):
            widget.setVisible(custom)
        self.date.setVisible(not custom)
        self.soon()

    def soon(self) -> None:
        """Run the report again once the controls have rested a moment."""
        self._timer.start(REFRESH_DELAY_MS)

    def refresh(self) -> None:
        """Run the report for the current choice, off the GUI thread."""
        self._timer.stop()
        scope, (start, end) = self.scope.scope(), self.bounds()
        self.asked += 1
        asked = self.asked
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Adding up {dates}…").format(
            dates=dates_text(start, end, self.context.locale)))

        def answered(report):
            if asked == self.asked:
                self.show_report(report, scope)

        def refused(error):
            if asked == self.asked:
                self._problem(refusal_text(error))

        def crashed():
            if asked == self.asked:
                self._problem(bug_message())

        self.context.ops.run(ops.period_report(start=start, end=end, **scope.options),
                             parent=self, done=answered, refused=refused, crashed=crashed,
                             disable=[self.refresh_button])

    def _problem(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    # the report -----------------------------------------------------------------------
    def header_text(self, scope: Scope, start: date, end: date) -> str:
        """'Store S01 · Mon, Nov 30, 2026', 'All stores · Nov 1 – 30, 2026'."""
        return self.tr("{scope} · {dates}").format(
            scope=scope.text(), dates=dates_text(start, end, self.context.locale))

    def show_report(self, report, scope: Scope | None = None) -> None:
        scope = scope or (self.shown[0] if self.shown else self.scope.scope())
        self.report, self.shown = report, (scope, report.start, report.end)
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(True)
        money = self.formats.money
        title = self.tr("Day report") if report.is_day else self.tr("Sales report")
        self.header.setText(self.tr("{title}: {what}").format(
            title=title, what=self.header_text(scope, report.start, report.end)))
        self.setWindowTitle(self.header.text())
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Net {net}").format(net=money(report.net)))
        self._clear()
        add = self.body_layout.addWidget
        add(KpiSummary(report.kpis))
        add(self._money_grid(report))
        charts = QHBoxLayout()
        charts.addWidget(BarChart(self.tr("Attach rate by salesperson"), [
            (r.key, [(r.rate_bp / 100, QColor("#1f6feb"))], f"{r.rate_bp / 100:g}%")
            for r in report.attach_by_staff], scale=100), 1, Qt.AlignmentFlag.AlignTop)
        charts.addWidget(BarChart(self.tr("Service-card take-up by tier"), [
            (r.key, [(r.rate_bp / 100, QColor("#8250df"))], f"{r.rate_bp / 100:g}%")
            for r in report.cards_by_tier], scale=100), 1, Qt.AlignmentFlag.AlignTop)
        self.body_layout.addLayout(charts)
        self.items_chart = ItemsChart(report.items)
        add(self.items_chart)
        add(self._section(self.tr("Per salesperson")))
        add(staff_table(report.by_staff, money))
        if report.commissions is not None:
            c = report.commissions
            heading = (self.tr("Commissions, month to date ({dates})") if report.is_day
                       else self.tr("Commissions ({dates})"))
            add(self._section(heading.format(dates=dates_text(c.start, c.end,
                                                              self.context.locale))))
            add(commission_table(c, money))
            note = QLabel(reconciliation_text(c, money))
            note.setObjectName("muted")
            note.setWordWrap(True)
            add(note)
        self.body_layout.addStretch(1)

    def _clear(self) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget, layout = item.widget(), item.layout()
            if widget is not None:
                widget.deleteLater()
            elif layout is not None:
                while layout.count():
                    child = layout.takeAt(0).widget()
                    if child is not None:
                        child.deleteLater()
                layout.deleteLater()

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("font-size: 17px; font-weight: bold; margin-top: 8px;")
        return label

    def _money_grid(self, report) -> QWidget:
        money = self.formats.money
        names = {DocumentKind.SALE: self.tr("Sales"), DocumentKind.ADDON: self.tr("Add-ons"),
                 DocumentKind.REFUND: self.tr("Returns"), DocumentKind.VOID: self.tr("Voids")}
        tenders = {Tender.CASH: self.tr("Cash"), Tender.BANK_CARD: self.tr("Bank card"),
                   Tender.WECHAT: self.tr("WeChat Pay"), Tender.ALIPAY: self.tr("Alipay"),
                   Tender.VOUCHER: self.tr("Voucher"), Tender.ON_ACCOUNT: self.tr("On account"),
                   Tender.EXCHANGE: self.tr("Exchange credit"),
                   Tender.DEPOSIT: self.tr("Deposit"), Tender.BANK_TRANSFER: self.tr("Bank transfer")}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for row, (kind, (count, total)) in enumerate(report.documents.items()):
            grid.addWidget(QLabel(names.get(kind, kind)), row, 0)
            grid.addWidget(QLabel(str(count)), row, 1)
            grid.addWidget(QLabel(money(total)), row, 2)
        for row, (tender, amount) in enumerate(report.tenders.items()):
            grid.addWidget(QLabel(tenders.get(tender, tender)), row, 3)
            grid.addWidget(QLabel(money(amount)), row, 4)
        if report.has_account:  # customer accounts and deposits (issue 19): only when any
            self._account_rows(grid, report, tenders,
                               max(len(report.documents), len(report.tenders)))
        grid.setColumnStretch(5, 1)
        figures = QWidget()
        figures.setLayout(grid)
        return figures

    def _account_rows(self, grid: QGridLayout, report, tenders: dict, first: int) -> None:
        """Account money under the sales: none of it is a sale; money in (the sales' own
        tenders, payments received and deposits net) per tender beside it."""
        money, a = self.formats.money, report.account
        rows = [(self.tr("Sales on account"), a.sales_on_account),
                (self.tr("Refunds to account"), a.refunds_to_account),
                (self.tr("Payments received"), a.payments_total),
                (self.tr("Written off"), a.write_offs),
                (self.tr("Deposits taken"), sum(a.deposits_taken.values())),
                (self.tr("Deposits paid back"), sum(a.deposits_refunded.values())),
                (self.tr("Deposits used on sales"), a.deposits_used),
                (self.tr("Deposits held"), a.deposits_held)]
        heading = QLabel(self.tr("Customer accounts and deposits"))
        heading.setStyleSheet("font-weight: bold; margin-top: 6px;")
        grid.addWidget(heading, first, 0, 1, 3)
        takings = QLabel(self.tr("Money in"))
        takings.setStyleSheet("font-weight: bold; margin-top: 6px;")
        grid.addWidget(takings, first, 3, 1, 2)
        for row, (label, amount) in enumerate(rows, start=first + 1):
            grid.addWidget(QLabel(label), row, 0, 1, 2)
            grid.addWidget(QLabel(money(amount)), row, 2)
        for row, (tender, amount) in enumerate(report.takings.items(), start=first + 1):
            grid.addWidget(QLabel(tenders.get(tender, tender)), row, 3)
            grid.addWidget(QLabel(money(amount)), row, 4)

    # files and commissions -------------------------------------------------------------
    def suggested_name(self, kind: str) -> str:
        scope, start, end = self.shown
        dates = start.isoformat() if start == end else f"{start.isoformat()}_{end.isoformat()}"
        return f"report-{scope.slug()}-{dates}.{kind}"

    def save(self, kind: str) -> None:
        """Save the report shown as CSV or PDF (every sheet item in both)."""
        if self.report is None:
            return
        save_document(self, self.context, self.report, kind=kind,
                      suggested=self.suggested_name(kind),
                      store_name=self.shown[0].store_name, message=self.saved,
                      buttons=[self.csv_button, self.pdf_button])

    def show_commissions(self) -> None:
        """The month's commission statement (the month of the date chosen), for the
        scope chosen."""
        from ui.commission_screen import CommissionDialog

        first = self.bounds()[1].replace(day=1)
        self.commission_dialog = CommissionDialog(self.context, self.scope.entries(),
                                                  self.scope.scope(), first, self)
        self.commission_dialog.open()
