"""Leads (F1): the leads, those to contact first, with their state and next contact date;
the chosen lead's five needs answers beneath. New (F5), Edit (F6), Hand over (F7), Won
(F8) and Lost (F9) act on the chosen lead; the arrow keys choose it. A state filter and
"only mine" narrow the list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, \
    QVBoxLayout, QWidget

from ui.checkout.after_sale_parts import dialog_button, error_line
from ui.dialog_frame import present
from ui.elided_label import ElidedLabel
from ui.leads.lead_forms import HandOverForm, LeadForm, LostForm
from ui.messages import bug_message, refusal_text
from ui.ops import leads as lead_ops
from ui.stock.stock_models import RowsModel, StockTable, named

STATES = ("open", "quoted", "transferred", "won", "lost")


class LeadsPanel(QWidget):
    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.staff, self.formats = context, staff, context.formats
        self.leads: list = []
        self.people: list = []
        self.form = None  # the form open over the screen, if any
        self.state = QComboBox()
        self.state.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.state.addItem(self.tr("Open, quoted or handed over"), "live")
        self.state.addItem(self.tr("Every state"), None)
        for state in STATES:
            self.state.addItem(named(f"lead.state.{state}", state), state)
        self.state.currentIndexChanged.connect(self.reload)
        self.mine = QCheckBox(self.tr("Only mine"))
        self.mine.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.mine.toggled.connect(self.reload)
        self.new_button = dialog_button(self.tr("New [F5]"))
        self.edit_button = dialog_button(self.tr("Edit [F6]"))
        self.hand_button = dialog_button(self.tr("Hand over [F7]"))
        self.won_button = dialog_button(self.tr("Won [F8]"))
        self.lost_button = dialog_button(self.tr("Lost [F9]"))
        for button, handler in ((self.new_button, self.add), (self.edit_button, self.edit),
                                (self.hand_button, self.hand_over), (self.won_button, self.won),
                                (self.lost_button, self.lost)):
            button.clicked.connect(handler)
        self.keys = {Qt.Key.Key_F5: self.new_button, Qt.Key.Key_F6: self.edit_button,
                     Qt.Key.Key_F7: self.hand_button, Qt.Key.Key_F8: self.won_button,
                     Qt.Key.Key_F9: self.lost_button}
        self.model = RowsModel(self.headers(), numeric=set())
        self.table = StockTable(self.model, stretch=1)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_needs())
        self.message = error_line()
        self.title = ElidedLabel("")
        self.title.setStyleSheet("font-weight: bold;")
        self.answers = []
        needs = QGridLayout()
        for row, label in enumerate((self.tr("Who uses it"), self.tr("What for"),
                                     self.tr("What they can use"), self.tr("What they value"),
                                     self.tr("The need"))):
            name = QLabel(label)
            name.setObjectName("muted")
            answer = ElidedLabel("")
            needs.addWidget(name, row // 2, (row % 2) * 2)
            needs.addWidget(answer, row // 2, (row % 2) * 2 + 1)
            self.answers.append(answer)
        needs.setColumnStretch(1, 1)
        needs.setColumnStretch(3, 1)
        top = QHBoxLayout()
        top.addWidget(self.state)
        top.addWidget(self.mine)
        top.addStretch(1)
        for button in (self.new_button, self.edit_button, self.hand_button, self.won_button,
                       self.lost_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.title)
        layout.addLayout(needs)
        self.show_needs()

    def headers(self) -> list[str]:
        return [self.tr("Contact"), self.tr("Company"), self.tr("Kind"), self.tr("State"),
                self.tr("Next contact"), self.tr("Looked after by"), self.tr("Phone / WeChat")]

    def focus(self) -> None:
        self.table.setFocus()

    def _run(self, call, done) -> None:
        self.message.clear()
        self.context.ops.run(call, parent=self, done=done,
                             refused=lambda error: self.message.setText(refusal_text(error)),
                             crashed=lambda: self.message.setText(bug_message()))

    def reload(self, *_args, keep: int | None = None) -> None:
        state = self.state.currentData()
        wanted = ["open", "quoted", "transferred"] if state == "live" else state
        owner = self.staff.id if self.mine.isChecked() else None
        self._run(lead_ops.list_leads(owner=owner, state=wanted),
                  lambda leads: self.show_leads(leads, keep))
        if not self.people:
            self._run(lead_ops.lead_staff(), self._got_people)

    def _got_people(self, people) -> None:
        self.people = list(people)

    def show_leads(self, leads, keep: int | None = None) -> None:
        chosen = keep if keep is not None else (self.chosen().id if self.chosen() else None)
        self.leads = list(leads)
        today = date.today()
        rows, late = [], set()
        for index, lead in enumerate(self.leads):
            due = lead.next_contact_on
            if due is not None and due < today and \
                    lead.state in ("open", "quoted"):
                late.add(index)
            rows.append([lead.contact_name, lead.company or "", named(f"lead.kind.{lead.kind}"),
                         named(f"lead.state.{lead.state}"),
                         self.formats.day(due) if due else "—", lead.owner_name or "—",
                         lead.phone or (self.tr("WeChat {id}").format(id=lead.wechat)
                                         if lead.wechat else "")])
        self.model.set_rows(rows, late)
        self.table.set_stretch(1)
        ids = [lead.id for lead in self.leads]
        if ids:
            self.table.selectRow(ids.index(chosen) if chosen in ids else 0)
        self.show_needs()

    def chosen(self):
        row = self.table.chosen_row()
        return self.leads[row] if row is not None and row < len(self.leads) else None

    def show_needs(self) -> None:
        lead = self.chosen()
        for button in (self.edit_button, self.hand_button, self.won_button, self.lost_button):
            button.setEnabled(lead is not None)
        if lead is None:
            self.title.setText(self.tr("No lead chosen"))
            for answer in self.answers:
                answer.setText("")
            return
        said = lead.state
        if lead.state == "lost" and lead.lost_reason:
            said = f"{named('lead.state.lost')}: {lead.lost_reason}"
        elif lead.team:
            said = f"{named(f'lead.state.{lead.state}')} · {named(f'team.{lead.team}')}"
        else:
            said = named(f"lead.state.{lead.state}")
        self.title.setText(self.tr("{name} · {company} · {state}").format(
            name=lead.contact_name, company=lead.company or "—", state=said))
        needs = lead.needs
        for answer, text in zip(self.answers, (needs.who, needs.what, needs.can_use,
                                               needs.values, needs.summary)):
            answer.setText(" ".join(text.split()) or "—")

    # acting on a lead -------------------------------------------------------------------
    def _form(self, dialog) -> None:
        """Open a form over the screen (window-modal, not a nested loop); when it closes
        the list is read again and the table has the keyboard back."""
        self.form = dialog

        def closed(_result) -> None:
            self.form = None
            if dialog.answer is not None:
                self.reload(keep=getattr(dialog.answer, "id", None))
            self.window().activateWindow()  # its keys are the screen's again
            self.table.setFocus()

        dialog.finished.connect(closed)
        present(dialog)  # its heading, the screen dimmed behind it
        dialog.open()

    def add(self) -> None:
        self._form(LeadForm(self.context, self.staff, self.people, None, self.window()))

    def edit(self) -> None:
        if self.chosen() is not None:
            self._form(LeadForm(self.context, self.staff, self.people, self.chosen(),
                                self.window()))

    def hand_over(self) -> None:
        if self.chosen() is not None:
            self._form(HandOverForm(self.context, self.staff, self.people, self.chosen(),
                                    self.window()))

    def lost(self) -> None:
        if self.chosen() is not None:
            self._form(LostForm(self.context, self.staff, self.chosen(), self.window()))

    def won(self) -> None:
        lead = self.chosen()
        if lead is not None:
            self._run(lead_ops.move_lead(lead_id=lead.id, to="won", staff_id=self.staff.id),
                      lambda moved: self.reload(keep=moved.id))
