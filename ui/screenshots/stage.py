"""The stage the screenshots are taken on: one language and one screen size, the demo
store, and a fresh main window for each screen. A screen function (ui.screenshots.screens)
drives the till as a person does, with keys, scans and clicks, and calls `shot`.

A shot is the whole window at the screen's size; while a dialog is open it is drawn over
the (dimmed) window where it sits, as the person sees it."""

from __future__ import annotations

import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEventLoop, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from pos.kernel.enums import StaffRole

NOTEBOOK, DESKTOP, RETURNING_PHONE, NEW_PHONE = (
    "6923150020022", "6923150030021", "13800138000", "13912345678")
UNKNOWN_BARCODE = "6900000000000"
NOTEBOOK_SERIAL = "PF3ABC"


class NotYet(Exception):
    """The screen's feature is not in the app yet (see screens.TO_ADD)."""


class Stage:
    def __init__(self, app: QApplication, context, people, *, locale: str, size: tuple[int, int],
                 out: Path):
        self.app, self.context, self.people = app, context, people
        self.ops = context.ops
        self.locale, self.size, self.out = locale, size, out
        self.window = None
        self.written: list[Path] = []
        self.problems: list[str] = []
        self.receipt: str | None = None  # of the sale the after-sale screens start from
        self.serials = 0  # serial numbers typed so far

    # the window -------------------------------------------------------------------
    def open_window(self, *, attached: bool = True):
        """A fresh main window at the screen's size (`attached=False`: as at the start,
        before the database layer has loaded)."""
        from ui.main_window import MainWindow

        self.close_window()
        self.window = MainWindow(self.context) if attached else MainWindow()
        self.window.resize(*self.size)
        self.window.show()
        self.window.activateWindow()
        self.settle()
        return self.window

    def close_window(self) -> None:
        if self.window is None:
            return
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self.settle()
        self.window.close()
        self.window.deleteLater()
        self.window = None
        self.settle()

    @property
    def till(self):
        return self.window.till

    def dialog(self) -> QDialog | None:
        """The dialog in front, if any."""
        modal = QApplication.activeModalWidget()
        if modal is not None:
            return modal
        till = getattr(self.window, "till", None)
        active = getattr(till, "active_dialog", None)
        return active if active is not None and active.isVisible() else None

    # waiting ---------------------------------------------------------------------------
    def settle(self, timeout: float = 15.0) -> None:
        """Until every call asked of ui.ops has been answered, then a few turns to paint."""
        deadline = time.monotonic() + timeout
        while not self.ops.idle and time.monotonic() < deadline:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        for _ in range(8):  # a few turns to lay out (the top bar refits) and paint
            self.app.processEvents()

    def wait(self, condition, what: str, timeout: float = 15.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            found = condition()
            if found:
                self.settle()
                return found
        raise TimeoutError(f"waited {timeout:.0f} s for {what}")

    def wait_dialog(self, kind: str = "", what: str = "a dialog") -> QDialog:
        """The dialog in front once it is there (`kind`: its class name)."""
        def shown():
            dialog = self.dialog()
            return dialog if dialog is not None and kind in ("", type(dialog).__name__) \
                else None
        try:
            return self.wait(shown, what)
        except TimeoutError as late:
            front = self.dialog()
            error = front.findChild(QLabel, "error") if front is not None else None
            raise TimeoutError(f"{late}; in front: {type(front).__name__}"
                               f" {error.text() if error is not None else ''}") from None

    # a person's hands ------------------------------------------------------------------
    def log_in(self, role: StaffRole = StaffRole.CASHIER) -> None:
        person = next(p for p in self.people if p.role is role)
        login = self.window.login
        login.choose(person.name)
        QTest.keyClicks(login.pin, {StaffRole.CASHIER: "1111", StaffRole.INSTALLER: "2222"}
                        .get(role, "9999"))
        QTest.keyClick(login.pin, Qt.Key.Key_Return)
        self.wait(lambda: self.window.stack.currentWidget() is self.till, "the till")

    def focused(self) -> QWidget:
        return QApplication.focusWidget() or self.dialog() or self.till.scan

    def key(self, key, widget: QWidget | None = None,
            modifier=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(widget or self.focused(), key, modifier)
        self.settle()

    def type(self, text: str, widget: QWidget | None = None, *, enter: bool = True) -> None:
        target = widget or self.focused()
        if text.isascii():
            QTest.keyClicks(target, text)
        else:  # Chinese comes from the input method as one committed string
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(target, event)
        if enter:
            QTest.keyClick(target, Qt.Key.Key_Return)
        self.settle()

    def scan(self, code: str) -> None:
        """Digits and Enter into the scan field, as a scanner sends them."""
        self.type(code, self.till.scan)

    def click(self, button: QWidget) -> None:
        button.click()
        self.settle()

    # the shots ---------------------------------------------------------------------------
    def shot(self, name: str, dialog: QWidget | None = None) -> Path:
        """The window as the person sees it, with the dialog in front drawn where it is."""
        self.settle()
        dialog = dialog or self.dialog()
        picture = self.window.grab()
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            front = dialog.grab()
            place = dialog.mapToGlobal(QPoint(0, 0)) - self.window.mapToGlobal(QPoint(0, 0))
            if not picture.rect().contains(place) or dialog.width() > self.size[0] \
                    or dialog.height() > self.size[1]:
                self.problems.append(f"{name}: the dialog ({dialog.width()}x{dialog.height()}"
                                     f" at {place.x()},{place.y()}) does not fit the screen")
            painter = QPainter(picture)
            painter.drawPixmap(place, front)
            painter.end()
        path = self.out / f"{self.locale}-{self.size[0]}x{self.size[1]}-{name}.png"
        picture.save(str(path))
        self.written.append(path)
        return path
