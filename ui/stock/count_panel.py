"""Count (F4): a stock count run with the scanner. Start one for a category (category:CODE:
every product of it not scanned is counted as none) or a shelf (shelf:NAME: only what is
scanned), or resume a count left open (F11). Each scan adds one (or the quantity set);
a serial-tracked product's barcode starts its serials, and a known unit's serial counts
by itself. The count shows live what the books expect, what was counted, the difference
and the serials missing or extra. A manager posts it (F12): the differences become one
sealed count document. A count left open stays open for later (F9); one not wanted is
discarded with its scans (F8, asked first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHBoxLayout, QLabel, QSpinBox, QStackedWidget,
    QVBoxLayout, QWidget,
)

from pos.kernel.enums import StaffRole
from ui import ops
from ui.checkout.after_sale_parts import dialog_button, error_line
from ui.dialog_frame import set_kind
from ui.elided_label import ElidedLabel
from ui.messages import Confirm, bug_message, refusal_text
from ui.stock.line_entry import scan_field
from ui.stock.stock_models import RowsModel, StockTable, count_headers, count_rows

CATEGORY, SHELF = "category", "shelf"
MANAGERS = (StaffRole.MANAGER, StaffRole.ADMIN)


class CountPanel(QWidget):
    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.staff, self.formats = context, staff, context.formats
        self.queue = context.ops.queue()  # scans apply in the order they were made
        self.view = None  # the CountView open
        self.serials_of: str | None = None
        self.open_views: list = []
        self.posting = False
        self.posted = None
        self.loaded = False

        # the start page: a new count, or one left open
        self.scope_kind = QComboBox()
        self.scope_kind.addItem(self.tr("Category"), CATEGORY)
        self.scope_kind.addItem(self.tr("Shelf"), SHELF)
        self.scope_kind.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.scope_name = scan_field(self.tr("The category's code, or the shelf's name"))
        self.scope_name.returnPressed.connect(self.start)
        self.start_message = error_line()
        self.start_done = ElidedLabel("")
        self.start_done.setObjectName("success")
        self.open_model = RowsModel([self.tr("Count"), self.tr("Started"), self.tr("Products")],
                                    numeric={2})
        self.open_table = StockTable(self.open_model, stretch=0)
        self.open_table.doubleClicked.connect(lambda _index: self.resume())
        self.resume_button = dialog_button(self.tr("Resume the count chosen [F11]"))
        self.resume_button.clicked.connect(self.resume)
        self.start_button = dialog_button(self.tr("Start the count [F12]"), name="primary")
        self.start_button.set_height(52)
        self.start_button.clicked.connect(self.start)
        start_page = QWidget()
        scope = QGridLayout()
        scope.addWidget(QLabel(self.tr("Count what")), 0, 0)
        scope.addWidget(self.scope_kind, 0, 1)
        scope.addWidget(self.scope_name, 0, 2)
        scope.setColumnStretch(2, 1)
        start_buttons = QHBoxLayout()
        start_buttons.addWidget(self.resume_button, 1)
        start_buttons.addWidget(self.start_button, 2)
        start_layout = QVBoxLayout(start_page)
        start_layout.addLayout(scope)
        start_layout.addWidget(self.start_message)
        start_layout.addWidget(self.start_done)
        start_layout.addWidget(QLabel(self.tr("Counts left open at this store")))
        start_layout.addWidget(self.open_table, 1)
        start_layout.addLayout(start_buttons)

        # the count page: scanning, the count as it stands, post
        self.heading = ElidedLabel("")
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.scan = scan_field(self.tr("Scan each unit on the shelf"))
        self.scan.returnPressed.connect(self.scanned)
        self.qty = QSpinBox()
        self.qty.setRange(1, 99_999)
        self.qty.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.qty.setToolTip(self.tr("How many the next scan counts"))
        self.hint = ElidedLabel(self.tr("Scan the first product"))
        self.hint.setObjectName("muted")
        self.message = error_line()
        self.model = RowsModel(count_headers(), numeric={2, 3, 4})
        self.table = StockTable(self.model, stretch=1)
        self.leave_button = set_kind(dialog_button(self.tr("Leave it open [F9]")), "secondary")
        self.leave_button.clicked.connect(self.leave)
        self.discard_button = set_kind(dialog_button(self.tr("Discard [F8]")), "secondary")
        self.discard_button.clicked.connect(self.discard)
        self.post_button = dialog_button(self.tr("Post the count [F12]"), name="primary")
        self.post_button.set_height(52)
        self.post_button.clicked.connect(self.post)
        self.post_button.setVisible(staff.role in MANAGERS)
        count_page = QWidget()
        fields = QHBoxLayout()
        fields.addWidget(self.scan, 1)
        fields.addWidget(QLabel(self.tr("Qty")))
        fields.addWidget(self.qty)
        count_buttons = QHBoxLayout()
        count_buttons.addWidget(self.discard_button, 1)
        count_buttons.addWidget(self.leave_button, 1)
        count_buttons.addWidget(self.post_button, 2)
        count_layout = QVBoxLayout(count_page)
        count_layout.addWidget(self.heading)
        count_layout.addLayout(fields)
        count_layout.addWidget(self.hint)
        count_layout.addWidget(self.message)
        count_layout.addWidget(self.table, 1)
        count_layout.addLayout(count_buttons)

        self.pages = QStackedWidget()
        self.pages.addWidget(start_page)
        self.pages.addWidget(count_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    @property
    def keys(self) -> dict:
        if self.pages.currentIndex() == 0:
            return {Qt.Key.Key_F11: self.resume_button, Qt.Key.Key_F12: self.start_button}
        return {Qt.Key.Key_F8: self.discard_button, Qt.Key.Key_F9: self.leave_button,
                Qt.Key.Key_F12: self.post_button}

    @property
    def field(self):
        return self.scope_name if self.pages.currentIndex() == 0 else self.scan

    def focus(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.load()
        self.field.setFocus()

    # starting and resuming ------------------------------------------------------------
    def load(self) -> None:
        self.context.ops.run(ops.open_counts(self.context.store.code), parent=self,
                             done=self.show_open,
                             refused=lambda error: self.start_message.setText(
                                 refusal_text(error)),
                             crashed=lambda: self.start_message.setText(bug_message()),
                             busy=False)

    def show_open(self, views) -> None:
        self.open_views = list(views)
        self.open_model.set_rows([[v.scope, self.formats.moment(v.started_at), str(len(v.lines))]
                                  for v in self.open_views])
        if self.open_views:
            self.open_table.selectRow(len(self.open_views) - 1)

    def scope(self) -> str:
        return f"{self.scope_kind.currentData()}:{self.scope_name.text().strip()}"

    def start(self) -> None:
        self.start_message.clear()
        self.context.ops.run(
            ops.start_count(store=self.context.store.code, scope=self.scope(),
                            staff_id=self.staff.id),
            parent=self, done=self.open_count,
            refused=lambda error: self.start_refused(refusal_text(error)),
            crashed=lambda: self.start_refused(bug_message()), disable=[self.start_button])

    def start_refused(self, text: str) -> None:
        self.start_message.setText(text)
        self.scope_name.setFocus()

    def resume(self) -> None:
        row = self.open_table.chosen_row()
        if row is None or row >= len(self.open_views):
            self.start_refused(self.tr("Choose the count to resume"))
            return
        self.context.ops.run(ops.count_view(self.open_views[row].draft_id), parent=self,
                             done=self.open_count,
                             refused=lambda error: self.start_refused(refusal_text(error)),
                             crashed=lambda: self.start_refused(bug_message()),
                             disable=[self.resume_button])

    def open_count(self, view) -> None:
        self.serials_of = None
        self.start_done.setText("")
        self.scope_name.clear()
        self.hint.setText(self.tr("Scan the first product"))
        self.message.clear()
        self.show_view(view)
        self.pages.setCurrentIndex(1)
        self.scan.setFocus()

    # counting -------------------------------------------------------------------------
    def show_view(self, view) -> None:
        self.view = view
        counted = sum(line.counted for line in view.lines)
        self.heading.setText(self.tr("Count {scope} · started {when} · {counted} counted").format(
            scope=view.scope, when=self.formats.moment(view.started_at), counted=counted))
        rows, marked = count_rows(view)
        self.model.set_rows(rows, marked)

    def scanned(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code or self.view is None or self.posting:
            return
        self.message.clear()
        qty, draft_id = self.qty.value(), self.view.draft_id
        self.queue.run(lambda: ops.scan_into_count(draft_id=draft_id, code=code, qty=qty,
                                                   serials_of=self.serials_of),
                       parent=self, done=lambda answer: self.counted(code, *answer),
                       refused=lambda error: self.say(refusal_text(error)),
                       crashed=lambda: self.say(bug_message()), busy=False)

    def counted(self, code: str, view, serials_of: str | None) -> None:
        if self.view is None or view.draft_id != self.view.draft_id:
            return  # the count was left or posted meanwhile
        self.show_view(view)
        self.qty.setValue(1)
        if serials_of is not None and serials_of != self.serials_of:
            self.hint.setText(self.tr("{code}: scan the serial of each unit, then the next "
                                      "product").format(code=serials_of))
        elif serials_of is None:
            self.hint.setText(self.tr("Counted {code}; scan the next").format(code=code))
        else:
            self.hint.setText(self.tr("Serial {serial} counted; the next serial, or the next "
                                      "product").format(serial=code))
        self.serials_of = serials_of

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.scan.setFocus()

    def leave(self) -> None:
        """Back to the start: the count stays open, to resume later."""
        if self.posting:
            return
        self.view = None
        self.pages.setCurrentIndex(0)
        self.load()
        self.scope_name.setFocus()

    def discard(self) -> None:
        """Drop the count and its scans, once the person says so."""
        if self.posting or self.view is None:
            return
        if not Confirm.ask(self, self.tr("Discard the count {scope} and everything scanned "
                                         "into it?").format(scope=self.view.scope)):
            self.scan.setFocus()
            return
        self.posting = True

        def discarded(_nothing):
            self.posting = False
            self.leave()

        def refused(text):
            self.posting = False
            self.say(text)

        self.context.ops.run(ops.discard_count(draft_id=self.view.draft_id,
                                               staff_id=self.staff.id),
                             parent=self, done=discarded,
                             refused=lambda error: refused(refusal_text(error)),
                             crashed=lambda: refused(bug_message()),
                             disable=[self.discard_button, self.post_button, self.leave_button])

    def post(self) -> None:
        if self.posting or self.view is None or self.staff.role not in MANAGERS:
            return
        self.posting = True
        self.scan.setReadOnly(True)
        self.context.ops.run(ops.post_count(draft_id=self.view.draft_id, staff_id=self.staff.id),
                             parent=self, done=self.posted_count,
                             refused=lambda error: self.post_refused(refusal_text(error)),
                             crashed=lambda: self.post_refused(bug_message()),
                             disable=[self.post_button, self.leave_button])

    def post_refused(self, text: str) -> None:
        self.posting = False
        self.scan.setReadOnly(False)
        self.say(text)

    def posted_count(self, posted) -> None:
        self.posting = False
        self.scan.setReadOnly(False)
        self.posted = posted
        self.view = None
        self.pages.setCurrentIndex(0)
        self.start_done.setText(self.tr("Posted: {doc} · {lines} lines changed").format(
            doc=posted.doc_no, lines=posted.lines))
        self.load()
        self.scope_name.setFocus()
