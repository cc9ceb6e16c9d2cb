"""设置 › 节假日: the holiday calendar in use."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from . import operations, tasks
from .widgets import fill_rows, row_table

WEEKDAYS = "一二三四五六日"


class HolidaysTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = QComboBox()
        self.year.activated.connect(lambda _i: self.load(self.year.currentData()))
        self.table = row_table(4)
        self.note = QLabel()
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        self.year_label = QLabel()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("年份："))
        self.table.setHorizontalHeaderLabels(
            [self.tr("日期"), self.tr("星期"), self.tr("类型"), self.tr("节日")]
        )
        self.note.setText(
            self.tr("表中没有的日子按周一至周五上班计算。新的年份由县公司随同步包下发。")
        )

    def load(self, year: int | None = None) -> None:
        tasks.run_task(operations.holidays, year, owner=self, on_success=self._show)

    def _show(self, data: dict) -> None:
        self.year.blockSignals(True)
        self.year.clear()
        for year in data["years"]:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(data["year"])))
        self.year.blockSignals(False)
        kinds = {"holiday": self.tr("放假"), "workday": self.tr("调休上班")}
        fill_rows(
            self.table,
            [
                [
                    d["day"],
                    self.tr("星期{0}").format(WEEKDAYS[d["weekday"]]),
                    kinds.get(d["kind"], d["kind"]),
                    d["name"],
                ]
                for d in data["days"]
            ],
        )
