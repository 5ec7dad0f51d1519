"""The report screen's figures drawn with QPainter (no chart library needed): horizontal
bar charts (one bar, or stacked segments, per row; labels elided to fit, each row's full
text in its tooltip), the sheet items' sold / declined / not offered with a "Show all"
toggle, and the KPI summary with each figure's definition in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolTip, QVBoxLayout, QWidget,
)

SOLD, DECLINED, NOT_OFFERED = QColor("#1a7f37"), QColor("#cf222e"), QColor("#afb8c1")
FIRST_ITEMS = 15  # sheet items shown before "Show all"

Row = tuple  # (label, [(value, colour), ...], text at the bar's end[, tooltip])


class BarChart(QWidget):
    """Horizontal bars: each row a label and one or more stacked segments. A label too
    long for its column is elided; hovering a row shows its full label and figures."""

    ROW = 26
    VALUE_WIDTH = 96

    def __init__(self, title: str, rows: list[Row], *, scale: float | None = None, parent=None):
        super().__init__(parent)
        self.title = title
        self.scale = scale
        self.set_rows(rows)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)

    def set_rows(self, rows: list[Row]) -> None:
        self.rows = list(rows)
        self._scale = self.scale or max((sum(v for v, _ in row[1]) for row in self.rows),
                                        default=1) or 1
        self.setFixedHeight(34 + self.ROW * max(1, len(self.rows)))
        self.update()

    # geometry ---------------------------------------------------------------------
    def label_width(self) -> float:
        return self.width() * 0.36

    def row_at(self, y: float) -> int | None:
        index = int((y - 30) // self.ROW)
        return index if y >= 30 and 0 <= index < len(self.rows) else None

    def tooltip(self, index: int) -> str:
        row = self.rows[index]
        return row[3] if len(row) > 3 and row[3] else f"{row[0]}: {row[2]}"

    def shown_label(self, index: int) -> str:
        """The row's label as drawn: elided when it does not fit its column."""
        metrics = QFontMetrics(self.font())
        return metrics.elidedText(self.rows[index][0], Qt.TextElideMode.ElideRight,
                                  int(self.label_width() - 8))

    def event(self, event) -> bool:  # Qt override: a row's tooltip
        if event.type() == QEvent.Type.ToolTip:
            index = self.row_at(event.pos().y())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip(index), self)
            return True
        return super().event(event)

    def paintEvent(self, _event):  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        title = QFontMetrics(font).elidedText(self.title, Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(QRectF(0, 0, self.width(), 24), Qt.AlignmentFlag.AlignLeft, title)
        font.setBold(False)
        painter.setFont(font)
        label_width = self.label_width()
        bar_width = max(10.0, self.width() - label_width - self.VALUE_WIDTH - 12)
        if not self.rows:
            painter.drawText(QRectF(0, 30, self.width(), 24), Qt.AlignmentFlag.AlignLeft, "—")
        for index, (_label, segments, text, *_tip) in enumerate(self.rows):
            top = 30 + index * self.ROW
            painter.setPen(QColor("#24292f"))
            painter.drawText(QRectF(0, top, label_width - 6, self.ROW - 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self.shown_label(index))
            x = label_width
            for value, colour in segments:
                width = bar_width * value / self._scale
                painter.fillRect(QRectF(x, top + 3, width, self.ROW - 10), colour)
                x += width
            painter.drawText(QRectF(label_width + bar_width + 8, top, self.VALUE_WIDTH,
                                    self.ROW - 4),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()


class ItemsChart(QWidget):
    """Every sheet item's sold / declined / not offered as a stacked bar, in the report's
    order (most often not offered first); the first FIRST_ITEMS, then all with the
    toggle."""

    def __init__(self, items, parent=None):
        super().__init__(parent)
        self.items = list(items)
        self.showing_all = False
        self.chart = BarChart(
            self.tr("Sheet items: sold (green), declined (red), not offered (grey)"), [])
        self.toggle = QPushButton()
        self.toggle.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.toggle.clicked.connect(lambda: self.show_all(not self.showing_all))
        self.toggle.setVisible(len(self.items) > FIRST_ITEMS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart)
        row = QHBoxLayout()
        row.addWidget(self.toggle)
        row.addStretch(1)
        layout.addLayout(row)
        self.show_all(False)

    def show_all(self, everything: bool = True) -> None:
        """All the items (`everything`), else the first FIRST_ITEMS; the button offers
        the other."""
        self.showing_all = bool(everything) and len(self.items) > FIRST_ITEMS
        shown = self.items if self.showing_all else self.items[:FIRST_ITEMS]
        self.chart.set_rows([self.row(item) for item in shown])
        self.toggle.setText(self.tr("Show the first {n}").format(n=FIRST_ITEMS) if self.showing_all
                            else self.tr("Show all ({n})").format(n=len(self.items)))

    def row(self, item) -> Row:
        tip = self.tr("{name} ({code}): sold {sold} · declined {declined} · not offered "
                      "{not_offered}, of {units} units").format(
            name=item.name, code=item.code, sold=item.sold, declined=item.declined,
            not_offered=item.not_offered, units=item.units)
        return (item.name, [(item.sold, SOLD), (item.declined, DECLINED),
                            (item.not_offered, NOT_OFFERED)],
                f"{item.sold}/{item.declined}/{item.not_offered}", tip)

    def shown_names(self) -> list[str]:
        return [row[0] for row in self.chart.rows]


def percent(ratio) -> str:
    return f"{ratio.rate_bp / 100:g}%"


class KpiSummary(QFrame):
    """The selling KPIs at a glance: units, attach rate, items per unit, card take-up;
    each figure's definition (pos.day.kpis) in its tooltip."""

    def __init__(self, kpis, parent=None):
        super().__init__(parent)
        self.setObjectName("panel")
        self.values: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        ipu = kpis.items_per_unit
        figures = (
            ("units", self.tr("Units"), str(kpis.units),
             self.tr("Main units (desktop PCs, notebooks, phones, tablets, cameras) sold in "
                     "the period and not returned or voided.")),
            ("attach", self.tr("Attach rate"),
             f"{kpis.attach.count}/{kpis.attach.base} = {percent(kpis.attach)}",
             self.tr("Units that left with at least one sheet item sold ÷ units (0–100%).")),
            ("items_per_unit", self.tr("Items per unit"), f"{ipu.per_unit_x100 / 100:.2f}",
             self.tr("Sheet items sold ÷ units ({items} ÷ {units}); a separate figure from "
                     "the attach rate.").format(items=ipu.count, units=ipu.base)),
            ("cards", self.tr("Service-card take-up"),
             f"{kpis.any_card.count}/{kpis.any_card.base} = {percent(kpis.any_card)}",
             self.tr("Units sold with a service card ÷ units of the categories that offer "
                     "one (a tier counts only the categories that offer it).")),
        )
        for key, title, value, tip in figures:
            box = QVBoxLayout()
            name = QLabel(title)
            name.setObjectName("muted")
            shown = QLabel(value)
            shown.setStyleSheet("font-size: 22px; font-weight: bold;")
            for label in (name, shown):
                label.setToolTip(tip)
            box.addWidget(name)
            box.addWidget(shown)
            layout.addLayout(box, 1)
            self.values[key] = shown
