"""The tables of the stock screen: one read-only model (RowsModel: headers, rows of text,
numbers right-aligned, a row marked when it needs a look), the table view that shows it
without ever widening the window, and the rows each panel builds from the records the
services return (a product across the stores, a serial's history, the stock list, the
lines scanned, a transfer, a count)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from pos.kernel.messages import Message
from ui.messages import refusal_text

MARKED = QColor("#cf222e")  # a row that needs a look: short, missing, low
MUTED = QColor("#57606a")


def _tr(text: str) -> str:
    return QCoreApplication.translate("StockScreen", text)


def named(message_id: str, fallback: str = "") -> str:
    """A name from the message catalog in the app's language ("stock.state.sold")."""
    text = refusal_text(Message(message_id))
    return fallback if text == message_id and fallback else text


def state_name(state) -> str:
    value = getattr(state, "value", state)
    return named(f"stock.state.{value}", str(value))


def kind_name(kind) -> str:
    """A stock document's kind, or a sale document's (a serial's history has both)."""
    value = str(getattr(kind, "value", kind))
    sales = {"sale": _tr("Sale"), "addon": _tr("Add-on sale"), "refund": _tr("Return"),
             "void": _tr("Void"), "exchange": _tr("Exchange")}
    return sales[value] if value in sales else named(f"stock.kind.{value}", value)


def reason_name(reason) -> str:
    if reason is None:
        return ""
    value = getattr(reason, "value", reason)
    return named(f"stock.reason.{value}", str(value))


def serials_text(serials, shown: int = 6) -> str:
    """'SN1, SN2, SN3 +4 more': a few, and how many others."""
    serials = list(serials)
    if len(serials) <= shown:
        return ", ".join(serials)
    return _tr("{first} +{more} more").format(first=", ".join(serials[:shown]),
                                              more=len(serials) - shown)


class RowsModel(QAbstractTableModel):
    """Rows of text under headers; `numeric` columns are right-aligned, rows in `marked`
    drawn red; the whole text of a cell is its tooltip (a cell may be elided)."""

    def __init__(self, headers: list[str], rows: list[list[str]] | None = None, *,
                 numeric: set[int] | frozenset = frozenset(), marked: set[int] | None = None,
                 parent=None):
        super().__init__(parent)
        self.headers, self.rows = list(headers), [list(row) for row in rows or []]
        self.numeric, self.marked = set(numeric), set(marked or ())

    def rowCount(self, parent=None):  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None):  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        text = self.rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.row() in self.marked:
            return QBrush(MARKED)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def set_rows(self, rows: list[list[str]], marked: set[int] | None = None, *,
                 headers: list[str] | None = None, numeric: set[int] | None = None) -> None:
        self.beginResetModel()
        if headers is not None:
            self.headers = list(headers)
        if numeric is not None:
            self.numeric = set(numeric)
        self.rows = [list(row) for row in rows]
        self.marked = set(marked or ())
        self.endResetModel()

    def column(self, column: int) -> list[str]:
        return [row[column] for row in self.rows]


class StockTable(QTableView):
    """A table that never takes the keyboard from the scan field and never widens its
    window: the `stretch` column takes the room left (elided), the others fit their text."""

    def __init__(self, model: RowsModel, *, stretch: int = 1, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.set_stretch(stretch)
        self.setMinimumWidth(200)

    def set_stretch(self, stretch: int) -> None:
        header = self.horizontalHeader()
        header.setMinimumSectionSize(40)
        for column in range(self.model().columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)

    def chosen_row(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None


# the rows each panel shows ----------------------------------------------------------------
def store_headers() -> list[str]:
    return [_tr("Store"), _tr("On hand"), _tr("In transit"), _tr("Reorder at"),
            _tr("Serials in stock")]


def holdings_rows(product) -> tuple[list[list[str]], set[int]]:
    """A product across the stores: a row a store; marked where it is at or below its
    reorder point."""
    rows, marked = [], set()
    for place, held in enumerate(product.stores):
        rows.append([f"{held.store} · {held.store_name}", str(held.on_hand), str(held.in_transit),
                     "" if held.reorder_point is None else str(held.reorder_point),
                     serials_text(held.serials)])
        if held.reorder_point is not None and held.on_hand <= held.reorder_point:
            marked.add(place)
    return rows, marked


def history_headers() -> list[str]:
    return [_tr("When"), _tr("What"), _tr("Document"), _tr("Store"), _tr("State after"),
            _tr("By")]


def history_rows(history, formats) -> list[list[str]]:
    rows = []
    for event in history.events:
        what = kind_name(event.kind)
        if event.reason is not None:
            what = _tr("{what} ({reason})").format(what=what, reason=reason_name(event.reason))
        rows.append([formats.moment(event.at), what, event.document, event.store,
                     state_name(event.state), event.staff or ""])
    return rows


def list_headers() -> list[str]:
    return [_tr("Store"), _tr("SKU"), _tr("Product"), _tr("On hand"), _tr("In transit"),
            _tr("Reorder at")]


def list_rows(stock_rows) -> tuple[list[list[str]], set[int]]:
    rows, marked = [], set()
    for place, row in enumerate(stock_rows):
        rows.append([row.store, row.sku, row.name, str(row.on_hand), str(row.in_transit),
                     "" if row.reorder_point is None else str(row.reorder_point)])
        if row.low:
            marked.add(place)
    return rows, marked


def lines_headers(*, with_cost: bool) -> list[str]:
    headers = [_tr("SKU"), _tr("Product"), _tr("Serial"), _tr("Qty")]
    return headers + [_tr("Unit cost")] if with_cost else headers


def transfer_headers() -> list[str]:
    return [_tr("Transfer"), _tr("From"), _tr("Sent"), _tr("Lines"), _tr("Units")]


def transfer_rows(transfers, formats) -> list[list[str]]:
    return [[t.doc_no, t.from_store, formats.moment(t.sent_at), str(len(t.lines)),
             str(sum(line.qty for line in t.lines))] for t in transfers]


def sent_headers() -> list[str]:
    return [_tr("SKU"), _tr("Product"), _tr("Sent"), _tr("Serials")]


def sent_rows(transfer) -> list[list[str]]:
    return [[line.sku, line.name, str(line.qty), serials_text(line.serials)]
            for line in transfer.lines]


def shortage_headers() -> list[str]:
    return [_tr("SKU"), _tr("Product"), _tr("Sent"), _tr("Received"), _tr("Difference"),
            _tr("Serials missing")]


def shortage_rows(shortages) -> list[list[str]]:
    return [[s.sku, s.name, str(s.sent), str(s.received), f"{s.received - s.sent:+d}",
             serials_text(s.serials_missing)] for s in shortages]


def count_headers() -> list[str]:
    return [_tr("SKU"), _tr("Product"), _tr("Expected"), _tr("Counted"), _tr("Difference"),
            _tr("Serials missing"), _tr("Serials extra")]


def count_rows(view) -> tuple[list[list[str]], set[int]]:
    rows, marked = [], set()
    for place, line in enumerate(view.lines):
        rows.append([line.sku, line.name, str(line.expected), str(line.counted),
                     f"{line.difference:+d}" if line.difference else "0",
                     serials_text(line.serials_missing), serials_text(line.serials_extra)])
        if line.difference or line.serials_missing or line.serials_extra:
            marked.add(place)
    return rows, marked
