"""The running app's backups, and their age shown to managers in the till's top bar.

`BackupStatus` takes a backup (through ui.ops, never on the GUI thread, without the
"Working…" banner: the till sells on meanwhile) while the app is open whenever the last
good one is `backup_interval_hours` old (asked every CHECK_MS: the setting and the
index are read then, nothing at start), and after every Z close; and keeps `label` showing the age of the last good
one: "Backup 3 h ago", red ("error") when there is none or it is older than a day. The
label elides rather than widen the till, and is shown to managers and administrators
only. The age is read from the backups index (pos.backup.files), once a minute and after
each backup."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QFont, QFontMetrics

from ui import ops
from ui.elided_label import ElidedLabel

CHECK_MS = 10 * 60_000  # how often the app asks whether a backup is due
REFRESH_MS = 60_000  # the age shown is recomputed once a minute
MOST_WIDTH = 170  # pixels the age may claim from the top bar


class BackupStatus(QObject):
    def __init__(self, till):
        super().__init__(till)
        self.till, self.ops = till, till.ops
        self.label = ElidedLabel("")
        self.label.setObjectName("muted")
        self.label.hide()
        self.age = None  # pos.backup.run.BackupAge, once read
        self.running = False
        self.pending: str | None = None  # a Z close's backup asked for while one ran
        self.backup_timer = QTimer(self)
        self.backup_timer.timeout.connect(self.take_if_due)
        self.backup_timer.start(CHECK_MS)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.timeout.connect(self.refresh)
        self.refresh_timer.start(REFRESH_MS)

    def show_to(self, manager: bool) -> None:
        self.label.setVisible(manager)
        if manager:
            self.refresh()

    def take(self, reason: str) -> None:
        """A backup now (a Z close's); after the one running, if one is: the close's
        sales must be in a backup taken after it."""
        if self.running:
            self.pending = reason
            return
        self._run(ops.take_backup(reason))

    def take_if_due(self) -> None:
        if not self.running:
            self._run(ops.backup_if_due())

    def _run(self, call) -> None:
        self.running = True
        self.ops.run(call, parent=self.till, busy=False, done=self._taken,
                     refused=lambda _error: self._taken(None),
                     crashed=lambda: self._taken(None))

    def _taken(self, _outcome) -> None:
        self.running = False
        if self.pending is not None:
            reason, self.pending = self.pending, None
            self.take(reason)
        self.refresh()

    def refresh(self) -> None:
        self.ops.run(ops.backup_age(), parent=self.till, busy=False, done=self.show_age,
                     refused=lambda _error: None, crashed=lambda: None)

    def show_age(self, age) -> None:
        self.age = age
        if age.last_good is None:
            text = self.tr("No backup yet")
        else:
            text = self.tr("Backup {age} ago").format(age=self.age_text(age.age))
        tip = text
        if age.last_problem:
            tip += "\n" + self.tr("The last backup failed: {problem}").format(
                problem=age.last_problem)
        self.label.setText(text)
        self.label.setToolTip(tip)
        # The age is what a manager looks for: shown whole (it is short), the store's
        # name beside it elides first; capped so it can never widen the till.
        bold = QFont(self.label.font())
        bold.setBold(True)  # red is bold too (the style's QLabel#error)
        self.label.setMinimumWidth(min(QFontMetrics(bold).horizontalAdvance(text) + 8,
                                       MOST_WIDTH))
        name = "error" if age.stale else "muted"
        if self.label.objectName() != name:
            self.label.setObjectName(name)
            self.label.style().unpolish(self.label)
            self.label.style().polish(self.label)

    def age_text(self, age) -> str:
        minutes = int(age.total_seconds() // 60)
        if minutes < 60:
            return self.tr("{n} min").format(n=minutes)
        if minutes < 48 * 60:
            return self.tr("{n} h").format(n=minutes // 60)
        return self.tr("{n} days").format(n=minutes // (24 * 60))
