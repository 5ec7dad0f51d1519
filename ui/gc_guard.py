"""Python's garbage collector, run only on the GUI thread.

A cycle that holds a Qt widget (a dialog and the slot connected to it, say) may be
collected on whatever thread happens to allocate at that moment; if that is a worker
thread, Qt destroys the widget off its thread and the process crashes. So automatic
collection is switched off and this timer collects on the GUI thread instead (the same
cure Anki and pyqtgraph use)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GarbageCollector(QObject):
    INTERVAL_MS = 500

    def __init__(self, parent=None):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(self.INTERVAL_MS)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                break
