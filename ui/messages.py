"""Messages to the person at the till: refusals are shown plainly, in the app's language,
bugs get a short apology (the traceback goes to the log). Never a traceback on screen."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pos.kernel.messages import MESSAGE_CONTEXT, render
from ui.dialog_frame import dim_behind
from ui.i18n import Formats


class Notice:
    """Shows a message without blocking the till; tests read `last`."""

    last: str | None = None

    @classmethod
    def show(cls, parent: QWidget, text: str, *, error: bool = True) -> QMessageBox:
        """The message over `parent`'s window; once it is closed the keyboard goes back
        to where it was (the scan field, mostly), so the next scan or F-key is not lost."""
        cls.last = text
        had_focus = QApplication.focusWidget()
        box = QMessageBox(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information,
                          QCoreApplication.translate("Messages", "Tickbox POS"), text,
                          QMessageBox.StandardButton.Ok, parent)
        box.setMinimumWidth(360)
        box.button(QMessageBox.StandardButton.Ok).setText(
            QCoreApplication.translate("Messages", "OK [Enter]"))  # its key, as on the till
        box.finished.connect(lambda _result: give_back_keyboard(parent, had_focus))
        dim_behind(box)  # the window behind dimmed while the message is up
        box.open()
        return box


def give_back_keyboard(parent: QWidget, widget: QWidget | None) -> None:
    """After a dialog over `parent` closes: its window active again and `widget` (if it
    still belongs there) focused. A window manager does the first; a kiosk till without
    one (and offscreen) does not, and the F-keys need the window active."""
    if not shiboken6.isValid(parent):
        return
    window = parent.window()
    if QApplication.activeModalWidget() is not None or not window.isVisible():
        return  # another dialog is up: it keeps the keyboard
    window.activateWindow()
    if widget is not None and shiboken6.isValid(widget) and widget.window() is window:
        widget.setFocus()


def refusal_text(error, formats=None) -> str:
    """What the person at the till reads for a refusal (a pos UserError, or a Message),
    in the app's language: each template of pos.kernel.messages through the installed Qt
    translator (context "pos", the message id its disambiguation), amounts and dates by
    `formats` (ui.i18n.Formats; the app's own when not given). Details follow, one a
    line."""
    formats = formats or Formats.current
    options = dict(translate=lambda template, message_id: QCoreApplication.translate(
        MESSAGE_CONTEXT, template, message_id))
    if formats is not None:
        options.update(money=formats.money, date=formats.day, datetime=formats.moment)
    lines = [render(error, **options)]
    lines += [render(detail, **options) for detail in getattr(error, "details", ())]
    return "\n".join(lines)


def bug_message() -> str:
    return QCoreApplication.translate(
        "Messages", "Something went wrong and was written to the log. Nothing was lost; "
        "try again, or call the manager if it happens again.")


class Confirm:
    """A yes/no question; tests stand in for the person with monkeypatch on `ask`."""

    @classmethod
    def ask(cls, parent: QWidget, text: str) -> bool:
        had_focus = QApplication.focusWidget()
        box = QMessageBox(QMessageBox.Icon.Question,
                          QCoreApplication.translate("Messages", "Tickbox POS"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(
            QCoreApplication.translate("Messages", "Yes [Enter]"))
        box.button(QMessageBox.StandardButton.No).setText(
            QCoreApplication.translate("Messages", "No [Esc]"))
        box.exec()
        give_back_keyboard(parent, had_focus)  # a kiosk has no window manager to do it
        return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
