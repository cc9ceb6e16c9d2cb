"""同步: carry the station's records to the county office on a USB stick.

The work is the core's (firstask_desktop.sync); this page only picks the stick's folder, runs the
export in the background with progress and cancel, and says when the stick may be unplugged.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from . import operations, tasks
from .messages import error_text
from .widgets import set_error


class SyncPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.task = None
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.setObjectName("bigButton")
        self.export_button.setMinimumHeight(64)
        self.export_button.clicked.connect(self.choose_and_export)
        self.full = QCheckBox()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel()
        set_error(self.error, "")
        column = QVBoxLayout()
        column.addWidget(self.heading)
        column.addWidget(self.explain)
        column.addSpacing(12)
        column.addWidget(self.export_button)
        column.addWidget(self.full)
        column.addWidget(self.progress)
        column.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.result)
        column.addWidget(self.error)
        column.addStretch(1)
        box = QWidget()
        box.setLayout(column)
        box.setMaximumWidth(720)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        self.available = operations.sync_export_available()
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("同步：把本所的登记带到县公司"))
        self.export_button.setText(self.tr("导出到U盘…"))
        self.full.setText(self.tr("导出全部记录（县公司要求重新汇总时才勾选）"))
        self.cancel_button.setText(self.tr("取消导出"))
        if self.available:
            self.explain.setText(
                self.tr(
                    "插入U盘，点“导出到U盘”，选择U盘上的文件夹。只导出上次以来的变化；文件已签名并"
                    "加密，只有县公司能打开，U盘丢失也不会泄露客户信息。写完会读回校验，"
                    "看到“可以安全拔出”再拔U盘。"
                )
            )
        else:
            self.explain.setText(
                self.tr(
                    "这个版本还没有U盘同步功能。安装包含同步功能的版本后，这里将可以："
                    "导出本所的同步文件到U盘（签名、加密、写后校验），导入县公司下发的人员、"
                    "时限规则和节假日。"
                )
            )
        self.export_button.setEnabled(self.available)
        self.full.setEnabled(self.available)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        pass

    def choose_and_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择U盘上的文件夹"))
        if folder:
            self.export_to(folder)

    def export_to(self, folder: str) -> None:
        set_error(self.error, "")
        self.result.setText("")
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.task = tasks.run_write(
            operations.sync_export,
            folder,
            full=self.full.isChecked(),
            with_progress=True,
            on_progress=self._progress,
            on_success=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.progress.setFormat(text + " %p%")

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self._finish()
        self.result.setText(self.tr("已取消：没有写出同步文件。"))

    def _finish(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.export_button.setEnabled(True)

    def _done(self, message: str) -> None:
        self._finish()
        self.result.setText(f"<b>{message}</b>")

    def _failed(self, error: BaseException) -> None:
        self._finish()
        set_error(self.error, error_text(error))
