"""How one row of the configuration sheet is drawn and where its targets are: the item's
name, its product choice, the sales-script button and the three states (sold, declined,
not yet), every target 44 px high. Painted, not built of widgets, so that showing a
unit's sheet of twenty-odd items costs a model reset instead of a hundred widgets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QToolTip

from pos.kernel.enums import Outcome
from pos.kernel.messages import msg
from ui.messages import refusal_text
from ui.style import MIN_TOUCH

if TYPE_CHECKING:
    from pos.selling.sheet import SheetRow

NAME_WIDTH, STATE_WIDTH, SCRIPT_WIDTH, GAP, PAD = 130, 80, MIN_TOUCH, 6, 8
HEADER_HEIGHT, ROW_HEIGHT = 32, MIN_TOUCH + 14
INK, MUTED, LINE, FACE, EDGE = "#24292f", "#57606a", "#eaeef2", "#f5f7fa", "#9aa5b1"
CURRENT_FILL, BLUE = "#ddf4ff", "#1f6feb"
CHECKED = {Outcome.SOLD: "#1a7f37", Outcome.DECLINED: "#cf222e", Outcome.NOT_OFFERED: BLUE}
STATES = (Outcome.SOLD, Outcome.DECLINED, Outcome.NOT_OFFERED)


# The row's strings keep the translation context ("SheetItemRow") of the row widget
# they were first written for, so their translations stay.
def outcome_label(outcome: Outcome) -> str:
    return {Outcome.SOLD: QCoreApplication.translate("SheetItemRow", "Sold"),
            Outcome.DECLINED: QCoreApplication.translate("SheetItemRow", "Declined"),
            Outcome.NOT_OFFERED: QCoreApplication.translate("SheetItemRow", "Not yet")}[outcome]


@dataclass
class SheetItem:
    """One sheet item as the till shows it: the service's row, plus what the person
    chose on screen (which product, whether the script is open)."""

    row: SheetRow
    choice: int = 0  # index into row.candidates
    script_open: bool = False

    @property
    def item_id(self) -> int:
        return self.row.item_id

    @property
    def name(self) -> str:
        return self.row.name

    @property
    def code(self) -> str:
        return self.row.code

    @property
    def outcome(self) -> Outcome:
        return self.row.outcome

    @property
    def pack(self) -> bool:
        return self.row.pack_price is not None

    def chosen_product(self) -> int | None:
        if self.pack or not self.row.candidates:
            return None
        return self.row.candidates[self.choice].product_id

    def update(self, row: SheetRow) -> None:
        """The service's new state of this item; a sold item shows what was sold."""
        self.row = row
        if row.sold_product_id is not None:
            for index, candidate in enumerate(row.candidates):
                if candidate.product_id == row.sold_product_id:
                    self.choice = index
        self.choice = min(self.choice, max(0, len(row.candidates) - 1))


def choice_text(item: SheetItem, money) -> str:
    row = item.row
    if row.gift:  # a free gift: its products at 0, so no price to show
        return refusal_text(msg("sheet.gift_row", parts=" + ".join(c.name for c in row.candidates)))
    if item.pack:
        return QCoreApplication.translate("SheetItemRow", "Pack {price}: {parts}").format(
            price=money(row.pack_price), parts=" + ".join(c.name for c in row.candidates))
    if not row.candidates:
        return ""
    candidate = row.candidates[item.choice]
    return QCoreApplication.translate("SheetItemRow", "{price} · {name} · stock {stock}").format(
        name=candidate.name, price=money(candidate.price), stock=candidate.stock)


class SheetDelegate(QStyledItemDelegate):
    """Draws a section title or a sheet item; `targets` says where a tap lands."""

    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel

    # geometry -------------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont]:
        plain = QFont(self.panel.view.font())
        bold = QFont(plain)
        bold.setBold(True)
        return plain, bold

    def _top_height(self, item: SheetItem) -> int:
        _, bold = self._fonts()
        name = QFontMetrics(bold).boundingRect(QRect(0, 0, NAME_WIDTH, 1000),
                                               Qt.TextFlag.TextWordWrap, item.name)
        return max(ROW_HEIGHT, name.height() + 2 * GAP)

    def _script_height(self, item: SheetItem, width: int) -> int:
        if not item.script_open or not item.row.script:
            return 0
        plain, _ = self._fonts()
        text = QFontMetrics(plain).boundingRect(QRect(0, 0, max(100, width - 2 * PAD), 2000),
                                                Qt.TextFlag.TextWordWrap, item.row.script)
        return text.height() + GAP

    def targets(self, rect: QRect, item: SheetItem) -> dict[object, QRect]:
        """Where each tappable part of the item is: an Outcome, "script" or "choice"."""
        top = self._top_height(item)
        y = rect.y() + (top - MIN_TOUCH) // 2
        right = rect.right() - PAD
        places: dict[object, QRect] = {}
        for outcome in reversed(STATES):
            places[outcome] = QRect(right - STATE_WIDTH + 1, y, STATE_WIDTH, MIN_TOUCH)
            right -= STATE_WIDTH + GAP
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
        return QSize(width, self._top_height(entry) + self._script_height(entry, width))

    # painting -------------------------------------------------------------------------
    def paint(self, painter, option, index) -> None:
        entry = index.data(Qt.ItemDataRole.UserRole)
        rect = option.rect
        plain, bold = self._fonts()
        painter.save()
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        if not isinstance(entry, SheetItem):  # a section title
            painter.setFont(bold)
            painter.setPen(QColor(MUTED))
            painter.drawText(rect.adjusted(2, 6, 0, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, entry)
            painter.restore()
            return
        if index.row() == self.panel.current_entry():
            painter.setPen(QPen(QColor(BLUE), 2))
            painter.setBrush(QColor(CURRENT_FILL))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
        else:
            painter.setPen(QColor(LINE))
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        top = self._top_height(entry)
        painter.setFont(bold)
        painter.setPen(QColor(INK))
        painter.drawText(QRect(rect.x() + PAD, rect.y(), NAME_WIDTH, top),
                         Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, entry.name)
        places = self.targets(rect, entry)
        painter.setFont(plain)
        choice = places["choice"]
        self._button(painter, choice, "", False, None)
        arrow = 0 if entry.pack or len(entry.row.candidates) < 2 else 18
        text = painter.fontMetrics().elidedText(choice_text(entry, self.panel.formats.money),
                                                Qt.TextElideMode.ElideRight,
                                                choice.width() - 16 - arrow)
        painter.setPen(QColor(INK))
        painter.drawText(choice.adjusted(8, 0, -8 - arrow, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        if arrow:
            painter.drawText(choice.adjusted(choice.width() - 8 - arrow, 0, -8, 0),
                             Qt.AlignmentFlag.AlignCenter, "▾")
        self._button(painter, places["script"], "?", entry.script_open, BLUE)
        for outcome in STATES:
            self._button(painter, places[outcome], outcome_label(outcome),
                         entry.outcome is outcome, CHECKED[outcome])
        if entry.script_open and entry.row.script:
            painter.setPen(QColor(MUTED))
            painter.drawText(QRect(rect.x() + PAD, rect.y() + top, rect.width() - 2 * PAD,
                                   rect.height() - top - 2),
                             Qt.TextFlag.TextWordWrap, entry.row.script)
        painter.restore()

    @staticmethod
    def _button(painter, rect: QRect, text: str, checked: bool, colour: str | None) -> None:
        fill = QColor(colour) if checked else QColor(FACE)
        painter.setPen(QPen(fill if checked else QColor(EDGE), 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 6, 6)
        if text:
            painter.setPen(QColor("white") if checked else QColor(INK))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt override
        entry = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(entry, SheetItem):
            for target, place in self.targets(view.visualRect(index), entry).items():
                if place.contains(event.pos()):
                    tip = ""
                    if target == "script":
                        tip = QCoreApplication.translate("SheetItemRow", "Show the sales script")
                    elif target == "choice":
                        tip = choice_text(entry, self.panel.formats.money)
                    if tip:
                        QToolTip.showText(event.globalPos(), tip, view)
                        return True
        QToolTip.hideText()
        return True
