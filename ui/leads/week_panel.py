"""The week's follow-up (F2) and the manager's weekly report (F3), for one ISO week:
Earlier (F5) and Later (F6) move the week. The plan lists each planned or recorded call
and visit by day; Plan the week (F7) adds what is due (leads, prospects to revisit,
business customers, recent buyers; planned once); Record call (F8) and Record visit (F9)
record the chosen contact, when it is the person's own. The report shows per person the
planned and done contacts, calls, visits per day against the target (days below it in
red) and the sales credited to their contacts."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.checkout.after_sale_parts import dialog_button, error_line
from ui.dialog_frame import present
from ui.elided_label import ElidedLabel
from ui.leads.lead_forms import ContactForm
from ui.messages import bug_message, refusal_text
from ui.ops import leads as lead_ops
from ui.stock.stock_models import RowsModel, StockTable


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_text(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


class WeekBar(QWidget):
    """The week shown, with its Earlier (F5) and Later (F6) buttons."""

    def __init__(self, formats, moved, parent=None):
        super().__init__(parent)
        self.formats, self.moved = formats, moved
        self.monday = monday_of(date.today())
        self.label = QLabel("")
        self.label.setStyleSheet("font-weight: bold;")
        self.earlier = dialog_button(self.tr("Earlier week [F5]"))
        self.later = dialog_button(self.tr("Later week [F6]"))
        self.earlier.clicked.connect(lambda: self.move(-7))
        self.later.clicked.connect(lambda: self.move(7))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.earlier)
        layout.addWidget(self.label)
        layout.addWidget(self.later)
        self.show_week()

    def move(self, days: int) -> None:
        self.monday += timedelta(days=days)
        self.show_week()
        self.moved()

    def show_week(self) -> None:
        self.label.setText(self.tr("Week {week}: {first} to {last}").format(
            week=week_text(self.monday), first=self.formats.day(self.monday),
            last=self.formats.day(self.monday + timedelta(days=6))))


class PlanPanel(QWidget):
    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.staff, self.formats = context, staff, context.formats
        self.contacts: list = []
        self.form = None
        self.week = WeekBar(self.formats, self.reload)
        self.plan_button = dialog_button(self.tr("Plan the week [F7]"))
        self.call_button = dialog_button(self.tr("Record call [F8]"))
        self.visit_button = dialog_button(self.tr("Record visit [F9]"))
        self.plan_button.clicked.connect(self.plan)
        self.call_button.clicked.connect(lambda: self.record("call"))
        self.visit_button.clicked.connect(lambda: self.record("visit"))
        self.keys = {Qt.Key.Key_F5: self.week.earlier, Qt.Key.Key_F6: self.week.later,
                     Qt.Key.Key_F7: self.plan_button, Qt.Key.Key_F8: self.call_button,
                     Qt.Key.Key_F9: self.visit_button}
        self.summary = ElidedLabel("")
        self.summary.setObjectName("muted")
        self.message = error_line()
        self.model = RowsModel(self.headers())
        self.table = StockTable(self.model, stretch=3)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.enable())
        top = QHBoxLayout()
        top.addWidget(self.week)
        top.addStretch(1)
        for button in (self.plan_button, self.call_button, self.visit_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.enable()

    def headers(self) -> list[str]:
        return [self.tr("Day"), self.tr("Contact"), self.tr("Why"), self.tr("Whom"),
                self.tr("Phone"), self.tr("By"), self.tr("How it went"), self.tr("Notes")]

    def focus(self) -> None:
        self.table.setFocus()

    def _run(self, call, done) -> None:
        self.message.clear()
        self.context.ops.run(call, parent=self, done=done,
                             refused=lambda error: self.message.setText(refusal_text(error)),
                             crashed=lambda: self.message.setText(bug_message()))

    def reload(self) -> None:
        self._run(lead_ops.week_plan(week_start=self.week.monday), self.show_contacts)

    def plan(self) -> None:
        self._run(lead_ops.plan_week(week_start=self.week.monday, staff_id=self.staff.id),
                  self.planned)

    def planned(self, answer) -> None:
        done, contacts = answer
        self.show_contacts(contacts)
        self.summary.setText(self.summary.text() + " · " + self.tr(
            "{new} planned now, {already} planned before").format(new=done.planned,
                                                                  already=done.already))

    def names(self) -> dict:
        return {"call": self.tr("Call"), "visit": self.tr("Visit"),
                "lead": self.tr("Lead due"), "prospect_revisit": self.tr("Revisit"),
                "business_visit": self.tr("Business customer"),
                "recent_purchase": self.tr("Recent purchase"),
                "card_renewal": self.tr("Card renewal"),
                "preorder_arrived": self.tr("Pre-order arrived"),
                "not_called": self.tr("To do"), "reached": self.tr("Reached"),
                "interested": self.tr("Interested"), "no_answer": self.tr("No answer"),
                "declined": self.tr("Declined"), "wrong_number": self.tr("Wrong number")}

    def show_contacts(self, contacts) -> None:
        self.contacts = list(contacts)
        names = self.names()
        rows, open_ones = [], set()
        for index, c in enumerate(self.contacts):
            if c.outcome == "not_called":
                open_ones.add(index)
            rows.append([self.formats.day(c.due_on) if c.due_on else "—",
                         names.get(c.kind, c.kind), names.get(c.reason, c.reason),
                         f"{c.name} · {c.company}" if c.company else c.name, c.phone or "",
                         c.assigned_name, names.get(c.outcome, c.outcome),
                         " ".join(c.notes.split())])
        self.model.set_rows(rows)
        self.table.set_stretch(3)
        self.summary.setText(self.tr("{count} contacts this week, {todo} still to do")
                             .format(count=len(self.contacts), todo=len(open_ones)))
        if self.contacts:
            mine = [i for i in open_ones if self.contacts[i].assigned_to == self.staff.id]
            self.table.selectRow(mine[0] if mine else 0)
        self.enable()

    def chosen(self):
        row = self.table.chosen_row()
        return self.contacts[row] if row is not None and row < len(self.contacts) else None

    def enable(self) -> None:
        contact = self.chosen()
        mine = contact is not None and contact.assigned_to == self.staff.id
        self.call_button.setEnabled(mine)
        self.visit_button.setEnabled(mine)

    def record(self, kind: str) -> None:
        contact = self.chosen()
        if contact is None or contact.assigned_to != self.staff.id:
            return
        self.form = ContactForm(self.context, self.staff, contact, kind, self.window())

        def closed(_result) -> None:
            recorded = self.form is not None and self.form.answer
            self.form = None
            if recorded:
                self.reload()
            self.window().activateWindow()  # its keys are the screen's again
            self.table.setFocus()

        self.form.finished.connect(closed)
        present(self.form)  # its heading, the screen dimmed behind it
        self.form.open()


class ReportPanel(QWidget):
    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.staff, self.formats = context, staff, context.formats
        self.people: list = []
        self.week = WeekBar(self.formats, self.reload)
        self.keys = {Qt.Key.Key_F5: self.week.earlier, Qt.Key.Key_F6: self.week.later}
        self.note = ElidedLabel("")
        self.note.setObjectName("muted")
        self.message = error_line()
        self.model = RowsModel(self.headers(), numeric=set(range(1, 15)))
        self.table = StockTable(self.model, stretch=0)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        top = QHBoxLayout()
        top.addWidget(self.week)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def headers(self) -> list[str]:
        return [self.tr("Person"), self.tr("Planned"), self.tr("Done"), self.tr("Calls"),
                self.tr("Visits"), self.tr("Mon"), self.tr("Tue"), self.tr("Wed"),
                self.tr("Thu"), self.tr("Fri"), self.tr("Sat"), self.tr("Sun"),
                self.tr("Days below"), self.tr("Sales"), self.tr("Value")]

    def focus(self) -> None:
        self.table.setFocus()

    def reload(self) -> None:
        self.message.clear()
        self.context.ops.run(lead_ops.followup_report(week_start=self.week.monday), parent=self,
                             done=self.show_report,
                             refused=lambda error: self.message.setText(refusal_text(error)),
                             crashed=lambda: self.message.setText(bug_message()))

    def show_report(self, people) -> None:
        self.people = list(people)
        rows, below = [], set()
        target = None
        for index, p in enumerate(self.people):
            if p.days_below:
                below.add(index)
            if p.target is not None:
                target = p.target
            rows.append([p.name, str(p.planned), str(p.done), str(p.calls), str(p.visits),
                         *(str(n) for n in p.visits_by_day),
                         "—" if p.target is None else str(len(p.days_below)),
                         str(p.sales_count), self.formats.money(p.sales)])
        self.model.set_rows(rows, below)
        self.table.set_stretch(0)
        self.note.setText(self.tr("Visits a day: the target is {target} for customer managers"
                                  "; sales within 30 days of a contact, each credited once")
                          .format(target="—" if target is None else target))
