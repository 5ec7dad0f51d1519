"""GUI fixtures: the real main window on the demo store (SQLite), offscreen."""

from contextlib import contextmanager

import pytest

from pos.people import customers
from ui.app import make_application, make_context


@contextmanager
def till_window(qtbot, db, locale: str = "en"):
    """The real main window on `db`, shown at 1366x768, in `locale` with its translator
    installed (as ui.app starts it for a store in that language); removed afterwards."""
    from ui.app import install_translator
    from ui.main_window import MainWindow
    from ui.messages import Notice

    app = make_application()
    context = make_context(db, terminal="T01", locale=locale)
    translator = install_translator(app, locale) if locale != "en" else None
    Notice.last = None
    try:
        main = MainWindow(context)
        qtbot.addWidget(main)
        main.resize(1366, 768)
        main.show()
        qtbot.waitExposed(main)
        main.activateWindow()
        yield main
        context.worker.pool.waitForDone(5000)
    finally:
        if translator is not None:
            app.removeTranslator(translator)
            if getattr(translator, "qt_own", None) is not None:
                app.removeTranslator(translator.qt_own)


@pytest.fixture
def window(qtbot, sqlite_demo_db):
    with till_window(qtbot, sqlite_demo_db) as main:
        yield main


@pytest.fixture
def returning_customer(sqlite_demo_db):
    return customers.create_customer(sqlite_demo_db, phone="13800138000", name="Chen Jie")


def settle(qtbot, window, timeout=10_000):
    """Wait until every call the window's screens asked of ui.ops has been answered and
    applied (a person at the till is slower than that)."""
    qtbot.waitUntil(lambda: window.context.ops.idle, timeout=timeout)


class KeyCounter:
    """Presses keys like a person at the till and counts them: a scan (digits + Enter
    from a scanner) counts as one, like a key press. Like a person, it looks at the
    screen before the next key: after each, the calls it started have been answered."""

    def __init__(self, qtbot, window):
        self.qtbot, self.window, self.count = qtbot, window, 0

    def look(self, widget):
        """Some window is active, as one is for a person typing (offscreen, the window
        a closed dialog hands back to is activated a moment later)."""
        from PySide6.QtWidgets import QApplication

        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)

    def press(self, widget, key, modifier=None):
        from PySide6.QtCore import Qt

        self.look(widget)
        self.qtbot.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)
        self.count += 1
        settle(self.qtbot, self.window)

    def scan(self, widget, text):
        from PySide6.QtCore import Qt

        self.look(widget)
        self.qtbot.keyClicks(widget, text)
        self.qtbot.keyClick(widget, Qt.Key.Key_Return)
        self.count += 1
        settle(self.qtbot, self.window)


@pytest.fixture
def keys(qtbot, window):
    return KeyCounter(qtbot, window)


def log_in(qtbot, window, name="Li Na", pin="1111"):
    """Tap the name, type the PIN, Enter; returns once the PIN has been checked."""
    from PySide6.QtCore import Qt

    settle(qtbot, window)  # the staff tiles are there
    window.login.choose(name)
    qtbot.keyClicks(window.login.pin, pin)
    qtbot.keyClick(window.login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.login.checking, timeout=10_000)
    settle(qtbot, window)
