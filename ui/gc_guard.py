"""Python's garbage collector, run only on the GUI thread, in small steps.

A cycle that holds a Qt widget (a dialog and the slot connected to it, say) may be
collected on whatever thread happens to allocate at that moment; if that is a worker
thread, Qt destroys the widget off its thread and the process crashes. So automatic
collection is switched off and this timer collects on the GUI thread instead (the same
cure Anki and pyqtgraph use).

A full collection walks every object the process holds (SQLAlchemy's, Qt's wrappers,
the modules): some 65 ms on a loaded till, a stall the cashier would feel. Once the
till is built, `freeze()` moves everything alive then out of the collector's sight
(gc.freeze, made for long-lived start-up objects), so later collections walk only what
came after."""

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

    @staticmethod
    def freeze() -> None:
        """What is alive now lives as long as the app (no collection first: that would be
        the very stall this avoids; what start-up left over is freed by reference count,
        but for a few cycles)."""
        gc.freeze()
