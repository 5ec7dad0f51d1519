"""How one row of the configuration sheet is drawn and where its targets are: the item's
name, its product choice, the sales-script button and the three states (sold, declined,
not yet), every target 44 px high. Painted, not built of widgets, so that showing a
unit's sheet of twenty-odd items costs a model reset instead of a hundred widgets.

What the eye needs first stands out: an item not asked yet is plain (nothing coloured,
so the list is not a wall of blue), a sold one is green and a declined one red, each
with a tinted row and a bar at its left edge. The item being asked shows its sales
script in full, wrapped, under it ("?" opens or closes any item's; its tooltip holds the
whole script too). On an add-on, what the unit had before shows read-only: an item sold
earlier reads "Sold at the counter" (or on site) in place of its buttons; one declined
earlier says so under its name and can be asked again."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QToolTip

from pos.kernel.enums import Outcome
from ui.checkout.sheet_item import (
    SheetItem, choice_lines, choice_text, earlier_label, outcome_label,
)
from ui.style import MIN_TOUCH

NAME_WIDTH, STATE_WIDTH, SCRIPT_WIDTH, GAP, PAD = 130, 80, MIN_TOUCH, 6, 8
HEADER_HEIGHT, ROW_HEIGHT, BAR = 32, MIN_TOUCH + 14, 4
INK, MUTED, LINE, FACE, EDGE = "#24292f", "#57606a", "#eaeef2", "#f5f7fa", "#9aa5b1"
CURRENT_EDGE, SCRIPT_EDGE = "#1f6feb", "#54aeff"
GREEN, RED, AMBER = "#1a7f37", "#cf222e", "#9a6700"
CHECKED = {Outcome.SOLD: GREEN, Outcome.DECLINED: RED, Outcome.NOT_OFFERED: None}
TINT = {Outcome.SOLD: "#dafbe1", Outcome.DECLINED: "#ffebe9", Outcome.NOT_OFFERED: None}
STATES = (Outcome.SOLD, Outcome.DECLINED, Outcome.NOT_OFFERED)


class SheetDelegate(QStyledItemDelegate):
    """Draws a section title or a sheet item; `targets` says where a tap lands."""

    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel
        self._font_key: str | None = None
        self._font_set: tuple[QFont, QFont, QFont] | None = None
        self._heights: dict[tuple, int] = {}  # (font, width, text) -> wrapped height
        self.renders = 0  # rows drawn afresh (a row unchanged is drawn from its picture)
        # The same prices come back row after row, unit after unit.
        self.money = lru_cache(maxsize=1024)(panel.formats.money)

    # geometry -------------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        """The plain, bold and small fonts, made again only when the view's font changes."""
        font = self.panel.view.font()
        key = font.key()
        if key != self._font_key:
            plain = QFont(font)
            bold = QFont(plain)
            bold.setBold(True)
            small = QFont(plain)
            small.setPixelSize(max(11, round(QFontMetrics(plain).height() * 0.62)))
            self._font_key, self._font_set, self._heights = key, (plain, bold, small), {}
        return self._font_set

    def _wrapped_height(self, which: int, width: int, text: str) -> int:
        """The height of `text` wrapped to `width` in font `which` (0 plain, 1 bold, 2
        small): measured once per text (the same names and scripts come back)."""
        fonts = self._fonts()
        key = (which, width, text)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 4096:
                self._heights.clear()
            height = self._heights[key] = QFontMetrics(fonts[which]).boundingRect(
                QRect(0, 0, width, 2000), Qt.TextFlag.TextWordWrap, text).height()
        return height

    def _name_heights(self, item: SheetItem) -> tuple[int, int]:
        """(the name's height, the earlier-outcome tag's height under it) in the name
        column; the tag only where the buttons do not already say it."""
        name = self._wrapped_height(1, NAME_WIDTH, item.name)
        tag = 0
        if item.earlier is not None and not item.locked:
            tag = self._wrapped_height(2, NAME_WIDTH, earlier_label(item.earlier))
        return name, tag

    def _top_height(self, item: SheetItem) -> int:
        name, tag = self._name_heights(item)
        return max(ROW_HEIGHT, name + tag + 2 * GAP)

    def script_rect(self, rect: QRect, item: SheetItem) -> QRect:
        """Where the item's script is written (inside its box), for a row at `rect`."""
        top = self._top_height(item)
        return QRect(rect.x() + PAD + BAR + GAP, rect.y() + top,
                     max(100, rect.width() - 2 * PAD - BAR - 2 * GAP), 2000)

    def _script_height(self, item: SheetItem, width: int, current: bool) -> int:
        if not item.shows_script(current):
            return 0
        room = self.script_rect(QRect(0, 0, width, 0), item).width()
        return self._wrapped_height(0, room, item.row.script) + 2 * GAP + 2

    def targets(self, rect: QRect, item: SheetItem) -> dict[object, QRect]:
        """Where each tappable part of the item is: an Outcome, "script" or "choice".
        An item sold before this add-on has no Outcome targets ("earlier" is its badge)."""
        top = self._top_height(item)
        y = rect.y() + (top - MIN_TOUCH) // 2
        right = rect.right() - PAD
        places: dict[object, QRect] = {}
        states = QRect(right - 3 * STATE_WIDTH - 2 * GAP + 1, y, 3 * STATE_WIDTH + 2 * GAP,
                       MIN_TOUCH)
        if item.locked:
            places["earlier"] = states
        else:
            for outcome in reversed(STATES):
                places[outcome] = QRect(right - STATE_WIDTH + 1, y, STATE_WIDTH, MIN_TOUCH)
                right -= STATE_WIDTH + GAP
        right = states.left() - GAP - 1
        places["script"] = QRect(right - SCRIPT_WIDTH + 1, y, SCRIPT_WIDTH, MIN_TOUCH)
        right -= SCRIPT_WIDTH + GAP
        left = rect.x() + PAD + NAME_WIDTH + GAP
        places["choice"] = QRect(left, y, max(40, right - left + 1), MIN_TOUCH)
        return places

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        entry = index.data(Qt.ItemDataRole.UserRole)
        width = self.panel.view.viewport().width()
        if not isinstance(entry, SheetItem):
            return QSize(width, HEADER_HEIGHT)
        current = index.row() == self.panel.current_entry()
        # Asked for every row at every layout: kept on the item with what it depends on.
        key = (entry.row, entry.earlier, entry.script_open, current, width, self._font_key)
        size = getattr(entry, "size", None)
        if size is None or size[0] != key:
            size = entry.size = (key, QSize(width, self._top_height(entry)
                                            + self._script_height(entry, width, current)))
        return size[1]

    # painting -------------------------------------------------------------------------
    def paint(self, painter, option, index) -> None:
        """A row is drawn once into a picture kept on its SheetItem, and the picture is
        what a repaint shows: a mark (or the list moving under it) draws afresh only the
        rows whose look changed, the others are copied."""
        entry = index.data(Qt.ItemDataRole.UserRole)
        rect = option.rect
        if not isinstance(entry, SheetItem):  # a section title
            _, bold, _ = self._fonts()
            painter.save()
            painter.setFont(bold)
            painter.setPen(QColor(MUTED))
            painter.drawText(rect.adjusted(2, 6, 0, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, entry)
            painter.restore()
            return
        current = index.row() == self.panel.current_entry()
        ratio = painter.device().devicePixelRatioF()
        key = (entry.row, entry.choice, entry.script_open, entry.earlier, current,
               rect.width(), rect.height(), ratio, self._font_key)
        picture = getattr(entry, "picture", None)
        if picture is None or picture[0] != key:
            pixmap = QPixmap(round(rect.width() * ratio), round(rect.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            drawing = QPainter(pixmap)
            self._draw_item(drawing, QRect(0, 0, rect.width(), rect.height()), entry, current)
            drawing.end()
            self.renders += 1
            picture = entry.picture = (key, pixmap)
        painter.drawPixmap(rect.topLeft(), picture[1])

    def _draw_item(self, painter, rect: QRect, entry: SheetItem, current: bool) -> None:
        plain, bold, small = self._fonts()
        painter.save()
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        shown = entry.shown_outcome
        box = rect.adjusted(1, 1, -1, -1)
        painter.setPen(QPen(QColor(CURRENT_EDGE), 2) if current else QPen(Qt.PenStyle.NoPen))
        painter.setBrush(QColor(TINT[shown]) if TINT[shown] else
                         QColor("#f6f8fa") if current else QColor("white"))
        painter.drawRoundedRect(box, 6, 6)
        if not current:
            painter.setPen(QColor(LINE))
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if CHECKED[shown]:  # sold or declined: a bar at the left edge
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(CHECKED[shown]))
            painter.drawRoundedRect(QRect(rect.x() + 2, rect.y() + 4, BAR, rect.height() - 8), 2, 2)
        top = self._top_height(entry)
        name_height, tag_height = self._name_heights(entry)
        name_top = rect.y() + (top - name_height - tag_height) // 2
        painter.setFont(bold)
        painter.setPen(QColor(INK))
        painter.drawText(QRect(rect.x() + PAD + BAR, name_top, NAME_WIDTH, name_height),
                         Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, entry.name)
        if tag_height:
            painter.setFont(small)
            painter.setPen(QColor(GREEN if entry.earlier.outcome is Outcome.SOLD else AMBER))
            painter.drawText(QRect(rect.x() + PAD + BAR, name_top + name_height, NAME_WIDTH,
                                   tag_height), Qt.TextFlag.TextWordWrap,
                             earlier_label(entry.earlier))
        places = self.targets(rect, entry)
        painter.setFont(plain)
        choice = places["choice"]
        self._button(painter, choice, "", False, None)
        arrow = 0 if entry.pack or entry.locked or len(entry.row.candidates) < 2 else 18
        self._choice(painter, choice.adjusted(8, 0, -8 - arrow, 0), entry, plain, small)
        painter.setFont(plain)
        painter.setPen(QColor(INK))
        if arrow:
            painter.drawText(choice.adjusted(choice.width() - 8 - arrow, 0, -8, 0),
                             Qt.AlignmentFlag.AlignCenter, "▾")
        script_shown = entry.shows_script(current)
        self._button(painter, places["script"], "?", script_shown, SCRIPT_EDGE)
        if entry.locked:
            badge = places["earlier"]
            painter.setPen(QPen(QColor(GREEN), 1))
            painter.setBrush(QColor("white"))
            painter.drawRoundedRect(badge.adjusted(0, 0, -1, -1), 6, 6)
            painter.setFont(bold)
            painter.setPen(QColor(GREEN))
            label = painter.fontMetrics().elidedText("✓ " + earlier_label(entry.earlier),
                                                     Qt.TextElideMode.ElideRight,
                                                     badge.width() - 12)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        else:
            for outcome in STATES:
                checked = entry.outcome is outcome and CHECKED[outcome] is not None
                self._button(painter, places[outcome], outcome_label(outcome), checked,
                             CHECKED[outcome])
        if script_shown:
            self._script(painter, rect, entry, plain)
        painter.restore()

    def _choice(self, painter, box: QRect, entry: SheetItem, plain: QFont, small: QFont) -> None:
        """The product (elided; the whole of it is the tooltip) over its price and stock."""
        first, second = choice_lines(entry, self.money)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.setFont(plain)
        painter.setPen(QColor(MUTED if entry.locked else INK))
        first = painter.fontMetrics().elidedText(first, Qt.TextElideMode.ElideRight, box.width())
        if not second:
            painter.drawText(box, align, first)
            return
        half = box.height() // 2
        painter.drawText(box.adjusted(0, 1, 0, -half + 1), align, first)
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        second = painter.fontMetrics().elidedText(second, Qt.TextElideMode.ElideRight, box.width())
        painter.drawText(box.adjusted(0, half - 1, 0, -1), align, second)

    def _script(self, painter, rect: QRect, entry: SheetItem, font: QFont) -> None:
        """The whole script, wrapped, in a box under the row's buttons."""
        where = self.script_rect(rect, entry)
        height = self._wrapped_height(0, where.width(), entry.row.script)
        box = QRect(rect.x() + PAD + BAR, where.y(), rect.width() - 2 * PAD - BAR,
                    height + 2 * GAP - 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ddf4ff"))
        painter.drawRoundedRect(box, 4, 4)
        painter.setBrush(QColor(SCRIPT_EDGE))
        painter.drawRect(QRect(box.x(), box.y(), 3, box.height()))
        painter.setFont(font)
        painter.setPen(QColor(INK))
        painter.drawText(QRect(where.x(), where.y() + GAP - 1, where.width(), height),
                         Qt.TextFlag.TextWordWrap, entry.row.script)

    @staticmethod
    def _button(painter, rect: QRect, text: str, checked: bool, colour: str | None) -> None:
        fill = QColor(colour) if checked and colour else QColor(FACE)
        painter.setPen(QPen(fill if checked and colour else QColor(EDGE), 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 6, 6)
        if text:
            painter.setPen(QColor("white") if checked and colour else QColor(INK))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def tooltip(self, entry: SheetItem, target) -> str:
        """What hovering a part of the row shows: the whole script on "?" and on the name,
        the whole product line on the choice, where an earlier sale's item came from."""
        if target == "script":
            return entry.row.script or QCoreApplication.translate("SheetItemRow",
                                                                  "Show the sales script")
        if target == "choice":
            return choice_text(entry, self.panel.formats.money)
        if target == "earlier":
            product = f" · {entry.earlier.product}" if entry.earlier.product else ""
            return f"{earlier_label(entry.earlier)} · {entry.earlier.receipt_no}{product}"
        if target == "name":
            return entry.name + (f"\n{entry.row.script}" if entry.row.script else "")
        return ""

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt override
        entry = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(entry, SheetItem):
            rect = view.visualRect(index)
            places = dict(self.targets(rect, entry))
            places["name"] = QRect(rect.x(), rect.y(), PAD + BAR + NAME_WIDTH,
                                   self._top_height(entry))
            for target, place in places.items():
                if place.contains(event.pos()):
                    tip = self.tooltip(entry, target)
                    if tip:
                        QToolTip.showText(event.globalPos(), tip, view)
                        return True
        QToolTip.hideText()
        return True
