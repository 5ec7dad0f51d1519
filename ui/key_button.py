"""A button that shows its key: the label, and under it (or beside it) the key in small
type, so every action on the till can be learnt from the screen and done by keyboard or
by touch. `text()` stays "Label [Key]", as on the app's other buttons.

    button = KeyButton(self.tr("Park"), "F8")          # label above, key below
    button = KeyButton(self.tr("Pay"), "F12", stacked=False)   # one line: label, key

The style sheet (ui.style) draws the button itself (colours, border, the focus ring);
this draws the label and the key on it, and the icon ui.icons gave it, if any. It is at
least MIN_TOUCH (44 px) in both directions, for a finger."""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton

MIN_TOUCH = 44
KEY_SCALE = 0.8  # the key's type, against the label's
GAP = 8  # between the icon and the text, and the label and the key on one line
_KEYED = re.compile(r"^(?P<label>.*\S)\s*\[(?P<key>[^\]]+)\]$", re.DOTALL)

ON_COLOUR = "#ffffff"
DISABLED = "#8c959f"


def split_key(text: str) -> tuple[str, str]:
    """"Park [F8]" -> ("Park", "F8"); a text without a key -> (text, "")."""
    found = _KEYED.match(text.strip())
    return (found["label"], found["key"]) if found else (text, "")


def key_text(key: str) -> str:
    """A key as it is printed on a keyboard ("Ctrl+Del", "Shift+F8")."""
    return key


class KeyButton(QPushButton):
    def __init__(self, label: str, key: str = "", parent=None, *, stacked: bool = True):
        super().__init__(parent)
        self.stacked = stacked
        # as wide as label, key and icon when there is room; without the icon when not
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.label, self.key = "", ""
        if key:
            self.set_label(label, key)
        else:
            self.setText(label)  # "Label [Key]", or a label alone

    def set_label(self, label: str, key: str | None = None) -> None:
        """A new label and key (None: the key stays)."""
        self.label, self.key = label, (self.key if key is None else key)
        super().setText(f"{self.label} [{self.key}]" if self.key else self.label)
        self._changed()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        """"Label [Key]" sets both; a text without a key keeps the button's key on screen
        (the printer button says "Print failed: 2" and still opens with its key), and
        `text()` is the text as given."""
        label, key = split_key(text)
        self.label, self.key = label, key or self.key
        super().setText(text)
        self._changed()

    def _changed(self) -> None:
        self.setToolTip(f"{self.label} ({self.key})" if self.key else "")
        self.updateGeometry()
        self.update()

    def set_height(self, pixels: int, *, font_px: int | None = None) -> None:
        """At least `pixels` high (and the label in `font_px` type). Through the button's
        own style sheet: the app's sheet sets every button's min-height when it polishes
        it, which would undo setMinimumHeight. 10 px: ui.style's padding and border."""
        rules = f"min-height: {pixels - 10}px;"
        if font_px is not None:
            rules += f" font-size: {font_px}px;"
        self.setStyleSheet(rules)

    # measuring ----------------------------------------------------------------------
    def _key_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(10, round((font.pixelSize() if font.pixelSize() > 0
                                         else QFontMetrics(font).height()) * KEY_SCALE)))
        font.setBold(False)
        return font

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        if self.objectName() in ("primary", "danger") or self.property("class") in (
                "primary", "danger"):
            font.setBold(True)  # as the style sheet makes these buttons' text
        return font

    def _content_size(self, *, with_icon: bool = True) -> QSize:
        label, key = QFontMetrics(self._label_font()), QFontMetrics(self._key_font())
        icon = self.iconSize().width() + GAP if with_icon and not self.icon().isNull() else 0
        label_w = max((label.horizontalAdvance(line) for line in self.label.split("\n")),
                      default=0)
        key_w = key.horizontalAdvance(key_text(self.key)) if self.key else 0
        lines = len(self.label.split("\n"))
        if self.stacked:
            width = icon + max(label_w, key_w)
            height = label.height() * lines + (key.height() if self.key else 0)
        else:
            width = icon + label_w + (GAP + key_w if self.key else 0)
            height = label.height() * lines
        # a few pixels spare: text measured to the pixel may still be cut when drawn
        return QSize(width + 4, max(height, self.iconSize().height()))

    def _size_for(self, content: QSize) -> QSize:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text, option.icon = "", QIcon()
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option,
                                             content, self)
        return size.expandedTo(QSize(MIN_TOUCH, max(MIN_TOUCH, self.minimumHeight())))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._size_for(self._content_size())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Squeezed, the icon goes first; the label and the key always show."""
        return self._size_for(self._content_size(with_icon=False))

    # drawing ------------------------------------------------------------------------
    def _ink(self) -> QColor:
        if not self.isEnabled():
            return QColor(DISABLED)
        kind = self.objectName() or str(self.property("class") or "")
        if kind in ("primary", "danger") or (self.isCheckable() and self.isChecked()):
            return QColor(ON_COLOUR)
        return self.palette().buttonText().color()

    def paintEvent(self, event):  # noqa: N802 - Qt override
        painter = QPainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text, option.icon = "", QIcon()
        self.style().drawControl(QStyle.ControlElement.CE_PushButton, option, painter, self)
        area = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                           self)
        content = self._content_size()
        with_icon = not self.icon().isNull() and content.width() <= area.width()
        if not with_icon:  # no room for the icon: the words and the key matter more
            content = self._content_size(with_icon=False)
        # centred, never wider than the button (a squeezed label is cut with "…")
        width = min(content.width(), area.width())
        x = area.left() + (area.width() - width) // 2
        y = area.top() + (area.height() - content.height()) // 2
        ink = self._ink()
        if with_icon:
            icon_size = self.iconSize()
            mode = QIcon.Mode.Normal if self.isEnabled() else QIcon.Mode.Disabled
            self.icon().paint(painter, QRect(x, area.top() + (area.height() - icon_size.height())
                                             // 2, icon_size.width(), icon_size.height()),
                              Qt.AlignmentFlag.AlignCenter, mode)
            x += icon_size.width() + GAP
            width -= icon_size.width() + GAP
        label_font, key_font = self._label_font(), self._key_font()
        label_metrics, key_metrics = QFontMetrics(label_font), QFontMetrics(key_font)
        lines = self.label.split("\n")
        painter.setPen(ink)
        painter.setFont(label_font)
        key_w = key_metrics.horizontalAdvance(key_text(self.key)) if self.key else 0
        if self.stacked:
            for line in lines:
                shown = label_metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
                painter.drawText(QRect(x, y, width, label_metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, shown)
                y += label_metrics.height()
            if self.key:
                self._draw_key(painter, key_font, QRect(x, y, width, key_metrics.height()),
                               Qt.AlignmentFlag.AlignHCenter, ink)
        else:
            room = max(0, width - (GAP + key_w if self.key else 0))
            shown = label_metrics.elidedText(" ".join(lines), Qt.TextElideMode.ElideRight, room)
            painter.drawText(QRect(x, y, room, content.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
            if self.key:
                self._draw_key(painter, key_font,
                               QRect(x + room + GAP, y, key_w, content.height()),
                               Qt.AlignmentFlag.AlignLeft, ink)
        painter.end()

    def _draw_key(self, painter: QPainter, font: QFont, rect: QRect, align, ink: QColor) -> None:
        faint = QColor(ink)
        faint.setAlpha(190)
        painter.setFont(font)
        painter.setPen(faint)
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, key_text(self.key))
