"""Pieces of the jobs screens (ui.jobs): stored times shown in the till's zone, and the
small forms over a job: a repair's diagnosis and estimate, the pre-visit call."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
)

from pos.kernel.enums import ServiceJobKind
from ui.checkout.after_sale_parts import dialog_button, error_line
from ui.dialog_frame import set_kind
from ui.messages import refusal_text
from ui.ops import jobs as job_ops
from ui.stock.stock_models import named


def title(message_id: str, fallback: str = "") -> str:
    """A catalog name as a cell or a button shows it: its first letter capital."""
    text = named(message_id, fallback)
    return text[:1].upper() + text[1:]


def local(when: datetime | None) -> datetime | None:
    """A stored time in the till's own zone (SQLite hands UTC back without a zone)."""
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone()


class JobWords(QObject):
    """A job's times, promise, repair particulars and events in words."""

    def appointment(self, job) -> str:
        start, end = local(job.appointment_start), local(job.appointment_end)
        if start is None:
            return self.tr("None yet")
        said = f"{start:%Y-%m-%d %H:%M}"
        return f"{said}–{end:%H:%M}" if end is not None else said

    def promise(self, job) -> str:
        if job.due_at is None:
            return self.tr("No promise")
        due = f"{local(job.due_at):%Y-%m-%d %H:%M}"
        if job.met is None:
            return self.tr("Arrive by {due}").format(due=due)
        arrived = f"{local(job.arrived_at):%H:%M}"
        if job.met:
            return self.tr("Met: arrived {at}, due {due}").format(at=arrived, due=due)
        return self.tr("Late: arrived {at}, due {due}").format(at=arrived, due=due)

    def repair(self, job, formats) -> tuple[str, str]:
        """A repair's fault (and diagnosis); what was left with it, its condition and the
        estimate. Not a repair: nothing."""
        if job.kind is not ServiceJobKind.REPAIR:
            return "—", ""
        found = [self.tr("Fault: {text}").format(text=job.fault)]
        if job.diagnosis:
            found.append(self.tr("diagnosis: {text}").format(text=job.diagnosis))
        left = [self.tr("left: {text}").format(text=job.accessories or "—")]
        if job.condition:
            left.append(job.condition)
        if job.estimate is not None:
            left.append(self.tr("estimate {money}").format(money=formats.money(job.estimate)))
        return tuple(" · ".join(" ".join(part.split()) for part in parts)
                     for parts in (found, left))

    def sheet_row(self, item, formats) -> list[str]:
        """A job sheet item: its name, price, the pre-visit call's answer, its outcome."""
        outcome = item.outcome.value if item.outcome is not None else ""
        said = {"declined": self.tr("Declined"), "not_offered": self.tr("Not offered"),
                "sold": self.tr("Sold · {receipt}").format(receipt=item.sold_receipt)
                if item.sold_receipt else self.tr("Sold")}.get(outcome, outcome)
        call = ""
        if item.proposed_in_call:
            call = (self.tr("Proposed: {answer}").format(answer=item.answer) if item.answer
                    else self.tr("Proposed"))
        return [item.name, formats.money(item.price), call, said]

    def event_words(self, event) -> str:
        kind = event.kind.value
        if event.to_state is not None and kind in ("state", "registered"):
            state = named(f"job.state.{event.to_state.value}", event.to_state.value)
            note = event.details.get("note") or event.details.get("diagnosis") or ""
            said = (self.tr("Registered") if kind == "registered"
                    else self.tr("Now {state}").format(state=state))
            return f"{said} · {note}" if note else said
        return {"assigned": self.tr("Technician assigned"),
                "appointment": self.tr("Appointment agreed"),
                "call": self.tr("Pre-visit call recorded"),
                "sold": self.tr("Sold on the job {receipt}").format(
                    receipt=event.details.get("receipt", "")),
                "claim": self.tr("Claim recorded {claim}").format(
                    claim=event.details.get("claim", "")),
                "confirmation": self.tr("Card confirmation asked"),
                "note": self.tr("Sheet item marked")}.get(kind, kind)

    def card(self, detail, formats) -> tuple[str, str, str]:
        """The card's coverage, the claim (or why the work is paid), the confirmation."""
        coverage = detail.coverage
        if coverage is None:
            coverage_text = self.tr("No service card on this unit: the work is paid")
        else:
            coverage_text = (self.tr("Card {card} · {tier}: {terms}").format(
                card=coverage.card_no, tier=coverage.tier_name,
                terms=refusal_text(coverage.terms, formats)))
        if detail.claims:
            last = detail.claims[-1]
            if last.covered:
                said = self.tr("Claim {claim}: covered").format(claim=last.claim_no)
            else:
                said = self.tr("Claim {claim}: paid · {why}").format(
                    claim=last.claim_no, why=refusal_text(last.why, formats)
                    if last.why is not None else "")
            claim_text = said
        elif coverage is not None and detail.paid_reason is not None:
            claim_text = (self.tr("Paid service: {why}").format(
                why=refusal_text(detail.paid_reason, formats)))
        elif coverage is not None:
            claim_text = self.tr("Covered: record the claim (F10)")
        else:
            claim_text = ""
        asked = [event for event in detail.job.events if event.kind.value == "confirmation"]
        if asked:
            last = asked[-1]
            yes = last.details.get("accepted", last.details.get("answer"))
            point = last.details.get("point", "")
            asked_text = (self.tr("Card asked {point}: {answer} ({at})").format(
                point=named(f"confirm.point.{point}", point),
                answer=self.tr("yes") if yes in (True, "yes") else self.tr("no"),
                at=f"{local(last.at):%H:%M}"))
        else:
            asked_text = self.tr("Card not asked on this job yet")
        return coverage_text, claim_text, asked_text


class DiagnoseForm(QDialog):
    """A repair's diagnosis and its estimate."""

    def __init__(self, context, job, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Diagnose {job}").format(job=job.job_no))
        self.finding = QLineEdit(job.diagnosis)
        self.finding.setMaxLength(500)
        self.estimate = QLineEdit("" if job.estimate is None else
                                  f"{job.estimate // 100}.{job.estimate % 100:02d}")
        self.message = error_line()
        form = QFormLayout()
        form.addRow(self.tr("Diagnosis"), self.finding)
        form.addRow(self.tr("Estimate"), self.estimate)
        save = set_kind(dialog_button(self.tr("Save [Enter]")), "primary")
        save.clicked.connect(self.save)
        cancel = set_kind(dialog_button(self.tr("Cancel [Esc]")), "secondary")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(520, self.sizeHint().height())
        self.amount = None

    def save(self) -> None:
        from pos.kernel.errors import UserError
        from pos.kernel.money import parse_amount

        text = self.estimate.text().strip()
        try:
            self.amount = parse_amount(text) if text else None
        except UserError as error:
            self.message.setText(refusal_text(error))
            return
        if not self.finding.text().strip():
            self.message.setText(self.tr("Say what was found"))
            return
        self.accept()

    def call(self, job_no: str, staff_id: int):
        return job_ops.diagnose(job_no=job_no, diagnosis=self.finding.text(),
                                estimate=self.amount, staff_id=staff_id)

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        super().keyPressEvent(event)


class CallForm(QDialog):
    """The pre-visit call: the chosen item proposed on the phone, the customer's answer,
    and whether they declined or will decide on the visit."""

    def __init__(self, item, parent=None):
        super().__init__(parent)
        self.item = item
        self.setWindowTitle(self.tr("Pre-visit call: {item}").format(item=item.name))
        self.answer = QLineEdit(item.answer or "")
        self.answer.setMaxLength(200)
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("Will decide on the visit"), "not_offered")
        self.outcome.addItem(self.tr("Declined"), "declined")
        form = QFormLayout()
        form.addRow(self.tr("The customer's answer"), self.answer)
        form.addRow(self.tr("Outcome"), self.outcome)
        _save_or_cancel(self, form, width=520)

    def call(self, job_no: str, staff_id: int):
        return job_ops.record_call(job_no=job_no, staff_id=staff_id, items=[
            (self.item.code, self.answer.text(), self.outcome.currentData())])

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)


class PlanForm(QDialog):
    """Who does the job and, for a visit, when: the technician and the appointment."""

    def __init__(self, job, people, parent=None):
        super().__init__(parent)
        from datetime import timedelta

        from PySide6.QtCore import QDateTime
        from PySide6.QtWidgets import QCheckBox, QDateTimeEdit

        self.job, self.timedelta = job, timedelta
        self.setWindowTitle(self.tr("Plan {job}").format(job=job.job_no))
        self.technician = QComboBox()
        self.technician.addItem(self.tr("Nobody yet"), None)
        for person in people:
            self.technician.addItem(person.name, person.id)
        self.technician.setCurrentIndex(max(0, self.technician.findData(job.technician_id)))
        self.booked = QCheckBox(self.tr("Agree an appointment"))
        self.start = QDateTimeEdit()
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start.setMinimumWidth(
            self.start.fontMetrics().horizontalAdvance("2026-12-31 23:59") + 90)
        begin = QDateTime.currentDateTime().addSecs(3600)
        self.start.setDateTime(begin.addSecs(-begin.time().minute() * 60))
        self.hours = QComboBox()
        for hours in (1, 2, 3, 4):
            self.hours.addItem(self.tr("{n} h").format(n=hours), hours)
        self.hours.setCurrentIndex(1)
        when = QHBoxLayout()
        when.addWidget(self.start, 1)
        when.addWidget(self.hours)
        form = QFormLayout()
        form.addRow(self.tr("Technician"), self.technician)
        self.visit = visit = job.kind is not ServiceJobKind.REPAIR
        if visit:
            form.addRow("", self.booked)
            form.addRow(self.tr("When"), when)
        self.booked.setVisible(visit)
        _save_or_cancel(self, form, width=560)

    def call(self, job_no: str, staff_id: int):
        chosen = self.technician.currentData()
        appointment = None
        if self.visit and self.booked.isChecked():
            start = self.start.dateTime().toPython().astimezone()
            appointment = (start, start + self.timedelta(hours=self.hours.currentData()))
        return job_ops.plan(job_no=job_no, staff_id=staff_id,
                            technician=False if chosen == self.job.technician_id else chosen,
                            appointment=appointment)

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)


def _save_or_cancel(dialog, form, *, width: int) -> None:
    """A small form's frame: the form, then Cancel [Esc] and Save [Enter] at the right."""
    save = set_kind(dialog_button(dialog.tr("Save [Enter]")), "primary")
    save.clicked.connect(dialog.accept)
    cancel = set_kind(dialog_button(dialog.tr("Cancel [Esc]")), "secondary")
    cancel.clicked.connect(dialog.reject)
    buttons = QHBoxLayout()
    buttons.addStretch(1)
    buttons.addWidget(cancel)
    buttons.addWidget(save)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addLayout(buttons)
    dialog.resize(width, dialog.sizeHint().height())
