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

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QTabWidget, QVBoxLayout

from ui.checkout.after_sale_parts import dialog_button
from ui.dialog_frame import set_kind
from ui.leads.lead_panel import LeadsPanel
from ui.leads.week_panel import PlanPanel, ReportPanel

TAB_KEYS = (Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3)


class LeadsDialog(QDialog):
    LEADS, WEEK, REPORT = range(3)

    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.staff = context, staff
        self.setWindowTitle(self.tr("Leads and follow-up · {name}").format(name=staff.name))
        self.leads = LeadsPanel(context, staff)
        self.week = PlanPanel(context, staff)
        self.report = ReportPanel(context, staff)
        self.tabs = QTabWidget()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for panel, title in ((self.leads, self.tr("Leads [F1]")),
                             (self.week, self.tr("This week [F2]")),
                             (self.report, self.tr("Report [F3]"))):
            self.tabs.addTab(panel, title)
        self.tabs.currentChanged.connect(self.tab_shown)
        self.close_button = set_kind(dialog_button(self.tr("Close [Esc]")), "secondary")
        self.close_button.clicked.connect(self.reject)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(foot)
        self._fit_screen()
        self.leads.reload()

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        self.activateWindow()  # its keys work at once, with or without a window manager
        self.panel().focus()

    def _fit_screen(self) -> None:
        """As large as suits the tables, never larger than the screen it is on."""
        screen = (self.parent().screen() if self.parent() is not None
                  else QApplication.primaryScreen()).availableGeometry()
        self.setMaximumSize(screen.width(), screen.height())
        self.resize(min(1240, screen.width()), min(720, screen.height() - 24))

    def panel(self):
        return self.tabs.currentWidget()

    def tab_shown(self, index: int) -> None:
        panel = self.tabs.widget(index)
        if panel is self.week:
            self.week.reload()
        elif panel is self.report:
            self.report.reload()
        panel.focus()

    def show_tab(self, index: int) -> None:
        if self.tabs.currentIndex() == index:
            self.panel().focus()
        self.tabs.setCurrentIndex(index)

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        key = event.key()
        if event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                 Qt.KeyboardModifier.KeypadModifier):
            if key in TAB_KEYS:
                self.show_tab(TAB_KEYS.index(key))
                return
            button = self.panel().keys.get(key)
            if button is not None:
                if button.isVisible() and button.isEnabled():
                    button.click()
                return
        super().keyPressEvent(event)
