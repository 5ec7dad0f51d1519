"""The day's report for managers: the figures and three charts (attach rate by staff,
card take-up by tier, and per sheet item sold / declined / not offered), computed in the
background and drawn with QPainter (no chart library needed)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy,
    QVBoxLayout, QWidget,
)

from pos.kernel.enums import DocumentKind, Tender
from ui import ops
from ui.messages import refusal_text

SOLD, DECLINED, NOT_OFFERED = QColor("#1a7f37"), QColor("#cf222e"), QColor("#afb8c1")


class BarChart(QWidget):
    """Horizontal bars: each row a label and one or more stacked segments."""

    ROW = 26

    def __init__(self, title: str, rows: list[tuple[str, list[tuple[float, QColor]], str]],
                 *, scale: float | None = None, parent=None):
        super().__init__(parent)
        self.title, self.rows = title, rows
        self.scale = scale or max((sum(v for v, _ in segments) for _, segments, _ in rows),
                                  default=1) or 1
        self.setMinimumHeight(34 + self.ROW * max(1, len(rows)))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def paintEvent(self, _event):  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, self.width(), 24), Qt.AlignmentFlag.AlignLeft, self.title)
        font.setBold(False)
        painter.setFont(font)
        label_width, value_width = self.width() * 0.32, 90
        bar_width = max(10.0, self.width() - label_width - value_width - 12)
        if not self.rows:
            painter.drawText(QRectF(0, 30, self.width(), 24), Qt.AlignmentFlag.AlignLeft, "—")
        for index, (label, segments, text) in enumerate(self.rows):
            top = 30 + index * self.ROW
            painter.setPen(QColor("#24292f"))
            painter.drawText(QRectF(0, top, label_width - 6, self.ROW - 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            x = label_width
            for value, colour in segments:
                width = bar_width * value / self.scale
                painter.fillRect(QRectF(x, top + 3, width, self.ROW - 10), colour)
                x += width
            painter.drawText(QRectF(label_width + bar_width + 8, top, value_width, self.ROW - 4),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()


class ReportDialog(QDialog):
    def __init__(self, context, parent=None, *, day: date | None = None):
        super().__init__(parent)
        self.context, self.day = context, day or date.today()
        self.setWindowTitle(self.tr("Day report {day}").format(day=self.day.isoformat()))
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.status = QLabel(self.tr("Adding up the day…"))
        self.body_layout.addWidget(self.status)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(close)
        self.resize(1100, 720)
        self.report = None
        context.ops.run(ops.day_report(self.day), parent=self, done=self.show_report,
                        refused=lambda error: self.status.setText(refusal_text(error)),
                        crashed=lambda: self.status.setText(self.tr("The report failed")))

    def show_report(self, report) -> None:
        self.report = report
        money = self.context.formats.money
        self.status.setText(self.tr("{scope} · net {net}").format(scope=report.scope,
                                                                  net=money(report.net)))
        self.status.setStyleSheet("font-size: 20px; font-weight: bold;")
        names = {DocumentKind.SALE: self.tr("Sales"), DocumentKind.ADDON: self.tr("Add-ons"),
                 DocumentKind.REFUND: self.tr("Returns"), DocumentKind.VOID: self.tr("Voids")}
        grid = QGridLayout()
        for row, (kind, (count, total)) in enumerate(report.documents.items()):
            grid.addWidget(QLabel(names.get(kind, kind)), row, 0)
            grid.addWidget(QLabel(str(count)), row, 1)
            grid.addWidget(QLabel(money(total)), row, 2)
        tenders = {Tender.CASH: self.tr("Cash"), Tender.BANK_CARD: self.tr("Bank card"),
                   Tender.WECHAT: self.tr("WeChat Pay"), Tender.ALIPAY: self.tr("Alipay"),
                   Tender.VOUCHER: self.tr("Voucher"), Tender.ON_ACCOUNT: self.tr("On account"),
                   Tender.EXCHANGE: self.tr("Exchange credit")}
        for row, (tender, amount) in enumerate(report.tenders.items()):
            grid.addWidget(QLabel(tenders.get(tender, tender)), row, 3)
            grid.addWidget(QLabel(money(amount)), row, 4)
        figures = QWidget()
        figures.setLayout(grid)
        self.body_layout.addWidget(figures)
        charts = QHBoxLayout()
        charts.addWidget(BarChart(self.tr("Attach rate by salesperson"), [
            (r.key, [(r.rate_bp / 100, QColor("#1f6feb"))], f"{r.rate_bp / 100:g}%")
            for r in report.attach_by_staff]))
        charts.addWidget(BarChart(self.tr("Service-card take-up by tier"), [
            (r.key, [(r.rate_bp / 100, QColor("#8250df"))], f"{r.rate_bp / 100:g}%")
            for r in report.cards_by_tier], scale=100))
        self.body_layout.addLayout(charts)
        worst = sorted(report.items, key=lambda i: -i.not_offered)[:15]
        self.body_layout.addWidget(BarChart(
            self.tr("Sheet items: sold (green), declined (red), not offered (grey)"),
            [(item.name, [(item.sold, SOLD), (item.declined, DECLINED),
                          (item.not_offered, NOT_OFFERED)],
              f"{item.sold}/{item.declined}/{item.not_offered}") for item in worst]))
        for commission in report.commissions.people if report.commissions else ():
            self.body_layout.addWidget(QLabel(self.tr("Commission {name}: {amount} ({rate}% of {sales})").format(
                name=commission.staff, amount=money(commission.amount),
                rate=f"{commission.rate_bp / 100:g}", sales=money(commission.basis))))
        self.body_layout.addStretch(1)
