"""The jobs board at the till (Shift+F9; everyone): today's and the overdue service jobs
(installations, on-site visits, repairs) of the till's store, by technician, with their
appointment times, sorted by the time left to the service promise; late ones in red.
"Only mine" (a technician's own jobs; on by default for an installer, whose login opens
here) and the kind narrow the list.

    arrows      choose a job            Enter   open it (ui.jobs.job_detail)
    F5          register a job          F6      read the board again
    Esc         back to the till (the scan field has the keyboard again)

Selling from a job closes the board and opens the till's add-on cart for the job (the
`sell_job` the till's opener reads). Every call goes through ui.ops.jobs, off the GUI
thread; the screen fits the till's screen and never grows wider (long text is elided)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from pos.kernel.enums import StaffRole
from ui.checkout.after_sale_parts import dialog_button, error_line
from ui.dialog_frame import set_kind
from ui.jobs.job_parts import local, title
from ui.messages import bug_message, refusal_text
from ui.ops import jobs as job_ops
from ui.stock.stock_models import RowsModel, StockTable

KINDS = ("installation", "on_site", "repair")


class JobsDialog(QDialog):
    def __init__(self, context, staff, parent=None, *, mine: bool | None = None):
        super().__init__(parent)
        self.context, self.staff, self.formats = context, staff, context.formats
        self.jobs: list = []
        self.people: list = []
        self.detail = None  # the job open over the board, if any
        self.form = None  # the registering form, if open
        self.sell_job: str | None = None  # the job to sell on when the board closes
        self.setWindowTitle(self.tr("Jobs · {name}").format(name=staff.name))
        self.mine = QCheckBox(self.tr("Only mine"))
        self.mine.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.mine.setChecked(staff.role is StaffRole.INSTALLER if mine is None else mine)
        self.mine.toggled.connect(self.reload)
        self.kind = QComboBox()
        self.kind.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.kind.addItem(self.tr("Every kind"), None)
        for kind in KINDS:
            self.kind.addItem(title(f"job.kind.{kind}", kind), kind)
        self.kind.currentIndexChanged.connect(self.reload)
        self.open_button = dialog_button(self.tr("Open [Enter]"))
        self.new_button = dialog_button(self.tr("New job [F5]"))
        self.refresh_button = dialog_button(self.tr("Refresh [F6]"))
        self.close_button = set_kind(dialog_button(self.tr("To the till [Esc]")), "secondary")
        self.open_button.clicked.connect(self.open_job)
        self.new_button.clicked.connect(self.register)
        self.refresh_button.clicked.connect(self.reload)
        self.close_button.clicked.connect(self.reject)
        self.keys = {Qt.Key.Key_F5: self.new_button, Qt.Key.Key_F6: self.refresh_button}
        self.model = RowsModel(self.headers())
        self.table = StockTable(self.model, stretch=7)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.activated.connect(lambda *_: self.open_job())
        self.message = error_line()
        self.empty = QLabel(self.tr("No jobs for today and none overdue"))
        self.empty.setObjectName("muted")
        self.empty.hide()
        top = QHBoxLayout()
        top.addWidget(self.mine)
        top.addWidget(self.kind)
        top.addStretch(1)
        for button in (self.open_button, self.new_button, self.refresh_button):
            top.addWidget(button)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        self._fit_screen()
        self.reload()
        self.clock = self.startTimer(60_000)  # the time left moves on: read it again

    def headers(self) -> list[str]:
        return [self.tr("Time left"), self.tr("Appointment"), self.tr("Technician"),
                self.tr("Job"), self.tr("Kind"), self.tr("State"), self.tr("Customer"),
                self.tr("Need and unit")]

    def _fit_screen(self) -> None:
        """As large as suits the board, never larger than the screen it is on."""
        screen = (self.parent().screen() if self.parent() is not None
                  else QApplication.primaryScreen()).availableGeometry()
        self.setMaximumSize(screen.width(), screen.height())
        self.resize(min(1240, screen.width()), min(720, screen.height() - 24))

    def timerEvent(self, event):  # noqa: N802 - Qt override
        if event.timerId() == self.clock and self.detail is None and self.form is None \
                and self.context.ops.idle:
            self.reload()

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        self.activateWindow()  # its keys work at once, with or without a window manager
        self.table.setFocus()

    def _run(self, call, done, **options) -> None:
        self.message.clear()
        self.context.ops.run(call, parent=self, done=done,
                             refused=lambda error: self.message.setText(refusal_text(error)),
                             crashed=lambda: self.message.setText(bug_message()), **options)

    # the board ----------------------------------------------------------------------
    def reload(self, *_args, keep: str | None = None) -> None:
        technician = self.staff.id if self.mine.isChecked() else None
        self._run(job_ops.board(technician=technician, kind=self.kind.currentData(),
                                terminal=self.context.terminal),
                  lambda rows: self.show_jobs(rows, keep))

    def show_jobs(self, rows, keep: str | None = None) -> None:
        chosen = keep or (self.chosen().job_no if self.chosen() is not None else None)
        self.jobs = list(rows)
        late = {index for index, row in enumerate(self.jobs) if row.late}
        self.model.set_rows([self.row(job) for job in self.jobs], late)
        self.table.set_stretch(7)
        numbers = [job.job_no for job in self.jobs]
        if numbers:
            self.table.selectRow(numbers.index(chosen) if chosen in numbers else 0)
        self.empty.setVisible(not numbers)
        self.open_button.setEnabled(bool(numbers))

    def row(self, job) -> list[str]:
        unit = " · ".join(part for part in (" ".join(job.need.split()), job.unit_name) if part)
        return [self.time_left(job), self.appointment(job.appointment_start,
                                                      job.appointment_end),
                job.technician_name or self.tr("Nobody yet"), job.job_no,
                title(f"job.kind.{job.kind.value}", job.kind.value),
                title(f"job.state.{job.state.value}", job.state.value),
                job.customer_name or job.customer_phone or "—", unit]

    def time_left(self, job) -> str:
        if job.minutes_left is None:
            return self.tr("Late") if job.late else "—"
        minutes = abs(job.minutes_left)
        span = (self.tr("{h} h {m} min").format(h=minutes // 60, m=minutes % 60)
                if minutes >= 60 else self.tr("{m} min").format(m=minutes))
        if job.minutes_left < 0:
            return self.tr("Late {span}").format(span=span)
        return span

    def appointment(self, start, end) -> str:
        start, end = local(start), local(end)
        if start is None:
            return "—"
        today = datetime.now().astimezone().date()
        said = f"{start:%H:%M}" + (f"–{end:%H:%M}" if end is not None else "")
        if start.date() != today:
            said = f"{start:%m-%d} {said}"
        return said

    def chosen(self):
        row = self.table.chosen_row()
        return self.jobs[row] if row is not None and row < len(self.jobs) else None

    # opening a job, registering one --------------------------------------------------
    def _over(self, dialog, attribute: str) -> None:
        """A window over the board (window-modal, not a nested loop); when it closes the
        board is read again and the table has the keyboard back."""
        setattr(self, attribute, dialog)

        def closed(_result) -> None:
            setattr(self, attribute, None)
            if self.sell_job is not None:
                self.accept()  # the till opens the job's cart
                return
            self.reload(keep=getattr(getattr(dialog, "answer", None), "job_no", None))
            self.activateWindow()
            self.table.setFocus()

        dialog.finished.connect(closed)
        dialog.open()

    def open_job(self) -> None:
        job = self.chosen()
        if job is None or self.detail is not None:
            return
        from ui.jobs.job_detail import JobDialog

        self._over(JobDialog(self.context, self.staff, job.job_no, self), "detail")

    def register(self) -> None:
        if self.form is not None:
            return
        from ui.jobs.job_form import JobForm

        def got(people) -> None:
            self.people = list(people)
            last = getattr(self.parent(), "last_receipt", None)  # the till's last sale
            self._over(JobForm(self.context, self.staff, self.people, self,
                               receipt=last or ""), "form")

        if self.people:
            got(self.people)
        else:
            self._run(job_ops.technicians(), got)

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        key = event.key()
        if event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                 Qt.KeyboardModifier.KeypadModifier):
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if not self.table.hasFocus():
                    self.open_job()
                return  # the table's own Enter opens the job (activated)
            button = self.keys.get(key)
            if button is not None:
                if button.isVisible() and button.isEnabled():
                    button.click()
                return
        super().keyPressEvent(event)
