"""GUI fixtures: the real main window on the demo store (SQLite), offscreen."""

import pytest

from pos.people import customers
from ui.app import make_application, make_context


@pytest.fixture
def window(qtbot, sqlite_demo_db):
    from ui.main_window import MainWindow

    make_application()
    context = make_context(sqlite_demo_db, terminal="T01", locale="en")
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    yield main
    context.worker.pool.waitForDone(5000)


@pytest.fixture
def returning_customer(sqlite_demo_db):
    return customers.create_customer(sqlite_demo_db, phone="13800138000", name="Chen Jie")


class KeyCounter:
    """Presses keys like a person at the till and counts them: a scan (digits + Enter
    from a scanner) counts as one, like a key press."""

    def __init__(self, qtbot):
        self.qtbot, self.count = qtbot, 0

    def press(self, widget, key, modifier=None):
        from PySide6.QtCore import Qt

        self.qtbot.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)
        self.count += 1

    def scan(self, widget, text):
        from PySide6.QtCore import Qt

        self.qtbot.keyClicks(widget, text)
        self.qtbot.keyClick(widget, Qt.Key.Key_Return)
        self.count += 1


@pytest.fixture
def keys(qtbot):
    return KeyCounter(qtbot)


def log_in(qtbot, window, name="Li Na", pin="1111"):
    from PySide6.QtCore import Qt

    window.login.choose(name)
    qtbot.keyClicks(window.login.pin, pin)
    qtbot.keyClick(window.login.pin, Qt.Key.Key_Return)
