"""Another terminal holding the database never freezes this one (design rule 6): while a
second connection holds SQLite's write lock for 4 s, the cashier logs in, scans a
notebook and pays, and the event loop is never stopped by the wait; the sale completes
once the lock is let go.

A write waiting on the GUI thread would stop the event loop for what is left of the hold
(the login's from its start, 4 s; the completion's after the scan and pay steps, 2 s or
more; the till waits up to 5 s for a lock). What the loop is stopped for otherwise is
the screen's own work (building the till after the login, opening the payment): 70-90 ms
on a quiet machine, 160 ms and once 412 ms when the suite runs a worker on each CPU
beside it, which is contention for the CPU, not waiting. So the bound is 1 s: below any
wait, above the screen's own work on a busy machine. (Speed itself is measured by
benchmarks/till.py, not by tests.)"""

import sqlite3

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from pos.db.models import JournalEntry, Sale
from tests.gui.conftest import settle
from ui.checkout.dialogs import CardPrompt, SerialDialog
from ui.checkout.payment import PaymentDialog
from ui.ops import BusyBanner

NOTEBOOK = "6923150020022"
HOLD_MS = 4000
WORST_STALL_MS = 1000  # a wait for the lock would be most of HOLD_MS (see above)


class Heartbeat:
    """A timer that should tick every 10 ms on the GUI thread: the longest gap between
    two ticks is the longest the event loop was kept from running."""

    def __init__(self, interval_ms: int = 10):
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.gaps: list[int] = []

    def start(self) -> None:
        self.clock.start()
        self.last = 0
        self.timer.start()

    def tick(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append(now - self.last)
        self.last = now

    def stop(self) -> int:
        self.tick()  # up to now counts too
        self.timer.stop()
        return max(self.gaps)


class OtherTerminal:
    """Another connection to the same SQLite file, holding its write lock as a terminal
    in the middle of a sale does; let go by a timer after `HOLD_MS`."""

    def __init__(self, path: str):
        self.connection = sqlite3.connect(path, isolation_level=None)
        self.holding = False

    def hold(self) -> None:
        self.connection.execute("BEGIN IMMEDIATE")
        self.holding = True
        QTimer.singleShot(HOLD_MS, self.let_go)

    def let_go(self) -> None:
        self.connection.execute("ROLLBACK")
        self.holding = False


def working(window) -> bool:
    banner = window.findChild(BusyBanner)
    return banner is not None and banner.isVisible() and banner.text() == "Working…"


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
    qtbot.keyClick(widget, key, modifier)


def test_the_till_keeps_going_while_another_terminal_holds_the_database(qtbot, window,
                                                                        sqlite_demo_db):
    other = OtherTerminal(sqlite_demo_db.engine.url.database)
    heartbeat = Heartbeat()
    settle(qtbot, window)  # the staff tiles are there
    heartbeat.start()

    # Logging in writes (a PIN check counts the misses): it waits for the other
    # terminal, the screen does not.
    other.hold()
    window.login.choose("Li Na")
    qtbot.keyClicks(window.login.pin, "1111")
    press(qtbot, window.login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: working(window))
    assert not window.login.ok_button.isEnabled()  # one PIN at a time
    qtbot.keyClicks(window.login.pin, "12")  # typing goes on meanwhile
    assert window.login.pin.text() == "12" and other.holding
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.till, timeout=HOLD_MS + 5000)
    assert not other.holding and not working(window)
    till = window.till

    # Scanning and the pay steps only read: they go on while the other terminal writes;
    # completing the sale writes, and waits for it.
    other.hold()
    qtbot.keyClicks(till.scan, NOTEBOOK)
    press(qtbot, till.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(till.sheet.rows) > 10)
    press(qtbot, till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardPrompt))
    press(qtbot, till.active_dialog, Qt.Key.Key_0,  # the customer declined the card
          Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, SerialDialog))
    qtbot.keyClicks(till.active_dialog.field, "PF3STALL1")
    press(qtbot, till.active_dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog))
    payment = till.active_dialog
    press(qtbot, payment.amount, Qt.Key.Key_F1)
    press(qtbot, payment.amount, Qt.Key.Key_Return)
    assert other.holding, "the steps before completing waited for the other terminal"
    qtbot.waitUntil(lambda: working(window))
    assert not till.pay_button.isEnabled() and "Completing" in till.banner.text()
    with qtbot.waitSignal(till.sale_completed, timeout=HOLD_MS + 10_000) as completed:
        pass
    assert not other.holding
    worst = heartbeat.stop()

    receipt = completed.args[0].receipt_no
    assert receipt in till.banner.text() and till.cart.lines == []
    with sqlite_demo_db.read() as session:
        sale = session.scalar(select(Sale).where(Sale.receipt_no == receipt))
        assert sale is not None and sale.total == payment.due
        assert session.scalar(select(JournalEntry).where(JournalEntry.doc_ref == receipt))
    other.connection.close()
    print(f"worst event-loop stall: {worst} ms over {len(heartbeat.gaps)} ticks")
    assert worst < WORST_STALL_MS, sorted(heartbeat.gaps)[-10:]
