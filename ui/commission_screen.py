"""A month's commission statement for managers: per person the scheme that pays them,
what they sold, the returns taken back from it in the month (even of earlier months'
sales), the basis, the step reached and its rate, and the amount; the total and how it
reconciles with the store's net sales. For every store, a store or a till; saved as CSV
or PDF. Computed in the background (ui.ops); choosing another month or scope runs it
again, and a late answer to an earlier choice is dropped."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QApplication, QDateEdit, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
)

from ui import ops
from ui.messages import bug_message, refusal_text
from ui.report_parts import (
    ERROR_STYLE, Scope, ScopeChoice, commission_table, month_text, reconciliation_text,
    report_frame, save_document,
)


class CommissionDialog(QDialog):
    def __init__(self, context, scopes: list[tuple[Scope, str]], scope: Scope, month: date,
                 parent=None):
        super().__init__(parent)
        self.context = context
        self.statement = None
        self.shown: tuple[Scope, str] | None = None  # the scope and month of what is shown
        self.asked = 0
        self.setWindowTitle(self.tr("Commission statement"))
        self.month = QDateEdit(QDate(month.year, month.month, 1))
        self.month.setCalendarPopup(True)
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setToolTip(self.tr("The month of the statement"))
        self.scope = ScopeChoice(scope)
        self.scope.fill_with(scopes, chosen=scope)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Month")))
        controls.addWidget(self.month)
        controls.addWidget(self.scope, 1)
        controls.addWidget(self.refresh_button)
        scroll = report_frame(self)
        self.csv_button = QPushButton(self.tr("Save CSV…"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.header)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.saved)
        layout.addLayout(buttons)
        screen = (parent.screen() if parent is not None
                  else QApplication.primaryScreen()).availableGeometry()
        self.setMaximumSize(screen.width(), screen.height())
        self.resize(min(1000, screen.width()), min(600, screen.height()))
        self.month.dateChanged.connect(self.refresh)
        self.scope.currentIndexChanged.connect(self.refresh)
        context.ops.run(ops.report_scopes(), parent=self, done=self.scope.fill,
                        refused=lambda _error: None, crashed=lambda: None, busy=False)
        self.refresh()

    def month_code(self) -> str:
        chosen = self.month.date()
        return f"{chosen.year():04d}-{chosen.month():02d}"

    def refresh(self) -> None:
        scope, month = self.scope.scope(), self.month_code()
        self.asked += 1
        asked = self.asked
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Adding up {month}…").format(month=month))

        def answered(statement):
            if asked == self.asked:
                self.show_statement(statement, scope)

        def problem(text):
            if asked == self.asked:
                self.status.setStyleSheet(ERROR_STYLE)
                self.status.setText(text)

        self.context.ops.run(ops.commission_month(month, **scope.options), parent=self,
                             done=answered, refused=lambda error: problem(refusal_text(error)),
                             crashed=lambda: problem(bug_message()),
                             disable=[self.refresh_button])

    def show_statement(self, statement, scope: Scope) -> None:
        self.statement = statement
        self.shown = (scope, f"{statement.start.year:04d}-{statement.start.month:02d}")
        money = self.context.formats.money
        self.header.setText(self.tr("Commission statement: {scope} · {month}").format(
            scope=scope.text(), month=month_text(statement.start, self.context.locale)))
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Total commissions {total}").format(
            total=money(statement.total)))
        while self.body_layout.count():
            widget = self.body_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        if statement.people:
            self.body_layout.addWidget(commission_table(statement, money))
        else:
            self.body_layout.addWidget(QLabel(self.tr("Nobody sold anything in this month.")))
        note = QLabel(reconciliation_text(statement, money))
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.body_layout.addWidget(note)
        self.body_layout.addStretch(1)
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(True)

    def people(self) -> list[str]:
        return [p.staff for p in self.statement.people] if self.statement else []

    def save(self, kind: str) -> None:
        if self.statement is None:
            return
        scope, month = self.shown
        save_document(self, self.context, self.statement, kind=kind,
                      suggested=f"commissions-{scope.slug()}-{month}.{kind}",
                      store_name=scope.store_name, message=self.saved,
                      buttons=[self.csv_button, self.pdf_button])
