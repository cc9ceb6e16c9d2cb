"""设置 › 节假日: the holiday calendar in use, each year's status, and how next year gets in.

At a county install an administrator types a year in from the State Council's notice (录入/修改年份…)
and writes it to a stick as a signed file (导出…); a station's administrator may only import the
county's signed file (导入节假日文件…). Buttons a person may not use are shown disabled with the
reason as their tooltip, never offered and then refused.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from firstask_desktop.domain import permissions
from firstask_desktop.sync.drives import removable_drives

from . import operations, tasks
from .messages import error_text
from .style import styled
from .widgets import fill_rows, row_table, set_error

WEEKDAYS = "一二三四五六日"


def _start_folder() -> str:
    """Where a file dialog opens: the first USB stick, else the user's home (never the install
    folder)."""
    drives = removable_drives()
    return str(drives[0] if drives else Path.home())


class HolidaysTab(QWidget):
    def __init__(self, session=None, parent=None):
        super().__init__(parent)
        self.session = session
        self.current_year: int | None = None
        self.year = QComboBox()
        self.year.activated.connect(lambda _i: self.load(self.year.currentData()))
        self.status = QLabel()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        styled(self.banner, "noticeBanner")
        self.banner.hide()
        self.table = row_table(4)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_year)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_file)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.error = QLabel()
        set_error(self.error, "")
        top = QHBoxLayout()
        self.year_label = QLabel()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addWidget(self.status)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        self.retranslate()
        self.load()

    # --- who may do what here ----------------------------------------------------------------

    def _is_county(self) -> bool:
        station = getattr(self.session, "station", None)
        return station is not None and station.mode == "county"

    def _is_admin(self) -> bool:
        return permissions.can(getattr(self.session, "actor", None), "edit_rules")

    def _offer(self) -> None:
        county, admin = self._is_county(), self._is_admin()
        not_admin = self.tr("只有管理员可以修改节假日。")
        for button, allowed, why in (
            (
                self.edit_button,
                county and admin,
                not_admin
                if county
                else self.tr("节假日由县公司按国务院通知统一录入，随资料包下发。"),
            ),
            (self.import_button, admin, not_admin),
            (
                self.export_button,
                county and admin,
                not_admin if county else self.tr("只有县公司导出节假日文件。"),
            ),
        ):
            button.setEnabled(allowed)
            button.setToolTip("" if allowed else why)
        self.export_button.setVisible(county)

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("年份："))
        self.table.setHorizontalHeaderLabels(
            [self.tr("日期"), self.tr("星期"), self.tr("类型"), self.tr("节日")]
        )
        self.edit_button.setText(self.tr("录入/修改年份…"))
        self.import_button.setText(self.tr("导入节假日文件…"))
        self.export_button.setText(self.tr("导出节假日文件…"))
        self.note.setText(
            self.tr(
                "表中没有的日子按周一至周五上班计算。新的年份由县公司按国务院办公厅的放假通知录入，"
                "随资料包下发；“暂按法定节假日估算”的年份还没有调休安排，其工作日时限只是估算。"
            )
        )
        self._offer()

    def load(self, year: int | None = None) -> None:
        tasks.run_task(operations.holidays, year, owner=self, on_success=self._show)

    def _show(self, data: dict) -> None:
        self._offer()
        self.current_year = data["year"]
        self.year.blockSignals(True)
        self.year.clear()
        for year in data["years"]:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(data["year"])))
        self.year.blockSignals(False)
        label = data.get("status_label", "")
        color = "#1f6b2a" if data.get("status") == "official" else "#a05a00"
        self.status.setText(f'<span style="color:{color}">{label}</span>' if label else "")
        self.banner.setText(data.get("notice", ""))
        self.banner.setVisible(bool(data.get("notice")))
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

    # --- actions -------------------------------------------------------------------------------

    def _done(self, text: str, year: int | None = None) -> None:
        set_error(self.error, "")
        self.message.setText(text)
        self.load(year or self.current_year)

    def edit_year(self) -> None:
        from .holiday_year_dialog import HolidayYearDialog

        # The year on screen when it is this year or later (the one being corrected), else next year.
        shown = self.current_year
        year = shown if shown is not None and shown >= date.today().year else None
        dialog = HolidayYearDialog(self.session, year, self)
        if dialog.exec():
            year = dialog.year.value()
            self._done(
                self.tr(
                    "{0}年节假日已保存，{1} 处未到期的时限随之调整。请生成资料包发给各供电所。"
                ).format(year, dialog.moved),
                year,
            )

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择县公司的节假日文件"),
            _start_folder(),
            self.tr("节假日文件 (*.json *.csv)"),
        )
        if not path:
            return
        tasks.run_task(
            operations.import_holiday_file,
            self.session.actor,
            path,
            owner=self,
            on_success=lambda r: (
                self.session.data_changed.emit(),
                self._done(
                    self.tr("已导入{0}年节假日，{1} 处未到期的时限随之调整。").format(
                        r["year"], r["moved"]
                    ),
                    r["year"],
                ),
            ),
            on_error=lambda e: set_error(self.error, error_text(e)),
        )

    def export_file(self) -> None:
        if self.current_year is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择U盘上的文件夹"), _start_folder()
        )
        if not folder:
            return
        tasks.run_task(
            operations.export_holiday_file,
            self.session.actor,
            self.current_year,
            folder,
            owner=self,
            on_success=lambda path: QMessageBox.information(
                self,
                self.tr("已导出"),
                self.tr("已写出 {0}（带县公司签名）。供电所管理员可在“设置 → 节假日”导入。").format(
                    path
                ),
            ),
            on_error=lambda e: set_error(self.error, error_text(e)),
        )
