"""The till's top bar when it is full: the buttons of the screens beyond the sale (Stock,
Quotes, Accounts, Leads...) are FoldingButtons. They ask for no room as their minimum, so
they can never widen the window or keep it from being made narrower; given less room
than their words need they show their icon over their key, and less than that nothing
(their keys still open their screens)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QIcon, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionButton

from ui.key_button import KeyButton



class FoldingButton(KeyButton):
    """A top-bar button that gives its room up first: it asks for none as its minimum, so
    the till still fits a 1280-pixel screen. Given less than its words need, it shows its
    icon over its key (its label is in the tooltip); given less than that, it draws
    nothing and takes no tap (its key still works)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, super().minimumSizeHint().height())

    def folded(self) -> bool:
        return self.width() < KeyButton.minimumSizeHint(self).width()

    def full_width(self) -> int:
        """The room it needs to show its words (and its icon)."""
        return KeyButton.sizeHint(self).width()

    def _compact_width(self) -> int:
        if self.icon().isNull():
            return 1 << 20  # no icon: nothing to show in less room than the words
        key = QFontMetrics(self._key_font()).horizontalAdvance(self.key) if self.key else 0
        return self._size_for(QSize(max(self.iconSize().width(), key) + 4, 0)).width()

    def compact(self) -> bool:
        """Folded, but with room for its icon and key."""
        return self.folded() and self.width() >= self._compact_width()

    def paintEvent(self, event):  # noqa: N802 - Qt override
        if not self.folded():
            super().paintEvent(event)
        elif self.compact():
            self._paint_compact()

    def _paint_compact(self) -> None:
        painter = QPainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text, option.icon = "", QIcon()
        self.style().drawControl(QStyle.ControlElement.CE_PushButton, option, painter, self)
        area = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                           self)
        size = self.iconSize()
        key_font = self._key_font()
        key_h = QFontMetrics(key_font).height() if self.key else 0
        top = area.top() + (area.height() - size.height() - key_h) // 2
        mode = QIcon.Mode.Normal if self.isEnabled() else QIcon.Mode.Disabled
        self.icon().paint(painter, QRect(area.left() + (area.width() - size.width()) // 2, top,
                                         size.width(), size.height()),
                          Qt.AlignmentFlag.AlignCenter, mode)
        if self.key:
            self._draw_key(painter, key_font, QRect(area.left(), top + size.height(),
                                                    area.width(), key_h),
                           Qt.AlignmentFlag.AlignHCenter, self._ink())
        painter.end()

    def hitButton(self, pos) -> bool:  # noqa: N802 - Qt override
        return (not self.folded() or self.compact()) and super().hitButton(pos)
