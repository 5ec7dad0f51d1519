"""ui.ops as a widget meets it: the answer on the GUI thread, a refusal as the UserError,
a bug logged and said briefly, the action's buttons off while it runs, "Working…" only
for calls that take a while, and queued calls applied in the order they were asked."""

import threading

import pytest
from PySide6.QtCore import QElapsedTimer, QThread, QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from pos.kernel.errors import UserError
from ui.messages import Notice, bug_message
from ui.ops import BUSY_DELAY_MS, BusyBanner, Ops
from ui.worker import Worker


@pytest.fixture
def screen(qtbot):
    widget = QWidget()
    widget.resize(600, 400)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def ops():
    runner = Ops(db="the database", worker=Worker())
    yield runner
    runner.worker.pool.waitForDone(5000)


def banner_shown(screen) -> bool:
    banner = screen.findChild(BusyBanner)
    return banner is not None and banner.isVisible()


def test_the_call_runs_on_the_worker_and_the_answer_comes_back_on_the_gui_thread(qtbot, screen,
                                                                                 ops):
    threads, answers = [], []

    def call(db):
        threads.append(QThread.currentThread())
        return f"read from {db}"

    ops.run(call, parent=screen, done=lambda answer: answers.append(
        (answer, QThread.currentThread())))
    qtbot.waitUntil(lambda: bool(answers))
    assert threads[0] is not screen.thread()
    assert answers == [("read from the database", screen.thread())]
    assert ops.idle


def test_a_refusal_arrives_as_the_user_error(qtbot, screen, ops):
    refusals = []

    def refuse(_db):
        raise UserError("Not enough tendered")

    ops.run(refuse, parent=screen, done=pytest.fail, refused=refusals.append)
    qtbot.waitUntil(lambda: bool(refusals))
    assert isinstance(refusals[0], UserError) and str(refusals[0]) == "Not enough tendered"


def test_a_bug_is_logged_and_the_person_gets_the_short_message(qtbot, screen, ops, caplog):
    def broken(_db):
        raise RuntimeError("the engine's secret internals")

    Notice.last = None
    ops.run(broken, parent=screen, done=pytest.fail)
    qtbot.waitUntil(lambda: Notice.last is not None)
    assert Notice.last == bug_message() and "secret" not in Notice.last
    assert any(r.exc_info and "secret internals" in str(r.exc_info[1]) for r in caplog.records)


def test_the_buttons_are_off_while_it_runs_and_working_shows_only_after_a_while(qtbot, screen,
                                                                               ops):
    gate, answers = threading.Event(), []
    pay = QPushButton("Pay", screen)
    park = QPushButton("Park", screen)
    park.setEnabled(False)  # off for its own reasons: it stays off afterwards
    clock = QElapsedTimer()
    clock.start()
    ops.run(lambda _db: gate.wait(10), parent=screen, done=answers.append, disable=[pay, park])
    assert not pay.isEnabled() and not banner_shown(screen)
    qtbot.waitUntil(lambda: banner_shown(screen))
    assert clock.elapsed() >= BUSY_DELAY_MS
    assert screen.findChild(BusyBanner).text() == "Working…"
    gate.set()
    qtbot.waitUntil(lambda: bool(answers))
    assert pay.isEnabled() and not park.isEnabled() and not banner_shown(screen)

    looked = []  # a quick call never flickers it: not even once its delay has passed
    ops.run(lambda _db: "quick", parent=screen, done=answers.append)
    QTimer.singleShot(BUSY_DELAY_MS + 50, lambda: looked.append(banner_shown(screen)))
    qtbot.waitUntil(lambda: bool(looked))
    assert answers[1] == "quick" and looked == [False]


def test_queued_calls_apply_in_order_each_built_from_what_the_one_before_left(qtbot, screen, ops):
    gate = threading.Event()
    state = {"lines": []}
    queue = ops.queue()

    def scan(code):
        def build():
            lines = list(state["lines"])  # as the call before left it

            def call(_db):
                if code == "first":
                    gate.wait(10)  # the first scan is slow; the second waits its turn
                return [*lines, code]
            return call
        return build

    def apply(lines):
        state["lines"] = lines

    queue.run(scan("first"), parent=screen, done=apply)
    queue.run(scan("second"), parent=screen, done=apply)
    assert not queue.idle and ops.live == 2
    gate.set()
    qtbot.waitUntil(lambda: queue.idle)
    assert state["lines"] == ["first", "second"]


def test_a_refused_call_in_the_queue_does_not_stop_the_next(qtbot, screen, ops):
    queue, seen = ops.queue(), []

    def refuse(_db):
        raise UserError("No product has that barcode")

    queue.run(lambda: refuse, parent=screen, refused=lambda error: seen.append(str(error)))
    queue.run(lambda: (lambda _db: "next"), parent=screen, done=seen.append)
    qtbot.waitUntil(lambda: queue.idle)
    assert seen == ["No product has that barcode", "next"]
