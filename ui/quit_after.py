"""``POS_QUIT_AFTER``: the app quits by itself once it got so far, saying so on stdout,
for checks that start the real app with no one at it: the frozen app's smoke test
(packaging/smoke.py) and cold-start timing.

- ``login``: the login screen's first paint (``tickbox: login painted``);
- ``till``: the till built and attached, the database opened and its schema checked
  (``tickbox: till loaded``); a start that fails says so in its own way, as ever.

Exit code 0 in both cases. Unset (every real start), nothing is watched.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QObject, QTimer

ENV = "POS_QUIT_AFTER"
STAGES = ("login", "till")


class QuitAfter(QObject):
    def __init__(self, startup, stage: str):
        super().__init__(startup)
        self.startup, self.stage = startup, stage
        if stage == "login":
            startup.window.login.installEventFilter(self)
        else:
            startup.loaded.connect(lambda: self._done("till loaded"))

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: self._done("login painted"))
        return False

    def _done(self, what: str) -> None:
        print(f"tickbox: {what}", flush=True)
        self.startup.app.exit(0)


def watch(startup) -> QuitAfter | None:
    """Quit at the stage POS_QUIT_AFTER names, if it names one."""
    stage = os.environ.get(ENV, "").strip().lower()
    if stage not in STAGES:
        return None
    startup._quit_after = QuitAfter(startup, stage)  # kept alive with the start
    return startup._quit_after
