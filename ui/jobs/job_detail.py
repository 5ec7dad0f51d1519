"""A job, opened from the jobs board (Enter): its particulars, its events (who, when),
its card's coverage and claims (covered, or why the work is paid), its sheet (items to
propose, the pre-visit call's answers, outcomes), and what the technician does next:
F1-F3 the state moves allowed now (Cancel by tap); F4 diagnose a repair (and estimate);
F5/F6 the chosen item declined / not offered; F7 the pre-visit call; F8 sell on the job
(the till's add-on cart for the job's unit, with the job); F9 the job card PDF; F10 the
claim on the card; F11/F12 the card asked at pickup or during installation: yes / no;
Esc back to the board. Calls go through ui.ops.jobs off the GUI thread; a refusal is
said here and changes nothing. Long text is elided: the window never grows wider."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from pos.kernel.enums import ServiceJobKind
from ui.checkout.after_sale_parts import dialog_button, error_line
from ui.dialog_frame import set_kind
from ui.elided_label import ElidedLabel
from ui.jobs.job_parts import CallForm, DiagnoseForm, JobWords, PlanForm, local, title
from ui.messages import bug_message, refusal_text
from ui.ops import jobs as job_ops
from ui.stock.stock_models import RowsModel, StockTable

MOVE_KEYS = (Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3)


class JobDialog(QDialog):
    def __init__(self, context, staff, job_no: str, parent=None):
        super().__init__(parent)
        self.context, self.staff, self.formats = context, staff, context.formats
        self.job_no = job_no
        self.detail = None
        self.items: list = []
        self.form = None
        self.answer = None
        self.words = JobWords(self)
        self.setWindowTitle(self.tr("Job {job}").format(job=job_no))
        self.title = ElidedLabel("")
        self.title.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.fields: dict[str, ElidedLabel] = {}
        self.names: dict[str, QLabel] = {}
        grid = QGridLayout()
        names = (("customer", self.tr("Customer")), ("unit", self.tr("Unit")),
                 ("technician", self.tr("Technician")), ("appointment", self.tr("Appointment")),
                 ("promise", self.tr("Promise")), ("need", self.tr("Need")),
                 ("repair", self.tr("Repair")), ("where", self.tr("Where")))
        for index, (key, label) in enumerate(names):
            name = QLabel(label)
            name.setObjectName("muted")
            value = ElidedLabel("")
            grid.addWidget(name, index // 2, (index % 2) * 2)
            grid.addWidget(value, index // 2, (index % 2) * 2 + 1)
            self.fields[key] = value
            self.names[key] = name
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.coverage = ElidedLabel("")
        self.claim_line = ElidedLabel("")
        self.confirmed = ElidedLabel("")
        self.message = error_line()
        # the sheet
        self.sheet_title = ElidedLabel("")
        self.sheet_title.setStyleSheet("font-weight: bold;")
        self.sheet_model = RowsModel([self.tr("Item"), self.tr("Price"), self.tr("Pre-visit call"),
                                      self.tr("Outcome")], numeric={1})
        self.sheet = StockTable(self.sheet_model, stretch=0)
        self.sheet.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.events_model = RowsModel([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.events = StockTable(self.events_model, stretch=2)
        # the buttons
        self.move_buttons = [dialog_button("") for _ in MOVE_KEYS]
        for index, button in enumerate(self.move_buttons):
            button.clicked.connect(lambda _=False, i=index: self.move(i))
        self.cancel_button = set_kind(dialog_button(self.tr("Cancel the job")), "secondary")
        self.cancel_button.clicked.connect(lambda: self.move_to("cancelled"))
        self.plan_button = dialog_button(self.tr("Technician and time [Shift+F1]"))
        self.plan_button.clicked.connect(self.plan)
        self.diagnose_button = dialog_button(self.tr("Diagnose [F4]"))
        self.diagnose_button.clicked.connect(self.diagnose)
        self.declined_button = dialog_button(self.tr("Declined [F5]"))
        self.declined_button.clicked.connect(lambda: self.mark("declined"))
        self.not_offered_button = dialog_button(self.tr("Not offered [F6]"))
        self.not_offered_button.clicked.connect(lambda: self.mark("not_offered"))
        self.call_button = dialog_button(self.tr("Pre-visit call [F7]"))
        self.call_button.clicked.connect(self.call)
        self.sell_button = set_kind(dialog_button(self.tr("Sell on the job [F8]")), "primary")
        self.sell_button.clicked.connect(self.sell)
        self.print_button = dialog_button(self.tr("Job card PDF [F9]"))
        self.print_button.clicked.connect(self.save_pdf)
        self.claim_button = dialog_button(self.tr("Claim on the card [F10]"))
        self.claim_button.clicked.connect(self.claim)
        self.yes_button = dialog_button(self.tr("Card: yes [F11]"))
        self.yes_button.clicked.connect(lambda: self.confirm(True))
        self.no_button = dialog_button(self.tr("Card: no [F12]"))
        self.no_button.clicked.connect(lambda: self.confirm(False))
        self.close_button = set_kind(dialog_button(self.tr("Back to the board [Esc]")),
                                     "secondary")
        self.close_button.clicked.connect(self.reject)
        self.keys = {Qt.Key.Key_F4: self.diagnose_button, Qt.Key.Key_F5: self.declined_button,
                     Qt.Key.Key_F6: self.not_offered_button, Qt.Key.Key_F7: self.call_button,
                     Qt.Key.Key_F8: self.sell_button, Qt.Key.Key_F9: self.print_button,
                     Qt.Key.Key_F10: self.claim_button, Qt.Key.Key_F11: self.yes_button,
                     Qt.Key.Key_F12: self.no_button}
        self.keys.update(zip(MOVE_KEYS, self.move_buttons))
        states = QHBoxLayout()
        for button in (*self.move_buttons, self.diagnose_button, self.plan_button,
                       self.cancel_button):
            states.addWidget(button)
        states.addStretch(1)
        states.addWidget(self.print_button)
        card = QHBoxLayout()
        card_words = QVBoxLayout()
        for label in (self.coverage, self.claim_line, self.confirmed):
            card_words.addWidget(label)
        card.addLayout(card_words, 1)
        for button in (self.claim_button, self.yes_button, self.no_button):
            card.addWidget(button)
        sheet_buttons = QHBoxLayout()
        for button in (self.declined_button, self.not_offered_button, self.call_button):
            sheet_buttons.addWidget(button)
        sheet_buttons.addStretch(1)
        sheet_buttons.addWidget(self.sell_button)
        left = QVBoxLayout()
        left.addWidget(self.sheet_title)
        left.addWidget(self.sheet, 1)
        left.addLayout(sheet_buttons)
        right = QVBoxLayout()
        heading = QLabel(self.tr("What happened"))
        heading.setStyleSheet("font-weight: bold;")
        right.addWidget(heading)
        right.addWidget(self.events, 1)
        middle = QHBoxLayout()
        middle.addLayout(left, 3)
        middle.addLayout(right, 2)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addLayout(card)
        layout.addLayout(states)
        layout.addWidget(self.message)
        layout.addLayout(middle, 1)
        layout.addLayout(foot)
        self._fit_screen()
        for button in self.keys.values():
            button.setEnabled(False)
        self._run(job_ops.detail(job_no=job_no), self.show_detail)

    def _fit_screen(self) -> None:
        screen = (self.parent().screen() if self.parent() is not None
                  else QApplication.primaryScreen()).availableGeometry()
        self.setMaximumSize(screen.width(), screen.height())
        self.resize(min(1280, screen.width()), min(740, screen.height() - 12))

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        self.activateWindow()
        self.sheet.setFocus()

    def _run(self, call, done, **options) -> None:
        self.message.clear()
        self.context.ops.run(call, parent=self, done=done, refused=self.refused,
                             crashed=lambda: self.message.setText(bug_message()), **options)

    def refused(self, error) -> None:
        self.message.setText(refusal_text(error))

    # showing --------------------------------------------------------------------------
    def show_detail(self, detail) -> None:
        self.detail = detail
        job = detail.job
        self.answer = job
        kind, state = job.kind.value, job.state.value
        self.title.setText(self.tr("{job} · {kind} · {state}").format(
            job=job.job_no, kind=title(f"job.kind.{kind}", kind),
            state=title(f"job.state.{state}", state)))
        customer = " · ".join(part for part in (job.customer_name, job.customer_phone
                                                or job.contact_phone) if part)
        unit = " · ".join(part for part in (job.unit_name, job.serial) if part)
        if job.not_sold_here:
            unit = self.tr("{unit} (not sold here)").format(unit=unit)
        if job.receipt_no:
            unit = self.tr("{unit} · receipt {receipt}").format(unit=unit,
                                                               receipt=job.receipt_no)
        fields = self.fields
        fields["customer"].setText(customer or "—")
        fields["unit"].setText(unit or "—")
        fields["technician"].setText(job.technician_name or self.tr("Nobody yet"))
        fields["appointment"].setText(self.words.appointment(job))
        fields["promise"].setText(self.words.promise(job))
        fields["need"].setText(" ".join(job.need.split()) or "—")
        found, left = self.words.repair(job, self.formats)
        fields["repair"].setText(found)
        areas = {"city": self.tr("City"), "county": self.tr("County")}
        where = " · ".join(part for part in (areas.get(job.area, job.area or ""), job.address)
                           if part)
        fields["where"].setText(left or where or "—")
        self.names["where"].setText(self.tr("Left with it") if left else self.tr("Where"))
        self.show_card(detail)
        self.show_sheet(detail.sheet)
        self.show_events(job.events)
        self.show_buttons(detail)

    def show_card(self, detail) -> None:
        coverage, claim, asked = self.words.card(detail, self.formats)
        self.coverage.setText(coverage)
        self.claim_line.setText(claim)
        self.confirmed.setText(asked)

    def show_sheet(self, sheet) -> None:
        self.items = []
        if sheet is None:
            self.sheet_title.setText(self.tr("No job sheet for this unit"))
            self.sheet_model.set_rows([])
            return
        self.sheet_title.setText(self.tr("Job sheet: {name}").format(name=sheet.template_name))
        chosen = self.sheet.chosen_row()
        self.items = [item for section in sheet.sections for item in section.items]
        rows = [self.words.sheet_row(item, self.formats) for item in self.items]
        self.sheet_model.set_rows(rows)
        self.sheet.set_stretch(0)
        if rows:
            self.sheet.selectRow(chosen if chosen is not None and chosen < len(rows) else 0)

    def show_events(self, events) -> None:
        rows = []
        for event in reversed(events):
            rows.append([f"{local(event.at):%m-%d %H:%M}", event.staff_name or "—",
                         self.words.event_words(event)])
        self.events_model.set_rows(rows)
        self.events.set_stretch(2)

    def show_buttons(self, detail) -> None:
        job = detail.job
        moves = [state for state in detail.moves
                 if state not in ("cancelled", "diagnosed", "scheduled")]  # their own forms
        self.plan_button.setEnabled(not job.closed)
        for index, button in enumerate(self.move_buttons):
            if index < len(moves):
                state = moves[index]
                button.setText(self.tr("{state} [F{n}]").format(
                    state=title(f"job.state.{state}", state), n=index + 1))
                button.setProperty("state", state)
                button.setVisible(True)
                button.setEnabled(True)
            else:
                button.setVisible(False)
                button.setEnabled(False)
        self.cancel_button.setVisible("cancelled" in detail.moves)
        self.cancel_button.setEnabled("cancelled" in detail.moves)
        is_repair = job.kind is ServiceJobKind.REPAIR
        self.diagnose_button.setVisible(is_repair)
        self.diagnose_button.setEnabled(is_repair and not job.closed and
                                        job.state.value in ("received", "diagnosed"))
        has_items = bool(self.items) and not job.closed
        for button in (self.declined_button, self.not_offered_button, self.call_button):
            button.setEnabled(has_items)
        self.sell_button.setEnabled(not job.closed)
        self.print_button.setEnabled(True)
        self.claim_button.setVisible(detail.coverage is not None)
        self.claim_button.setEnabled(detail.coverage is not None and not detail.claims)
        for button in (self.yes_button, self.no_button):
            button.setEnabled(job.state.value != "cancelled")

    # acting ---------------------------------------------------------------------------
    def busy(self) -> list:
        return [button for button in self.keys.values() if button.isEnabled()]

    def move(self, index: int) -> None:
        state = self.move_buttons[index].property("state")
        if state:
            self.move_to(state)

    def move_to(self, state: str) -> None:
        self._run(job_ops.move(job_no=self.job_no, to=state, staff_id=self.staff.id),
                  self.show_detail, disable=self.busy())

    def chosen_item(self):
        row = self.sheet.chosen_row()
        return self.items[row] if row is not None and row < len(self.items) else None

    def mark(self, outcome: str) -> None:
        item = self.chosen_item()
        if item is None:
            return
        self._run(job_ops.record_outcome(job_no=self.job_no, item_code=item.code,
                                         outcome=outcome, staff_id=self.staff.id),
                  self.show_detail, disable=self.busy())

    def claim(self) -> None:
        self._run(job_ops.claim(job_no=self.job_no, staff_id=self.staff.id), self.show_detail,
                  disable=self.busy())

    def confirm(self, accepted: bool) -> None:
        job = self.detail.job if self.detail is not None else None
        if job is None:
            return
        point = "at_pickup" if job.kind is ServiceJobKind.REPAIR else "during_install"

        def done(answer) -> None:
            confirmation, detail = answer
            self.show_detail(detail)
            if confirmation.addon is not None:
                self.message.setText(self.tr(
                    "The customer wants the card: sell it on the job (F8)"))

        self._run(job_ops.confirm(job_no=self.job_no, accepted=accepted, point=point,
                                  staff_id=self.staff.id), done, disable=self.busy())

    def sell(self) -> None:
        """Close the job and the board: the till opens the job's cart."""
        board = self.parent()
        if board is not None and hasattr(board, "sell_job"):
            board.sell_job = self.job_no
        self.accept()

    def save_pdf(self) -> None:
        from ui.report_parts import SavePath

        path = SavePath.ask(self, self.tr("Save the job card"), f"{self.job_no}.pdf", "pdf")
        if not path:
            return
        if Path(path).suffix.lower() != ".pdf":
            path += ".pdf"
        SavePath.folder = str(Path(path).parent)
        self.write_pdf(path)

    def write_pdf(self, path: str) -> None:
        self._run(job_ops.job_card_pdf(job_no=self.job_no, path=path,
                                       locale=self.context.locale,
                                       terminal=self.context.terminal),
                  lambda written: self.message.setText(
                      self.tr("Saved: {path}").format(path=written)))

    def plan(self) -> None:
        if self.form is not None or self.detail is None:
            return
        job = self.detail.job
        self._run(job_ops.technicians(),
                  lambda people: self.form is None and self._form(PlanForm(job, people, self)))

    def diagnose(self) -> None:
        if self.form is not None or self.detail is None:
            return
        self._form(DiagnoseForm(self.context, self.detail.job, self))

    def call(self) -> None:
        item = self.chosen_item()
        if item is None or self.form is not None:
            return
        self._form(CallForm(item, self))

    def _form(self, dialog) -> None:
        self.form = dialog

        def closed(result) -> None:
            self.form = None
            self.activateWindow()
            self.sheet.setFocus()
            if result == QDialog.DialogCode.Accepted:
                self._run(dialog.call(self.job_no, self.staff.id), self.show_detail,
                          disable=self.busy())

        dialog.finished.connect(closed)
        dialog.open()

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_F1 and \
                event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            if self.plan_button.isEnabled():
                self.plan_button.click()
            return
        if event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                 Qt.KeyboardModifier.KeypadModifier):
            button = self.keys.get(event.key())
            if button is not None:
                if button.isVisible() and button.isEnabled():
                    button.click()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return  # no default button
        super().keyPressEvent(event)
