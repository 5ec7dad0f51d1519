"""What the report and commission screens share: what a report covers (a Scope: every
store, a store, a till) and the choice of it, the header that names the scope and the
dates in the app's language, the per-salesperson and commission tables, and saving a
report as CSV or PDF (the file written on the worker through ui.ops, with a message
naming the file, or saying why it could not be written)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHeaderView, QLabel, QScrollArea,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ui import ops
from ui.messages import bug_message, refusal_text

ERROR_STYLE = "color: #cf222e; font-weight: bold;"
DONE_STYLE = "color: #1a7f37; font-weight: bold;"


@dataclass(frozen=True)
class Scope:
    """What a report covers: kind "all", "store" (code) or "terminal" (code, in `store`)."""

    kind: str = "all"
    code: str = ""
    store: str = ""  # the store's code (a till's store; a store's own)
    store_name: str = ""

    @property
    def options(self) -> dict[str, str | None]:
        """The report services' filter arguments."""
        return {"terminal": self.code if self.kind == "terminal" else None,
                "store": self.code if self.kind == "store" else None}

    def text(self) -> str:
        if self.kind == "store":
            return QCoreApplication.translate("ReportScreen", "Store {code}").format(code=self.code)
        if self.kind == "terminal":
            return QCoreApplication.translate("ReportScreen", "Till {code} (store {store})").format(
                code=self.code, store=self.store)
        return QCoreApplication.translate("ReportScreen", "All stores")

    def slug(self) -> str:
        return self.code or "all-stores"


def scopes_of(stores) -> list[tuple[Scope, str]]:
    """Every scope a report may cover, with its label in the choice: all stores, then each
    store followed by its tills (pos.store.details.StoreTills)."""
    found = [(Scope(), Scope().text())]
    for store in stores:
        found.append((Scope("store", store.code, store.code, store.name),
                      f"{Scope('store', store.code).text()} · {store.name}"))
        for code, name in store.terminals:
            scope = Scope("terminal", code, store.code, store.name)
            label = f"    {scope.text()}" + (f" · {name}" if name and name != code else "")
            found.append((scope, label))
    return found


class ScopeChoice(QComboBox):
    """The choice of scope; starts with every store and this till's store, and lists every
    store and till once they have been read (`fill`), keeping the choice."""

    def __init__(self, home: Scope, parent=None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.setToolTip(QCoreApplication.translate("ReportScreen",
                                                   "Which store or till the report covers"))
        self._scopes: list[Scope] = []
        self.fill_with([(Scope(), Scope().text()), (home, home.text())], chosen=home)

    def fill_with(self, scopes: list[tuple[Scope, str]], *, chosen: Scope) -> None:
        self.blockSignals(True)
        self.clear()
        self._scopes = [scope for scope, _ in scopes]
        for _scope, label in scopes:
            self.addItem(label)
            self.setItemData(self.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        keys = [(s.kind, s.code) for s in self._scopes]
        self.setCurrentIndex(keys.index((chosen.kind, chosen.code))
                             if (chosen.kind, chosen.code) in keys else 0)
        self.blockSignals(False)

    def fill(self, stores) -> None:
        self.fill_with(scopes_of(stores), chosen=self.scope())

    def entries(self) -> list[tuple[Scope, str]]:
        return [(scope, self.itemText(i)) for i, scope in enumerate(self._scopes)]

    def scope(self) -> Scope:
        return self._scopes[self.currentIndex()] if self._scopes else Scope()

    def choose(self, kind: str, code: str = "") -> None:
        """Choose a scope by kind and code (as a person picks it from the list)."""
        keys = [(s.kind, s.code) for s in self._scopes]
        self.setCurrentIndex(keys.index((kind, code)))


def dates_text(start: date, end: date, locale: str) -> str:
    """A day as 'Mon, Nov 30, 2026' (2026年11月30日周一), a period as 'Nov 1 – 30, 2026'."""
    from babel.dates import format_interval, format_skeleton

    if start == end:
        return format_skeleton("yMMMEd", start, locale=locale)
    return format_interval(start, end, "yMMMd", locale=locale)


def month_text(first: date, locale: str) -> str:
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", first, locale=locale)


# tables ---------------------------------------------------------------------------------


def table(headers: list[str], rows: list[list[str]], *, text_columns: int = 1,
          bold_last: bool = False) -> QTableWidget:
    """A read-only table as tall as its rows (the screen scrolls, not the table); the first
    column stretches and elides, each cell's full text in its tooltip; the columns after
    the first `text_columns` hold figures, aligned right."""
    widget = QTableWidget(len(rows), len(headers))
    widget.setHorizontalHeaderLabels(headers)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    widget.setWordWrap(False)
    widget.verticalHeader().setVisible(False)
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(60)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c >= text_columns:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold_last and r == len(rows) - 1:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            widget.setItem(r, c, item)
    widget.resizeRowsToContents()
    height = widget.horizontalHeader().height() + sum(widget.rowHeight(r) for r in range(len(rows)))
    widget.setFixedHeight(height + 2 * widget.frameWidth() + 20)  # room for a scroll bar
    return widget


def staff_table(people, money) -> QTableWidget:
    """Per salesperson (pos.day.reports.StaffFigures)."""
    headers = [QCoreApplication.translate("ReportScreen", "Salesperson"),
               QCoreApplication.translate("ReportScreen", "Units"),
               QCoreApplication.translate("ReportScreen", "With items"),
               QCoreApplication.translate("ReportScreen", "Attach rate"),
               QCoreApplication.translate("ReportScreen", "Items"),
               QCoreApplication.translate("ReportScreen", "Items per unit"),
               QCoreApplication.translate("ReportScreen", "Cards"),
               QCoreApplication.translate("ReportScreen", "Sales")]
    rows = []
    for p in people:
        attach = f"{p.attached * 10_000 // p.units / 100:g}%" if p.units else "—"
        per_unit = f"{p.items_sold * 100 // p.units / 100:.2f}" if p.units else "—"
        rows.append([p.name, str(p.units), str(p.attached), attach, str(p.items_sold), per_unit,
                     f"{p.carded}/{p.card_eligible}", money(p.sales)])
    return table(headers, rows)


def commission_table(statement, money) -> QTableWidget:
    """A commission statement (pos.day.commissions.CommissionStatement), with its total."""
    headers = [QCoreApplication.translate("ReportScreen", "Person"),
               QCoreApplication.translate("ReportScreen", "Scheme"),
               QCoreApplication.translate("ReportScreen", "Sold"),
               QCoreApplication.translate("ReportScreen", "Returns"),
               QCoreApplication.translate("ReportScreen", "Basis"),
               QCoreApplication.translate("ReportScreen", "Step · rate"),
               QCoreApplication.translate("ReportScreen", "Amount")]
    no_scheme = QCoreApplication.translate("ReportScreen", "No scheme")
    rows = [[p.staff, p.scheme_name or no_scheme, money(p.sales), money(p.reversals),
             money(p.basis), f"{p.step} · {p.rate_bp / 100:g}%", money(p.amount)]
            for p in statement.people]
    rows.append([QCoreApplication.translate("ReportScreen", "Total"), "", "", "", "", "",
                 money(statement.total)])
    return table(headers, rows, text_columns=2, bold_last=True)


def reconciliation_text(statement, money) -> str:
    return QCoreApplication.translate(
        "ReportScreen", "Store net sales {net} · returns without a receipt (nobody's sale) "
        "{unattributed}").format(net=money(statement.net_sales),
                                 unattributed=money(statement.unattributed))


# saving ---------------------------------------------------------------------------------


class SavePath:
    """Where to save a file: asked with the system's file dialog, starting in the folder
    used last. Tests stand in for the person with monkeypatch on `ask`."""

    folder: str = ""

    @classmethod
    def ask(cls, parent, title: str, suggested: str, kind: str) -> str | None:
        start = Path(cls.folder or Path.home()) / suggested
        pattern = (QCoreApplication.translate("ReportScreen", "CSV files (*.csv)") if kind == "csv"
                   else QCoreApplication.translate("ReportScreen", "PDF files (*.pdf)"))
        path, _ = QFileDialog.getSaveFileName(parent, title, str(start), pattern)
        return path or None


def save_document(parent, context, document, *, kind: str, suggested: str, store_name: str,
                  message: QLabel, buttons) -> None:
    """Ask where, then write `document` (a report or a commission statement) as `kind`
    ("csv" or "pdf") there on the worker; `message` says the file written, or why not."""
    title = (QCoreApplication.translate("ReportScreen", "Save as CSV") if kind == "csv"
             else QCoreApplication.translate("ReportScreen", "Save as PDF"))
    path = SavePath.ask(parent, title, suggested, kind)
    if not path:
        return
    if Path(path).suffix.lower() != f".{kind}":
        path += f".{kind}"
    SavePath.folder = str(Path(path).parent)

    def show(text: str, ok: bool) -> None:
        message.setStyleSheet(DONE_STYLE if ok else ERROR_STYLE)
        message.setText(text)

    message.setText("")
    context.ops.run(ops.save_report(document, path, kind=kind, locale=context.locale,
                                    store_name=store_name),
                    parent=parent, disable=buttons,
                    done=lambda written: show(QCoreApplication.translate(
                        "ReportScreen", "Saved: {path}").format(path=written), True),
                    refused=lambda error: show(refusal_text(error), False),
                    crashed=lambda: show(bug_message(), False))


def report_frame(dialog) -> QScrollArea:
    """The parts a report dialog shows its figures in, set on it: `header` (large),
    `status`, `body` with `body_layout` inside the returned scroll area (it never scrolls
    sideways: nothing widens the dialog), and `saved` (where a file was written)."""
    dialog.header = QLabel()
    dialog.header.setWordWrap(True)
    dialog.header.setStyleSheet("font-size: 20px; font-weight: bold;")
    dialog.status = QLabel()
    dialog.status.setWordWrap(True)
    dialog.body = QWidget()
    dialog.body_layout = QVBoxLayout(dialog.body)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(dialog.body)
    dialog.saved = QLabel()
    dialog.saved.setWordWrap(True)
    dialog.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return scroll
