"""A plain horizontal bar chart, painted (QtCharts is not part of the installed Qt)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#2f6db5")
ROW_HEIGHT = 22


class BarChart(QWidget):
    def __init__(self, title: str = "", parent=None):
        super().__init__(parent)
        self.title = title
        self.rows: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_data(self, rows: list[tuple[str, int]], title: str | None = None) -> None:
        self.rows = rows
        if title is not None:
            self.title = title
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        line = max(ROW_HEIGHT, self.fontMetrics().height() + 6)
        return QSize(320, line * (len(self.rows) + 1) + 8)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        line = max(ROW_HEIGHT, metrics.height() + 6)
        painter.setPen(self.palette().windowText().color())
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(
            QRectF(0, 0, self.width(), line), Qt.AlignmentFlag.AlignVCenter, self.title
        )
        painter.setFont(self.font())
        if not self.rows:
            return
        label_width = max(metrics.horizontalAdvance(text) for text, _ in self.rows) + 10
        count_width = metrics.horizontalAdvance("00000") + 8
        bar_space = max(10, self.width() - label_width - count_width)
        top = max(count for _, count in self.rows) or 1
        for row, (text, count) in enumerate(self.rows, start=1):
            y = row * line
            painter.setPen(self.palette().windowText().color())
            painter.drawText(
                QRectF(0, y, label_width - 6, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                text,
            )
            width = bar_space * count / top
            painter.fillRect(QRectF(label_width, y + 4, width, line - 8), BAR_COLOUR)
            painter.drawText(
                QRectF(label_width + width + 4, y, count_width, line),
                Qt.AlignmentFlag.AlignVCenter,
                str(count),
            )
