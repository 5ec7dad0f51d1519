"""A one-line label that never widens its window: text longer than the room it gets ends
in "…", and the whole text is its tooltip. For names and status lines whose length the
data decides (a product's name, a customer's company, a message with a receipt number).

A plain QLabel asks its layout for its whole text's width as its minimum, so one long
product name makes the whole window wider than the screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy


class ElidedLabel(QLabel):
    MIN_CHARS = 6  # what it still shows when squeezed: the start of the name and "…"

    def __init__(self, text: str = "", parent=None, *, mode=Qt.TextElideMode.ElideRight):
        super().__init__(parent)
        self.full_text = ""
        self.mode = mode
        self.setTextFormat(Qt.TextFormat.PlainText)
        # as wide as its text when there is room, down to a few characters when not
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self.full_text = text or ""
        self.setToolTip(self.full_text)
        self.updateGeometry()
        self._elide()

    def text(self) -> str:  # the whole text, whatever fits on screen
        return self.full_text

    def shown_text(self) -> str:
        return super().text()

    def is_elided(self) -> bool:
        return self.shown_text() != self.full_text

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        metrics = QFontMetrics(self.font())
        margins = self.contentsMargins()
        widest = max((metrics.horizontalAdvance(line) for line in self.full_text.split("\n")),
                     default=0)
        width = min(widest, metrics.averageCharWidth() * self.MIN_CHARS)
        return QSize(width + margins.left() + margins.right(), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        metrics = QFontMetrics(self.font())
        margins = self.contentsMargins()
        widest = max((metrics.horizontalAdvance(line) for line in self.full_text.split("\n")),
                     default=0)
        return QSize(widest + margins.left() + margins.right() + 2, super().sizeHint().height())

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event):  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        margins = self.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        metrics = QFontMetrics(self.font())
        shown = "\n".join(metrics.elidedText(line, self.mode, max(room, 0))
                          for line in self.full_text.split("\n"))  # each line on its own
        if super().text() != shown:
            super().setText(shown)
