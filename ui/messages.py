"""Messages to the person at the till: refusals are shown plainly, bugs get a short
apology (the traceback goes to the log). Never a traceback on screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class Notice:
    """Shows a message without blocking the till; tests read `last`."""

    last: str | None = None

    @classmethod
    def show(cls, parent: QWidget, text: str, *, error: bool = True) -> QMessageBox:
        cls.last = text
        box = QMessageBox(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information,
                          QCoreApplication.translate("Messages", "Tickbox POS"), text, QMessageBox.StandardButton.Ok, parent)
        box.setMinimumWidth(360)
        box.open()
        return box


def refusal_text(error) -> str:
    """What the person at the till reads for a refusal (a pos UserError), in the app's
    language."""
    return str(error)


def bug_message() -> str:
    return QCoreApplication.translate(
        "Messages", "Something went wrong and was written to the log. Nothing was lost; "
        "try again, or call the manager if it happens again.")


class Confirm:
    """A yes/no question; tests stand in for the person with monkeypatch on `ask`."""

    @classmethod
    def ask(cls, parent: QWidget, text: str) -> bool:
        answer = QMessageBox.question(parent, QCoreApplication.translate("Messages", "Tickbox POS"),
                                      text)
        return answer == QMessageBox.StandardButton.Yes
