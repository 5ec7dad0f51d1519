"""Running calls into pos/ on the worker and handing their answers back on the GUI
thread: Ops (one per database), Op (one call on its way), OpQueue (calls that apply in
order), and the busy state ("Working…" after BUSY_DELAY_MS). See the package docstring."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from pos.kernel.errors import UserError

if TYPE_CHECKING:
    from pos.db.engine import Database

log = logging.getLogger(__name__)
T = TypeVar("T")
Call = Callable[["Database"], T]  # what a widget asks for: run on the worker with the database
BUSY_DELAY_MS = 150


class Ops:
    """Runs calls against one database on the worker; made once, by the composition root
    (a plain object: it may be made on the worker thread during the staged start)."""

    def __init__(self, db: Database, worker):
        self.db, self.worker = db, worker
        self.live = 0  # ops submitted and not yet delivered (queued ones included)
        self._slow: dict[int, int] = {}  # window id -> ops past BUSY_DELAY_MS there
        # id(widget) -> [widget, ops holding it off, whether it was enabled before]
        self._held: dict[int, list] = {}

    @property
    def idle(self) -> bool:
        return self.live == 0

    def run(self, call: Call[T], *, parent: QWidget, **options) -> Op:
        """Run now; options: done, refused, crashed, disable, busy (see Op)."""
        op = Op(self, lambda: call, parent=parent, **options)
        op.start()
        return op

    def queue(self) -> OpQueue:
        return OpQueue(self)

    # buttons off while their action runs
    def _hold(self, widgets: list[QWidget]) -> None:
        for widget in widgets:
            entry = self._held.setdefault(id(widget), [widget, 0, widget.isEnabled()])
            entry[1] += 1
            widget.setEnabled(False)

    def _release(self, widgets: list[QWidget]) -> None:
        for widget in widgets:
            entry = self._held[id(widget)]
            entry[1] -= 1
            if not entry[1]:
                del self._held[id(widget)]
                if shiboken6.isValid(widget):
                    widget.setEnabled(entry[2])

    # the busy state, per window
    def _became_slow(self, window: QWidget) -> None:
        key = id(window)
        self._slow[key] = self._slow.get(key, 0) + 1
        if sum(self._slow.values()) == 1:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        BusyBanner.of(window).appear()

    def _no_longer_slow(self, window: QWidget) -> None:
        key = id(window)
        self._slow[key] -= 1
        if not self._slow[key]:
            del self._slow[key]
            if shiboken6.isValid(window):
                BusyBanner.of(window).hide()
        if not self._slow:
            QApplication.restoreOverrideCursor()


class Op:
    """One call on its way through the worker. `done(result)`, `refused(error)` and
    `crashed()` run on the GUI thread, and only while `parent` still exists."""

    def __init__(self, ops: Ops, build: Callable[[], Call], *, parent: QWidget,
                 done: Callable[[Any], None] | None = None,
                 refused: Callable[[UserError], None] | None = None,
                 crashed: Callable[[], None] | None = None,
                 disable: Iterable[QWidget] = (), busy: bool = True):
        self.ops, self.build, self.parent = ops, build, parent
        self.done, self.refused, self.crashed = done, refused, crashed
        self.disable, self.busy = list(disable), busy
        self.finished = False
        self._slow_in: QWidget | None = None
        self._busy_timer: QTimer | None = None
        self._then: Callable[[], None] | None = None
        ops.live += 1
        ops._hold(self.disable)

    def start(self, then: Callable[[], None] | None = None) -> None:
        """Build the call (now, from the current state) and hand it to the worker;
        `then()` runs after the answer has been delivered."""
        self._then = then
        try:
            call = self.build()
        except UserError as exc:
            self._deliver(self.refused or self._show_refusal, exc)
            return
        except Exception:  # noqa: BLE001 - a bug in building the call: as if it crashed
            log.exception("building a call failed")
            self._deliver(self._crash, "")
            return
        db = self.ops.db
        self.ops.worker.submit(lambda: call(db),
                               on_success=lambda result: self._deliver(self.done, result),
                               on_refused=lambda error: self._deliver(
                                   self.refused or self._show_refusal, error),
                               on_crash=lambda summary: self._deliver(self._crash, summary))
        if self.busy:
            self._busy_timer = QTimer()
            self._busy_timer.setSingleShot(True)
            self._busy_timer.setTimerType(Qt.TimerType.PreciseTimer)  # never before the delay
            self._busy_timer.timeout.connect(self._running_long)
            self._busy_timer.start(BUSY_DELAY_MS)

    def _running_long(self) -> None:
        if not self.finished and shiboken6.isValid(self.parent):
            self._slow_in = self.parent.window()
            self.ops._became_slow(self._slow_in)

    def _deliver(self, handler, value) -> None:
        self.finished = True
        if self._busy_timer is not None:
            self._busy_timer.stop()
        self.ops.live -= 1
        self.ops._release(self.disable)
        if self._slow_in is not None:
            self.ops._no_longer_slow(self._slow_in)
        try:
            if handler is not None and shiboken6.isValid(self.parent):
                handler(value)
        finally:
            if self._then is not None:
                self._then()

    def _crash(self, _summary: str) -> None:
        if self.crashed is not None:
            self.crashed()
        else:
            from ui.messages import Notice, bug_message

            Notice.show(self.parent, bug_message())

    def _show_refusal(self, error: UserError) -> None:
        from ui.messages import Notice, refusal_text

        Notice.show(self.parent, refusal_text(error))


# A database that did not answer in time, or cannot be reached, while a queue's call
# (the till's cart, the exchange's) ran: the cashier is told that the sale is kept, and
# tries again (pos.selling.completion completes a cart once, however often it is sent).
NO_ANSWER = frozenset({"db.timeout", "db.busy", "db.server_timeout"})
UNREACHABLE = frozenset({"db.connection_lost", "db.server_unreachable", "db.server_refused",
                         "db.server_busy"})


def keeping_the_cart(call: Call[T]) -> Call[T]:
    """`call`, with the database's "no answer" and "unreachable" refusals said as the
    till says them: till.db_no_answer (with its seconds) or till.db_unreachable."""
    def run(db):
        try:
            return call(db)
        except UserError as error:
            if error.message_id in NO_ANSWER:
                raise UserError("till.db_no_answer",
                                seconds=error.params.get("seconds", "?")) from error
            if error.message_id in UNREACHABLE:
                raise UserError("till.db_unreachable") from error
            raise
    return run


class OpQueue:
    """Ops that run one at a time, in the order they were asked for. Each builds its
    call when it starts, after the one before has been delivered, so it sees the state
    that one left (the till's cart). A call that finds the database not answering is
    refused as keeping the cart (keeping_the_cart)."""

    def __init__(self, ops: Ops):
        self.ops = ops
        self._waiting: deque[Op] = deque()
        self._current: Op | None = None

    @property
    def idle(self) -> bool:
        return self._current is None and not self._waiting

    def run(self, build: Callable[[], Call[T]], *, parent: QWidget, **options) -> Op:
        op = Op(self.ops, lambda: keeping_the_cart(build()), parent=parent, **options)
        self._waiting.append(op)
        self._next()
        return op

    def _next(self) -> None:
        if self._current is None and self._waiting:
            self._current = self._waiting.popleft()
            self._current.start(then=self._delivered)

    def _delivered(self) -> None:
        self._current = None
        self._next()


class BusyBanner(QLabel):
    """"Working…" at the top of a window while an op there runs long."""

    @classmethod
    def of(cls, window: QWidget) -> BusyBanner:
        banner = window.findChild(BusyBanner, options=Qt.FindChildOption.FindDirectChildrenOnly)
        return banner or cls(window)

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("busy")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def appear(self) -> None:
        self.setText(self.tr("Working…"))
        self.adjustSize()
        width = max(self.width() + 32, 200)
        self.setGeometry((self.parentWidget().width() - width) // 2, 6, width, 40)
        self.show()
        self.raise_()


def preload() -> None:
    """Import what the calls use (on the worker, at start), not at the first scan."""
    import pos.aftersale.find  # noqa: F401
    import pos.aftersale.returns  # noqa: F401
    import pos.aftersale.voids  # noqa: F401
    import pos.catalog.products  # noqa: F401
    import pos.day.shifts  # noqa: F401
    import pos.ledger.audit  # noqa: F401
    import pos.people.approvals  # noqa: F401
    import pos.people.customers  # noqa: F401
    import pos.people.permissions  # noqa: F401 - ops.may runs on the GUI thread
    import pos.people.staff  # noqa: F401
    import pos.printjobs.print_queue  # noqa: F401
    import pos.printjobs.records  # noqa: F401
    import pos.selling.addons  # noqa: F401
    import pos.selling.cards  # noqa: F401
    import pos.selling.checkout  # noqa: F401
    import pos.selling.completion  # noqa: F401
    import pos.selling.parking  # noqa: F401
    import pos.selling.sheet  # noqa: F401
