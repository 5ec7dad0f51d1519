"""The thread pool that calls into pos/ run on, off the GUI thread (ui.ops builds on it).
A job reports back by Signal, delivered on the GUI thread; the worker never touches a
widget."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    succeeded = Signal(object)
    refused = Signal(object)  # the UserError itself: the screen words it (ui.messages)
    crashed = Signal(str)  # a bug, already logged with its traceback: a one-line summary


class Job(QRunnable):
    def __init__(self, call: Callable[[], object]):
        super().__init__()
        self.call = call
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        # Loaded by the first job (the staged start's load), not with the first screen.
        from pos.kernel.errors import UserError

        try:
            result = self.call()
        except UserError as exc:
            self.signals.refused.emit(exc)
        except Exception as exc:  # noqa: BLE001 - a bug: keep the traceback, tell the user
            log.exception("background job failed")
            self.signals.crashed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.succeeded.emit(result)


class Worker(QObject):
    """Runs jobs on a thread pool; keeps them alive until they have reported.

    Several threads, because a job may wait: for another terminal's write lock (up to
    SQLite's busy timeout), for a printer that does not answer. One waiting job must not
    hold up the scan that comes next."""

    THREADS = 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(self.THREADS)
        self._running: set[Job] = set()

    def submit(self, call: Callable[[], object], *, on_success, on_refused, on_crash) -> Job:
        """`on_refused` gets the UserError, `on_crash` a summary of the bug."""
        job = Job(call)
        self._running.add(job)

        def finished(handler):
            def slot(value):
                self._running.discard(job)
                handler(value)
            return slot

        job.signals.succeeded.connect(finished(on_success))
        job.signals.refused.connect(finished(on_refused))
        job.signals.crashed.connect(finished(on_crash))
        self.pool.start(job)
        return job

    @property
    def busy(self) -> bool:
        return bool(self._running)
