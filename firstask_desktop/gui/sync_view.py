"""同步: carry the register between the stations and the county office on a USB stick.

The work is the core's (firstask_desktop.sync): signed, encrypted files, verified after writing.
This page picks the stick, runs the long work in the background with progress and cancel, and
says when the stick may be unplugged. A station exports and takes in the county's packages; the
county takes in the stations' files and writes its package.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from firstask_desktop.domain import permissions

from . import operations, tasks
from .file_dialogs import ack_lines, existing_folder, open_file_names, start_folder
from .flow_layout import FlowLayout
from .messages import confirm, core_text, error_text
from .style import styled
from .widgets import Retranslating, set_error

SYNC_FILTER = "*.fasync"


def _unbroken(fingerprint: str) -> str:
    """A fingerprint on one line: read out over the phone, its groups are compared in a row."""
    return fingerprint.replace(" ", "\u00a0")


class SyncPage(Retranslating, QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.task = None
        self.overview: dict | None = None
        self.heading = QLabel()
        styled(self.heading, "pageHeading")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.quarantine_button = QPushButton()  # 隔离记录: records waiting for a person
        self.quarantine_button.setVisible(False)
        self.quarantine_button.clicked.connect(self.open_quarantine)
        self.quarantine_window = None
        self.drive = QComboBox()
        self.drive.setMinimumWidth(240)
        self.other_folder = QPushButton()
        self.other_folder.clicked.connect(self.choose_folder)
        self.export_button = QPushButton()
        styled(self.export_button, "bigButton")
        self.export_button.setMinimumHeight(56)
        self.export_button.clicked.connect(self.export)
        self.full = QCheckBox()
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.choose_import)
        self.accept_new = QCheckBox()
        self.package_button = QPushButton()
        self.package_button.clicked.connect(self.write_package)
        self.key_import = QPushButton()
        self.key_import.clicked.connect(self.choose_key)
        self.key_export = QPushButton()
        self.key_export.clicked.connect(self.export_key)
        self.key_list = QPushButton()  # 已登记的公钥…: fingerprints, replaced keys, 作废
        self.key_list.clicked.connect(self.open_keys)
        self.keys_dialog = None
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
        self.stations = QTableWidget(0, 6)
        self.stations.verticalHeader().setVisible(False)
        self.stations.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.stations.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        stick = QHBoxLayout()
        self.stick_label = QLabel()
        stick.addWidget(self.stick_label)
        stick.addWidget(self.drive, 1)
        stick.addWidget(self.other_folder)
        self.export_box = QGroupBox()
        export_layout = QVBoxLayout(self.export_box)
        export_layout.addWidget(self.export_button)
        export_layout.addWidget(self.full)
        self.import_box = QGroupBox()
        import_layout = QVBoxLayout(self.import_box)
        import_layout.addWidget(self.import_button)
        import_layout.addWidget(self.accept_new)
        import_layout.addWidget(self.package_button)
        self.keys_box = QGroupBox()
        # Three buttons whose English outgrows a 1366-px row at 大: they wrap.
        keys_layout = FlowLayout(self.keys_box)
        keys_layout.setContentsMargins(9, 9, 9, 9)
        keys_layout.addWidget(self.key_import)
        keys_layout.addWidget(self.key_export)
        keys_layout.addWidget(self.key_list)
        column = QVBoxLayout()
        column.addWidget(self.heading)
        column.addWidget(self.status)
        column.addWidget(self.quarantine_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addLayout(stick)
        column.addWidget(self.export_box)
        column.addWidget(self.import_box)
        column.addWidget(self.keys_box)
        column.addWidget(self.progress)
        column.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.result)
        column.addWidget(self.error)
        column.addWidget(self.stations, 1)
        column.addStretch(1)
        box = QWidget()
        box.setLayout(column)
        box.setMaximumWidth(900)
        scroll = QScrollArea()  # fits small screens and large text
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.available = operations.sync_export_available()
        # A red line speaks of the moment it was written: a new folder or another person at
        # the keyboard makes it stale ("请先插入U盘" after a folder was chosen).
        self.drive.currentIndexChanged.connect(self._clear_messages)
        session.actor_changed.connect(self._clear_messages)
        self.retranslate()
        self.refresh()

    def _clear_messages(self, *_args) -> None:
        set_error(self.error, "")

    # --- texts ------------------------------------------------------------------------------

    def is_county(self) -> bool:
        return bool(self.overview) and self.overview["role"] == "county"

    def retranslate(self) -> None:
        county = self.is_county()
        self.heading.setText(
            self.tr("同步：汇总各供电所的U盘同步文件")
            if county
            else self.tr("同步：把本所的登记带到县公司")
        )
        self.stick_label.setText(self.tr("U盘："))
        self.other_folder.setText(self.tr("其他文件夹…"))
        self.export_box.setTitle(self.tr("导出"))
        self.export_button.setText(self.tr("导出到U盘"))
        self.full.setText(self.tr("导出全部记录（县公司要求重新汇总时才勾选）"))
        self.import_box.setTitle(self.tr("导入"))
        self.import_button.setText(
            self.tr("导入各供电所的同步文件…")
            if county
            else self.tr("导入县公司文件（资料包、回执）…")
        )
        self.accept_new.setText(self.tr("接受新的供电所（已打电话核对过指纹）"))
        self.package_button.setText(self.tr("生成县公司资料包（人员、时限规则、节假日）…"))
        self.keys_box.setTitle(self.tr("密钥（第一次同步前交换一次）"))
        self.key_import.setText(
            self.tr("导入供电所公钥…") if county else self.tr("导入县公司公钥…")
        )
        self.key_export.setText(self.tr("导出本机公钥到U盘…"))
        self.key_list.setText(self.tr("已登记的公钥…"))
        self.cancel_button.setText(self.tr("取消"))
        self.stations.setHorizontalHeaderLabels(
            [
                self.tr("供电所"),
                self.tr("最后文件号"),
                self.tr("最后导入"),
                self.tr("缺少的文件号"),
                self.tr("待处理"),
                self.tr("登记数"),
            ]
        )
        self.export_box.setVisible(not county)
        self.accept_new.setVisible(county)
        self.package_button.setVisible(county)
        self.stations.setVisible(county)
        if not self.available:
            self.status.setText(self.tr("这个版本没有U盘同步功能。"))
        self._show_status()

    # --- state --------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.available:
            tasks.run_task(
                operations.sync_overview,
                on_success=self._set_overview,
                owner=self,
                on_error=lambda e: set_error(self.error, error_text(e)),
            )
        # Offered only to whom the core would allow it (sync/actors.authorise): otherwise
        # disabled, the tooltip saying who may.
        actor = getattr(self.session, "actor", None)
        for widget, permission in (
            (self.export_button, "export_import"),
            (self.import_button, "export_import"),
            (self.key_import, "manage_keys"),
            (self.key_export, ""),
            (self.key_list, ""),
            (self.package_button, "export_import"),
        ):
            refused = permissions.refusal(actor, permission) if permission else None
            widget.setEnabled(self.available and refused is None)
            widget.setToolTip(error_text(refused) if refused is not None else "")

    def _set_overview(self, overview: dict) -> None:
        self.overview = overview
        current = self.drive.currentData()
        self.drive.clear()
        for path in overview["drives"]:
            self.drive.addItem(path, path)
        if current and self.drive.findData(current) < 0:
            self.drive.addItem(current, current)
        if current:
            self.drive.setCurrentIndex(self.drive.findData(current))
        if not self.drive.count():
            self.drive.addItem(self.tr("（没有找到U盘：请插入，或选择其他文件夹）"), "")
        self.retranslate()

    def _show_status(self) -> None:
        overview = self.overview
        if not overview:
            return
        self._show_quarantine(overview)
        if overview["role"] == "county":
            rows = overview["stations"]
            self.status.setText(self.tr("已登记 {0} 个供电所。").format(len(rows)))
            self.stations.setRowCount(len(rows))
            for r, row in enumerate(rows):
                values = [
                    f"{row['name']}（{row['station']}）",
                    row["last_seq"],
                    (row["last_import_at"] or "").replace("T", " "),
                    "、".join(str(n) for n in row["missing"]),
                    row["files_quarantined"] + row["records_quarantined"],
                    row["entries"],
                ]
                for c, value in enumerate(values):
                    self.stations.setItem(r, c, QTableWidgetItem(str(value)))
            return
        s = overview["status"]
        lines = []
        if s["county"]:
            lines.append(
                self.tr("县公司：{0}（{1}），公钥指纹 {2}").format(
                    s["county_name"], s["county"], s["county_fingerprint"]
                )
            )
        else:
            lines.append(
                self.tr(
                    "<b>还没有导入县公司的公钥</b>：请先点下面的“导入县公司公钥”，"
                    "并打电话与县公司核对指纹。"
                )
            )
        if s["export_seq"]:
            lines.append(
                self.tr("上次导出：第 {0} 号（{1}），县公司已确认收到至第 {2} 号。").format(
                    s["export_seq"],
                    (s["last_export_at"] or "").replace("T", " "),
                    s["acknowledged_seq"],
                )
            )
        else:
            lines.append(self.tr("还没有导出过。"))
        lines.append(self.tr("上次导出以来有 {0} 条记录有改动。").format(s["changes_since_export"]))
        self.status.setText("<br>".join(lines))

    def _show_quarantine(self, overview: dict) -> None:
        """A county always sees the line; a station only when a county package left some."""
        waiting = overview.get("quarantined", 0)
        self.quarantine_button.setText(self.tr("隔离记录：{0} 条待处理…").format(waiting))
        self.quarantine_button.setStyleSheet(
            "QPushButton { font-weight: bold; color: #9a3412; }" if waiting else ""
        )
        self.quarantine_button.setVisible(overview["role"] == "county" or waiting > 0)

    def open_quarantine(self) -> None:
        from .quarantine_window import QuarantineWindow

        if self.quarantine_window is None:
            self.quarantine_window = QuarantineWindow(self.session, self)
            self.quarantine_window.sig_resolved.connect(self._quarantine_decided)
        else:
            self.quarantine_window.load()
        self.quarantine_window.show()
        self.quarantine_window.raise_()
        self.quarantine_window.activateWindow()

    def _quarantine_decided(self) -> None:
        self.refresh()
        self.session.data_changed.emit()  # taking a station's version changes the register

    # --- doing --------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = existing_folder(self, self.session.prefs, self.tr("选择U盘上的文件夹"))
        if folder:
            self.drive.insertItem(0, folder, folder)
            self.drive.setCurrentIndex(0)

    def folder(self) -> str:
        return self.drive.currentData() or ""

    def _start(self, fn, *args, **kwargs) -> None:
        set_error(self.error, "")
        self.result.setText("")
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        for widget in (self.export_button, self.import_button, self.package_button):
            widget.setEnabled(False)
        self.task = tasks.run_task(
            fn,
            *args,
            with_progress=True,
            on_progress=self._progress,
            on_error=self._failed,
            owner=self,
            **kwargs,
        )

    def export(self) -> None:
        status = (self.overview or {}).get("status") or {}
        may_export = permissions.can(self.session.actor, "export_import")
        if may_export and self.overview and not self.is_county() and not status.get("county"):
            set_error(
                self.error,
                self.tr(
                    "还没有导入县公司的公钥：同步文件要加密给县公司。请先点本页下面的"
                    "“导入县公司公钥…”，选U盘上县公司发来的公钥文件，并打电话核对指纹。"
                ),
            )
            return
        if not self.folder():
            set_error(self.error, self.tr("请先插入U盘，或点“其他文件夹…”选择保存位置。"))
            return
        self._start(
            operations.sync_export,
            self.folder(),
            actor=self.session.actor,
            full=self.full.isChecked(),
            on_success=self._done,
        )

    def write_package(self) -> None:
        if not self.folder():
            set_error(self.error, self.tr("请先插入U盘，或点“其他文件夹…”选择保存位置。"))
            return
        self._start(
            operations.write_county_package,
            self.folder(),
            actor=self.session.actor,
            on_success=self._done,
        )

    def choose_import(self) -> None:
        if self.folder():
            paths, _ = QFileDialog.getOpenFileNames(
                self,
                self.tr("选择同步文件"),
                self.folder(),
                self.tr("同步文件 ({0})").format(SYNC_FILTER),
            )
        else:  # no stick in: where the last files came from, else the documents folder
            paths = open_file_names(
                self,
                self.session.prefs,
                self.tr("选择同步文件"),
                self.tr("同步文件 ({0})").format(SYNC_FILTER),
            )
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> None:
        self._start(
            operations.sync_import,
            paths,
            actor=self.session.actor,
            accept_new_station=self.accept_new.isChecked(),
            on_success=self._imported,
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
        self.result.setText(self.tr("已取消：没有写出文件，数据库也没有改变。"))

    def _finish(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        for widget in (self.export_button, self.import_button, self.package_button):
            widget.setEnabled(self.available)

    def _done(self, message: str) -> None:
        self._finish()
        self.result.setText(f"<b>{message}</b>")
        self.refresh()
        if self.keys_dialog is not None and self.keys_dialog.isVisible():
            self.keys_dialog.reload()  # a key imported: the list shows it

    def _imported(self, lines: list[dict]) -> None:
        self._finish()
        out = []
        for line in lines:
            mark = "✓" if line["ok"] else "✗"
            # A refused file's line is the core's refusal: in the screens' language.
            message = line["message"] if line["ok"] else core_text(line["message"])
            text = f"{mark} {line['file']}：{message}"
            for warning in line.get("warnings", []):
                text += f"<br>　⚠ {warning}"
            out.append(text)
        out += ack_lines([line["ack"] for line in lines if line.get("ack")])
        self.result.setText("<br>".join(out))
        self.refresh()
        self.session.data_changed.emit()

    def _failed(self, error: BaseException) -> None:
        self._finish()
        set_error(self.error, error_text(error))

    # --- keys -----------------------------------------------------------------------------------

    def choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择对方的公钥文件"),
            self.folder() or start_folder(self.session.prefs),
            self.tr("公钥文件 (*.json)"),
        )
        if path:
            tasks.run_task(
                operations.read_key,
                path,
                owner=self,
                on_success=lambda key: self._confirm_key(path, key),
                on_error=self._failed,
            )

    def _confirm_key(self, path: str, key: dict) -> None:
        if key["replaces"]:
            answer = self._ask_replace(key)
            if answer is None:
                return
            options = {"replace": True, "old_key_lost": answer}
        else:
            question = self.tr(
                "{0}\n指纹：{1}\n\n请打电话让对方念出他们电脑上显示的指纹，逐字核对。完全一致吗？"
            ).format(key["label"], _unbroken(key["fingerprint"]))
            if not confirm(self, self.tr("核对公钥指纹"), question):
                return
            options = {}
        set_error(self.error, "")
        tasks.run_task(
            operations.import_key,
            path,
            actor=self.session.actor,
            **options,
            owner=self,
            on_success=self._done,
            on_error=self._failed,
        )

    def _ask_replace(self, key: dict) -> bool | None:
        """A different key is registered for the same code (a new PC): replace it only after
        the phone check, and say whether the old PC was lost. Returns whether it was lost, or
        None when not replaced."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("替换已登记的公钥"))
        text = self.tr(
            "{0}已经登记了另一把公钥。\n原指纹：{1}\n新指纹：{2}\n\n"
            "只有对方确实换了电脑或重装了程序时才替换。请打电话让对方念出新电脑上显示的指纹，"
            "逐字核对。"
        ).format(key["label"], _unbroken(key["replaces"]), _unbroken(key["fingerprint"]))
        if key["replaced_on"]:
            text += self.tr(
                "\n\n注意：这把公钥在 {0} 被替换下来过。请确认对方确实换回了原来的电脑，"
                "而不是U盘上留着的旧公钥文件。"
            ).format(key["replaced_on"])
        if key["role"] == "station":
            text += self.tr(
                "\n\n替换后，旧密钥换电脑前签的回执和U盘备份仍可核验；"
                "旧电脑丢失或被盗时请勾选下面一项，旧密钥签的东西从此一律不信任。"
            )
        else:
            text += self.tr(
                "\n\n替换后只认新密钥签的资料包和回执。县公司的旧电脑丢失或被盗时请勾选下面一项，"
                "旧密钥从此不能再登记。"
            )
        box.setText(text)
        lost = QCheckBox(self.tr("旧电脑丢失或被盗（旧密钥作废）"))
        box.setCheckBox(lost)
        replace = box.addButton(self.tr("核对一致，替换"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is not replace:
            return None
        return lost.isChecked()

    def open_keys(self) -> None:
        from .keys_dialog import KeysDialog

        if self.keys_dialog is None:
            self.keys_dialog = KeysDialog(self.session, self)
        else:
            self.keys_dialog.reload()
        self.keys_dialog.show()
        self.keys_dialog.raise_()

    def export_key(self) -> None:
        if not self.folder():
            set_error(self.error, self.tr("请先插入U盘，或点“其他文件夹…”选择保存位置。"))
            return
        set_error(self.error, "")
        tasks.run_task(
            operations.export_key,
            self.folder(),
            owner=self,
            on_success=self._done,
            on_error=self._failed,
        )
