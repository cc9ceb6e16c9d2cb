"""设置 › 节假日 › 录入/修改年份: the county types in next year from the State Council's notice.

Each holiday is a range (名称, 开始, 结束); each 调休上班 day a name and a date. 预览影响 lists the
open deadlines the year would move; 保存 asks once more, then the core checks and stores it (every
refusal names the field in Chinese, beside the buttons, and nothing is lost from the tables).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from . import operations, tasks
from .messages import error_text
from .widgets import set_error


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(120)
    return table


def _cells(table: QTableWidget) -> list[list[str]]:
    """The typed rows, blank rows left out."""
    rows = []
    for r in range(table.rowCount()):
        cells = [
            (table.item(r, c).text() if table.item(r, c) else "").strip()
            for c in range(table.columnCount())
        ]
        if any(cells):
            rows.append(cells)
    return rows


def _add_row(table: QTableWidget, values: list[str]) -> None:
    row = table.rowCount()
    table.insertRow(row)
    for column, value in enumerate(values):
        table.setItem(row, column, QTableWidgetItem(value))


class HolidayYearDialog(QDialog):
    def __init__(self, session, year: int | None = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.year = QSpinBox()
        self.year.setRange(2000, 2099)
        self.year.setValue(year or date.today().year + 1)
        self.year.valueChanged.connect(self.load)
        self.source = QLineEdit()
        self.source.setMaxLength(60)
        self.holidays = _table(3)
        self.workdays = _table(2)
        self.add_holiday = QPushButton()
        self.add_holiday.clicked.connect(lambda: _add_row(self.holidays, ["", "", ""]))
        self.remove_holiday = QPushButton()
        self.remove_holiday.clicked.connect(lambda: self._remove(self.holidays))
        self.add_workday = QPushButton()
        self.add_workday.clicked.connect(lambda: _add_row(self.workdays, ["", ""]))
        self.remove_workday = QPushButton()
        self.remove_workday.clicked.connect(lambda: self._remove(self.workdays))
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setMaximumHeight(80)
        self.error = QLabel()
        set_error(self.error, "")
        self.buttons = QDialogButtonBox()
        self.preview_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.clicked.connect(self.show_preview)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        self.year_label = QLabel()
        self.source_label = QLabel()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(self.source_label)
        top.addWidget(self.source, 1)
        self.holiday_box = QGroupBox()
        box = QVBoxLayout(self.holiday_box)
        box.addWidget(self.holidays)
        row = QHBoxLayout()
        row.addWidget(self.add_holiday)
        row.addWidget(self.remove_holiday)
        row.addStretch(1)
        box.addLayout(row)
        self.workday_box = QGroupBox()
        box = QVBoxLayout(self.workday_box)
        box.addWidget(self.workdays)
        row = QHBoxLayout()
        row.addWidget(self.add_workday)
        row.addWidget(self.remove_workday)
        row.addStretch(1)
        box.addLayout(row)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        self.holidays.setMinimumHeight(190)
        self.workdays.setMaximumHeight(150)
        layout.addWidget(self.holiday_box, 3)
        layout.addWidget(self.workday_box, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(720, 620)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("录入节假日安排"))
        self.year_label.setText(self.tr("年份："))
        self.source_label.setText(self.tr("依据："))
        self.source.setPlaceholderText(self.tr("如 国务院办公厅关于2027年部分节假日安排的通知"))
        self.hint.setText(
            self.tr(
                "按国务院办公厅的放假通知填写：每个节日一行（开始、结束日期写成 2027-02-05），"
                "调休上班的周六、周日另列。保存后随下一个资料包发给各供电所。"
            )
        )
        self.holiday_box.setTitle(self.tr("放假安排"))
        self.workday_box.setTitle(self.tr("调休上班日（周六或周日）"))
        self.holidays.setHorizontalHeaderLabels([self.tr("名称"), self.tr("开始"), self.tr("结束")])
        self.workdays.setHorizontalHeaderLabels([self.tr("名称"), self.tr("日期")])
        self.add_holiday.setText(self.tr("添加一行"))
        self.remove_holiday.setText(self.tr("删除选中行"))
        self.add_workday.setText(self.tr("添加一行"))
        self.remove_workday.setText(self.tr("删除选中行"))
        self.preview.setPlaceholderText(self.tr("点“预览影响”查看哪些未到期的时限会调整。"))
        self.preview_button.setText(self.tr("预览影响"))
        self.save_button.setText(self.tr("保存"))
        self.cancel_button.setText(self.tr("取消"))

    def _remove(self, table: QTableWidget) -> None:
        for row in sorted({i.row() for i in table.selectedIndexes()}, reverse=True):
            table.removeRow(row)

    def load(self) -> None:
        """Show what is stored for the chosen year (the shipped statutory days of a provisional
        year are a starting point: the notice adds its 调休)."""
        tasks.run_task(
            operations.holiday_plan, self.year.value(), owner=self, on_success=self._fill
        )

    def _fill(self, document: dict | None) -> None:
        self.holidays.setRowCount(0)
        self.workdays.setRowCount(0)
        self.preview.clear()
        set_error(self.error, "")
        if document is None:
            return
        if document.get("status") == "official":
            self.source.setText(document.get("source", ""))
        for h in document["holidays"]:
            _add_row(self.holidays, [h["name"], h["start"], h["end"]])
        for w in document["workdays"]:
            _add_row(self.workdays, [w["name"], w["day"]])

    def values(self) -> dict:
        return {
            "year": self.year.value(),
            "source": self.source.text(),
            "holidays": [
                {"name": c[0], "start": c[1], "end": c[2] or c[1]} for c in _cells(self.holidays)
            ],
            "workdays": [{"name": c[0], "day": c[1]} for c in _cells(self.workdays)],
        }

    def _refused(self, error: BaseException) -> None:
        set_error(self.error, error_text(error))
        self.save_button.setEnabled(True)
        self.preview_button.setEnabled(True)

    def show_preview(self) -> None:
        set_error(self.error, "")
        self.preview_button.setEnabled(False)
        tasks.run_task(
            operations.preview_holiday_year,
            self.values(),
            owner=self,
            on_success=self._show_preview,
            on_error=self._refused,
        )

    def _show_preview(self, rows: list[dict]) -> None:
        self.preview_button.setEnabled(True)
        if not rows:
            self.preview.setPlainText(self.tr("没有未到期的时限需要调整。"))
            return
        lines = [self.tr("保存后以下 {0} 处未到期的时限将调整：").format(len(rows))]
        lines += [f"{r['serial']}  {r['label']}：{r['old']} → {r['new']}" for r in rows]
        self.preview.setPlainText("\n".join(lines))

    def save(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("保存节假日"),
            self.tr("保存{0}年的节假日安排？该年原有的数据将被替换，未到期的时限随之调整。").format(
                self.year.value()
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        set_error(self.error, "")
        self.save_button.setEnabled(False)
        tasks.run_task(
            operations.set_holiday_year,
            self.session.actor,
            self.values(),
            owner=self,
            on_success=self._saved,
            on_error=self._refused,
        )

    def _saved(self, moved: int) -> None:
        self.session.data_changed.emit()
        self.moved = moved
        self.accept()
