"""Registering a job at the counter (F5 on the jobs board; anyone): an installation of a
unit sold here (its receipt, or its serial), an on-site visit (its area and address), or
a repair intake (the fault, the accessories left with it, its condition, an estimate; a
unit not sold here is taken in flagged). The need, a priority, a technician and an
appointment go with any of them. The services check every rule (pos.service.jobs); what
they refuse is said here and nothing is written. One request id per form, so saving
twice registers one job."""

from __future__ import annotations

import uuid
from datetime import timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
)

from ui.checkout.after_sale_parts import dialog_button, error_line
from ui.dialog_frame import set_kind
from ui.jobs.job_parts import title
from ui.messages import bug_message, refusal_text
from ui.ops import jobs as job_ops

KINDS = ("installation", "on_site", "repair")


class JobForm(QDialog):
    def __init__(self, context, staff, people, parent=None, *, receipt: str = ""):
        super().__init__(parent)
        self.context, self.staff = context, staff
        self.request_id = str(uuid.uuid4())
        self.answer = None
        self.setWindowTitle(self.tr("Register a job"))
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(title(f"job.kind.{kind}", kind), kind)
        self.kind.currentIndexChanged.connect(self.kind_changed)
        self.receipt = QLineEdit(receipt)  # the sale just made: its set-up, asked for
        self.receipt.setPlaceholderText(self.tr("Receipt of the sale (or the serial below)"))
        self.serial = QLineEdit()
        self.customer = QLineEdit()
        self.customer.setPlaceholderText(self.tr("Phone or #id (else the sale's customer)"))
        self.need = QLineEdit()
        self.need.setMaxLength(500)
        self.priority = QComboBox()
        for value, text in ((2, self.tr("Normal")), (1, self.tr("High")), (3, self.tr("Low"))):
            self.priority.addItem(text, value)
        self.area = QComboBox()
        self.area.addItem(self.tr("At the counter"), "")
        self.area.addItem(self.tr("City"), "city")
        self.area.addItem(self.tr("County"), "county")
        self.address = QLineEdit()
        self.address.setMaxLength(300)
        self.phone = QLineEdit()
        self.technician = QComboBox()
        self.technician.addItem(self.tr("Nobody yet"), None)
        for person in people:
            self.technician.addItem(person.name, person.id)
        self.booked = QCheckBox(self.tr("Appointment"))
        self.start = QDateTimeEdit()
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        start = QDateTime.currentDateTime().addSecs(3600)
        self.start.setDateTime(start.addSecs(-start.time().minute() * 60))
        self.hours = QComboBox()
        for hours in (1, 2, 3, 4):
            self.hours.addItem(self.tr("{n} h").format(n=hours), hours)
        self.hours.setCurrentIndex(1)
        self.fault = QLineEdit()
        self.fault.setMaxLength(500)
        self.accessories = QLineEdit()
        self.accessories.setMaxLength(300)
        self.condition = QLineEdit()
        self.condition.setMaxLength(300)
        self.estimate = QLineEdit()
        self.message = error_line()
        self.start.setMinimumWidth(
            self.start.fontMetrics().horizontalAdvance("2026-12-31 23:59") + 90)
        when = QHBoxLayout()
        when.addWidget(self.start, 1)
        when.addWidget(self.hours)
        # two columns, so the form fits a 768-pixel screen: the unit and the job on the
        # left, where (a visit) or what is wrong (a repair) on the right
        self.form = QFormLayout()
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Receipt"), self.receipt)
        self.form.addRow(self.tr("Serial"), self.serial)
        self.form.addRow(self.tr("Customer"), self.customer)
        self.form.addRow(self.tr("Need"), self.need)
        self.form.addRow(self.tr("Priority"), self.priority)
        self.form.addRow(self.tr("Technician"), self.technician)
        self.form.addRow("", self.booked)
        self.form.addRow(self.tr("When"), when)
        self.side = QFormLayout()
        self.side.addRow(self.tr("Contact phone"), self.phone)
        self.side.addRow(self.tr("Area"), self.area)
        self.side.addRow(self.tr("Address"), self.address)
        self.side.addRow(self.tr("Fault"), self.fault)
        self.side.addRow(self.tr("Accessories left"), self.accessories)
        self.side.addRow(self.tr("Condition"), self.condition)
        self.side.addRow(self.tr("Estimate"), self.estimate)
        columns = QHBoxLayout()
        columns.addLayout(self.form, 1)
        columns.addSpacing(16)
        columns.addLayout(self.side, 1)
        self.save_button = set_kind(dialog_button(self.tr("Register [F12]")), "primary")
        self.save_button.clicked.connect(self.save)
        cancel = set_kind(dialog_button(self.tr("Cancel [Esc]")), "secondary")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.kind_changed()
        self.resize(1000, self.sizeHint().height())

    def kind_changed(self, *_args) -> None:
        repair = self.kind.currentData() == "repair"
        for widget in (self.fault, self.accessories, self.condition, self.estimate):
            self.side.setRowVisible(widget, repair)
        for widget in (self.area, self.address):
            self.side.setRowVisible(widget, not repair)

    def draft(self) -> job_ops.JobDraft | None:
        from pos.kernel.errors import UserError
        from pos.kernel.money import parse_amount

        estimate = None
        repair = self.kind.currentData() == "repair"
        if repair and self.estimate.text().strip():
            try:
                estimate = parse_amount(self.estimate.text().strip())
            except UserError as error:
                self.message.setText(refusal_text(error))
                return None
        appointment = None
        if self.booked.isChecked():
            start = self.start.dateTime().toPython().astimezone()
            appointment = (start, start + timedelta(hours=self.hours.currentData()))
        return job_ops.JobDraft(
            kind=self.kind.currentData(), need=self.need.text(),
            receipt=self.receipt.text().strip(), serial=self.serial.text().strip(),
            customer=self.customer.text().strip(), priority=self.priority.currentData(),
            area="" if repair else self.area.currentData(),
            address="" if repair else self.address.text(),
            contact_phone=self.phone.text().strip(), technician=self.technician.currentData(),
            appointment=appointment, fault=self.fault.text() if repair else "",
            accessories=self.accessories.text() if repair else "",
            condition=self.condition.text() if repair else "", estimate=estimate)

    def save(self) -> None:
        draft = self.draft()
        if draft is None:
            return
        self.message.clear()

        def saved(job) -> None:
            self.answer = job
            self.accept()

        self.context.ops.run(
            job_ops.register(draft=draft, staff_id=self.staff.id, request_id=self.request_id,
                             terminal=self.context.terminal),
            parent=self, done=saved,
            refused=lambda error: self.message.setText(refusal_text(error)),
            crashed=lambda: self.message.setText(bug_message()),
            disable=[self.save_button])

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_F12:
            self.save()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # Enter never registers half a form
        super().keyPressEvent(event)
