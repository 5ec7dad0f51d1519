"""The leads screen's small dialogs: a lead's form (the contact, the five needs answers,
the owner, the next contact date), the hand-over (转单: the team, who takes it on, a
note), the reason a lead was lost, and a call or visit recorded (how it went, notes).

Each saves through ui.ops.leads off the GUI thread; what the service refuses is said on
the dialog, which stays open and changes nothing. Save is F12, Cancel Esc."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLineEdit,
    QPlainTextEdit, QVBoxLayout,
)

from ui.checkout.after_sale_parts import error_line, keyed
from ui.dialog_frame import set_kind
from ui.messages import bug_message, refusal_text
from ui.ops import leads as lead_ops
from ui.stock.stock_models import named

KINDS = ("smb", "government", "staff_referral", "walk_in")
TEAMS = ("business", "customer", "big_accounts")
OUTCOMES = ("reached", "interested", "no_answer", "declined", "wrong_number")


def _foot(dialog, save_text: str, cancel_text: str, save) -> QHBoxLayout:
    dialog.save_button = set_kind(keyed(dialog, save_text, Qt.Key.Key_F12, save), "primary")
    dialog.cancel_button = set_kind(keyed(dialog, cancel_text, Qt.Key.Key_Escape,
                                          dialog.reject), "secondary")
    foot = QHBoxLayout()
    foot.addWidget(dialog.cancel_button)
    foot.addStretch(1)
    foot.addWidget(dialog.save_button)
    return foot


def _run(dialog, call) -> None:
    """Run the dialog's call; its answer closes it, a refusal is said on it."""
    dialog.error.clear()

    def refused(text: str) -> None:
        dialog.error.setText(text)

    dialog.context.ops.run(call, parent=dialog, done=dialog.finish,
                           refused=lambda error: refused(refusal_text(error)),
                           crashed=lambda: refused(bug_message()),
                           disable=[dialog.save_button])


def _staff_box(people, chosen: int | None, none_text: str) -> QComboBox:
    box = QComboBox()
    box.addItem(none_text, None)
    for person in people:
        box.addItem(person.name, person.id)
    box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
    return box


class LeadForm(QDialog):
    """A new lead, or one changed: `lead` None for a new one."""

    def __init__(self, context, staff, people, lead=None, parent=None):
        super().__init__(parent)
        self.context, self.staff, self.lead, self.answer = context, staff, lead, None
        self.setWindowTitle(self.tr("New lead") if lead is None else
                            self.tr("Lead: {name}").format(name=lead.contact_name))
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(named(f"lead.kind.{kind}", kind), kind)
        self.name, self.phone, self.wechat, self.company = (QLineEdit() for _ in range(4))
        self.who, self.what, self.can_use, self.values = (QLineEdit() for _ in range(4))
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(self.summary.fontMetrics().lineSpacing() * 3 + 16)
        self.owner = _staff_box(people, lead.owner_id if lead else staff.id, self.tr("nobody yet"))
        self.has_next = QCheckBox(self.tr("Next contact"))
        self.next_on = QDateEdit()
        self.next_on.setCalendarPopup(True)
        self.next_on.setDisplayFormat("yyyy-MM-dd")
        self.next_on.setDate(QDate.currentDate().addDays(7))
        self.has_next.toggled.connect(self.next_on.setEnabled)
        self.has_next.setChecked(True)
        if lead is not None:
            self._fill(lead)
        contact, needs = QFormLayout(), QFormLayout()
        for label, field in ((self.tr("Kind"), self.kind), (self.tr("Contact name"), self.name),
                             (self.tr("Phone"), self.phone), (self.tr("WeChat"), self.wechat),
                             (self.tr("Company"), self.company),
                             (self.tr("Looked after by"), self.owner)):
            contact.addRow(label, field)
        contact.addRow(self.has_next, self.next_on)
        for label, field in ((self.tr("1. Who uses it"), self.who),
                             (self.tr("2. What for"), self.what),
                             (self.tr("3. What they can use"), self.can_use),
                             (self.tr("4. What they value"), self.values),
                             (self.tr("5. The need, summed up"), self.summary)):
            needs.addRow(label, field)
        columns = QHBoxLayout()
        columns.addLayout(contact, 1)
        columns.addSpacing(16)
        columns.addLayout(needs, 1)
        self.error = error_line()
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addLayout(_foot(self, self.tr("Save"), self.tr("Cancel"), self.save))
        self.setMinimumWidth(min(1000, context_width(parent)))
        self.name.setFocus()

    def _fill(self, lead) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(lead.kind)))
        for field, value in ((self.name, lead.contact_name), (self.phone, lead.phone),
                             (self.wechat, lead.wechat), (self.company, lead.company),
                             (self.who, lead.needs.who), (self.what, lead.needs.what),
                             (self.can_use, lead.needs.can_use),
                             (self.values, lead.needs.values)):
            field.setText(value or "")
            field.setCursorPosition(0)  # a long answer shows its start
        self.summary.setPlainText(lead.needs.summary)
        self.has_next.setChecked(lead.next_contact_on is not None)
        if lead.next_contact_on is not None:
            day = lead.next_contact_on
            self.next_on.setDate(QDate(day.year, day.month, day.day))

    def draft(self) -> lead_ops.LeadDraft:
        picked = self.next_on.date()
        return lead_ops.LeadDraft(
            kind=self.kind.currentData(), contact_name=self.name.text(),
            phone=self.phone.text().strip(), wechat=self.wechat.text().strip(),
            company=self.company.text(), who=self.who.text(), what=self.what.text(),
            can_use=self.can_use.text(), values=self.values.text(),
            summary=self.summary.toPlainText(), owner_id=self.owner.currentData(),
            next_contact_on=date(picked.year(), picked.month(), picked.day())
            if self.has_next.isChecked() else None)

    def save(self) -> None:
        _run(self, lead_ops.save_lead(lead_id=self.lead.id if self.lead else None,
                                      draft=self.draft(), staff_id=self.staff.id))

    def finish(self, answer) -> None:
        self.answer = answer
        self.accept()


class HandOverForm(QDialog):
    """转单: the lead passes to a team, and to the person who takes it on."""

    def __init__(self, context, staff, people, lead, parent=None):
        super().__init__(parent)
        self.context, self.staff, self.lead, self.answer = context, staff, lead, None
        self.setWindowTitle(self.tr("Hand over: {name}").format(name=lead.contact_name))
        self.team = QComboBox()
        for team in TEAMS:
            self.team.addItem(named(f"team.{team}", team), team)
        self.to = _staff_box(people, None, self.tr("the team decides"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Why it fits the team"))
        form = QFormLayout()
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Taken on by"), self.to)
        form.addRow(self.tr("Note"), self.note)
        self.error = error_line()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(_foot(self, self.tr("Hand over"), self.tr("Cancel"), self.save))
        self.setMinimumWidth(min(480, context_width(parent)))
        self.note.setFocus()

    def save(self) -> None:
        _run(self, lead_ops.hand_over(lead_id=self.lead.id, team=self.team.currentData(),
                                      to_staff=self.to.currentData(), staff_id=self.staff.id,
                                      note=self.note.text()))

    def finish(self, answer) -> None:
        self.answer = answer
        self.accept()


class LostForm(QDialog):
    """Why the lead was lost (it is asked for)."""

    def __init__(self, context, staff, lead, parent=None):
        super().__init__(parent)
        self.context, self.staff, self.lead, self.answer = context, staff, lead, None
        self.setWindowTitle(self.tr("Lost: {name}").format(name=lead.contact_name))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why: bought elsewhere, no budget..."))
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        self.error = error_line()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(_foot(self, self.tr("Mark lost"), self.tr("Cancel"), self.save))
        self.setMinimumWidth(min(480, context_width(parent)))
        self.reason.setFocus()

    def save(self) -> None:
        _run(self, lead_ops.move_lead(lead_id=self.lead.id, to="lost", staff_id=self.staff.id,
                                      reason=self.reason.text()))

    def finish(self, answer) -> None:
        self.answer = answer
        self.accept()


class ContactForm(QDialog):
    """A planned call or visit recorded: how it went, and notes (a visit needs them)."""

    def __init__(self, context, staff, contact, kind: str, parent=None):
        super().__init__(parent)
        self.context, self.staff, self.contact, self.kind = context, staff, contact, kind
        self.answer = None
        title = self.tr("Visit: {name}") if kind == "visit" else self.tr("Call: {name}")
        self.setWindowTitle(title.format(name=contact.name))
        names = {"reached": self.tr("Reached"), "interested": self.tr("Interested"),
                 "no_answer": self.tr("No answer"), "declined": self.tr("Declined"),
                 "wrong_number": self.tr("Wrong number")}
        self.outcome = QComboBox()
        for outcome in OUTCOMES:
            self.outcome.addItem(names[outcome], outcome)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What was seen and said (a visit needs notes)")
                                      if kind == "visit" else self.tr("Notes"))
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 16)
        form = QFormLayout()
        form.addRow(self.tr("How it went"), self.outcome)
        form.addRow(self.tr("Notes"), self.notes)
        self.error = error_line()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(_foot(self, self.tr("Record"), self.tr("Cancel"), self.save))
        self.setMinimumWidth(min(520, context_width(parent)))
        self.notes.setFocus()

    def save(self) -> None:
        _run(self, lead_ops.record_contact(followup_id=self.contact.id, staff_id=self.staff.id,
                                           kind=self.kind, outcome=self.outcome.currentData(),
                                           notes=self.notes.toPlainText()))

    def finish(self, answer) -> None:
        self.answer = True
        self.accept()


def context_width(parent) -> int:
    """The room a small dialog may take: its parent's width (the till's screen)."""
    return parent.width() - 40 if parent is not None and parent.width() > 400 else 560
