"""The leads screen's tabs (ui.leads), on the demo's business customers and follow-up
(pos.demo.crm): the leads with a lead's five needs answers, a new lead's form, this
week's plan, and last week's follow-up report. A manager opens it (Shift+F6).
ui.screenshots.screens adds LEADS_SCREENS to its SCREENS."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPainter, QPixmap

from pos.kernel.enums import StaffRole
from ui.screenshots.stage import Stage

LEADS_SCREENS: dict[str, object] = {}


def screen(name: str):
    def register(function):
        LEADS_SCREENS[name] = function
        return function
    return register


def leads_screen(stage: Stage, tab_key=None):
    """The leads screen at a manager's till, on the tab of `tab_key`, its answers in."""
    stage.open_window()
    stage.log_in(StaffRole.MANAGER)
    stage.key(Qt.Key.Key_F6, stage.till.scan, Qt.KeyboardModifier.ShiftModifier)
    dialog = stage.wait_dialog("LeadsDialog", "the leads screen")
    stage.wait(lambda: dialog.leads.model.rows, "the leads")
    if tab_key is not None:
        stage.key(tab_key, dialog.leads.table)
    stage.settle()
    return dialog


@screen("leads")
def leads_list(stage: Stage) -> None:
    dialog = leads_screen(stage)
    stage.key(Qt.Key.Key_Down, dialog.leads.table)  # the second lead, its needs beneath
    stage.settle()
    stage.shot("leads")


@screen("leads-form")
def leads_form(stage: Stage) -> None:
    dialog = leads_screen(stage)
    stage.key(Qt.Key.Key_F6, dialog.leads.table)  # edit the first lead
    stage.wait(lambda: dialog.leads.form is not None, "the lead's form")
    stage.settle()
    shot_over(stage, "leads-form", dialog, dialog.leads.form)


def shot_over(stage: Stage, name: str, below, front) -> None:
    """A shot of the window with the screen and the form over it, each where it sits."""
    stage.shot(name, dialog=below)
    path = stage.written[-1]
    picture = QPixmap(str(path))
    place = front.mapToGlobal(QPoint(0, 0)) - stage.window.mapToGlobal(QPoint(0, 0))
    if not picture.rect().contains(place) or front.width() > stage.size[0] \
            or front.height() > stage.size[1]:
        stage.problems.append(f"{name}: the form ({front.width()}x{front.height()}) does not "
                              "fit the screen")
    painter = QPainter(picture)
    painter.drawPixmap(place, front.grab())
    painter.end()
    picture.save(str(path))


@screen("leads-week")
def leads_week(stage: Stage) -> None:
    dialog = leads_screen(stage, Qt.Key.Key_F2)
    stage.wait(lambda: dialog.week.model.rows, "this week's plan")
    stage.shot("leads-week")
    stage.key(Qt.Key.Key_F5, dialog.week.table)  # last week: recorded
    stage.wait(lambda: any(row[6] != dialog.week.model.rows[0][6] or row[7]
                           for row in dialog.week.model.rows), "last week's contacts")
    stage.shot("leads-week-recorded")


@screen("leads-report")
def leads_report(stage: Stage) -> None:
    dialog = leads_screen(stage, Qt.Key.Key_F3)
    stage.key(Qt.Key.Key_F5, dialog.report.table)  # last week
    stage.wait(lambda: dialog.report.model.rows, "last week's report")
    stage.shot("leads-report")
