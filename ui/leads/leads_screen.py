"""The leads screen at the till (Shift+F6; managers, administrators, customer managers):
three tabs.

    F1 Leads      the leads and their five needs answers; new, edit, hand over, won, lost
    F2 This week  the week's calls and visits: plan the week, record a call or a visit
    F3 Report     per person: planned vs done, visits a day against the target, sales

Each tab's buttons show their keys; Esc closes and gives the till its scan field back.
The arrow keys move in the tab's table. Every call goes through ui.ops.leads, off the GUI
thread; what the services refuse is said on the tab (or the form) and changes nothing.
The screen fits the till's screen and never grows wider: long text is elided."""

from __future__ import annotations

from ui.leads.lead_panel import LeadsPanel
from ui.leads.week_panel import PlanPanel, ReportPanel
from ui.tabbed_screen import TabbedScreen


class LeadsDialog(TabbedScreen):
    LEADS, WEEK, REPORT = range(3)
    WIDTH = 1240

    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.staff = context, staff
        self.setWindowTitle(self.tr("Leads and follow-up · {name}").format(name=staff.name))
        self.leads = LeadsPanel(context, staff)
        self.week = PlanPanel(context, staff)
        self.report = ReportPanel(context, staff)
        self.set_tabs(((self.leads, self.tr("Leads [F1]")),
                       (self.week, self.tr("This week [F2]")),
                       (self.report, self.tr("Report [F3]"))))
        self.leads.reload()

    def tab_shown(self, panel) -> None:
        """The week and the report are read again each time they are shown."""
        if panel is self.week or panel is self.report:
            panel.reload()
        panel.focus()
